// WCAG 2.2 AA: axe-core finds no violations on any page, in every role, with errors showing;
// and pages fit a 320 px wide screen without sideways scrolling.
import { expect, type Page, test } from '@playwright/test'
import {
  type DemoRole,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  makeInviteLink,
  signInAs,
  signUp,
  submitSignIn,
  uniqueUsername,
  waitForHydration,
} from './helpers.ts'

async function visitAndCheck(page: Page, path: string, expectedStatus = 200) {
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(expectedStatus)
  await waitForHydration(page)
  await expectNoAxeViolations(page, path)
}

test('public pages', async ({ page }) => {
  for (const path of [
    '/',
    '/signup',
    '/login',
    '/help',
    '/help/overdose',
    '/help/urge-card',
    '/offline',
    '/privacy',
    '/account-deleted',
  ])
    await visitAndCheck(page, path)
  await visitAndCheck(page, '/no-such-page', 404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await visitAndCheck(page, '/invite/not-a-real-token', 404)
})

test('sign-up and sign-in forms with errors showing', async ({ page }) => {
  await visitAndCheck(page, '/signup')
  await page.getByLabel('Username', { exact: true }).fill('has spaces')
  await page.getByLabel('Passphrase', { exact: true }).fill('password123')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Username', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, '/signup with field errors')

  // Sign-in with nothing filled in, then with wrong details (a form-level error).
  await visitAndCheck(page, '/login')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
  await expectNoAxeViolations(page, '/login with field errors')
  await submitSignIn(page, uniqueUsername('nobody'), 'wrong passphrase here')
  await expect(page.getByRole('alert')).toContainText('do not match an account')
  await expectNoAxeViolations(page, '/login with a form error')
})

test('client pages, with the delete-account and passphrase-change errors showing', async ({ page }) => {
  await signUp(page)
  for (const path of ['/home', '/privacy', '/account', '/help', '/no-such-page', '/admin/staff'])
    await visitAndCheck(page, path, path === '/no-such-page' ? 404 : path === '/admin/staff' ? 403 : 200)

  await page.goto('/privacy')
  await waitForHydration(page)
  const form = page.getByRole('form', { name: 'Delete your account' })
  await form.getByRole('button', { name: 'Delete my account' }).click()
  await expect(form.locator('[aria-invalid="true"]').first()).toBeVisible()
  await expectNoAxeViolations(page, '/privacy with the delete form refused')
  await form.getByLabel('Your passphrase').fill('not my passphrase')
  await form.getByLabel('I understand this deletes everything and cannot be undone').check()
  await form.getByRole('button', { name: 'Delete my account' }).click()
  await expect(form.getByText('That passphrase is not right')).toBeVisible()
  await expectNoAxeViolations(page, '/privacy with a wrong passphrase')

  await page.goto('/account')
  await waitForHydration(page)
  await page.getByLabel('Current passphrase').fill('not my passphrase')
  await page.getByLabel('New passphrase').fill('short')
  await page.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(page.getByLabel('New passphrase')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, '/account with errors')
})

test("mixing drugs (public), a client's medicines and calendar pages (issue 15)", async ({ page }) => {
  await visitAndCheck(page, '/help/mixing')
  await signUp(page)
  await visitAndCheck(page, '/medicines')
  await visitAndCheck(page, '/reminders')
})

for (const role of ['client', 'keyworker', 'clinician', 'admin'] satisfies DemoRole[]) {
  test(`home and account pages as the demo ${role}`, async ({ page }) => {
    await signInAs(page, role)
    await visitAndCheck(page, '/home')
    await visitAndCheck(page, '/account')
  })
}

test('admin pages, the invite page and their errors', async ({ page, browser }) => {
  await signInAs(page, 'admin')
  await visitAndCheck(page, '/admin/staff')
  await visitAndCheck(page, '/admin/settings')

  // Settings refused: errors next to the fields.
  await page.getByLabel('Quick-exit website').fill('not a web address')
  await page.getByLabel('Service name').fill('')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByLabel('Quick-exit website')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, '/admin/settings with errors')

  // Questionnaires: switching off PHQ-9 without the acknowledgement is refused, the error by the box.
  await visitAndCheck(page, '/admin/instruments')
  await page.getByRole('button', { name: 'Switch off Your mood (PHQ-9)' }).click()
  await expect(page.locator('#phq-9-acknowledge')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, '/admin/instruments with the acknowledgement missing')

  // Staff page with an invite link showing, and with the create form refused.
  const url = await makeInviteLink(page, 'Clinician')
  await expectNoAxeViolations(page, '/admin/staff with an invite link')
  const create = page.getByRole('form', { name: 'Create a staff account' })
  await create.getByRole('button', { name: 'Create account' }).click()
  await expect(create.locator('[aria-invalid="true"]').first()).toBeVisible()
  await expectNoAxeViolations(page, '/admin/staff with the create form refused')

  // The invite page, as the invitee sees it, and with its errors (this does not use the link up).
  const invitee = await browser.newContext()
  try {
    const invitePage = await invitee.newPage()
    await visitAndCheck(invitePage, url)
    await invitePage.getByLabel('Username', { exact: true }).fill('x')
    await invitePage.getByRole('button', { name: 'Create my account' }).click()
    await expect(invitePage.getByLabel('Username', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expectNoAxeViolations(invitePage, '/invite/<token> with errors')
  } finally {
    await invitee.close()
  }
})

test('the services and meetings directory (issue 15 §2), for a client, a key worker and an admin', async ({
  page,
  browser,
}) => {
  await signUp(page)
  await visitAndCheck(page, '/services')
  await visitAndCheck(page, '/services?kind=meetings&when=meets-today')
  const worker = await (await browser.newContext()).newPage()
  await signInAs(worker, 'keyworker')
  await visitAndCheck(worker, '/services?place=zz1')
  await page.context().clearCookies()
  await signInAs(page, 'admin')
  for (const path of ['/services', '/admin/directory', '/admin/directory/new', '/admin/directory/example-recovery-hub'])
    await visitAndCheck(page, path)
  await visitAndCheck(page, '/admin/directory/import')
  await page.getByLabel('CSV text, header row first').fill('id,name\nx,y')
  await page.getByRole('button', { name: 'Import text' }).click()
  await expect(page.getByText('Nothing was imported.')).toBeVisible()
  await expectNoAxeViolations(page, '/admin/directory/import with problems listed')
})

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  test('pages do not scroll sideways', async ({ page }) => {
    // axe once more where the layout changes most when narrow (target sizes, wrapping forms).
    for (const path of ['/', '/signup', '/login', '/help', '/privacy', '/no-such-page']) {
      await page.goto(path)
      await expectNoHorizontalScroll(page)
    }
    await visitAndCheck(page, '/signup')
    await signInAs(page, 'admin')
    for (const path of ['/home', '/account', '/admin/settings']) {
      await page.goto(path)
      await expectNoHorizontalScroll(page)
    }
    await visitAndCheck(page, '/admin/settings')
    // The invite link is one long unbroken token.
    await makeInviteLink(page, 'Key worker')
    await expect(page.locator('code.invite-link')).toBeVisible()
    const linkBox = await page.locator('code.invite-link').boundingBox()
    expect((linkBox?.x ?? 0) + (linkBox?.width ?? 0)).toBeLessThanOrEqual(320)
  })

  test('the staff list fits, even with the longest usernames allowed', async ({ page }) => {
    await signInAs(page, 'admin')
    // Usernames may have up to 30 characters.
    const longName = uniqueUsername('staff-with-a-long-name').padEnd(30, 'x')
    const created = await page.request.post('/admin/staff', {
      form: { intent: 'create', username: longName, passphrase: 'purple kettle river stone', role: 'keyworker' },
    })
    expect(created.status()).toBe(200)
    await visitAndCheck(page, '/admin/staff')
    await expect(page.getByRole('cell', { name: longName })).toBeVisible()
    await expectNoHorizontalScroll(page)
  })
})
