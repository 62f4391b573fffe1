// An item's history: every version with who wrote, reviewed and published it, a diff between any
// two (or the base edition), rolling back (a new draft with an earlier version's content, which
// goes through review like any other), and unpublishing the service's version (clients get the
// base edition again; clients part-way keep what they started).

import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormError } from '#app/components/forms.tsx'
import { DiffView } from '#app/components/studio/diff-view.tsx'
import { ItemTabs, StartDraft } from '#app/components/studio/item-parts.tsx'
import { StatusTag } from '#app/components/studio/status.tsx'
import { requireStudioAuthor, requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { startDraftOn, studioItem } from '#app/domain/studio/ui-pages.server.ts'
import { versionsPage } from '#app/domain/studio/ui-review.server.ts'
import { rollBack, unpublish } from '#app/domain/studio/workflow.server.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Versions: ${data?.title ?? 'item'} – Studio – Foothold` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStudioReader(request)
  const page = await versionsPage(user, params.kind, params.itemId, new URL(request.url).searchParams)
  if (!page) throw new Response('Not found', { status: 404 })
  return page
}

const VersionsSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('start-draft') }),
  z.object({ intent: z.literal('roll-back'), to: z.union([z.literal('base'), z.string().uuid()]) }),
  z.object({ intent: z.literal('unpublish'), note: z.string().max(1000).optional() }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStudioAuthor(request)
  const item = studioItem(params.kind, params.itemId)
  if (!item) throw new Response('Not found', { status: 404 })
  const submission = parseWithZod(await request.formData(), { schema: VersionsSchema })
  if (submission.status !== 'success') return data({ message: 'That is not a version we know.' }, { status: 400 })
  const form = submission.value
  const result =
    form.intent === 'start-draft'
      ? await startDraftOn(user, item)
      : form.intent === 'roll-back'
        ? await rollBack(user, { ...item, toVersionId: form.to })
        : await unpublish(user, { ...item, note: form.note })
  if (!result.ok) return data({ message: result.message }, { status: result.status })
  if (form.intent === 'start-draft') return redirect(`/studio/${item.kind}/${item.itemId}`)
  return redirect(
    form.intent === 'roll-back'
      ? `/studio/${item.kind}/${item.itemId}`
      : `/studio/${item.kind}/${item.itemId}/versions`,
  )
}

const when = (at: string | Date | null) => (at ? longDate(new Date(at).toISOString()) : null)

export default function Versions() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const wasPublished = (status: string) => ['published', 'superseded', 'unpublished'].includes(status)
  return (
    <section>
      <p className="module-kicker">
        <Link to="/studio">Library</Link> · Versions
      </p>
      <h1>Versions: {page.title}</h1>
      <ItemTabs kind={page.kind} itemId={page.itemId} current="versions" />
      <FormError id="versions-error" errors={actionData?.message ? [actionData.message] : undefined} />
      <p>
        Clients get:{' '}
        {page.live === 'service'
          ? 'the service’s published version'
          : page.live === 'base'
            ? 'the base edition'
            : 'nothing (not published)'}
        .
      </p>
      {page.versions.length === 0 ? <p>No service versions yet: clients get the base edition.</p> : null}
      {page.canRollBack ? <StartDraft title={page.title} /> : null}
      <ol reversed className="plain-list">
        {page.versions.map((v) => (
          <li key={v.id} className="card">
            <h2 className="card-title">
              Version {v.number} <StatusTag status={v.status} />
            </h2>
            <p>
              By {v.author}, started {when(v.createdAt)}
              {v.reviewer ? `; reviewed by ${v.reviewer} ${when(v.reviewedAt) ?? ''}` : ''}
              {v.publishedBy ? `; published by ${v.publishedBy} ${when(v.publishedAt) ?? ''}` : ''}.
              {v.rollBackOf ? ' A roll back to an earlier version.' : ''}
            </p>
            {v.changeNote ? <p>“{v.changeNote}”</p> : null}
            {page.canRollBack && wasPublished(v.status) && v.status !== 'published' ? (
              <Form method="post">
                <input type="hidden" name="to" value={v.id} />
                <button type="submit" name="intent" value="roll-back" className="button button-secondary">
                  Roll back to version {v.number}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {page.canRollBack && page.hasBase && page.live === 'service' ? (
        <Form method="post">
          <input type="hidden" name="to" value="base" />
          <button type="submit" name="intent" value="roll-back" className="button button-secondary">
            Roll back to the base edition (through review)
          </button>
        </Form>
      ) : null}
      {page.canAuthor && page.live === 'service' ? (
        <Form method="post">
          <h2>Unpublish</h2>
          <p>
            Clients starting it get {page.hasBase ? 'the base edition' : 'nothing: it leaves the programme'} at once.
            Clients part-way keep the version they started.
          </p>
          <div className="field">
            <label htmlFor="unpublish-note">Why (kept in the audit log)</label>
            <textarea id="unpublish-note" name="note" rows={2} />
          </div>
          <button type="submit" name="intent" value="unpublish" className="button button-danger">
            Unpublish the service’s version
          </button>
        </Form>
      ) : null}
      <h2>Compare two versions</h2>
      {page.choices.length < 2 ? (
        <p>There is only one version so far.</p>
      ) : (
        <Form method="get">
          <div className="editor-row">
            <div className="field">
              <label htmlFor="compare-a">Older</label>
              <select id="compare-a" name="a" defaultValue={page.compared?.a ?? page.choices.at(-1)?.value}>
                {page.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-b">Newer</label>
              <select id="compare-b" name="b" defaultValue={page.compared?.b ?? page.choices[0]?.value}>
                {page.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button button-secondary">
            Show the differences
          </button>
        </Form>
      )}
      {page.compared ? (
        <DiffView
          changes={page.compared.changes}
          titles={page.compared.titles}
          beforeLabel={page.compared.beforeLabel}
          afterLabel={page.compared.afterLabel}
        />
      ) : null}
    </section>
  )
}
