// Content packs: download the service's published content (or the base edition) as one YAML file
// with a manifest and hashes; import a pack as drafts, checked item by item, all or nothing, with
// each item's findings and conflicts shown. Without JavaScript a pack is pasted into the text
// box; with it, a file can be chosen and is read into the box on the device (no upload format).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormError } from '#app/components/forms.tsx'
import { PackFilePicker } from '#app/components/studio/pack-file-picker.tsx'
import { canAuthor, requireStudioAuthor, requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { importPack } from '#app/domain/studio/packs.server.ts'

export const meta: MetaFunction = () => [{ title: 'Content packs – Studio – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStudioReader(request)
  return { author: canAuthor(user) }
}

const PACK_MAX = 900_000

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStudioAuthor(request)
  const form = await request.formData()
  const [intent, pack] = [form.getAll('intent'), form.getAll('pack')]
  if (intent.length !== 1 || intent[0] !== 'import' || pack.length !== 1 || typeof pack[0] !== 'string')
    return data({ message: 'The form could not be read.', items: [], created: [] }, { status: 400 })
  if (pack[0].length > PACK_MAX)
    return data({ message: 'That pack is too big to paste here.', items: [], created: [] }, { status: 413 })
  const result = await importPack(user, pack[0])
  if (!result.ok) return data({ message: result.message, items: result.items, created: [] }, { status: result.status })
  return { message: null, items: result.items, created: result.created }
}

export default function Packs() {
  const { author } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <section>
      <h1>Content packs</h1>
      <p>
        A pack is one file of YAML documents: a manifest listing each item with its SHA-256 hash, then the items. Use it
        to share your service’s content with another service, or to keep a copy.
      </p>
      <h2>Download a pack</h2>
      <Form method="get" action="/studio/packs/export">
        <fieldset>
          <legend>Which content</legend>
          <div className="field-checkbox">
            <input type="radio" id="edition-service" name="edition" value="service" defaultChecked />
            <label htmlFor="edition-service">The service’s own published versions</label>
          </div>
          <div className="field-checkbox">
            <input type="radio" id="edition-base" name="edition" value="base" />
            <label htmlFor="edition-base">The base edition shipped with Foothold</label>
          </div>
        </fieldset>
        <button type="submit" className="button">
          Download the pack
        </button>
      </Form>
      {author ? (
        <>
          <h2>Import a pack</h2>
          <p>
            Each item becomes a draft, checked like any other, and then goes through review. If any item has a problem,
            nothing is imported.
          </p>
          <FormError id="pack-error" errors={result?.message ? [result.message] : undefined} />
          {result && result.created.length > 0 ? (
            <div className="notice">
              <p>Imported as drafts:</p>
              <ul>
                {result.created.map((c) => (
                  <li key={`${c.kind}-${c.itemId}`}>
                    <Link to={`/studio/${c.kind}/${c.itemId}`}>
                      {c.kind} {c.itemId}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result && result.items.length > 0 && result.created.length === 0 ? (
            <ul className="lint-list">
              {result.items.map((item, i) => (
                <li key={`${item.kind}-${item.itemId}-${i}`} className={item.ok ? undefined : 'lint-error'}>
                  {item.kind ? `${item.kind} ${item.itemId}` : 'The file'}: {item.ok ? 'fine' : ''}
                  {item.action && item.ok ? ` (${item.action})` : ''}
                  {item.conflict ? ` ${item.conflict}` : ''}
                  {item.issues
                    .filter((x) => x.severity === 'error')
                    .map((x) => ` ${x.line ? `line ${x.line}, ` : ''}${x.path}: ${x.message}.`)}
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post">
            <PackFilePicker target="pack-text" />
            <div className="field">
              <label htmlFor="pack-text">The pack (paste the file’s text)</label>
              <textarea id="pack-text" name="pack" rows={10} className="source-editor" spellCheck={false} />
            </div>
            <button type="submit" name="intent" value="import" className="button">
              Import as drafts
            </button>
          </Form>
        </>
      ) : null}
    </section>
  )
}
