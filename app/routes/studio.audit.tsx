// The studio's audit log: every create, edit, submit, review decision, publish, roll back,
// unpublish and import, newest first, with who, when and the document hashes before and after.
// Append-only: nothing here changes it.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ACTION_NAMES } from '#app/components/studio/status.tsx'
import { requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { auditLog } from '#app/domain/studio/library.server.ts'
import { studioItem } from '#app/domain/studio/ui-pages.server.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Audit – Studio – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStudioReader(request)
  const url = new URL(request.url)
  const item = studioItem(url.searchParams.get('kind') ?? undefined, url.searchParams.get('item') ?? undefined)
  const rows = await auditLog(item ? { kind: item.kind, itemId: item.itemId, limit: 300 } : { limit: 300 })
  return {
    item,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      time: r.at.toISOString().slice(11, 16),
      who: r.actorName,
      action: r.action,
      kind: r.kind,
      itemId: r.itemId,
      before: r.hashBefore?.slice(0, 10) ?? null,
      after: r.hashAfter?.slice(0, 10) ?? null,
      note: r.note,
    })),
  }
}

export default function Audit() {
  const { item, rows } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>Audit log{item ? `: ${item.itemId}` : ''}</h1>
      <p>
        Every change to programme content, newest first (the latest 300). Rows are only ever added. Hashes are the first
        characters of each version’s SHA-256, as in content packs.
      </p>
      {item ? (
        <p>
          <Link to="/studio/audit">Show every item</Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>Nothing has changed yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Item</th>
              <th scope="col">Before → after</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label="When (UTC)">
                  {longDate(r.at)} {r.time}
                </td>
                <td data-label="Who">{r.who}</td>
                <td data-label="What">{ACTION_NAMES[r.action] ?? r.action}</td>
                <td data-label="Item">
                  <Link to={`/studio/audit?kind=${r.kind}&item=${r.itemId}`}>
                    {r.kind} {r.itemId}
                  </Link>
                </td>
                <td data-label="Before → after">
                  <code>{r.before ?? '–'}</code> → <code>{r.after ?? '–'}</code>
                </td>
                <td data-label="Note">{r.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
