// A client's control over their data: download it all, and delete the account for good.
import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import { SIGN_IN_FAILED, signUp, submitSignIn, waitForHydration } from './helpers.ts'

async function deleteAccount(page: Page, passphrase: string, { confirm }: { confirm: boolean }) {
  await waitForHydration(page)
  const form = page.getByRole('form', { name: 'Delete your account' })
  await form.getByLabel('Your passphrase').fill(passphrase)
  await form.getByLabel('I understand this deletes everything and cannot be undone').setChecked(confirm)
  await form.getByRole('button', { name: 'Delete my account' }).click()
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('"Download my data" gives a JSON file with the account in it', async ({ page }) => {
      const { username } = await signUp(page)
      await page.goto('/privacy')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download my data' }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/^foothold-data-\d{4}-\d{2}-\d{2}\.json$/)
      const data = JSON.parse(await readFile(await download.path(), 'utf8'))
      expect(data.format).toBe('foothold-export/1')
      expect(data.account.username).toBe(username)
      expect(data.account.role).toBe('client')
      // Nothing secret in the export.
      const text = JSON.stringify(data)
      expect(text).not.toContain('argon2')
      expect(text).not.toContain('passphrase')
      // The download did not navigate away.
      await expect(page).toHaveURL('/privacy')
    })

    test('deleting the account needs the passphrase and the tick, then it is gone', async ({ page }) => {
      const { username, passphrase } = await signUp(page)
      await page.goto('/privacy')

      // Wrong passphrase: an error next to the field; the account stays.
      await deleteAccount(page, 'not my passphrase', { confirm: true })
      const field = page.getByLabel('Your passphrase')
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(field).toHaveAccessibleDescription(
        /That passphrase is not right\. Your account has not been deleted\./,
      )
      await expect(page).toHaveURL('/privacy')

      // Right passphrase but no tick: refused too.
      await deleteAccount(page, passphrase, { confirm: false })
      await expect(page.getByText('Tick the box to confirm you understand this cannot be undone')).toBeVisible()

      await page.goto('/home')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${username}`)

      // Right passphrase and the tick: deleted and signed out.
      await page.goto('/privacy')
      await deleteAccount(page, passphrase, { confirm: true })
      await expect(page).toHaveURL('/account-deleted')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account has been deleted')
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible()
      await page.goto('/home')
      await expect(page).toHaveURL(/\/login/)

      // Signing in again fails, with the same message as any wrong sign-in.
      await submitSignIn(page, username, passphrase)
      await expect(page.getByRole('alert')).toContainText(SIGN_IN_FAILED)
      await expect(page).toHaveURL(/\/login/)
    })
  })
}

test('the export needs signing in, and a signed-out visitor is offered neither it nor delete', async ({ page }) => {
  const response = await page.request.get('/privacy/export', { maxRedirects: 0 })
  expect(response.status()).toBe(302)
  expect(response.headers().location).toBe('/login?redirectTo=%2Fprivacy%2Fexport')
  await page.goto('/privacy')
  await expect(page.getByRole('link', { name: 'Download my data' })).toHaveCount(0)
  await expect(page.getByRole('form', { name: 'Delete your account' })).toHaveCount(0)
})
