// What the client's privacy page shows about sharing: who can see what since when, codes still
// waiting to be used, and the access log, with times in the client's own zone.

import { shown } from '#app/domain/tracking/view.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import type { User } from '#db/schema/index.ts'
import { accessLogOf } from './access-log.server.ts'
import { linksOfClient, liveCodesOfClient, SCOPE_LABELS, SCOPES, type Scope } from './links.server.ts'

const labelsOf = (scopes: string[]) => scopes.map((s) => SCOPE_LABELS[s as Scope] ?? s)

export async function sharingView(client: Pick<User, 'id' | 'timeZone'>, now = clock.now()) {
  const zone = client.timeZone
  return {
    scopes: SCOPES.map((id) => ({ id, label: SCOPE_LABELS[id] })),
    links: (await linksOfClient(client.id)).map((link) => ({
      id: link.id,
      worker: link.worker,
      scopes: SCOPES.filter((s) => link[s]),
      since: shown(link.linkedAt, zone),
      changed: link.scopesChangedAt.getTime() !== link.linkedAt.getTime() ? shown(link.scopesChangedAt, zone) : null,
      revoked: link.revokedAt ? shown(link.revokedAt, zone) : null,
    })),
    codes: (await liveCodesOfClient(client.id, now)).map((code) => ({
      id: code.id,
      scopes: labelsOf(SCOPES.filter((s) => code[s])),
      until: shown(code.expiresAt, zone),
    })),
    log: (await accessLogOf(client.id)).map((row) => ({
      at: shown(row.at, zone),
      worker: row.worker,
      what: row.what,
      scopes: row.scopes === 'none' ? [] : labelsOf(row.scopes.split(',')),
    })),
  }
}

export type SharingView = Awaited<ReturnType<typeof sharingView>>
