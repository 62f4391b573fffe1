// One hash for one content document however it was built (the studio's versions, content packs,
// the demo seed): SHA-256 of its JSON with object keys sorted.
import { createHash } from 'node:crypto'

/** JSON with object keys sorted, so key order never changes a document's hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  )
}

/** SHA-256 of a document's canonical JSON (hex). */
export function documentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex')
}
