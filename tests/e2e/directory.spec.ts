// The services and meetings directory (issue 15 §2) with JavaScript: a client searches by kind
// and place, reads the next meetings, saves a service to their plan; a key worker suggests a
// service to their linked client, who sees it with suggested modules. axe on every page, and no
// request ever leaves Foothold's own address (no map tiles, nothing third-party).
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, expectNoHorizontalScroll, signInAs, signUp, waitForHydration } from './helpers.ts'

/** Every request the page makes, so a test can say none went anywhere else. */
function watchRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

function expectOnlyOwnOrigin(page: Page, urls: string[]) {
  const own = new URL(page.url()).origin
  expect(urls.filter((url) => !url.startsWith(own) && !url.startsWith('data:'))).toEqual([])
}

const results = (page: Page) => page.locator('.directory-results article h3')
/** The demo's made-up entries only: other tests import entries of their own into the same server. */
const demoResults = (page: Page) => results(page).filter({ hasText: 'made-up demo entry' })

test('a client searches the directory, reads the next meetings and saves a service to their plan', async ({ page }) => {
  const urls = watchRequests(page)
  await signUp(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).first().click()
  await expect(page).toHaveURL('/services')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find services and meetings')
  await expect(page.getByText('Times are in your time zone (Europe/London)')).toBeVisible()
  await expectNoAxeViolations(page, '/services')

  // Meetings only: the demo's three, and the next 7 days of them in time order.
  await page.getByLabel('Kind').selectOption({ label: 'Any mutual-aid meeting' })
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/kind=meetings/)
  for (const kind of await page.locator('.directory-results article .hint').allTextContents())
    expect(kind).toMatch(/^Meeting/)
  await expect(demoResults(page)).toHaveText([
    /Example Online NA/,
    /Example SMART Recovery, first Thursday/,
    /Example Tuesday AA/,
  ])
  const next = page.locator('.next-meetings li')
  expect(await next.count()).toBeGreaterThanOrEqual(2)
  const times = await next.locator('strong').allTextContents()
  expect(
    times.every((time) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/.test(time)),
  ).toBe(true)

  // By postcode district text, any kind: ZZ2 has the pharmacy (checked over a year ago) and the AA meeting.
  await page.getByLabel('Kind').selectOption({ label: 'Any kind' })
  await page.getByLabel('Town or postcode district').fill('zz2')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(demoResults(page)).toHaveText([/Example Pharmacy/, /Example Tuesday AA/])
  const pharmacy = page.locator('.directory-results article', {
    has: page.getByRole('heading', { name: /Example Pharmacy/ }),
  })
  await expect(pharmacy).toContainText('Not checked for over a year')

  // Save it to the plan.
  await pharmacy.getByRole('button', { name: /Save to my plan/ }).click()
  await expect(page.locator('#services-outcome')).toContainText('Saved to your plan.')
  const saved = page.locator('.directory-saved article', {
    has: page.getByRole('heading', { name: /Example Pharmacy/ }),
  })
  await expect(saved.getByRole('button', { name: /Take off my plan/ })).toBeVisible()
  await expectNoAxeViolations(page, '/services with a saved service')
  expectOnlyOwnOrigin(page, urls)
})

test('a key worker suggests a service to a linked client, who sees it with suggested modules', async ({ browser }) => {
  const worker = await (await browser.newContext()).newPage()
  await signInAs(worker, 'keyworker')
  await worker.goto('/services?place=zz1')
  await waitForHydration(worker)
  await expectNoAxeViolations(worker, '/services as a key worker')
  const hub = worker.locator('article', { has: worker.getByRole('heading', { name: /Example Recovery Hub/ }) })
  await hub.getByLabel('Suggest to').selectOption({ label: 'demo-client' })
  await hub.getByRole('button', { name: /Suggest/ }).click()
  await expect(worker.locator('#services-outcome')).toContainText('Suggested.')

  const client = await (await browser.newContext()).newPage()
  await signInAs(client, 'client')
  await client.goto('/modules')
  await waitForHydration(client)
  const suggestion = client.getByRole('listitem').filter({ hasText: 'Service: Example Recovery Hub' })
  await expect(suggestion).toContainText('suggested by demo-keyworker')
  await expectNoAxeViolations(client, '/modules with a suggested service')
  await suggestion.getByRole('button', { name: /Dismiss/ }).click()
  await expect(client.getByText('Service: Example Recovery Hub')).toHaveCount(0)
})

test.describe('at 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 780 } })

  test('/services fits without sideways scrolling', async ({ page }) => {
    await signUp(page)
    await page.goto('/services')
    await waitForHydration(page)
    await expectNoHorizontalScroll(page)
    await page.screenshot({ path: '/tmp/services-360.png', fullPage: true })
    // Screen-sized views to look at: the top, the next meetings and the first results.
    await page.screenshot({ path: '/tmp/services-360-top.png' })
    await page.getByRole('heading', { name: 'Next meetings' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/services-360-meetings.png' })
    await page.locator('.directory-results article').nth(2).scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/services-360-results.png' })
  })
})
