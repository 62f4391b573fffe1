// Cross-site request forgery guard: a state-changing request (anything but GET/HEAD/OPTIONS)
// must come from a page of this site.
//
// Signals, strongest first:
// - Sec-Fetch-Site, set by the browser and impossible for a page to forge: "cross-site" or
//   "same-site" is refused, "same-origin" is allowed.
// - Origin must name this host. Because every page sends `Referrer-Policy: no-referrer`,
//   browsers send `Origin: null` on this site's own form posts; "null" is accepted only when
//   Sec-Fetch-Site does not say the post came from elsewhere.
// - A request with no Origin comes from a non-browser client, which cannot carry a victim's
//   cookies. SameSite=Lax session cookies are the last layer for very old browsers.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type OriginCheckInput = {
  method: string
  host: string | undefined
  origin: string | undefined
  secFetchSite: string | undefined
}

export function isCrossSiteWrite({ method, host, origin, secFetchSite }: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false
  if (secFetchSite === 'cross-site' || secFetchSite === 'same-site') return true
  if (origin === undefined || origin === 'null') return false
  if (!host) return true
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}
