// CSV downloads of the client's tracking (urges, use diary, goal check-ins) for spreadsheets.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { CSV_FILES, type CsvFile, trackingCsv } from '#app/domain/tracking/export.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const file = /^([a-z-]+)\.csv$/.exec(params.file ?? '')?.[1]
  if (!file || !(CSV_FILES as readonly string[]).includes(file)) throw new Response('Not found', { status: 404 })
  return new Response(await trackingCsv(user.id, file as CsvFile), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="foothold-${file}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
