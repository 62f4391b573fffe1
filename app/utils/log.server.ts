// What may reach the server log. Paths are logged to help fix errors; secrets in a path
// (one-time invite and passphrase-reset tokens) are masked first. Query strings, bodies and
// client IPs never are.
const SECRET_SEGMENTS = [/^(\/invite\/)[^/]+/, /^(\/reset\/)[^/]+/]

export function redactPath(pathname: string): string {
  return SECRET_SEGMENTS.reduce((path, pattern) => path.replace(pattern, '$1[redacted]'), pathname)
}

/** The one line written for an error while handling a request. */
export function errorLogLine(error: unknown, request: Pick<Request, 'method' | 'url'>): string {
  const path = redactPath(new URL(request.url).pathname)
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : 'non-Error value thrown'
  return `Error on ${request.method} ${path}: ${detail}`
}
