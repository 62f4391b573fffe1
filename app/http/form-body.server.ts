// Every mutation in Foothold is a form post. A post with any other body (JSON, plain text, none
// at all) would make `request.formData()` throw inside an action — a 500 — so it is refused
// up front with 415 and a plain message.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

export function isUnsupportedBody(method: string, contentType: string | undefined): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  return !type || !FORM_TYPES.includes(type)
}
