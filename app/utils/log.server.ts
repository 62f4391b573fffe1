// What may reach the server log. Paths are logged to help fix errors; secrets in a path
// (one-time invite tokens) are masked first.
const SECRET_SEGMENTS = [/^(\/invite\/)[^/]+/]

export function redactPath(pathname: string): string {
  return SECRET_SEGMENTS.reduce((path, pattern) => path.replace(pattern, '$1[redacted]'), pathname)
}
