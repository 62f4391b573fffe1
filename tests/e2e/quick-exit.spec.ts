// Quick exit: leaves for a neutral site at once. With JavaScript it replaces the history entry
// (Back does not return to Foothold), fires on Esc pressed twice quickly outside text fields and
// signs the session out; without JavaScript it is a form post that signs out and answers 303 to
// the neutral site. There is no internet here, so the outside sites are answered by the test.
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
    await page.getByRole('button', { name: /Quick exit/ }).click()
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
    await expect(page.getByRole('button', { name: 'Quick exit (or press Esc twice)' })).toBeVisible()
    await page.getByRole('heading', { level: 1 }).click()

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

  test('Esc twice while typing in a field keeps what was typed; the button still leaves', async ({ page }) => {
    await page.goto('/signup')
    await waitForHydration(page)
    const username = page.getByLabel('Username', { exact: true })
    await username.fill('half-typed')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
    await expect(page).toHaveURL('/signup')
    await expect(username).toHaveValue('half-typed')

    // Not in a select or contenteditable either.
    await page.evaluate(() => {
      const box = document.createElement('div')
      box.contentEditable = 'true'
      box.id = 'scratch'
      box.textContent = 'notes'
      document.querySelector('main')?.append(box)
    })
    await page.locator('#scratch').click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
    await expect(page).toHaveURL('/signup')

    await page.getByRole('button', { name: /Quick exit/ }).click()
    await expect(page).toHaveURL(QUICK_EXIT_URL)
  })

  test('leaving signs the session out', async ({ page }) => {
    await signIn(page, DEMO.client.username, DEMO.client.passphrase)
    await waitForHydration(page)
    await page.getByRole('button', { name: /Quick exit/ }).click()
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

  test('the button posts, signs out and lands on the weather site; Back and /home ask to sign in', async ({
    page,
    context,
  }) => {
    await fakeOutsideWorld(context)
    await page.goto(BEFORE_URL)
    await signIn(page, DEMO.client.username, DEMO.client.passphrase)
    // Esc does nothing without JavaScript, so the button does not offer it.
    const exit = page.getByRole('button', { name: 'Quick exit', exact: true })
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/exit'),
      exit.click(),
    ])
    expect(response.status()).toBe(303)
    expect(response.headers().location).toBe(QUICK_EXIT_URL)
    await expect(page).toHaveURL(QUICK_EXIT_URL)
    await expect(page).toHaveTitle('Weather')

    // Back reaches Foothold's last page again, but it is fetched afresh (no-store) and the session is gone.
    await page.goBack()
    if (isFoothold(page)) await expect(page).toHaveURL(/\/login\?redirectTo=%2Fhome$/)
    await page.goto('/home')
    await expect(page).toHaveURL('/login?redirectTo=%2Fhome')
  })

  test('the button leaves when signed out too', async ({ page, context }) => {
    await fakeOutsideWorld(context)
    await page.goto('/login')
    await page.getByRole('button', { name: 'Quick exit', exact: true }).click()
    await expect(page).toHaveURL(QUICK_EXIT_URL)
    await expect(page).toHaveTitle('Weather')
  })
})
