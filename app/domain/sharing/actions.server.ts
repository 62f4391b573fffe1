// The sharing forms on the client's privacy page, by intent: make a code, cancel one, change what
// a worker sees, stop sharing. Each answers with what the page shows next; bad input is a 400
// with a message, nothing saved.
import { z } from 'zod'
import { shown } from '#app/domain/tracking/view.server.ts'
import type { User } from '#db/schema/index.ts'
import {
  cancelShareCode,
  changeScopes,
  createShareCode,
  revokeLink,
  SCOPE_LABELS,
  SCOPES,
  type Scopes,
} from './links.server.ts'
import { formatShareCode } from './share-code.server.ts'

export const SHARING_INTENTS = ['share', 'cancel-code', 'scopes', 'revoke'] as const

const ScopesSchema = z
  .array(z.enum(SCOPES, { error: 'Choose from the list' }), { error: 'Choose what to share' })
  .min(1, { error: 'Choose at least one thing to share' })

export type SharingReply = {
  status: 200 | 400 | 404
  /** Which form the message belongs to: "share", or a link or code id. */
  form: string
  errors?: string[]
  saved?: string
  /** A new code, shown once. */
  code?: { code: string; until: string; scopes: string[] }
}

function scopesFrom(formData: FormData): { ok: true; scopes: Scopes } | { ok: false; errors: string[] } {
  const parsed = ScopesSchema.safeParse(formData.getAll('scope'))
  if (!parsed.success) return { ok: false, errors: [...new Set(parsed.error.issues.map((i) => i.message))] }
  const chosen = new Set(parsed.data)
  return { ok: true, scopes: Object.fromEntries(SCOPES.map((s) => [s, chosen.has(s)])) as Scopes }
}

export async function sharingAction(
  client: Pick<User, 'id' | 'timeZone'>,
  intent: string,
  formData: FormData,
): Promise<SharingReply> {
  const clientId = client.id
  const id = String(formData.get('id') ?? '')
  if (intent === 'share') {
    const parsed = scopesFrom(formData)
    if (!parsed.ok) return { status: 400, form: 'share', errors: parsed.errors }
    const { code, expiresAt } = await createShareCode(clientId, parsed.scopes)
    const scopes = SCOPES.filter((s) => parsed.scopes[s]).map((s) => SCOPE_LABELS[s])
    return {
      status: 200,
      form: 'share',
      code: { code: formatShareCode(code), until: shown(expiresAt, client.timeZone), scopes },
    }
  }
  if (intent === 'cancel-code') {
    if (!(await cancelShareCode(clientId, id))) return { status: 404, form: id, errors: ['That code was not found.'] }
    return { status: 200, form: id, saved: 'The code is cancelled. Nobody can use it now.' }
  }
  if (intent === 'scopes') {
    const parsed = scopesFrom(formData)
    if (!parsed.ok)
      return { status: 400, form: id, errors: [...parsed.errors, 'To share nothing, stop sharing instead.'] }
    if (!(await changeScopes(clientId, id, parsed.scopes)))
      return { status: 404, form: id, errors: ['You are not sharing with that worker now.'] }
    return { status: 200, form: id, saved: 'Saved. They see only what you ticked, from now on.' }
  }
  if (intent === 'revoke') {
    if (!(await revokeLink(clientId, id)))
      return { status: 404, form: id, errors: ['You are not sharing with that worker now.'] }
    return { status: 200, form: id, saved: 'You have stopped sharing. They can no longer see your progress.' }
  }
  return { status: 400, form: 'share', errors: ['That button is not one we know.'] }
}
