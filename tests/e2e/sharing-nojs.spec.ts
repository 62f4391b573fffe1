// Sharing with JavaScript turned off, in both browsers: making a code with chosen scopes, a
// refused empty choice, redeeming, the caseload's filter form, a suggestion, and revoking are all
// plain form posts and GET forms. axe needs JavaScript in the page, so it runs in sharing.spec.ts.
import { type Browser, expect, test } from '@playwright/test'
import { DEMO, signIn, signUp, uniqueUsername } from './helpers.ts'

test.use({ javaScriptEnabled: false })

async function workerPage(browser: Browser) {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
  await signIn(page, DEMO.keyworker.username, DEMO.keyworker.passphrase)
  return page
}

test('a client shares and revokes, and a worker redeems and reviews, all without JavaScript', async ({
  page,
  browser,
}) => {
  const client = await signUp(page, uniqueUsername('nojs-share'))
  await page.goto('/privacy')
  const form = page.getByRole('form', { name: 'Share your progress with a key worker' })
  // Nothing ticked: refused with a message, no code made.
  await form.getByRole('button', { name: 'Make a share code' }).click()
  await expect(page.getByText('Choose at least one thing to share')).toBeVisible()
  await expect(page.locator('.share-code')).toHaveCount(0)
  await form.getByRole('checkbox', { name: 'Goals and check-ins' }).check()
  await form.getByRole('button', { name: 'Make a share code' }).click()
  const code = (await page.locator('.share-code').textContent()) ?? ''
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)

  const worker = await workerPage(browser)
  await worker.goto('/caseload/add')
  await worker.getByLabel('Share code').fill(code)
  await worker.getByRole('button', { name: 'Add client' }).click()
  await expect(worker).toHaveURL(/\/caseload\/[0-9a-f-]{36}$/)
  const clientUrl = new URL(worker.url()).pathname
  await expect(worker.getByRole('heading', { level: 1 })).toHaveText(client.username)
  await expect(worker.getByText('Not shared by the client.')).toHaveCount(3)
  await worker.getByLabel('Module', { exact: true }).selectOption({ label: 'Saying no' })
  await worker.getByRole('button', { name: 'Suggest this module' }).click()
  await expect(worker.getByText('Suggested. The client sees it with their modules.')).toBeVisible()

  // The caseload's filter is a GET form.
  await worker.goto('/caseload')
  await worker.getByRole('radio', { name: 'Only clients with flags' }).check()
  await worker.getByRole('button', { name: 'Update the list' }).click()
  await expect(worker).toHaveURL(/show=flagged/)

  await page.goto('/privacy')
  await page.getByRole('button', { name: `Stop sharing with ${DEMO.keyworker.username}` }).click()
  await expect(page.getByText('You have stopped sharing.')).toBeVisible()
  expect((await worker.goto(clientUrl))?.status()).toBe(404)
  await worker.context().close()
})
