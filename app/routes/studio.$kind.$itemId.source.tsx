// The source view for experts: the draft as YAML, checked on every save with each problem's line.
// It saves even when the YAML has errors (the draft keeps them until they are fixed); a draft with
// errors can never be sent for review or published.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError } from '#app/components/forms.tsx'
import { ItemTabs, StartDraft } from '#app/components/studio/item-parts.tsx'
import { LintPanel } from '#app/components/studio/lint-panel.tsx'
import { requireStudioAuthor, requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { openDraftOf, sourcePage, startDraftOn, studioItem } from '#app/domain/studio/ui-pages.server.ts'
import { saveDraft } from '#app/domain/studio/workflow.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Source: ${data?.title ?? 'item'} – Studio – Foothold` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStudioReader(request)
  const page = await sourcePage(user, params.kind, params.itemId)
  if (!page) throw new Response('Not found', { status: 404 })
  return page
}

const YAML_MAX = 200_000

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStudioAuthor(request)
  const item = studioItem(params.kind, params.itemId)
  if (!item) throw new Response('Not found', { status: 404 })
  const form = await request.formData()
  if (form.get('intent') === 'start-draft') {
    const started = await startDraftOn(user, item)
    if (!started.ok) return data({ message: started.message }, { status: started.status })
    return redirect(`/studio/${item.kind}/${item.itemId}/source`)
  }
  const [intent, hash, yaml] = [form.getAll('intent'), form.getAll('hash'), form.getAll('yaml')]
  if (intent.length !== 1 || intent[0] !== 'save-source' || hash.length !== 1 || yaml.length !== 1)
    return data({ message: 'The form could not be read. Nothing was saved.' }, { status: 400 })
  if (typeof yaml[0] !== 'string' || yaml[0].length > YAML_MAX)
    return data({ message: `The source must be under ${YAML_MAX} characters. Nothing was saved.` }, { status: 400 })
  const draft = await openDraftOf(item)
  if (!draft) return data({ message: 'There is no draft to change. Start one first.' }, { status: 409 })
  // Saved over a draft that changed since this page was drawn (another tab): refuse, not overwrite.
  if (hash[0] !== draft.hash)
    return data({ message: 'This draft changed since you opened it. Copy your text, then reload.' }, { status: 409 })
  const saved = await saveDraft(user, draft.id, { yaml: yaml[0] })
  if (!saved.ok) return data({ message: saved.message }, { status: saved.status })
  return redirect(`/studio/${item.kind}/${item.itemId}/source`)
}

export default function Source() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = page.issues.filter((i) => i.severity === 'error')
  return (
    <section>
      <p className="module-kicker">
        <Link to="/studio">Library</Link> · Source
      </p>
      <h1>Source: {page.title}</h1>
      <ItemTabs kind={page.kind} itemId={page.itemId} current="source" />
      <FormError id="source-error" errors={actionData?.message ? [actionData.message] : undefined} />
      {errors.length > 0 ? (
        <div className="error-summary" role="region" aria-labelledby="source-errors">
          <h2 id="source-errors">
            {errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before this can be published
          </h2>
          <ul>
            {errors.map((e) => (
              <li key={`${e.line}-${e.path}-${e.message}`}>
                {e.line ? `Line ${e.line}` : e.path}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {page.editable ? (
        <Form method="post">
          <input type="hidden" name="hash" value={page.hash ?? ''} />
          <div className="field">
            <label htmlFor="source-yaml">YAML of {page.label}</label>
            <p className="hint" id="source-hint">
              Saving checks it at once; problems are listed above with their line.
            </p>
            <textarea
              id="source-yaml"
              name="yaml"
              className="source-editor"
              defaultValue={page.yaml}
              spellCheck={false}
              aria-describedby="source-hint"
            />
          </div>
          <button type="submit" name="intent" value="save-source" className="button">
            Save draft
          </button>
        </Form>
      ) : (
        <>
          {page.label === 'what clients get now' ? (
            page.canAuthor ? (
              <StartDraft title={page.title} />
            ) : (
              <p>This is what clients get now.</p>
            )
          ) : (
            <p>Only the author can change this draft while it is a draft.</p>
          )}
          <h2>YAML of {page.label}</h2>
          <pre className="source-view">{page.yaml}</pre>
        </>
      )}
      {page.editable ? <LintPanel issues={page.issues} readings={[]} /> : null}
    </section>
  )
}
