// Cross-site request forgery guard: a state-changing request (anything but GET/HEAD/OPTIONS)
// must come from a page of this site. Browsers send Origin on every POST; Sec-Fetch-Site is a
// second signal. A request with neither comes from a non-browser client, which cannot carry a
// victim's cookies, and SameSite=Lax cookies are a further layer.

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
  if (origin === undefined) return false
  if (origin === 'null' || !host) return true
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}
