// One hash for one content document however it was built (the studio's versions, content packs,
// the demo seed): SHA-256 of its JSON with object keys sorted.
import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.ts'

export { canonicalJson }

/** SHA-256 of a document's canonical JSON (hex). */
export function documentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex')
}
