// Mixing warnings (issue 15 §3; hazard H-039): alcohol then an opioid on one day lands on the
// entry's page with the warning and the overdose guide link, with JavaScript off (a plain form
// post) and on (with axe); a listed prescribed medicine warns on its own; the public "Mixing
// drugs" page lists the table with its sources.
import { expect, type Page, test } from '@playwright/test'
import { OVERDOSE_GUIDE_HREF } from '../../app/components/overdose-steps.tsx'
import { expectNoAxeViolations, signUp, uniqueUsername } from './helpers.ts'
import { fillUse, LOGGED_USE_URL } from './tracking-helpers.ts'

const WARNING = 'Take care: these can be dangerous together'
const OPIOIDS = 'opioids (like heroin or strong painkillers)'

async function logUse(page: Page, input: Parameters<typeof fillUse>[1]) {
  await page.goto('/track/use/new')
  await fillUse(page, input)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(LOGGED_USE_URL)
}

async function expectWarning(page: Page, pair: RegExp) {
  const panel = page.getByRole('region', { name: WARNING })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Your entry is saved.')
  await expect(panel.getByRole('listitem').filter({ hasText: pair })).toHaveCount(1)
  await expect(panel.getByRole('link', { name: 'What to do if someone may have overdosed' })).toHaveAttribute(
    'href',
    OVERDOSE_GUIDE_HREF,
  )
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('alcohol then an opioid on one day: saved, and the warning at once', async ({ page }) => {
    await signUp(page, uniqueUsername('nojs-mix'))
    await logUse(page, { substance: 'alcohol', amount: '3' })
    await expect(page.getByRole('region', { name: WARNING })).toHaveCount(0)
    await logUse(page, { substance: OPIOIDS, amount: '0.5', unit: 'grams' })
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible()
    await expectWarning(page, /Alcohol with Opioids/)
    await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('0.5')
    // The guide link goes somewhere that answers.
    await page.getByRole('link', { name: 'What to do if someone may have overdosed' }).click()
    await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === OVERDOSE_GUIDE_HREF)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByText('Call 999').first()).toBeVisible()
  })
})

test('with JavaScript: the warning after an opioid, and a listed medicine warns on its own', async ({ page }) => {
  await signUp(page, uniqueUsername('mix'))
  await logUse(page, { substance: 'alcohol', amount: '2' })
  await logUse(page, { substance: OPIOIDS, amount: '1', unit: 'grams' })
  await expectWarning(page, /Alcohol with Opioids/)
  await expectNoAxeViolations(page, 'use entry with the mixing warning')

  // A prescribed medicine on the plan: pregabalin, then a drink on its own warns.
  await page.goto('/medicines')
  await expectNoAxeViolations(page, '/medicines (empty)')
  await page.getByRole('radio', { name: 'Pregabalin or gabapentin', exact: true }).check()
  await page.getByLabel('What is it called? (optional)', { exact: true }).fill('pregabalin')
  await page.getByRole('button', { name: 'Add medicine', exact: true }).click()
  await expect(page.getByText('Pregabalin or gabapentin: pregabalin')).toBeVisible()
  await expectNoAxeViolations(page, '/medicines (one listed)')
  // Refused without a kind: a 400 and the message by the field; nothing added.
  await page.getByRole('button', { name: 'Add medicine', exact: true }).click()
  await expect(page.getByText('Choose what kind of medicine it is')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(1)
  await logUse(page, { substance: 'alcohol', amount: '1' })
  await expectWarning(page, /Alcohol with Pregabalin or gabapentin/)
})

test('the Mixing drugs page is open to everyone and cites every row', async ({ page }) => {
  await page.goto('/help/mixing')
  await expect(page.getByRole('heading', { level: 1, name: 'Mixing drugs' })).toBeVisible()
  const rows = page.locator('table.mixing-table tbody tr')
  expect(await rows.count()).toBeGreaterThanOrEqual(6)
  for (const row of await rows.all()) await expect(row.locator('ul.sources li').first()).toBeVisible()
  await expect(page.getByRole('row', { name: /Opioids.*with Benzos/ })).toContainText('MHRA')
  await expectNoAxeViolations(page, '/help/mixing')
})
