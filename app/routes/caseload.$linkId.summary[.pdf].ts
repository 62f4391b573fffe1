// The session summary as a PDF download (/caseload/<linkId>/summary.pdf?from=…&to=…). The same
// guard, range and access-log entry as the page; the file's name holds the dates only, never the
// client's name, and it is never cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseSummaryRange, sessionSummary, summaryFileName } from '#app/domain/caseload/summary.server.ts'
import { renderSessionSummaryPdf } from '#app/domain/caseload/summary-pdf.server.ts'
import { logAccess } from '#app/domain/sharing/access-log.server.ts'
import { requireLinkedClient } from '#app/domain/sharing/guard.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { worker, linked } = await requireLinkedClient(request, params.linkId)
  const parsed = parseSummaryRange(new URL(request.url).searchParams, linked.client.timeZone)
  if (!parsed.ok)
    return new Response(Object.values(parsed.errors).flat().join(' '), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  await logAccess(worker, linked, 'session summary PDF')
  const pdf = await renderSessionSummaryPdf(await sessionSummary(linked, parsed.range))
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${summaryFileName(parsed.range)}"`,
      'Cache-Control': 'no-store',
    },
  })
}
