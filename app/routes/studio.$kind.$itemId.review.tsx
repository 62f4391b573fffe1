// Review a draft (H-031, H-033): the draft side by side with what clients get now, changes grouped
// by step, a comment box under each changed step; a clinician other than the author approves or
// asks for changes; the author or reviewer then publishes an approved draft.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { z } from 'zod'
import { FormError } from '#app/components/forms.tsx'
import { DiffView } from '#app/components/studio/diff-view.tsx'
import { ItemTabs, StartDraft } from '#app/components/studio/item-parts.tsx'
import { StatusTag } from '#app/components/studio/status.tsx'
import { requireStudioAuthor, requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { startDraftOn, studioItem } from '#app/domain/studio/ui-pages.server.ts'
import { reviewPage } from '#app/domain/studio/ui-review.server.ts'
import { publish, review } from '#app/domain/studio/workflow.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review: ${data?.title ?? 'item'} – Studio – Foothold` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStudioReader(request)
  const page = await reviewPage(user, params.kind, params.itemId)
  if (!page) throw new Response('Not found', { status: 404 })
  return page
}

const ReviewSchema = z.object({
  intent: z.enum(['approve', 'request-changes', 'publish']),
  versionId: z.string().uuid(),
  comments: z
    .array(z.object({ stepId: z.string().max(60).optional(), body: z.string().max(2000).optional() }))
    .max(60)
    .optional(),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStudioAuthor(request)
  const item = studioItem(params.kind, params.itemId)
  if (!item) throw new Response('Not found', { status: 404 })
  const formData = await request.formData()
  if (formData.get('intent') === 'start-draft') {
    const started = await startDraftOn(user, item)
    if (!started.ok) return data({ message: started.message }, { status: started.status })
    return redirect(`/studio/${item.kind}/${item.itemId}`)
  }
  const submission = parseWithZod(formData, { schema: ReviewSchema })
  if (submission.status !== 'success')
    return data(
      { message: 'Some fields could not be read (each comment must be under 2000 characters).' },
      { status: 400 },
    )
  const { intent, versionId, comments } = submission.value
  const result =
    intent === 'publish'
      ? await publish(user, versionId)
      : await review(user, versionId, {
          decision: intent,
          comments: (comments ?? []).flatMap((c) => (c.body ? [{ stepId: c.stepId || null, body: c.body }] : [])),
        })
  if (!result.ok) return data({ message: result.message }, { status: result.status })
  return redirect(
    intent === 'publish'
      ? `/studio/${item.kind}/${item.itemId}/versions`
      : `/studio/${item.kind}/${item.itemId}/review`,
  )
}

export default function Review() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const v = page.version
  const stepSections = new Set(v?.steps.map((s) => `steps[${s.id}]`))
  return (
    <section>
      <p className="module-kicker">
        <Link to="/studio">Library</Link> · Review
      </p>
      <h1>Review: {page.title}</h1>
      <ItemTabs kind={page.kind} itemId={page.itemId} current="review" />
      <FormError id="review-error" errors={actionData?.message ? [actionData.message] : undefined} />
      {!v ? (
        <>
          <p>Nothing is waiting for review. Drafts sent for review show here.</p>
          {page.canAuthor ? <StartDraft title={page.title} /> : null}
        </>
      ) : (
        <MaybeForm post={v.canReview || v.canPublish}>
          <input type="hidden" name="versionId" value={v.id} />
          <p>
            Version {v.number} by {v.author}: <StatusTag status={v.status} />
            {v.reviewer ? ` Reviewed by ${v.reviewer}.` : ''}
          </p>
          {v.changeNote ? (
            <p className="notice">
              <strong>What changed and why:</strong> {v.changeNote}
            </p>
          ) : null}
          {v.errors.length > 0 ? (
            <div className="form-error">
              <p>The checks find errors in this version, so it cannot be published:</p>
              <ul>
                {v.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {v.status === 'in-review' && v.mine ? (
            <p className="notice">
              This is your own draft. Another clinician must review it: nobody approves their own change.
            </p>
          ) : null}
          <h2>What changed</h2>
          <DiffView
            changes={v.changes}
            titles={v.titles}
            beforeLabel={v.beforeLabel}
            afterLabel={`this draft (version ${v.number})`}
            renderAfterSection={(section) =>
              v.canReview && stepSections.has(section) ? (
                <CommentBox index={[...stepSections].indexOf(section)} stepId={section.slice(6, -1)} />
              ) : null
            }
          />
          {v.comments.length > 0 ? (
            <>
              <h2>Comments</h2>
              <ul className="plain-list">
                {v.comments.map((c) => (
                  <li key={c.id} className="comment">
                    <strong>{c.author}</strong>
                    {c.stepId ? ` on ${v.titles[`steps[${c.stepId}]`] ?? c.stepId}` : ''}: {c.body}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {v.canReview ? (
            <>
              <h2>Your decision</h2>
              <input type="hidden" name={`comments[${v.steps.length}].stepId`} value="" />
              <div className="field">
                <label htmlFor="comment-general">A comment on the whole draft (needed to ask for changes)</label>
                <textarea id="comment-general" name={`comments[${v.steps.length}].body`} rows={3} />
              </div>
              <div className="actions">
                <button type="submit" name="intent" value="approve" className="button">
                  Approve
                </button>
                <button type="submit" name="intent" value="request-changes" className="button button-secondary">
                  Ask for changes
                </button>
              </div>
            </>
          ) : null}
          {v.canPublish ? (
            <>
              <h2>Publish</h2>
              <p>
                Approved. Publishing gives it to every client who starts it from now on; clients part-way keep theirs.
              </p>
              <button type="submit" name="intent" value="publish" className="button">
                Publish version {v.number}
              </button>
            </>
          ) : null}
        </MaybeForm>
      )}
    </section>
  )
}

function CommentBox({ index, stepId }: { index: number; stepId: string }) {
  return (
    <div className="field">
      <input type="hidden" name={`comments[${index}].stepId`} value={stepId} />
      <label htmlFor={`comment-${stepId}`}>Comment on this step (optional)</label>
      <textarea id={`comment-${stepId}`} name={`comments[${index}].body`} rows={2} />
    </div>
  )
}

/** The page is a form only when this clinician can act on the version. */
function MaybeForm({ post, children }: { post: boolean; children: ReactNode }) {
  return post ? <Form method="post">{children}</Form> : <div>{children}</div>
}
