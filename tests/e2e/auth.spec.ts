// Accounts: sign up → sign out → sign in → wrong passphrase, with and without JavaScript, and the
// sign-up form's errors shown next to the field they belong to.
import { expect, type Page, test } from '@playwright/test'
import {
  DEMO,
  GOOD_PASSPHRASE,
  SIGN_IN_FAILED,
  signIn,
  signOut,
  signUp,
  submitSignIn,
  uniqueUsername,
  waitForHydration,
} from './helpers.ts'

/** Waits for the response to the next POST to `path` (a document post, or Remix's `.data` fetch). */
function nextPost(page: Page, path: string) {
  return page.waitForResponse((response) => {
    const url = new URL(response.url())
    return response.request().method() === 'POST' && (url.pathname === path || url.pathname === `${path}.data`)
  })
}

async function journey(page: Page, { javaScript }: { javaScript: boolean }) {
  const username = uniqueUsername('journey')

  // Sign up: lands on the client's home page, signed in.
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click()
  await expect(page).toHaveURL('/signup')
  await expect(page.getByLabel('This is a shared device')).toBeVisible()
  await signUp(page, username)
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toBeVisible()

  // Sign out: back to the start page; the home page now asks to sign in.
  await signOut(page)
  await page.goto('/home')
  await expect(page).toHaveURL('/login?redirectTo=%2Fhome')

  // Sign in again.
  await signIn(page, username, GOOD_PASSPHRASE)

  // Sign out, then a wrong passphrase: a form-level message, status 400, still signed out.
  await signOut(page)
  await page.goto('/login')
  const wrong = nextPost(page, '/login')
  await submitSignIn(page, username, 'not my passphrase at all')
  expect((await wrong).status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText(SIGN_IN_FAILED)
  await expect(page).toHaveURL('/login')
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(username)
  // Without JavaScript the page is rendered afresh by the server, which never sends the passphrase back.
  if (!javaScript) await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('')

  // A username that does not exist gets exactly the same answer (no enumeration).
  const unknown = nextPost(page, '/login')
  await submitSignIn(page, uniqueUsername('nobody'), 'not my passphrase at all')
  expect((await unknown).status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText(SIGN_IN_FAILED)

  // And the right passphrase still works afterwards.
  await signIn(page, username, GOOD_PASSPHRASE)
}

test.describe('with JavaScript', () => {
  test('sign up, sign out, sign in, wrong passphrase', async ({ page }) => {
    await journey(page, { javaScript: true })
  })

  test('sign-up errors appear next to the field, with status 400', async ({ page }) => {
    await page.goto('/signup')
    await waitForHydration(page)
    const username = page.getByLabel('Username', { exact: true })
    const passphrase = page.getByLabel('Passphrase', { exact: true })
    const submit = page.getByRole('button', { name: 'Create account' })

    // A common passphrase.
    await username.fill(uniqueUsername('common'))
    await passphrase.fill('password123')
    let response = nextPost(page, '/signup')
    await submit.click()
    expect((await response).status()).toBe(400)
    await expect(passphrase).toHaveAttribute('aria-invalid', 'true')
    await expect(passphrase).toHaveAccessibleDescription(/one of the most common ones/)
    await expect(page).toHaveURL('/signup')

    // Too short.
    await passphrase.fill('short')
    response = nextPost(page, '/signup')
    await submit.click()
    expect((await response).status()).toBe(400)
    await expect(passphrase).toHaveAccessibleDescription(/needs at least 8 characters/)

    // A username that is taken (case-insensitively).
    await username.fill(DEMO.client.username.toUpperCase())
    await passphrase.fill(GOOD_PASSPHRASE)
    response = nextPost(page, '/signup')
    await submit.click()
    expect((await response).status()).toBe(400)
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await expect(username).toHaveAccessibleDescription(/That username is taken/)
    await expect(passphrase).not.toHaveAttribute('aria-invalid', 'true')

    // A username with spaces.
    await username.fill('has spaces')
    await passphrase.fill(GOOD_PASSPHRASE)
    response = nextPost(page, '/signup')
    await submit.click()
    expect((await response).status()).toBe(400)
    await expect(username).toHaveAccessibleDescription(/no spaces/)

    // Nothing was half-saved: the refused usernames cannot sign in.
    await page.goto('/login')
    await submitSignIn(page, 'has spaces', GOOD_PASSPHRASE)
    await expect(page.getByRole('alert')).toContainText(SIGN_IN_FAILED)
  })

  test('a signed-in person visiting /login or /signup goes to their home page', async ({ page }) => {
    await signUp(page)
    await page.goto('/login')
    await expect(page).toHaveURL('/home')
    await page.goto('/signup')
    await expect(page).toHaveURL('/home')
  })

  test('after sign-in, redirectTo returns to the page asked for, but never to another site', async ({ page }) => {
    await page.goto('/account')
    await expect(page).toHaveURL('/login?redirectTo=%2Faccount')
    await submitSignIn(page, DEMO.client.username, DEMO.client.passphrase)
    await expect(page).toHaveURL('/account')
    await signOut(page)

    await page.goto('/login?redirectTo=//evil.example/')
    await submitSignIn(page, DEMO.client.username, DEMO.client.passphrase)
    await expect(page).toHaveURL('/home')
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('sign up, sign out, sign in, wrong passphrase', async ({ page }) => {
    await journey(page, { javaScript: false })
  })

  test('sign-up errors appear next to the field', async ({ page }) => {
    await page.goto('/signup')
    await page.getByLabel('Username', { exact: true }).fill(uniqueUsername('nojs'))
    await page.getByLabel('Passphrase', { exact: true }).fill('password123')
    const response = nextPost(page, '/signup')
    await page.getByRole('button', { name: 'Create account' }).click()
    expect((await response).status()).toBe(400)
    const passphrase = page.getByLabel('Passphrase', { exact: true })
    await expect(passphrase).toHaveAttribute('aria-invalid', 'true')
    await expect(passphrase).toHaveAccessibleDescription(/one of the most common ones/)
  })
})
