// Admin: the whole directory as the documented CSV (docs/directory-csv.md), ready to edit and import.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { directoryCsv } from '#app/domain/directory/csv.server.ts'
import { listEntries } from '#app/domain/directory/entries.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return new Response(directoryCsv(await listEntries()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="foothold-directory.csv"',
      'Cache-Control': 'no-store',
    },
  })
}
