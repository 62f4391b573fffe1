// Offline (issue 15, ADR 0021; hazards H-034, H-035): after one visit, the overdose guide, help
// with the crisis contacts and the urge card open with the network off; nothing private is ever
// kept by the service worker.
import { expect, type Page, test } from '@playwright/test'
import { signUp, waitForHydration } from './helpers.ts'
import { fillUse, URGE_LEGEND, urgeList, useList } from './tracking-helpers.ts'

/** Waits until the service worker is active and controls the page (its list is then kept). */
async function workerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** Every URL the page's origin keeps in CacheStorage, by cache name. */
function keptUrls(page: Page) {
  return page.evaluate(async () => {
    const kept: { cache: string; url: string; body: string }[] = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) {
        const response = await cache.match(request)
        kept.push({ cache: name, url: request.url, body: (await response?.text()) ?? '' })
      }
    }
    return kept
  })
}

/** What may be kept: the offline pages and the static files they use (scripts/build-sw.ts). */
const ALLOWED = /^\/(help\/overdose|help|help\/urge-card|offline|offline-pages\.js|favicon\.svg|assets\/[\w-]+\.css)$/

test('after one visit the overdose guide, help and the urge card open with the network off', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 320, height: 640 })
  const response = await page.goto('/help/overdose')
  expect(response?.headers()['content-security-policy']).toContain("worker-src 'self'")
  await workerReady(page)

  await context.setOffline(true)
  await page.goto('/help/overdose')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Someone overdosing?')
  // With JavaScript: one step per screen, big Back and Next.
  await expect(page.getByText('Step 1 of 6')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Step 1: Call 999' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Step 2:/ })).toBeHidden()
  await page.getByRole('button', { name: 'Next step' }).click()
  await expect(page.getByRole('heading', { name: 'Step 2: Not breathing normally? Start CPR' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Step 2: Not breathing normally? Start CPR' })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Step 1: Call 999' })).toBeHidden()

  await page.goto('/help')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help and crisis contacts')
  await expect(page.getByRole('link', { name: '116 123' })).toBeVisible()

  await page.goto('/help/urge-card')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riding out an urge')

  // Any other page says there is no connection, never "something went wrong on our side".
  await page.goto('/track')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No connection')
  await expect(page.getByText('something went wrong')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Someone overdosing? What to do' })).toBeVisible()
  await context.setOffline(false)
})

test('without JavaScript every step of the guide is on one page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })
  const page = await context.newPage()
  await page.goto('/help/overdose')
  for (const step of ['Call 999', 'Give naloxone', 'Stay with them'])
    await expect(page.getByRole('heading', { name: new RegExp(`Step \\d: ${step}`) })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Cocaine, crack, speed or ecstasy: what is different' })).toBeVisible()
  await context.close()
})

test('the footer of every page and the help page link to the guide', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Someone overdosing?' }).click()
  await expect(page).toHaveURL('/help/overdose')
  await page.goto('/help')
  await expect(page.getByRole('link', { name: 'The overdose guide, step by step' })).toHaveAttribute(
    'href',
    '/help/overdose',
  )
  // The wallet card, for anyone: a PDF, never cached.
  const card = await page.request.get('/help/wallet-card.pdf')
  expect(card.status()).toBe(200)
  expect(card.headers()['content-type']).toBe('application/pdf')
  expect(card.headers()['cache-control']).toBe('no-store')
  expect(card.headers()['content-disposition']).toContain('overdose-wallet-card.pdf')
  expect((await card.body()).subarray(0, 5).toString()).toBe('%PDF-')
})

test('signed in, after private pages: the caches hold only the allowlisted public files, kept signed out', async ({
  browser,
}) => {
  // Sign up with the worker blocked, so that it first installs (and fills its cache) while signed in.
  const signingUp = await browser.newContext({ serviceWorkers: 'block' })
  const { username } = await signUp(await signingUp.newPage())
  const context = await browser.newContext({ storageState: await signingUp.storageState() })
  await signingUp.close()
  const page = await context.newPage()
  await page.goto('/home')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${username}`)
  await workerReady(page)
  for (const path of [
    '/home',
    '/track',
    '/track/use/new',
    '/progress',
    '/goals',
    '/privacy',
    '/help',
    '/help/overdose',
  ]) {
    await page.goto(path)
    await waitForHydration(page)
  }
  // Give a refresh of a kept page (after loading /help and /help/overdose) time to land.
  await page.waitForTimeout(500)
  const kept = await keptUrls(page)
  expect(kept.length).toBeGreaterThanOrEqual(5)
  for (const entry of kept) {
    const url = new URL(entry.url)
    expect(url.pathname, entry.url).toMatch(ALLOWED)
    expect(
      [...url.searchParams.keys()].filter((key) => key !== '__WB_REVISION__'),
      entry.url,
    ).toEqual([])
    expect(entry.body, `${entry.url} was kept signed in`).not.toContain(username)
    expect(entry.body, `${entry.url} holds a sign-out button`).not.toContain('Sign out')
  }
  const paths = kept.map((entry) => new URL(entry.url).pathname)
  for (const page of ['/help/overdose', '/help', '/help/urge-card', '/offline']) expect(paths).toContain(page)
  for (const privatePath of ['/home', '/track', '/privacy', '/progress', '/goals'])
    expect(paths).not.toContain(privatePath)
  await context.close()
})

test('an urge logged with no connection waits on the device, then is sent when the connection is back', async ({
  page,
  context,
}) => {
  await signUp(page)
  await page.goto('/track')
  await waitForHydration(page)
  await expect(urgeList(page)).toHaveCount(0)

  await context.setOffline(true)
  await page
    .getByRole('group', { name: URGE_LEGEND, exact: true })
    .getByRole('radio', { name: '6', exact: true })
    .check()
  await page.getByRole('button', { name: 'Log this urge', exact: true }).click()
  const note = page.locator('#waiting-to-send')
  await expect(note).toContainText('Waiting to send: 1 entry')
  await expect(note).toContainText('kept on this device')
  await expect(page.getByText('something went wrong')).toHaveCount(0)
  await expect(page).toHaveURL('/track')
  const kept = await page.evaluate(() => localStorage.getItem('foothold-waiting-entries'))
  expect(JSON.parse(kept ?? '[]')).toHaveLength(1)
  // Only the form's fields are kept: the strength, the time zone and the time it was logged.
  expect(
    JSON.parse(kept ?? '[]')[0]
      .fields.map(([name]: [string, string]) => name)
      .sort(),
  ).toEqual(['intensity', 'timeZone', 'when'])

  // A page that needs the server says there is no connection, never "something went wrong".
  await page.getByRole('link', { name: 'See your progress and patterns' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No connection')
  await expect(page.getByText('something went wrong')).toHaveCount(0)

  // Back online, the next page sends it, says so, and the list shows it (the page's data is reloaded).
  await context.setOffline(false)
  await page.goto('/track')
  await expect(note).toContainText('Sent and saved: your urge')
  await expect(note).not.toContainText('Waiting to send')
  expect(await page.evaluate(() => localStorage.getItem('foothold-waiting-entries'))).toBeNull()
  await expect(urgeList(page).getByRole('listitem')).toHaveCount(1)
  await expect(urgeList(page)).toContainText('strength 6')
  await note.getByRole('link', { name: 'See it' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Urge logged')
})

test('a use entry logged with no connection is sent when the connection is back', async ({ page, context }) => {
  await signUp(page)
  await page.goto('/track/use/new')
  await waitForHydration(page)
  await context.setOffline(true)
  await fillUse(page, { substance: 'cannabis', amount: '1' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.locator('#waiting-to-send')).toContainText('Waiting to send: 1 entry (use entry')
  await context.setOffline(false)
  await expect(page.locator('#waiting-to-send')).toContainText('Sent and saved: your use entry')
  expect(await page.evaluate(() => localStorage.getItem('foothold-waiting-entries'))).toBeNull()
  await page.goto('/track')
  await expect(useList(page).getByRole('listitem')).toHaveCount(1)
})
