// Pages that receive their data as one JSON string (the caseload) parse it during render. On the
// server the same string, kept by a memo, comes back request after request, so the parsed value is kept beside it: a lookup instead of a parse. Nothing that
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
