// Admin: the local services and meetings directory. Every entry with its kind, place and the date
// it was last checked; links to add one, edit or remove each, import a CSV and export the lot.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { listEntries } from '#app/domain/directory/entries.server.ts'
import { staleBefore } from '#app/domain/directory/search.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { longDate } from '#app/utils/format.ts'
import { isDirectoryKind, KIND_NAMES } from '#programme/engine/directory/kinds.ts'
import { todayIn } from '#programme/engine/tracking/time.ts'

export const meta: MetaFunction = () => [{ title: 'Directory – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const entries = await listEntries()
  const before = staleBefore(todayIn(admin.timeZone, clock.now()))
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: isDirectoryKind(entry.kind) ? KIND_NAMES[entry.kind] : entry.kind,
      place: entry.online ? 'Online' : [entry.town, entry.postcodeDistrict].filter(Boolean).join(', ') || '–',
      lastVerified: entry.lastVerified,
      stale: entry.lastVerified < before,
    })),
  }
}

const DONE: Record<string, string> = {
  saved: 'The entry is saved.',
  removed: 'The entry is removed.',
}

export default function AdminDirectory() {
  const { entries } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const done = DONE[params.get('done') ?? '']
  return (
    <section>
      <h1>Local services and meetings</h1>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <p>
        Clients and key workers find these on <Link to="/services">Find services and meetings</Link>. Check each entry
        at least once a year: entries not checked for 12 months say so.
      </p>
      <ul className="plain-list">
        <li>
          <Link to="/admin/directory/new">Add an entry</Link>
        </li>
        <li>
          <Link to="/admin/directory/import">Import a CSV file</Link>
        </li>
        <li>
          <a href="/admin/directory/export.csv" download>
            Export the directory as CSV
          </a>
        </li>
      </ul>
      {entries.length === 0 ? (
        <p>The directory is empty.</p>
      ) : (
        <table>
          <caption>{entries.length === 1 ? '1 entry' : `${entries.length} entries`}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Place</th>
              <th scope="col">Last checked</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td data-label="Name">
                  <Link to={`/admin/directory/${entry.id}`}>{entry.name}</Link>
                </td>
                <td data-label="Kind">{entry.kind}</td>
                <td data-label="Place">{entry.place}</td>
                <td data-label="Last checked">
                  {longDate(entry.lastVerified)}
                  {entry.stale ? <strong> (over a year ago)</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
