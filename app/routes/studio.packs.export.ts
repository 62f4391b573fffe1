// A content pack as a download: the service's published content or the base edition.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { exportPack } from '#app/domain/studio/packs.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStudioReader(request)
  const edition = new URL(request.url).searchParams.get('edition') ?? 'service'
  if (edition !== 'service' && edition !== 'base')
    throw new Response('Choose the service or the base edition.', { status: 400 })
  const pack = await exportPack({ edition })
  return new Response(pack.yaml, {
    headers: {
      'Content-Type': 'application/yaml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${pack.fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
