// Preview a module version as a client would walk it (H-032): every route through it, each one
// click; or a walk of your own, answering as a client, in a phone-width frame; and the
// worksheets as PDFs. Plain links and GET forms: nothing is saved.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ItemTabs } from '#app/components/studio/item-parts.tsx'
import { PreviewFrame, RouteList, WorksheetLinks } from '#app/components/studio/preview-parts.tsx'
import { requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { previewPage } from '#app/domain/studio/ui-preview.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Preview: ${data?.title ?? 'module'} – Studio – Foothold` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStudioReader(request)
  const page = await previewPage(params.kind, params.itemId, new URL(request.url).searchParams)
  if (!page) throw new Response('Not found', { status: 404 })
  return page
}

export default function Preview() {
  const page = useLoaderData<typeof loader>()
  const base = `/studio/module/${page.itemId}`
  return (
    <section>
      <p className="module-kicker">
        <Link to="/studio">Library</Link> · Module
      </p>
      <h1>Preview: {page.title}</h1>
      <ItemTabs kind="module" itemId={page.itemId} current="preview" />
      <p>Showing {page.label}, exactly as a client would go through it.</p>
      {page.preview ? (
        <>
          <PreviewFrame base={base} versionId={page.versionId} preview={page.preview} />
          <RouteList base={base} versionId={page.versionId} preview={page.preview} />
          <WorksheetLinks base={base} versionId={page.versionId} preview={page.preview} />
        </>
      ) : (
        <>
          <p className="form-error">This version cannot be walked through until these are fixed:</p>
          <ul>
            {page.blocking.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
          <p>
            <Link to={base}>Back to the editor</Link>
          </p>
        </>
      )}
    </section>
  )
}
