// A clinician changes an exercise's parts in the form editor (issue 14), with JavaScript and
// without: removes a part, is refused when a new part would take the removed part's id, adds a
// part of a chosen kind (its id made from its label), moves it up, and sends the draft for review.
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, signInAs, waitForHydration } from './helpers.ts'

const idOf = async (page: Page, n: number) =>
  ((await page.locator(`#step-${n} .hint`).first().textContent()) ?? '').replace(/^Its id \(kept for good\): /, '')

async function addPart(page: Page, kind: string, label: string, id = '') {
  await page.getByLabel('Kind of part').selectOption({ label: kind })
  await page.getByLabel('Where').selectOption({ label: 'At the end' })
  await page.getByLabel('Its label').fill(label)
  await page.getByLabel('Its id (optional)').fill(id)
  await page.getByRole('button', { name: 'Add the part' }).click()
}

for (const [javaScriptEnabled, exercise] of [
  [true, 'problem-solving'],
  [false, 'activity-schedule'],
] as const) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled, viewport: { width: 360, height: 740 } })

    test(`a clinician removes, adds and moves parts of ${exercise}, then sends it for review`, async ({ page }) => {
      test.setTimeout(90_000)
      await signInAs(page, 'clinician')
      await page.goto(`/studio/exercise/${exercise}`)
      await waitForHydration(page)
      await page.getByRole('button', { name: /^Start a draft/ }).click()
      const parts = page.locator('fieldset.editor-step')
      await expect(parts.first()).toBeVisible()
      const n = await parts.count()

      // Remove the last part.
      const removed = await idOf(page, n)
      await page.getByRole('button', { name: `Remove part ${n}` }).click()
      await expect(parts).toHaveCount(n - 1)

      // A new part may not take the removed part's id: refused, nothing added.
      await addPart(page, 'A short answer (one line)', 'Something else', removed)
      await expect(page.locator('#item-error')).toContainText(`already used the id “${removed}”`)
      // With JavaScript the page stays where it was, so focus goes to the error above the form.
      if (javaScriptEnabled) await expect(page.locator('#item-error')).toBeFocused()
      await expect(parts).toHaveCount(n - 1)

      // Add a longer answer at the end: its id is made from its label.
      const label = 'What will you try first?'
      await addPart(page, 'A longer answer (a few lines)', label)
      await expect(parts).toHaveCount(n)
      await expect(page.locator(`#step-${n} legend`)).toHaveText(`Part ${n}: a longer answer`)
      await expect(page.locator(`#step-${n}`).getByLabel('Label')).toHaveValue(label)
      expect(await idOf(page, n)).toBe('what-will-you-try-first')

      // Move it up one place.
      await page.getByRole('button', { name: `Move up part ${n}` }).click()
      await expect(page.locator(`#step-${n - 1}`).getByLabel('Label')).toHaveValue(label)
      await expect(page.locator('.lint-panel').getByText('No errors: this draft can be sent for review.')).toBeVisible()
      if (javaScriptEnabled) await expectNoAxeViolations(page, 'exercise editor after adding a part')

      // The shared validator passes it, so it can go for review.
      await page.getByLabel('What did you change, and why?').fill('A question about the first thing to try.')
      await page.getByRole('button', { name: 'Send for review' }).click()
      await expect(page).toHaveURL(`/studio/exercise/${exercise}/review`)
      await expect(page.getByText('In review', { exact: true })).toBeVisible()
    })
  })
}
