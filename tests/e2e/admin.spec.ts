// Staff accounts: an admin makes a one-time invite link; the invitee sets up their own account;
// the link then no longer works. Other roles cannot reach the admin pages.
import { expect, test } from '@playwright/test'
import {
  DEMO,
  expectNoAxeViolations,
  GOOD_PASSPHRASE,
  makeInviteLink,
  makeResetLink,
  makeStaffByRequest,
  SIGN_IN_FAILED,
  signIn,
  signInAs,
  submitSignIn,
  uniqueUsername,
  waitForHydration,
} from './helpers.ts'

test('an invite link makes a key worker account once, and only once', async ({ page, browser }) => {
  await signInAs(page, 'admin')
  const url = await makeInviteLink(page, 'Key worker')
  // Same host as the app, so it works wherever the service runs.
  expect(new URL(url).origin).toBe(new URL(page.url()).origin)

  const invitee = await browser.newContext()
  try {
    const invitePage = await invitee.newPage()
    await invitePage.goto(url)
    await expect(invitePage.getByRole('heading', { level: 1 })).toHaveText('Set up your staff account')
    await waitForHydration(invitePage)
    const username = uniqueUsername('kw')
    await invitePage.getByLabel('Username', { exact: true }).fill(username)
    await invitePage.getByLabel('Passphrase', { exact: true }).fill(GOOD_PASSPHRASE)
    await invitePage.getByRole('button', { name: 'Create my account' }).click()
    await expect(invitePage).toHaveURL('/home')
    await expect(invitePage.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${username}`)
    await expect(
      invitePage.getByText('Clients who choose to share their progress with you are in your caseload.'),
    ).toBeVisible()
    await invitePage.goto('/account')
    await expect(invitePage.getByRole('main')).toContainText(`You are signed in as ${username} (key worker)`)
    // A key worker has no admin pages.
    await expect(invitePage.getByRole('link', { name: 'Staff' })).toHaveCount(0)

    // The admin sees the new member of staff.
    await page.goto('/admin/staff')
    const row = page.getByRole('row', { name: new RegExp(username) })
    await expect(row).toContainText('Key worker')
  } finally {
    await invitee.close()
  }

  // The link has been used: a 404 page that says so.
  const later = await browser.newContext()
  try {
    const laterPage = await later.newPage()
    const response = await laterPage.goto(url)
    expect(response?.status()).toBe(404)
    await expect(laterPage.getByRole('main')).toContainText(
      'This invite link has expired or has already been used. Ask your admin for a new one.',
    )
    // And posting to it does not make a second account.
    const post = await laterPage.request.post(url, {
      form: { username: uniqueUsername('kw2'), passphrase: GOOD_PASSPHRASE },
      maxRedirects: 0,
    })
    expect(post.status()).toBe(404)
  } finally {
    await later.close()
  }
})

test('a made-up invite link shows a 404 page', async ({ page }) => {
  const response = await page.goto('/invite/not-a-real-token-at-all-0123456789')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('form')).toHaveCount(0)
})

test('a client visiting the admin pages gets "No access" with status 403', async ({ page }) => {
  await signInAs(page, 'client')
  for (const path of ['/admin/staff', '/admin/settings']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No access')
    await expect(page.getByRole('main')).toContainText('You do not have access to this page.')
  }
  // Nor can a client post to them.
  const post = await page.request.post('/admin/staff', { form: { intent: 'invite', role: 'admin' }, maxRedirects: 0 })
  expect(post.status()).toBe(403)
})

test('someone signed out is asked to sign in first', async ({ page }) => {
  await page.goto('/admin/staff')
  await expect(page).toHaveURL('/login?redirectTo=%2Fadmin%2Fstaff')
  await page.getByLabel('Username', { exact: true }).fill(DEMO.admin.username)
  await page.getByLabel('Passphrase', { exact: true }).fill(DEMO.admin.passphrase)
  await waitForHydration(page)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/admin/staff')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff')
})

test('the admin can create a staff account directly; bad input is refused next to the field', async ({ page }) => {
  await signInAs(page, 'admin')
  await page.goto('/admin/staff')
  await waitForHydration(page)
  const form = page.getByRole('form', { name: 'Create a staff account' })
  const username = form.getByLabel('Username', { exact: true })
  const passphrase = form.getByLabel('First passphrase')

  await username.fill(DEMO.keyworker.username)
  await passphrase.fill('password123')
  await form.getByRole('button', { name: 'Create account' }).click()
  await expect(passphrase).toHaveAccessibleDescription(/one of the most common ones/)

  const name = uniqueUsername('clin')
  await username.fill(name)
  await passphrase.fill(GOOD_PASSPHRASE)
  await form.getByLabel('Role').selectOption({ label: 'Clinician' })
  await form.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'created' })).toContainText(`Account “${name}” created.`)
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Clinician')
})

test('service settings refuse a quick-exit address that is not https', async ({ page }) => {
  await signInAs(page, 'admin')
  await page.goto('/admin/settings')
  await waitForHydration(page)
  const field = page.getByLabel('Quick-exit website')
  await expect(field).toHaveValue('https://www.bbc.co.uk/weather')
  await field.fill('http://example.com/')
  const response = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Save settings' }).click()
  expect((await response).status()).toBe(400)
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(/Enter a full https:\/\/ address/)
  // Nothing was saved.
  await page.goto('/admin/settings')
  await expect(page.getByLabel('Quick-exit website')).toHaveValue('https://www.bbc.co.uk/weather')
})

// H-028: an admin turns a staff account off (its sessions end, sign-in fails with the usual
// message) and on again, changes its role, and makes a one-time passphrase-reset link; with and
// without JavaScript; each page checked with axe (in the run with JavaScript: axe runs in the page).
for (const javaScriptEnabled of [true, false]) {
  test(`an admin turns a staff account off and on, changes its role and makes a reset link (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    // Two people, two passphrase hashes and four axe runs.
    test.setTimeout(90_000)
    const adminContext = await browser.newContext({ javaScriptEnabled })
    const staffContext = await browser.newContext({ javaScriptEnabled })
    try {
      const page = await adminContext.newPage()
      await signInAs(page, 'admin')
      const username = await makeStaffByRequest(page.request, javaScriptEnabled ? 'offjs' : 'offnojs')
      const staffPage = await staffContext.newPage()
      await signIn(staffPage, username, GOOD_PASSPHRASE)

      // Turning off takes a second step.
      await page.goto('/admin/staff')
      await waitForHydration(page)
      if (javaScriptEnabled) await expectNoAxeViolations(page, '/admin/staff')
      const person = page.getByRole('region', { name: username, exact: true })
      await person.getByRole('link', { name: `Turn off ${username}’s account` }).click()
      await expect(person).toContainText('They will be signed out at once')
      if (javaScriptEnabled) await expectNoAxeViolations(page, '/admin/staff asking to confirm')
      await person.getByRole('button', { name: `Yes, turn off ${username}’s account` }).click()
      await expect(person.getByRole('status').first()).toContainText(`${username}’s account is off.`)
      await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('Off')

      // Their session has ended, and sign-in says only what it always says.
      await staffPage.goto('/home')
      await expect(staffPage).toHaveURL(/\/login/)
      await submitSignIn(staffPage, username, GOOD_PASSPHRASE)
      await expect(staffPage.getByRole('main')).toContainText(SIGN_IN_FAILED)

      // On again.
      await person.getByRole('button', { name: `Turn on ${username}’s account` }).click()
      await expect(person.getByRole('status').first()).toContainText(`${username}’s account is on again.`)

      // A new role; a role that does not exist is refused next to the field.
      await person.getByLabel(`Role for ${username}`).selectOption({ label: 'Clinician' })
      await person.getByRole('button', { name: 'Change role' }).click()
      await expect(person.getByRole('status').first()).toContainText(`${username} is now: Clinician.`)
      await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('Clinician')
      const userId = (await person.locator('input[name="userId"]').first().getAttribute('value')) ?? ''
      const bad = await page.request.post('/admin/staff', {
        form: { intent: 'role', userId, role: 'superuser' },
        maxRedirects: 0,
      })
      expect(bad.status()).toBe(400)
      expect(await bad.text()).toContain('Choose a role')

      // A reset link: a weak passphrase is refused next to the field, a good one signs them in.
      const url = await makeResetLink(page, username)
      await staffPage.goto(url)
      await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText('Choose a new passphrase')
      if (javaScriptEnabled) await expectNoAxeViolations(staffPage, '/reset/:token')
      await waitForHydration(staffPage)
      const field = staffPage.getByLabel('New passphrase')
      await field.fill('password123')
      await staffPage.getByRole('button', { name: 'Save my new passphrase' }).click()
      await expect(staffPage.getByLabel('New passphrase')).toHaveAccessibleDescription(/one of the most common ones/)
      if (javaScriptEnabled) await expectNoAxeViolations(staffPage, '/reset/:token with a field error')
      const fresh = `${GOOD_PASSPHRASE} ${javaScriptEnabled ? 'one' : 'two'}`
      await staffPage.getByLabel('New passphrase').fill(fresh)
      await staffPage.getByRole('button', { name: 'Save my new passphrase' }).click()
      await expect(staffPage).toHaveURL('/home')
      await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${username}`)

      // Used once: the link is gone, and posting to it changes nothing.
      const again = await page.request.post(url, { form: { passphrase: 'another good passphrase' }, maxRedirects: 0 })
      expect(again.status()).toBe(404)
      const later = await adminContext.newPage()
      expect((await later.goto(url))?.status()).toBe(404)
      await expect(later.getByRole('main')).toContainText('This link has expired or has already been used.')
    } finally {
      await adminContext.close()
      await staffContext.close()
    }
  })
}

test('the staff page offers an admin no way to turn off or demote themselves, and refuses an unknown account', async ({
  page,
}) => {
  await signInAs(page, 'admin')
  await page.goto('/admin/staff')
  const me = page.getByRole('region', { name: `${DEMO.admin.username} (you)`, exact: true })
  await expect(me).toContainText('You cannot turn off your own account or change your own role.')
  await expect(me.getByRole('button')).toHaveCount(0)
  // An id that is no staff account's (a client's reads the same) gets a 4xx and a message.
  const mine = await page.request.post('/admin/staff', {
    form: { intent: 'disable', userId: 'not-a-staff-id', confirm: 'yes' },
    maxRedirects: 0,
  })
  expect(mine.status()).toBe(400)
  expect(await mine.text()).toContain('There is no staff account like that.')
})
