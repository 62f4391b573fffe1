// Shared steps for the end-to-end suite: accounts, sign-in, hydration and accessibility checks.
import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'

/** The accounts `scripts/demo.ts` seeds (db/seed-demo.ts). */
export const DEMO = {
  client: { username: 'demo-client', passphrase: 'demo client passphrase' },
  keyworker: { username: 'demo-keyworker', passphrase: 'demo keyworker passphrase' },
  clinician: { username: 'demo-clinician', passphrase: 'demo clinician passphrase' },
  admin: { username: 'demo-admin', passphrase: 'demo admin passphrase' },
} as const

export type DemoRole = keyof typeof DEMO

/** A passphrase that passes the rules (8+ characters, not a common one). */
export const GOOD_PASSPHRASE = 'purple kettle river stone'

export const SIGN_IN_FAILED = 'That username and passphrase do not match an account'

export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather'

/** A username no other test (or earlier run) has used: 3–30 of [a-z0-9._-]. */
export function uniqueUsername(prefix = 'e2e'): string {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  return `${prefix.toLowerCase().slice(0, 12)}-${suffix}`.slice(0, 30)
}

/** Signs up a new client through the form and waits for their home page. */
export async function signUp(
  page: Page,
  username = uniqueUsername(),
  passphrase = GOOD_PASSPHRASE,
): Promise<{ username: string; passphrase: string }> {
  await page.goto('/signup')
  await waitForHydration(page)
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL('/home')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${username}`)
  return { username, passphrase }
}

/** Fills and sends the sign-in form (from wherever the page is) without checking the outcome. */
export async function submitSignIn(page: Page, username: string, passphrase: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto('/login')
  await waitForHydration(page)
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in through the form and waits for the home page. */
export async function signIn(page: Page, username: string, passphrase: string): Promise<void> {
  await submitSignIn(page, username, passphrase)
  await expect(page).toHaveURL('/home')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${username}`)
}

export function signInAs(page: Page, role: DemoRole): Promise<void> {
  return signIn(page, DEMO[role].username, DEMO[role].passphrase)
}

/**
 * Signs in with a plain HTTP post on the page's own request context, so the browser context gets
 * the session cookie without loading any page (and its JavaScript) first.
 */
export async function signInByRequest(request: APIRequestContext, username: string, passphrase: string) {
  const response = await request.post('/login', {
    form: { username, passphrase },
    maxRedirects: 0,
  })
  expect(response.status(), 'sign-in should redirect').toBe(302)
}

export async function signOut(page: Page): Promise<void> {
  await waitForHydration(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible()
}

/** As a signed-in admin: makes an invite link for `role` on the staff page and returns it. */
export async function makeInviteLink(page: Page, role: 'Key worker' | 'Clinician' | 'Admin'): Promise<string> {
  await page.goto('/admin/staff')
  await waitForHydration(page)
  const form = page.getByRole('form', { name: 'Invite a member of staff' })
  await form.getByLabel('Role').selectOption({ label: role })
  await form.getByRole('button', { name: 'Make invite link' }).click()
  const link = page.locator('code.invite-link')
  await expect(link).toBeVisible()
  const url = (await link.textContent())?.trim() ?? ''
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/)
  return url
}

/** As an admin: a new key worker account made by a plain post, for tests that change staff accounts. */
export async function makeStaffByRequest(request: APIRequestContext, prefix = 'staff'): Promise<string> {
  const username = uniqueUsername(prefix)
  const response = await request.post('/admin/staff', {
    form: { intent: 'create', username, passphrase: GOOD_PASSPHRASE, role: 'keyworker' },
    maxRedirects: 0,
  })
  expect(response.status(), 'creating a staff account').toBe(200)
  return username
}

/** As an admin, on the staff page: makes a one-time passphrase-reset link for `username`. */
export async function makeResetLink(page: Page, username: string): Promise<string> {
  await page.goto('/admin/staff')
  await waitForHydration(page)
  const person = page.getByRole('region', { name: username, exact: true })
  await person.getByRole('button', { name: `Make a passphrase-reset link for ${username}` }).click()
  const link = person.locator('code.reset-link')
  await expect(link).toBeVisible()
  const url = (await link.textContent())?.trim() ?? ''
  expect(url).toMatch(/\/reset\/[A-Za-z0-9_-]{20,}$/)
  return url
}

/**
 * Resolves once React has hydrated the page (its event handlers are attached), so a click is
 * handled by the app rather than by the browser's default. Returns at once when JavaScript is off
 * (Remix's inline context script then never ran).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (!('__remixContext' in window)) return true
    const link = document.querySelector('[data-testid="quick-exit"]')
    return !!link && Object.keys(link).some((key) => key.startsWith('__reactProps'))
  })
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Runs axe-core on the page as it is now and fails with a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, label?: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of finishing in a second page: half the time,
  // and Foothold's pages have no frames for the newer mode to reach into.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze()
  const where = label ?? new URL(page.url()).pathname
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
  )
  expect(report, `axe violations on ${where}:\n${report.join('\n')}`).toEqual([])
}

/** True when the page is wider than its viewport (it scrolls sideways). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.client}px viewport`).toBeLessThanOrEqual(
    widths.client,
  )
}

/** Records a measurement on the test; the summary reporter prints it at the end of the run. */
export function recordMeasurement(name: string, value: string): void {
  test.info().annotations.push({ type: 'measurement', description: `${name}: ${value}` })
  console.log(`[measurement] ${name}: ${value}`)
}
