// The service worker (ADR 0021): keeps the pages that must work with no connection (the overdose
// guide, help and crisis contacts, the urge card, the "no connection" page) and the few static
// files they use, and nothing else. The list is written into the built file by workbox-build
// (scripts/build-sw.ts), so what is cached is an allowlist fixed at build time.
//
// - Kept pages are fetched without cookies, so the stored copy is the page anyone signed out sees:
//   never a signed-in page, never a name or role in its header (hazard H-035).
// - Every request is left to the network as usual. The worker steps in only for a page load or a
//   kept file, and only when the network fails: then it answers from the kept copy, or with the
//   "no connection" page for any other page. It never stores a response at run time except a
//   fresh, cookie-less copy of a kept page after loading it (so a changed crisis number reaches
//   the offline copy). No loader data, no API response, no PDF, nothing from /privacy.
// - Form posts are never touched (routes here match GET only).
import { cacheNames, clientsClaim } from 'workbox-core'
import {
  addPlugins,
  cleanupOutdatedCaches,
  getCacheKeyForURL,
  matchPrecache,
  type PrecacheEntry,
  precache,
} from 'workbox-precaching'
import { registerRoute, setCatchHandler } from 'workbox-routing'
import { NetworkOnly } from 'workbox-strategies'

type WorkerScope = {
  __WB_MANIFEST: Array<PrecacheEntry | string>
  location: Location
  skipWaiting(): Promise<void>
}

export const OFFLINE_PAGE = '/offline'

const scope = self as unknown as WorkerScope

/** The same request, without cookies: what anyone signed out would get. */
function withoutCookies(request: Request): Request {
  return new Request(request.url, { credentials: 'omit', cache: 'reload', redirect: 'error' })
}

/** The kept copy's key for a same-origin path, or undefined for anything not on the list. */
function keptKey(url: URL): string | undefined {
  if (url.origin !== scope.location.origin) return undefined
  return getCacheKeyForURL(url.pathname)
}

addPlugins([{ requestWillFetch: async ({ request }) => withoutCookies(request) }])
// Written as `self.__WB_MANIFEST` so that workbox-build finds where to put the list.
precache((self as unknown as WorkerScope).__WB_MANIFEST)
cleanupOutdatedCaches()
scope.skipWaiting()
clientsClaim()

/** After a kept page loads from the network, refresh its kept copy, fetched without cookies. */
const refreshKeptPage = {
  fetchDidSucceed: async ({ request, response }: { request: Request; response: Response }) => {
    const key = keptKey(new URL(request.url))
    if (key && response.ok && request.mode === 'navigate') {
      const fresh = await fetch(withoutCookies(request)).catch(() => undefined)
      if (fresh?.ok) {
        const cache = await caches.open(cacheNames.precache)
        await cache.put(key, fresh)
      }
    }
    return response
  },
}

// Page loads, and the kept static files: network only; the catch handler below answers offline.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' || keptKey(url) !== undefined,
  new NetworkOnly({ plugins: [refreshKeptPage] }),
)

setCatchHandler(async ({ request }) => {
  const url = new URL(request.url)
  const kept = keptKey(url) ? await matchPrecache(url.pathname) : undefined
  if (kept) return kept
  if (request.mode === 'navigate') return (await matchPrecache(OFFLINE_PAGE)) ?? Response.error()
  return Response.error()
})
