// Security headers for every response. The Content-Security-Policy allows only this origin and
// scripts carrying the per-response nonce: no third-party origin can be loaded or contacted.

export function contentSecurityPolicy(
  nonce: string,
  { dev = false, https = false, formTargets = [] as string[] } = {},
): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`],
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    // Vite's dev server talks over a websocket for hot reload; production needs only 'self'.
    'connect-src': dev ? ["'self'", 'ws:'] : ["'self'"],
    // Plus the quick exit's neutral site: without JavaScript, /exit answers the button's post with a
    // redirect there, and form-action also governs where a form's redirects may go.
    'form-action': ["'self'", ...formTargets],
    // The service worker (ADR 0021) may come from this origin only, never a blob: or data: URL.
    'worker-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
  }
  if (https) directives['upgrade-insecure-requests'] = []
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

export function securityHeaders(
  nonce: string,
  options: { dev?: boolean; https?: boolean } = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(nonce, options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  }
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=31536000'
  return headers
}
