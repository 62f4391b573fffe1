// Pages that receive their data as one JSON string (the progress dashboard, the worker's client
// page) parse it during render. On the server the same string, kept by a memo, comes back request
// after request, so the parsed value is kept beside it: a lookup instead of a parse. Nothing that
// renders it may change it.
const MAX_KEPT = 200
const kept = new Map<string, unknown>()

export function parsedOnce<T>(json: string, parse: (json: string) => T): T {
  const found = kept.get(json) as T | undefined
  if (found !== undefined) return found
  const value = parse(json)
  if (kept.size >= MAX_KEPT) kept.clear()
  kept.set(json, value)
  return value
}

const derived = new WeakMap<object, Map<string, unknown>>()

/**
 * A value worked out from parsed data (what a section shows, a table's rows), kept beside that
 * data: with `parsedOnce`, once per memo entry on the server rather than on every render.
 */
export function derivedOnce<T>(from: object, key: string, derive: () => T): T {
  let values = derived.get(from)
  if (!values) {
    values = new Map()
    derived.set(from, values)
  }
  if (values.has(key)) return values.get(key) as T
  const value = derive()
  values.set(key, value)
  return value
}
