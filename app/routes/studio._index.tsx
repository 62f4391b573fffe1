// The studio's library: every item of the published programme with its layer (base edition or
// the service's own version), what is being worked on, the last change and who made it, and how
// many clients are on each version of a module. Clinicians start a draft of any item here.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormError } from '#app/components/forms.tsx'
import { ACTION_NAMES, ALL_KINDS, KIND_NAMES, KINDS, LIST_KINDS, StatusTag } from '#app/components/studio/status.tsx'
import { canAuthor, requireStudioAuthor, requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { library } from '#app/domain/studio/library.server.ts'
import { createDraft } from '#app/domain/studio/workflow.server.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Studio – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStudioReader(request)
  const items = await library()
  // Drafts in review by someone else: the library names each one's author.
  const toReview = canAuthor(user)
    ? items.filter((i) => i.open?.status === 'in-review' && i.open.author !== user.username)
    : []
  return { items, toReview, author: canAuthor(user) }
}

const StartSchema = z.object({
  intent: z.literal('start-draft'),
  kind: z.enum(ALL_KINDS),
  itemId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStudioAuthor(request)
  const submission = parseWithZod(await request.formData(), { schema: StartSchema })
  if (submission.status !== 'success') return data({ message: 'That is not an item we know.' }, { status: 400 })
  const { kind, itemId } = submission.value
  const result = await createDraft(user, { kind, itemId })
  if (!result.ok) return data({ message: result.message }, { status: result.status })
  return redirect(`/studio/${kind}/${itemId}`)
}

export default function Library() {
  const { items, toReview, author } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section>
      <h1>Programme studio</h1>
      <p>
        Change the wording of modules and exercises, the plain-language parts of check-in questionnaires, the life
        areas, the tracking pick lists, the self-harm phrases and the help page. Every change is checked, reviewed by a
        second clinician and kept as a version you can roll back.
      </p>
      <p>
        Which check-in questionnaires are switched on: see <Link to="/admin/instruments">check-in questionnaires</Link>{' '}
        (only an admin can switch one off).
      </p>
      <FormError id="library-error" errors={actionData?.message ? [actionData.message] : undefined} />
      {author ? (
        <>
          <h2 id="review">Waiting for your review</h2>
          {toReview.length === 0 ? (
            <p>Nothing is waiting for you.</p>
          ) : (
            <ul>
              {toReview.map((item) => (
                <li key={`${item.kind}-${item.itemId}`}>
                  <Link to={`/studio/${item.kind}/${item.itemId}/review`}>Review “{item.title}”</Link>, version{' '}
                  {item.open?.number} by {item.open?.author}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {KINDS.map((kind) => (
        <KindTable key={kind} kind={kind} items={items.filter((i) => i.kind === kind)} author={author} />
      ))}
      <KindTable
        kind="lists"
        items={items.filter((i) => (LIST_KINDS as readonly string[]).includes(i.kind))}
        author={author}
      />
    </section>
  )
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['items'][number]

function KindTable({ kind, items, author }: { kind: string; items: Item[]; author: boolean }) {
  return (
    <>
      <h2>{KIND_NAMES[kind]}</h2>
      <table className="card-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Clients get</th>
            <th scope="col">Being worked on</th>
            <th scope="col">Last change</th>
            {kind === 'module' ? <th scope="col">Clients on each version</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.itemId}>
              <td data-label="Title">
                <Link to={`/studio/${item.kind}/${item.itemId}`}>{item.title}</Link>
              </td>
              <td data-label="Clients get">
                {item.layer === 'base'
                  ? 'Base edition'
                  : item.layer === 'service'
                    ? `Service version ${item.publishedNumber}`
                    : 'Not published yet'}
              </td>
              <td data-label="Being worked on">
                {item.open ? (
                  <>
                    <StatusTag status={item.open.status} /> version {item.open.number} by {item.open.author}
                  </>
                ) : author ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="kind" value={item.kind} />
                    <input type="hidden" name="itemId" value={item.itemId} />
                    <button type="submit" name="intent" value="start-draft" className="link-button">
                      Start a draft<span className="visually-hidden"> of {item.title}</span>
                    </button>
                  </Form>
                ) : (
                  'Nothing'
                )}
              </td>
              <td data-label="Last change">
                {item.lastChange
                  ? `${longDate(new Date(item.lastChange.at).toISOString())}: ${item.lastChange.by} ${ACTION_NAMES[item.lastChange.action] ?? item.lastChange.action}`
                  : 'As shipped'}
              </td>
              {kind === 'module' ? (
                <td data-label="Clients on each version">
                  {item.clients.length === 0
                    ? 'None yet'
                    : item.clients.map((c) => (
                        <span key={c.label} className="block">
                          {c.label}: {c.inProgress} part-way, {c.finished} finished
                        </span>
                      ))}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
