// JSON with object keys sorted, so key order never changes a document's hash or a comparison.
// Its own file, without node:crypto, because the studio's editor (in the browser bundle) compares
// documents with it too.

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
