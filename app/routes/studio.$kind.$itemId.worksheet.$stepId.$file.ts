// A previewed module version's worksheet as a PDF: blank, fillable, or filled with the answers
// of the preview's walk. The same drawing code as clients' worksheets.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderWorksheetPdf } from '#app/domain/modules/worksheet-pdf.server.ts'
import { requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { previewWorksheet } from '#app/domain/studio/ui-preview.server.ts'
import { WORKSHEET_KINDS, type WorksheetKind, withoutAnswers } from '#programme/engine/index.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStudioReader(request)
  const kind = /^([a-z]+)\.pdf$/.exec(params.file ?? '')?.[1]
  if (!kind || !(WORKSHEET_KINDS as readonly string[]).includes(kind)) throw new Response('Not found', { status: 404 })
  const sheet = await previewWorksheet(
    params.kind,
    params.itemId,
    params.stepId ?? '',
    new URL(request.url).searchParams,
  )
  if (!sheet) throw new Response('Not found', { status: 404 })
  const model = kind === 'filled' ? sheet.model : withoutAnswers(sheet.model)
  const pdf = await renderWorksheetPdf(model, kind as WorksheetKind)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="preview-${sheet.exerciseId}-${kind}.pdf"`,
      'Cache-Control': 'no-store',
    },
  })
}
