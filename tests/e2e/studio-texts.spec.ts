// The programme's lists and texts in the studio (issue 14; H-047): a clinician adds a trigger to
// the urge log's pick list and rewords a help tip, a second clinician reviews the diff, approves
// and publishes, and a client then picks the new trigger and reads the new tip. Axe on the
// editor at 360 px. The same editor without JavaScript: a tip added and removed again.
import { expect, test } from '@playwright/test'
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  signIn,
  signInAs,
  signUp,
  waitForHydration,
} from './helpers.ts'
import { REVIEWER } from './studio-helpers.ts'
import { logUrge } from './tracking-helpers.ts'

const TRIGGER = 'The school run'

test('a new trigger goes from one clinician, through another, to a client’s urge form', async ({ browser }) => {
  test.setTimeout(120_000)
  const author = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage()
  await signInAs(author, 'clinician')
  await author.goto('/studio')
  await waitForHydration(author)
  await author.getByRole('button', { name: /^Start a draft of Tracking pick lists/ }).click()
  await expect(author).toHaveURL('/studio/pick-lists/pick-lists')
  await waitForHydration(author)
  await expectNoAxeViolations(author, 'pick-list editor')
  await expectNoHorizontalScroll(author)

  // An empty addition is refused, with the reason.
  await author.getByRole('button', { name: 'Add to triggers' }).click()
  await expect(author.locator('#item-error')).toContainText('Write the new entry’s words')
  await author.getByLabel('Words for a new entry (triggers)').fill(TRIGGER)
  await author.getByRole('button', { name: 'Add to triggers' }).click()
  await expect(author.locator('#list-triggers')).toContainText(`${TRIGGER} (your service’s own)`)
  await expect(author.locator('.lint-panel').getByText('No errors: this draft can be sent for review.')).toBeVisible()
  await author.getByLabel('What did you change, and why?').fill('A trigger many parents told us about.')
  await author.getByRole('button', { name: 'Send for review' }).click()
  await expect(author).toHaveURL('/studio/pick-lists/pick-lists/review')

  const reviewer = await (await browser.newContext()).newPage()
  await signIn(reviewer, REVIEWER.username, REVIEWER.passphrase)
  await reviewer.goto('/studio')
  await waitForHydration(reviewer)
  await reviewer.getByRole('link', { name: /^Review “Tracking pick lists/ }).click()
  await waitForHydration(reviewer)
  await expect(reviewer.locator('main')).toContainText(TRIGGER)
  await expectNoAxeViolations(reviewer, 'pick-list review')
  await reviewer.getByRole('button', { name: 'Approve' }).click()
  await reviewer.getByRole('button', { name: /Publish version/ }).click()
  await expect(reviewer).toHaveURL('/studio/pick-lists/pick-lists/versions')

  const client = await (await browser.newContext()).newPage()
  await signUp(client)
  await logUrge(client, 4)
  await waitForHydration(client)
  const trigger = client.getByLabel('What set it off? (optional)')
  await expect(trigger.locator('option', { hasText: TRIGGER })).toHaveCount(1)
  await trigger.selectOption({ label: TRIGGER })
  await Promise.all([
    client.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/track/urges/')),
    client.getByRole('button', { name: 'Save', exact: true }).click(),
  ])
  await client.goto('/track')
  await expect(client.locator('main')).toContainText(/the school run/i)

  // Put Foothold's own lists back for the other journeys.
  await reviewer.getByRole('button', { name: 'Unpublish the service’s version' }).click()
  await expect(reviewer.getByText(/Clients get: the base edition/)).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the help page editor adds a tip and removes it again', async ({ page }) => {
    await signIn(page, REVIEWER.username, REVIEWER.passphrase)
    await page.goto('/studio')
    await page.getByRole('button', { name: /^Start a draft of Help page/ }).click()
    await expect(page).toHaveURL('/studio/help/help')
    await page.getByLabel('Title of a new tip (tips)').fill('Drop-in')
    await page.getByLabel('Text of the new tip (tips)').fill('Come to our drop-in on Tuesdays from 10 to 12.')
    await page.getByRole('button', { name: 'Add to tips' }).click()
    await expect(page.locator('#list-tips')).toContainText('Drop-in (your service’s own)')
    await expect(page.locator('#list-tips')).not.toContainText('Quick exit (your service’s own)')
    await page.getByRole('button', { name: 'Remove Drop-in' }).click()
    await expect(page.locator('#list-tips')).not.toContainText('Drop-in')
  })
})
