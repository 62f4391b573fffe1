// Issue 16, items 10, 11 and 13, on a 360 × 740 phone: "No use today" after use is refused with
// a message; unit names once each and "1 unit"; the calculator's total before saving (live with
// JavaScript, "Work it out" without); a backdated entry shows its year, and one more than a year
// back is refused with a "Did you mean …?".
import { expect, test } from '@playwright/test'
import { signUp, uniqueUsername, waitForHydration } from './helpers.ts'
import { drinkOption, fillUse, LOGGED_USE_URL, logUrge, urgeList, useList } from './tracking-helpers.ts'

test.use({ viewport: { width: 360, height: 740 } })

test('units once each, "1 unit", a live total, and "No use today" refused after a drink', async ({ page }) => {
  await signUp(page, uniqueUsername('units'))
  await page.goto('/track/use/new')
  await waitForHydration(page)
  const units = page.getByLabel('Unit', { exact: true }).locator('option')
  const labels = await units.allTextContents()
  expect(labels.filter((l) => l === 'grams')).toHaveLength(1)
  expect(labels.filter((l) => l === 'mg')).toHaveLength(1)
  expect(new Set(labels).size).toBe(labels.length)
  await expect(page.getByRole('option', { name: drinkOption('single-spirits'), exact: true })).toHaveText(/– 1 unit$/)

  // The total shows as the calculator is filled in, before anything is saved.
  const total = page.locator('.calculator-total')
  await expect(total).toHaveText('Total: choose a drink, or type its size and strength.')
  await fillUse(page, { substance: 'alcohol', drink: 'pint-higher-strength', count: '2' })
  await expect(total).toHaveText('Total: 5.9 units of alcohol.')
  await page.getByLabel('How many?', { exact: true }).fill('1')
  await page.getByLabel('Drink', { exact: true }).selectOption({ label: drinkOption('single-spirits') })
  await expect(total).toHaveText('Total: 1 unit of alcohol.')
  await expect(total).toBeVisible()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(LOGGED_USE_URL)
  await expect(page.getByRole('status')).toHaveText('Saved: 1 unit of alcohol.')

  await page.goto('/track')
  await waitForHydration(page)
  await expect(useList(page).getByRole('link')).toHaveText([/alcohol, 1 UK unit$/])
  await page.getByRole('button', { name: 'No use today', exact: true }).click()
  const refused = page.getByRole('alert').filter({ hasText: 'You have already logged use today' })
  await expect(refused).toBeVisible()
  const box = await refused.boundingBox()
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360)
  await expect(useList(page).getByRole('link')).toHaveText([/alcohol, 1 UK unit$/])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('"Work it out" shows the total and saves nothing', async ({ page }) => {
    await signUp(page, uniqueUsername('nojs-sum'))
    await page.goto('/track/use/new')
    await fillUse(page, { substance: 'alcohol', drink: 'pint-higher-strength', count: '2' })
    await page.getByRole('button', { name: 'Work it out', exact: true }).click()
    await expect(page).toHaveURL('/track/use/new')
    await expect(page.locator('.calculator-total')).toHaveText('Total: 5.9 units of alcohol.')
    await expect(page.getByLabel('How many?', { exact: true })).toHaveValue('2')
    await expect(page.getByLabel('Drink', { exact: true })).toHaveValue('pint-higher-strength')
    await page.goto('/track')
    await expect(page.getByText('Nothing logged yet.')).toBeVisible()
  })

  test('a backdated urge shows its year; one more than a year back is refused', async ({ page }) => {
    await signUp(page, uniqueUsername('nojs-year'))
    const year = new Date().getFullYear()
    const id = await logUrge(page, 4)
    const when = page.getByLabel(/^When/)
    await when.fill(`${year - 2}-06-15T12:00`)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(
      page.getByText(/more than a year ago, so nothing was saved\. Did you mean 15 Jun \d{4}\?/),
    ).toBeVisible()
    await expect(when).toHaveAttribute('aria-invalid', 'true')

    await page.goto(`/track/urges/${id}`)
    await page.getByLabel(/^When/).fill(`${year - 1}-12-31T21:00`)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page).toHaveURL('/track?saved=urge')
    const entry = urgeList(page).getByRole('link')
    await expect(entry).toHaveText(new RegExp(`^\\w{3} 31 Dec ${year - 1}, 21:00: strength 4`))
    await entry.click()
    await expect(page.locator('.entry-when')).toHaveText(`${entryWeekday(year - 1)} 31 Dec ${year - 1}, 21:00`)
  })
})

function entryWeekday(year: number): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, 11, 31)),
  )
}
