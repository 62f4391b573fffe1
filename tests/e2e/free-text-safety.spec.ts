// Self-harm words in free text (hazard H-027): a client writes them in an urge's detail (with
// JavaScript) and in a use diary note (without); the save lands on a page that shows the support
// panel with the crisis contacts first, then "Carry on" goes where the client was going, and
// what they wrote is kept exactly as written. axe runs on the support page.
import { expect, type Page, test } from '@playwright/test'
import { CRISIS_TEL_LINKS } from './assessment-helpers.ts'
import { expectNoAxeViolations, signUp, waitForHydration } from './helpers.ts'
import { fillUse, LOGGED_USE_URL, logUrge } from './tracking-helpers.ts'

const PANEL_HEADING = 'Checking in with you'
// A curly apostrophe and capitals: the list matches them, and they are kept as typed.
const THOUGHT = 'Honestly I DON’T want to be here.'

async function expectSupportFirst(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/saved\?next=/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saved')
  const panel = page.getByRole('region', { name: PANEL_HEADING, exact: true })
  await expect(panel).toBeVisible()
  const links = panel.getByRole('link')
  await expect(links).toHaveCount(CRISIS_TEL_LINKS.length)
  for (const [i, href] of CRISIS_TEL_LINKS.entries()) await expect(links.nth(i)).toHaveAttribute('href', href)
  // The panel comes before the way on.
  const carryOn = page.getByRole('link', { name: 'Carry on', exact: true })
  await expect(carryOn).toBeVisible()
  const panelBox = await panel.boundingBox()
  const carryOnBox = await carryOn.boundingBox()
  expect(panelBox && carryOnBox && panelBox.y < carryOnBox.y).toBe(true)
}

test('self-harm words in an urge note show the support panel before the next page, and are kept', async ({ page }) => {
  await signUp(page)
  const id = await logUrge(page, 4)
  await page.getByLabel('What went through your mind? (optional)', { exact: true }).fill(THOUGHT)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expectSupportFirst(page)
  await expectNoAxeViolations(page, '/saved with the support panel')
  await page.getByRole('link', { name: 'Carry on', exact: true }).click()
  await expect(page).toHaveURL('/track?saved=urge')
  await page.goto(`/track/urges/${id}`)
  await waitForHydration(page)
  await expect(page.getByLabel('What went through your mind? (optional)', { exact: true })).toHaveValue(THOUGHT)

  // A near-miss is saved with no panel.
  await page
    .getByLabel('What went through your mind? (optional)', { exact: true })
    .fill('Killing time. Skill myself up.')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL('/track?saved=urge')
})

test('without JavaScript, a use note with self-harm words shows the panel first', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    const page = await context.newPage()
    await signUp(page)
    await page.goto('/track/use/new')
    await fillUse(page, { substance: 'cannabis', amount: '1', note: 'better off dead' })
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expectSupportFirst(page)
    await page.getByRole('link', { name: 'Carry on', exact: true }).click()
    await expect(page).toHaveURL(LOGGED_USE_URL)
    await expect(page.getByLabel('Note (optional)', { exact: true })).toHaveValue('better off dead')
  } finally {
    await context.close()
  }
})
