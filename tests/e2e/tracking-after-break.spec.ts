// "Use after a break" (CLINICAL.md; hazard H-026): logging opioids after days of logging no
// opioids lands on the entry's page with the tolerance warning, the overdose steps and the crisis
// contacts, with JavaScript off (a plain form post) and on (with axe). Cannabis logged two days
// before is the diary row that shows the client has been logging through the break.
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, signUp, uniqueUsername } from './helpers.ts'
import { fillUse, LOGGED_USE_URL } from './tracking-helpers.ts'

const WARNING = 'Take care: your body is less used to it after a break'

/** A moment `days` ago as a datetime-local field takes it, in `timeZone`. */
function localDaysAgo(days: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(Date.now() - days * 86_400_000))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

async function logUse(page: Page, input: Parameters<typeof fillUse>[1], when?: string) {
  await page.goto('/track/use/new')
  await fillUse(page, input)
  if (when) await page.getByLabel('When? (leave empty for now)', { exact: true }).fill(when)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(LOGGED_USE_URL)
}

async function expectWarning(page: Page) {
  const panel = page.getByRole('region', { name: WARNING })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Use much less than before')
  await expect(panel).toContainText("Don't use alone.")
  await expect(panel).toContainText('from a drug service; in some areas also from a pharmacy')
  await expect(panel.getByRole('heading', { name: 'If someone may have overdosed' })).toBeVisible()
  await expect(panel.getByRole('link', { name: '116 123' })).toBeVisible()
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('opioids after a logged break: saved, and the warning at once', async ({ page }) => {
    await signUp(page, uniqueUsername('nojs-break'))
    // Without JavaScript the days are the account's zone: Europe/London.
    await logUse(page, { substance: 'cannabis', amount: '1' }, localDaysAgo(2, 'Europe/London'))
    await expect(page.getByRole('region', { name: WARNING })).toHaveCount(0)
    await logUse(page, { substance: 'opioids (like heroin or strong painkillers)', amount: '0.5', unit: 'grams' })
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible()
    await expectWarning(page)
    // The entry itself is saved as entered.
    await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('0.5')
  })
})

test('with JavaScript: the same warning, and the page passes axe', async ({ page }) => {
  await signUp(page, uniqueUsername('js-break'))
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  await logUse(page, { substance: 'cannabis', amount: '1' }, localDaysAgo(2, zone))
  await logUse(page, { substance: 'benzodiazepines ("benzos", like diazepam)', amount: '2', unit: 'tablets' })
  await expectWarning(page)
  await expectNoAxeViolations(page)
  // A second entry the same day: the break is over, no warning again.
  await logUse(page, { substance: 'benzodiazepines ("benzos", like diazepam)', amount: '1', unit: 'tablets' })
  await expect(page.getByRole('region', { name: WARNING })).toHaveCount(0)
})
