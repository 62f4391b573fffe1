// Worksheet PDFs: blank (to print), filled (the client's answers) or fillable (a PDF form).
// Sent as a download with no-store; the file holds only what the client typed.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { worksheetFor } from '#app/domain/modules/view.server.ts'
import { renderWorksheetPdf } from '#app/domain/modules/worksheet-pdf.server.ts'
import { WORKSHEET_KINDS, type WorksheetKind, withoutAnswers } from '#programme/engine/index.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const kind = /^([a-z]+)\.pdf$/.exec(params.file ?? '')?.[1]
  const sheet = await worksheetFor(user.id, params.moduleId ?? '', params.stepId ?? '')
  if (!sheet || !kind || !(WORKSHEET_KINDS as readonly string[]).includes(kind))
    throw new Response('Not found', { status: 404 })
  const model = kind === 'filled' ? sheet.model : withoutAnswers(sheet.model)
  const pdf = await renderWorksheetPdf(model, kind as WorksheetKind)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${sheet.exerciseId}-${kind}.pdf"`,
      'Cache-Control': 'no-store',
    },
  })
}
