// Download my data: everything stored about the signed-in person (a client, or a member of staff:
// their account and the work they did) as one JSON file.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/domain/accounts/guards.server.ts'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import { clock } from '#app/utils/clock.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const body = JSON.stringify(await exportUserData(user.id), null, 2)
  const day = clock.now().toISOString().slice(0, 10)
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="foothold-data-${day}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
