// Security and privacy at the HTTP level: headers, health check, calm 404s, cross-site form
// refusal, no third-party requests, the session cookie's flags, and the JavaScript budget.
import { gzipSync } from 'node:zlib'
import { expect, type Page, test } from '@playwright/test'
import {
  DEMO,
  QUICK_EXIT_URL,
  recordMeasurement,
  signIn,
  signInByRequest,
  signUp,
  uniqueUsername,
  waitForHydration,
} from './helpers.ts'

const JS_BUDGET_BYTES = 100 * 1024

test('pages carry a strict Content-Security-Policy and the other security headers', async ({ page }) => {
  const response = await page.goto('/signup')
  expect(response?.status()).toBe(200)
  const headers = response?.headers() ?? {}

  const csp = headers['content-security-policy'] ?? ''
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  )
  expect(directives.get('frame-ancestors')).toEqual(["'none'"])
  expect(directives.get('default-src')).toEqual(["'self'"])
  expect(directives.get('object-src')).toEqual(["'none'"])
  const nonceSource = directives.get('script-src')?.find((value) => value.startsWith("'nonce-"))
  expect(nonceSource, 'script-src has a nonce').toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/)
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
  expect(directives.get('script-src')).not.toContain("'unsafe-eval'")
  // Only this origin: every source is a keyword, a nonce, or data: for images; no hosts or schemes.
  // One exception: forms may lead to the quick exit's neutral site, where /exit redirects (H-001).
  expect(directives.get('form-action')).toEqual(["'self'", new URL(QUICK_EXIT_URL).origin])
  for (const [name, values] of directives)
    for (const value of name === 'form-action' ? values.slice(0, 1) : values)
      expect(value, `${name} allows ${value}`).toMatch(/^('self'|'none'|'nonce-[^']+'|data:)$/)

  // Every script Remix wrote carries this response's nonce (and so runs under the policy).
  const nonce = nonceSource?.slice("'nonce-".length, -1)
  const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => s.nonce))
  expect(scriptNonces.length).toBeGreaterThan(0)
  for (const scriptNonce of scriptNonces) expect(scriptNonce).toBe(nonce)

  // A fresh nonce every response.
  const again = await page.request.get('/signup')
  expect(again.headers()['content-security-policy']).not.toBe(csp)

  expect(headers['x-content-type-options']).toBe('nosniff')
  // No address (which may hold an invite token) is ever sent anywhere. Under `no-referrer` the
  // browser sends `Origin: null` on this site's own posts; the no-JavaScript journeys prove they work.
  expect(headers['referrer-policy']).toBe('no-referrer')
  const metaReferrer = await page.locator('meta[name="referrer"]').getAttribute('content')
  if (metaReferrer !== null) expect(metaReferrer).toBe(headers['referrer-policy'])
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-powered-by']).toBeUndefined()
  expect(headers['cache-control']).toBe('no-store')
})

test('signed-in pages are never cached', async ({ page }) => {
  await signIn(page, DEMO.client.username, DEMO.client.passphrase)
  for (const path of ['/home', '/account', '/privacy', '/privacy/export']) {
    const response = await page.request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(200)
    const directives = new Set((response.headers()['cache-control'] ?? '').split(/\s*,\s*/))
    expect([...directives], `Cache-Control on ${path}`).toEqual(['no-store'])
  }
})

test('GET /healthz answers {"status":"ok"}', async ({ request }) => {
  const response = await request.get('/healthz')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('application/json')
  expect(await response.json()).toEqual({ status: 'ok' })
})

test('an unknown address shows a calm 404 page without a stack trace', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page.getByRole('link', { name: 'Go to the start page' })).toBeVisible()
  const html = (await response?.text()) ?? ''
  expect(html).not.toMatch(/\bat .+\.(js|ts|tsx):\d+/)
  expect(html).not.toContain('node_modules')
  expect(html).not.toMatch(/Error: /)
})

test('a form post from another website is refused with 403', async ({ request }) => {
  const form = { username: DEMO.client.username, passphrase: DEMO.client.passphrase }
  const evil = await request.post('/login', { form, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 })
  expect(evil.status()).toBe(403)
  expect(evil.headers()['set-cookie']).toBeUndefined()

  const crossSite = await request.post('/signup', {
    form: { username: uniqueUsername('csrf'), passphrase: 'purple kettle river stone' },
    headers: { 'Sec-Fetch-Site': 'cross-site' },
    maxRedirects: 0,
  })
  expect(crossSite.status()).toBe(403)

  // The same post from this site goes through.
  const own = await request.post('/login', {
    form,
    headers: { Origin: new URL(test.info().project.use.baseURL ?? '').origin },
    maxRedirects: 0,
  })
  expect(own.status()).toBe(302)
})

test('a post that is not a form (JSON, or no body) gets 415, never a 500', async ({ request }) => {
  for (const path of ['/login', '/modules/saying-no', '/privacy']) {
    const json = await request.post(path, { data: { username: 'x' }, maxRedirects: 0 })
    expect(json.status(), path).toBe(415)
    expect(await json.text()).toContain('only accepts form posts')
    expect((await request.post(path, { maxRedirects: 0 })).status(), path).toBe(415)
  }
})

test('no page contacts any origin but Foothold itself', async ({ page }) => {
  const base = new URL(test.info().project.use.baseURL ?? '')
  const elsewhere: string[] = []
  const refused: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:') return
    if (url.hostname !== 'localhost' || url.port !== base.port) elsewhere.push(request.url())
  })
  // Anything the Content-Security-Policy blocked (which never reaches the network) shows up here.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
  })
  const visit = async (path: string) => {
    await page.goto(path)
    await waitForHydration(page)
  }
  for (const path of ['/', '/signup', '/login', '/help', '/privacy', '/no-such-page']) await visit(path)
  await signUp(page)
  for (const path of ['/home', '/privacy', '/account']) await visit(path)
  // Client-side navigation too (Remix fetches route data and modules as it goes).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click()
  await expect(page).toHaveURL('/home')
  await page.getByRole('contentinfo').getByRole('link', { name: /^Help/ }).click()
  await expect(page).toHaveURL('/help')
  await page.waitForLoadState('networkidle')
  expect(elsewhere).toEqual([])
  expect(refused).toEqual([])
})

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signUp(page)
  const cookies = await context.cookies()
  const session = cookies.find((cookie) => cookie.name.endsWith('foothold-session'))
  expect(session, `cookies: ${cookies.map((c) => c.name).join(', ')}`).toBeDefined()
  expect(session?.httpOnly).toBe(true)
  expect(session?.sameSite).toBe('Lax')
  expect(session?.path).toBe('/')
  // Scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('foothold-session')
  // The session id is long and random, not a username or a counter.
  expect(session?.value.length).toBeGreaterThanOrEqual(40)
})

/** Sums the JavaScript a fresh page load fetched: bytes on the wire and, as a check, gzip -9 of the bodies. */
async function measureFirstLoadJs(page: Page, path: string) {
  const bodies = new Map<string, Buffer>()
  const collecting: Promise<void>[] = []
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.endsWith('.js')) return
    collecting.push(
      response.body().then(
        (body) => void bodies.set(response.url(), body),
        () => undefined,
      ),
    )
  })
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(200)
  await page.waitForLoadState('networkidle')
  await Promise.all(collecting)
  const entries = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ name: entry.name, encoded: entry.encodedBodySize, decoded: entry.decodedBodySize })),
  )
  const wire = entries.reduce((sum, entry) => sum + entry.encoded, 0)
  const decoded = entries.reduce((sum, entry) => sum + entry.decoded, 0)
  const gzipped = [...bodies.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0)
  return { files: entries.length, bodies: bodies.size, wire, decoded, gzipped }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

for (const path of ['/signup', '/home']) {
  test(`first load of ${path} ships at most 100 KB of compressed JavaScript`, async ({ page }) => {
    if (path === '/home') {
      // A client signed in without loading any page first, so nothing is in the browser's cache yet.
      await signInByRequest(page.request, DEMO.client.username, DEMO.client.passphrase)
    }
    const size = await measureFirstLoadJs(page, path)
    recordMeasurement(
      `first-load JS on ${path}`,
      `${kb(size.wire)} on the wire (${size.files} files, ${kb(size.decoded)} uncompressed; gzip -9 of the same: ${kb(size.gzipped)})`,
    )
    expect(size.files).toBeGreaterThan(0)
    expect(size.bodies).toBe(size.files)
    // The server compresses: bytes on the wire are well under the uncompressed size.
    expect(size.wire).toBeLessThan(size.decoded / 2)
    expect(size.wire, `${path}: ${kb(size.wire)} on the wire`).toBeLessThanOrEqual(JS_BUDGET_BYTES)
    expect(size.gzipped, `${path}: ${kb(size.gzipped)} gzipped`).toBeLessThanOrEqual(JS_BUDGET_BYTES)
  })
}
