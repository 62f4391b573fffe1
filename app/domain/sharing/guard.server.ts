// The guard every key-worker page about one client starts with: a signed-in key worker, and a
// live link of theirs with this id. Anything else (someone else's link, a revoked one, a made-up
// id) is the same 404, so a worker cannot learn which clients exist. Read afresh on every
// request: revocation and scope changes take effect at once.

import { requireRole } from '#app/domain/accounts/guards.server.ts'
import type { User } from '#db/schema/index.ts'
import { type LinkedClient, linkedClient } from './links.server.ts'

export const NOT_LINKED = 'This client is not sharing with you. They may have stopped sharing.'

export async function requireLinkedClient(
  request: Request,
  linkId: string | undefined,
): Promise<{ worker: User; linked: LinkedClient }> {
  const worker = await requireRole(request, 'keyworker')
  const linked = linkId ? await linkedClient(worker.id, linkId) : null
  if (!linked) throw new Response(NOT_LINKED, { status: 404 })
  return { worker, linked }
}
