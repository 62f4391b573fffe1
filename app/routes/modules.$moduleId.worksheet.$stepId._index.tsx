// A print-friendly page of an exercise's worksheet, with the client's answers (or blank).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { WorksheetView } from '#app/components/worksheet-view.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { worksheetFor } from '#app/domain/modules/view.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.model.title ?? 'Worksheet'} – Foothold` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const sheet = await worksheetFor(user.id, params.moduleId ?? '', params.stepId ?? '')
  if (!sheet) throw new Response('Not found', { status: 404 })
  return { model: sheet.model, moduleId: params.moduleId ?? '', stepId: params.stepId ?? '' }
}

export default function WorksheetPage() {
  const { model, moduleId, stepId } = useLoaderData<typeof loader>()
  const base = `/modules/${moduleId}/worksheet/${stepId}`
  return (
    <section className="worksheet-page">
      <p className="no-print">
        <Link to={`/modules/${moduleId}`}>Back to the module</Link> · Use your browser's Print button to print this
        page. Or download it:{' '}
        <a href={`${base}/filled.pdf`} download>
          PDF with your answers
        </a>{' '}
        ·{' '}
        <a href={`${base}/fillable.pdf`} download>
          PDF form
        </a>{' '}
        ·{' '}
        <a href={`${base}/blank.pdf`} download>
          blank PDF
        </a>
      </p>
      <WorksheetView model={model} />
    </section>
  )
}
