// Steps of the studio journeys (issue 14), shared by the journey with JavaScript and without.
import { expect, type Page } from '@playwright/test'
import { waitForHydration } from './helpers.ts'

export const REVIEWER = { username: 'demo-reviewer', passphrase: 'demo reviewer passphrase' }

/**
 * A clinician starts a draft of a module whose step 2 is a rating, rewords step 1's heading, adds a
 * read step after step 2, and branches to it from the rating (at least `atLeast`), the rating
 * otherwise going on to what was step 3. Returns the new step's heading.
 */
export async function editModule(
  page: Page,
  { module, title, heading, atLeast }: { module: string; title: string; heading: string; atLeast: number },
): Promise<string> {
  await page.goto('/studio')
  await waitForHydration(page)
  await page.getByRole('button', { name: `Start a draft of ${title}` }).click()
  await expect(page).toHaveURL(`/studio/module/${module}`)
  await waitForHydration(page)
  await page.locator('#step-1').getByLabel('Heading').fill(heading)
  await page.getByRole('button', { name: 'Save draft' }).first().click()
  await expect(page.locator('#step-1 legend')).toHaveText(`Step 1: ${heading}`)

  const added = 'When the urge is very strong'
  await page.getByLabel('Kind of step').last().selectOption('read')
  await page.getByLabel('Where').selectOption({ index: 1 })
  await page.getByRole('button', { name: 'Add the step' }).click()
  await expect(page.locator('#step-3 legend')).toHaveText('Step 3: Text to read')
  const step3 = page.locator('#step-3')
  await step3.getByLabel('Heading').fill(added)
  await step3.getByLabel('Text (Markdown)').fill('Stop where you are. Take three slow breaths. **It will pass.**')
  const step2 = page.locator('#step-2')
  const before = await step2.getByLabel(/^Branch \d+: if$/).count()
  await page.getByRole('button', { name: 'Add a branch to step 2' }).click()
  // The new branch is the last one (the step may have branches of its own already).
  const n = before + 1
  await expect(step2.getByLabel(`Branch ${n}: if`)).toBeVisible()
  await step2.getByLabel('Then go to').selectOption({ index: 4 })
  const atLeastRating = await step2
    .getByLabel(`Branch ${n}: if`)
    .locator('option', { hasText: /^The rating for .* is at least the number$/ })
    .first()
    .getAttribute('value')
  await step2.getByLabel(`Branch ${n}: if`).selectOption(atLeastRating ?? '')
  await step2.getByLabel(`Branch ${n}: the number (for ratings and scores)`).fill(String(atLeast))
  await step2.getByLabel(`Branch ${n}: go to`).selectOption({ label: `Step 3: ${added}` })
  await page.getByRole('button', { name: 'Save draft' }).first().click()
  await expect(page.locator('.lint-panel').getByText('No errors: this draft can be sent for review.')).toBeVisible()
  await expect(page.locator('#step-3 legend')).toHaveText(`Step 3: ${added}`)
  return added
}

/** The preview lists a route through the new step and one not; each is one click, then step by step. */
export async function previewBothRoutes(page: Page, module: string, added: string): Promise<void> {
  await page.goto(`/studio/module/${module}/preview`)
  await waitForHydration(page)
  const routes = page.locator('.route-list > li')
  const through = routes.filter({ hasText: added })
  const around = routes.filter({ hasNotText: added })
  await expect(through.first()).toBeVisible()
  await expect(around.first()).toBeVisible()

  const where = page.locator('#walk-heading + p')
  await through.first().getByRole('link').click()
  await expect(page.getByRole('heading', { name: /^Route \d+$/ })).toBeVisible()
  for (let i = 0; i < 2; i++) {
    await page.getByRole('link', { name: 'Next on this route' }).click()
    await expect(where).toContainText(`Step ${i + 2} of`)
  }
  await expect(page.locator('.phone-frame h3')).toHaveText(added)
  await expect(page.locator('.phone-frame')).toContainText('It will pass.')

  await around.first().getByRole('link').click()
  await expect(where).toContainText('Step 1 of')
  for (let i = 0; i < 2; i++) {
    await page.getByRole('link', { name: 'Next on this route' }).click()
    await expect(where).toContainText(`Step ${i + 2} of`)
  }
  await expect(page.locator('.phone-frame h3')).not.toHaveText(added)
}

/** The author sends the draft for review with a change note. */
export async function submitForReview(page: Page, module: string): Promise<void> {
  await page.goto(`/studio/module/${module}`)
  await waitForHydration(page)
  await page.getByLabel('What did you change, and why?').fill('Plainer first heading; a step for very strong urges.')
  await page.getByRole('button', { name: 'Send for review' }).click()
  await expect(page).toHaveURL(`/studio/module/${module}/review`)
  await expect(page.getByText('In review', { exact: true })).toBeVisible()
  await expect(page.getByText('This is your own draft.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0)
}
