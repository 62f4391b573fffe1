// One item in the studio. For the author of an open draft: the editor (a module's steps; an
// exercise's wording; an instrument's intro and band meanings, never its cut-offs) (every post
// saves the draft, then the page shows the checks' findings next to the fields and in a
// summary), the lint panel, and sending it for review. For everyone else: what clients get now,
// and where the item stands.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError } from '#app/components/forms.tsx'
import { ExerciseEditor } from '#app/components/studio/exercise-editor.tsx'
import { InstrumentEditor } from '#app/components/studio/instrument-editor.tsx'
import { ErrorSummary, ItemTabs, StartDraft, SubmitForReview } from '#app/components/studio/item-parts.tsx'
import { LintPanel } from '#app/components/studio/lint-panel.tsx'
import { ModuleEditor } from '#app/components/studio/module-editor.tsx'
import { StatusTag } from '#app/components/studio/status.tsx'
import { TextEditor } from '#app/components/studio/text-editor.tsx'
import { usedPartIds } from '#app/domain/studio/exercise-parts.server.ts'
import { requireStudioAuthor, requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { editorPage, openDraftOf, startDraftOn, studioItem } from '#app/domain/studio/ui-pages.server.ts'
import { saveDraft, submitForReview } from '#app/domain/studio/workflow.server.ts'
import { isTextKind, loadProgramme, TEXT_SPECS, type TextKind } from '#programme/engine/index.ts'
import {
  applyPartIntent,
  type DraftExercise,
  ExerciseFormSchema,
  exerciseFromForm,
} from '#programme/studio/exercise-form.ts'
import { type DraftInstrument, InstrumentFormSchema, instrumentFromForm } from '#programme/studio/instrument-form.ts'
import { applyIntent, type DraftModule, ModuleFormSchema, moduleFromForm } from '#programme/studio/module-form.ts'
import { TextFormSchema, textFromForm } from '#programme/studio/text-form.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? 'Item'} – Studio – Foothold` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStudioReader(request)
  const page = await editorPage(user, params.kind, params.itemId)
  if (!page) throw new Response('Not found', { status: 404 })
  return page
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStudioAuthor(request)
  const item = studioItem(params.kind, params.itemId)
  if (!item) throw new Response('Not found', { status: 404 })
  const formData = await request.formData()
  const here = `/studio/${item.kind}/${item.itemId}`
  if (formData.get('intent') === 'start-draft') {
    const started = await startDraftOn(user, item)
    if (!started.ok) return data({ message: started.message, issues: [] }, { status: started.status })
    return redirect(here)
  }
  const draft = await openDraftOf(item)
  if (!draft) return data({ message: 'There is no draft to change. Start one first.', issues: [] }, { status: 409 })
  if (formData.get('intent') === 'submit') {
    const note = formData.getAll('changeNote')
    if (note.length !== 1 || typeof note[0] !== 'string')
      return data({ message: 'Say what you changed and why.', issues: [] }, { status: 400 })
    const result = await submitForReview(user, draft.id, note[0])
    if (!result.ok) return data({ message: result.message, issues: result.issues ?? [] }, { status: result.status })
    return redirect(`${here}/review`)
  }
  if (item.kind === 'exercise') return saveExercise(user, draft, formData, here)
  if (item.kind === 'instrument') return saveInstrument(user, draft, formData, here)
  if (isTextKind(item.kind)) return saveText(user, item.kind, draft, formData, here)
  if (item.kind !== 'module')
    return data({ message: 'Edit this item in the source view.', issues: [] }, { status: 400 })
  const submission = parseWithZod(formData, { schema: ModuleFormSchema })
  if (submission.status !== 'success')
    return data(
      { message: 'Some fields could not be read. Nothing was saved: check the form and try again.', issues: [] },
      { status: 400 },
    )
  if (submission.value.hash !== draft.hash)
    return data(
      {
        message: 'This draft changed since you opened it (in another tab?). Nothing was saved: reload it.',
        issues: [],
      },
      { status: 409 },
    )
  const previous = draft.document as DraftModule
  const edited = applyIntent(moduleFromForm(submission.value, previous), submission.value, draft.exerciseIds)
  if (!edited)
    return data({ message: 'That step is no longer there. Look at the draft again.', issues: [] }, { status: 409 })
  const saved = await saveDraft(user, draft.id, { document: edited })
  if (!saved.ok) return data({ message: saved.message, issues: [] }, { status: saved.status })
  const [op, index] = submission.value.intent.split(':')
  const anchor = op === 'add-step' ? '#add-step' : index !== undefined ? `#step-${Number(index) + 1}` : ''
  return redirect(`${here}${anchor}`)
}

/**
 * The exercise editor's post: its wording saved over the draft (the parts must be the draft's),
 * and the part added, removed or moved that its button asked for.
 */
async function saveExercise(
  user: Parameters<typeof saveDraft>[0],
  draft: NonNullable<Awaited<ReturnType<typeof openDraftOf>>>,
  formData: FormData,
  here: string,
) {
  const submission = parseWithZod(formData, { schema: ExerciseFormSchema })
  if (submission.status !== 'success')
    return data({ message: 'Some fields could not be read. Nothing was saved.', issues: [] }, { status: 400 })
  if (submission.value.hash !== draft.hash)
    return data(
      { message: 'This draft changed since you opened it. Nothing was saved: reload it.', issues: [] },
      { status: 409 },
    )
  const worded = exerciseFromForm(submission.value, draft.document as DraftExercise)
  if (!worded)
    return data({ message: 'The parts changed since you opened it. Reload it.', issues: [] }, { status: 409 })
  const itemId = String((draft.document as DraftExercise).id)
  const edited = applyPartIntent(worded, submission.value, await usedPartIds(itemId))
  if (!edited.ok) return data({ message: edited.message, issues: [] }, { status: edited.status })
  const saved = await saveDraft(user, draft.id, { document: edited.document })
  if (!saved.ok) return data({ message: saved.message, issues: [] }, { status: saved.status })
  return redirect(`${here}${edited.anchor}`)
}

/**
 * The instrument editor's post: the intro and the bands' meanings saved over the draft. Any other
 * field (a band's range, a score) does not parse: refused, nothing saved.
 */
async function saveInstrument(
  user: Parameters<typeof saveDraft>[0],
  draft: NonNullable<Awaited<ReturnType<typeof openDraftOf>>>,
  formData: FormData,
  here: string,
) {
  const submission = parseWithZod(formData, { schema: InstrumentFormSchema })
  if (submission.status !== 'success')
    return data(
      {
        message:
          'Some fields could not be read. Only the intro and what each band means can be changed. Nothing was saved.',
        issues: [],
      },
      { status: 400 },
    )
  if (submission.value.hash !== draft.hash)
    return data(
      { message: 'This draft changed since you opened it. Nothing was saved: reload it.', issues: [] },
      { status: 409 },
    )
  const edited = instrumentFromForm(submission.value, draft.document as DraftInstrument)
  if (!edited)
    return data({ message: 'The bands changed since you opened it. Reload it.', issues: [] }, { status: 409 })
  const saved = await saveDraft(user, draft.id, { document: edited })
  if (!saved.ok) return data({ message: saved.message, issues: [] }, { status: saved.status })
  return redirect(here)
}

/**
 * The lists-and-texts editor's post: every box of the form, and the addition or removal its
 * button asked for. A field the editor does not show, a repeated field or a removal of an entry
 * Foothold ships with is refused; nothing is saved.
 */
async function saveText(
  user: Parameters<typeof saveDraft>[0],
  kind: TextKind,
  draft: NonNullable<Awaited<ReturnType<typeof openDraftOf>>>,
  formData: FormData,
  here: string,
) {
  const values: Record<string, string> = {}
  for (const [name, value] of formData) {
    if (name === 'intent' || name === 'hash') continue
    if (typeof value !== 'string' || Object.hasOwn(values, name))
      return data({ message: 'Some fields could not be read. Nothing was saved.', issues: [] }, { status: 400 })
    values[name] = value
  }
  const parsed = TextFormSchema.safeParse({ intent: formData.get('intent'), hash: formData.get('hash'), values })
  if (!parsed.success || formData.getAll('intent').length !== 1)
    return data({ message: 'Some fields could not be read. Nothing was saved.', issues: [] }, { status: 400 })
  if (parsed.data.hash !== draft.hash)
    return data(
      { message: 'This draft changed since you opened it. Nothing was saved: reload it.', issues: [] },
      { status: 409 },
    )
  const base = TEXT_SPECS[kind].fromProgramme(loadProgramme()) as unknown as Record<string, unknown>
  const edited = textFromForm(kind, parsed.data, draft.document as Record<string, unknown>, base)
  if (!edited.ok) return data({ message: edited.message, issues: [] }, { status: 400 })
  const saved = await saveDraft(user, draft.id, { document: edited.document })
  if (!saved.ok) return data({ message: saved.message, issues: [] }, { status: saved.status })
  const [op, list] = parsed.data.intent.split(':')
  return redirect(op === 'save' ? here : `${here}#list-${list}`)
}

export default function StudioItem() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section>
      <p className="module-kicker">
        <Link to="/studio">Library</Link> · {page.kindName}
      </p>
      <h1>{page.title}</h1>
      <ItemTabs kind={page.kind} itemId={page.itemId} current="edit" />
      <p>
        Clients get:{' '}
        {page.live === 'service'
          ? 'the service’s own version'
          : page.live === 'base'
            ? 'the base edition'
            : 'nothing yet (not published)'}
        .
        {page.open ? (
          <>
            {' '}
            Being worked on: <StatusTag status={page.open.status} /> version {page.open.number} by {page.open.author}.
          </>
        ) : null}
      </p>
      <FormError id="item-error" errors={actionData?.message ? [actionData.message] : undefined} />
      {page.open && page.open.comments.length > 0 ? (
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">Reviewer’s comments</h2>
          <ul className="plain-list">
            {page.open.comments.map((c) => (
              <li key={c.id} className="comment">
                <strong>{c.author}</strong>
                {c.stepId ? ` on step ${c.stepId}` : ''}: {c.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!page.open && page.canAuthor ? <StartDraft title={page.title} /> : null}
      {page.editor ? (
        <>
          <ErrorSummary errors={page.editor.summary} />
          {page.kind === 'module' ? (
            <ModuleEditor
              hash={page.editor.hash}
              doc={page.editor.doc}
              values={page.editor.values}
              errors={page.editor.errors}
              lists={page.editor.lists}
              previews={page.editor.previews}
            />
          ) : page.editor.text ? (
            <TextEditor
              kind={page.kind}
              hash={page.editor.hash}
              fields={page.editor.text.fields}
              lists={page.editor.text.lists}
              errors={page.editor.errors}
            />
          ) : page.editor.instrument ? (
            <InstrumentEditor
              hash={page.editor.hash}
              values={page.editor.instrument.values}
              errors={page.editor.errors}
              bands={page.editor.instrument.bands}
            />
          ) : page.editor.exercise ? (
            <ExerciseEditor
              hash={page.editor.hash}
              values={page.editor.exercise.values}
              errors={page.editor.errors}
              kinds={page.editor.exercise.kinds}
              hasTimer={page.editor.exercise.hasTimer}
            />
          ) : (
            <p>
              Edit this {page.kind} in the <Link to={`/studio/${page.kind}/${page.itemId}/source`}>source view</Link>.
            </p>
          )}
          <LintPanel issues={page.editor.issues} readings={page.editor.readings} />
          <SubmitForReview valid={page.editor.valid} />
        </>
      ) : page.open ? (
        <p>
          {page.open.editableBy
            ? `Only ${page.open.author}, who wrote this draft, can change it.`
            : 'This draft cannot be changed now.'}{' '}
          {page.open.status === 'in-review' ? (
            <Link to={`/studio/${page.kind}/${page.itemId}/review`}>See it in review</Link>
          ) : null}
        </p>
      ) : null}
    </section>
  )
}
