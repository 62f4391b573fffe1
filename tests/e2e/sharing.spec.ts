// Sharing with a key worker, end to end in two browsers: the client makes a code with chosen
// scopes, the worker redeems it, sees the client flagged in their caseload, opens the client page
// and downloads a session summary; the client reads every look in their access log, then revokes,
// and the worker is refused. Every page is checked with axe, in both roles.
import { type Browser, expect, type Page, test } from '@playwright/test'
import { DEMO, expectNoAxeViolations, signIn, signUp, waitForHydration } from './helpers.ts'
import { logUrge } from './tracking-helpers.ts'

test.describe.configure({ mode: 'serial' })

async function workerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, DEMO.keyworker.username, DEMO.keyworker.passphrase)
  return page
}

/** On the client's privacy page: tick `scopes`, make a code, and read it off the page. */
async function makeShareCode(page: Page, scopes: string[]): Promise<string> {
  await page.goto('/privacy')
  await waitForHydration(page)
  const form = page.getByRole('form', { name: 'Share your progress with a key worker' })
  for (const scope of scopes) await form.getByRole('checkbox', { name: scope }).check()
  await form.getByRole('button', { name: 'Make a share code' }).click()
  const code = page.locator('.share-code')
  await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  await expectNoAxeViolations(page, '/privacy with a new share code')
  return (await code.textContent()) ?? ''
}

test('a client shares with a key worker, who reviews and downloads a summary, until the client revokes', async ({
  page,
  browser,
}) => {
  // Two browsers, eight pages and seven accessibility checks.
  test.setTimeout(60_000)
  const client = await signUp(page)
  // A very strong urge: the worker's caseload should flag it.
  await logUrge(page, 9)
  const code = await makeShareCode(page, ['Urges and use', 'Goals and check-ins'])

  const worker = await workerPage(browser)
  await worker.goto('/caseload/add')
  await waitForHydration(worker)
  await expectNoAxeViolations(worker)
  // A wrong code first: the same clear message as a used or expired one.
  await worker.getByLabel('Share code').fill('ABCD-EFGH')
  await worker.getByRole('button', { name: 'Add client' }).click()
  await expect(worker.getByText('That code did not work.')).toBeVisible()
  await worker.getByLabel('Share code').fill(code.toLowerCase())
  await worker.getByRole('button', { name: 'Add client' }).click()
  await expect(worker).toHaveURL(/\/caseload\/[0-9a-f-]{36}$/)
  const clientUrl = new URL(worker.url()).pathname
  await expect(worker.getByRole('heading', { level: 1 })).toHaveText(client.username)
  // Shared: tracking and goals. Not shared: check-ins and modules.
  await expect(worker.getByRole('heading', { name: 'Urges', level: 3 })).toBeVisible()
  // The dashboard speaks about the client, not to the worker.
  await expect(
    worker.getByText('They logged 1 urge in the last 30 days, with an average strength of 9.0 out of 10.'),
  ).toBeVisible()
  await expect(worker.getByText('Not shared by the client.')).toHaveCount(2)
  await expectNoAxeViolations(worker, 'client page')
  // Loaded afresh, the page comes without scripts, its charts drawn on the server as images.
  await worker.goto(clientUrl)
  await expect(worker.locator('script')).toHaveCount(0)
  await expect(worker.getByRole('img', { name: /^They logged 1 urge in the last 30 days/ })).toBeVisible()
  await expectNoAxeViolations(worker, 'client page, loaded afresh')

  // The caseload: the client is there, flagged for the strong urge, at the top.
  await worker.goto('/caseload')
  // Links and a GET form only: the page comes without any script.
  await expect(worker.locator('script')).toHaveCount(0)
  const row = worker.getByRole('row').filter({ hasText: client.username })
  await expect(row).toContainText(/urge/i)
  await expectNoAxeViolations(worker, 'caseload')

  // The session summary, as a page and as a PDF.
  await worker.goto(clientUrl)
  await worker.getByRole('link', { name: 'Session summary (print or PDF)' }).click()
  await expect(worker).toHaveURL(new RegExp(`${clientUrl}/summary`))
  await waitForHydration(worker)
  await expectNoAxeViolations(worker, 'session summary')
  const download = worker.waitForEvent('download')
  await worker.getByRole('link', { name: /Download PDF/ }).click()
  const pdf = await download
  expect(pdf.suggestedFilename()).toMatch(/^session-summary-.*\.pdf$/)
  expect(pdf.suggestedFilename()).not.toContain(client.username)

  // The client sees every look in their access log.
  await page.goto('/privacy')
  await waitForHydration(page)
  const log = page.getByRole('table', { name: /Looks at your information/ })
  for (const what of ['client page', 'caseload list', 'session summary page', 'session summary PDF'])
    await expect(log.getByRole('cell', { name: what, exact: true }).first()).toBeVisible()
  await expect(log.getByRole('cell', { name: DEMO.keyworker.username }).first()).toBeVisible()
  await expectNoAxeViolations(page, '/privacy with a link and an access log')

  // Another client's address is refused like a made-up one.
  const stranger = await worker.request.get('/caseload/00000000-0000-4000-8000-000000000000')
  expect(stranger.status()).toBe(404)

  // The client stops sharing; the worker's very next request is refused, and the client leaves the caseload.
  await page.getByRole('button', { name: `Stop sharing with ${DEMO.keyworker.username}` }).click()
  await expect(page.getByText('You have stopped sharing.')).toBeVisible()
  const refused = await worker.goto(clientUrl)
  expect(refused?.status()).toBe(404)
  await expect(worker.getByText('This client is not sharing with you.')).toBeVisible()
  const summary = await worker.request.get(`${clientUrl}/summary.pdf`)
  expect(summary.status()).toBe(404)
  await worker.goto('/caseload')
  await expect(worker.getByRole('row').filter({ hasText: client.username })).toHaveCount(0)
  await worker.context().close()
})

test('the client sees a module their worker suggested, and can dismiss it', async ({ page, browser }) => {
  await signUp(page)
  const code = await makeShareCode(page, ['Modules and exercises'])
  const worker = await workerPage(browser)
  await worker.goto('/caseload/add')
  await waitForHydration(worker)
  await worker.getByLabel('Share code').fill(code)
  await worker.getByRole('button', { name: 'Add client' }).click()
  await expect(worker).toHaveURL(/\/caseload\/[0-9a-f-]{36}$/)
  await waitForHydration(worker)
  await worker.getByLabel('Module', { exact: true }).selectOption({ label: 'Saying no' })
  await worker.getByRole('button', { name: 'Suggest this module' }).click()
  await expect(worker.getByText('Suggested. The client sees it with their modules.')).toBeVisible()
  await worker.context().close()

  await page.goto('/modules')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { name: 'Suggested by your key worker' })).toBeVisible()
  await expectNoAxeViolations(page, '/modules with a suggestion')
  await page.getByRole('button', { name: /Dismiss/ }).click()
  await expect(page.getByRole('heading', { name: 'Suggested by your key worker' })).toHaveCount(0)
})
