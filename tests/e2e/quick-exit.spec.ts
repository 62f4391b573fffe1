// Quick exit: leaves for a neutral site at once. With JavaScript it replaces the history entry
// (Back does not return to Foothold), fires on Esc pressed twice quickly and signs the session
// out; without JavaScript it is a plain link. There is no internet here, so the outside sites
// are answered by the test.
import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { DEMO, QUICK_EXIT_URL, signIn, waitForHydration } from './helpers.ts'

/** A neutral page the person was on before opening Foothold. */
const BEFORE_URL = 'https://www.bbc.co.uk/news'

async function fakeOutsideWorld(context: BrowserContext) {
  await context.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny</p>' }),
  )
}

const isFoothold = (page: Page) => new URL(page.url()).host === new URL(test.info().project.use.baseURL ?? '').host

test.describe('with JavaScript', () => {
  test.beforeEach(async ({ context }) => {
    await fakeOutsideWorld(context)
  })

  test('the button leaves for the weather site and Back does not return to Foothold', async ({ page }) => {
    await page.goto(BEFORE_URL)
    await page.goto('/help')
    await waitForHydration(page)
    const exit = page.getByRole('link', { name: /Quick exit/ })
    await expect(exit).toHaveAttribute('href', QUICK_EXIT_URL)
    await exit.click()
    await expect(page).toHaveURL(QUICK_EXIT_URL)
    await expect(page).toHaveTitle('Weather')

    // The Foothold page was replaced in history: Back goes to the page before it.
    await page.goBack()
    expect(isFoothold(page), `Back returned to ${page.url()}`).toBe(false)
    await expect(page).toHaveURL(BEFORE_URL)
  })

  test('pressing Esc twice quickly leaves; twice slowly does not', async ({ page }) => {
    await page.goto(BEFORE_URL)
    await page.goto('/signup')
    await waitForHydration(page)
    await expect(page.getByRole('link', { name: 'Quick exit (or press Esc twice)' })).toBeVisible()
    await page.getByLabel('Username', { exact: true }).click()

    // Two presses more than a second apart do nothing.
    await page.keyboard.press('Escape')
    await page.waitForTimeout(1_200)
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
    await expect(page).toHaveURL('/signup')

    // Two quick presses leave, replacing the history entry.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await expect(page).toHaveURL(QUICK_EXIT_URL)
    await page.goBack()
    await expect(page).toHaveURL(BEFORE_URL)
  })

  test('leaving signs the session out', async ({ page }) => {
    await signIn(page, DEMO.client.username, DEMO.client.passphrase)
    await waitForHydration(page)
    await page.getByRole('link', { name: /Quick exit/ }).click()
    await expect(page).toHaveURL(QUICK_EXIT_URL)
    // The sign-out is a beacon sent as the page leaves (the browser reports it aborted, as the page
    // is gone): ask the server, with the same cookies, whether the session still works.
    await expect
      .poll(async () => (await page.request.get('/home', { maxRedirects: 0 })).headers().location, {
        message: 'after a quick exit, /home should ask to sign in again',
        timeout: 3_000,
      })
      .toBe('/login?redirectTo=%2Fhome')
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the button is a plain link to the weather site', async ({ page, context }) => {
    await fakeOutsideWorld(context)
    await page.goto('/login')
    // Esc does nothing without JavaScript, so the link does not offer it.
    const exit = page.getByRole('link', { name: 'Quick exit', exact: true })
    await expect(exit).toHaveAttribute('href', QUICK_EXIT_URL)
    await expect(exit).toHaveAttribute('rel', /noreferrer/)
    await exit.click()
    await expect(page).toHaveURL(QUICK_EXIT_URL)
    await expect(page).toHaveTitle('Weather')
  })
})
