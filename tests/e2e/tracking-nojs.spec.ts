// The tracking journeys with JavaScript turned off: logging an urge and its detail, a refused
// future time (a 400 page with the message by the field), "No use today" and a use-diary entry
// are all plain form posts. axe needs JavaScript in the page, so it runs in tracking.spec.ts.
import { expect, test } from '@playwright/test'
import { nextPost } from './assessment-helpers.ts'
import { signUp, uniqueUsername } from './helpers.ts'
import {
  expectFieldError,
  FUTURE_MESSAGE,
  fillUse,
  LOGGED_USE_URL,
  logUrge,
  nextYear,
  urgeList,
  useList,
} from './tracking-helpers.ts'

test.use({ javaScriptEnabled: false })

test('an urge logged and detailed without JavaScript; a future time comes back refused', async ({ page }) => {
  await signUp(page, uniqueUsername('nojs-urge'))
  const id = await logUrge(page, 7)
  await expect(page.getByText('Saved. You can add more below if you want to, or stop here.')).toBeVisible()
  const when = page.getByLabel('When was it?', { exact: true })
  const loggedAt = await when.inputValue()

  await when.fill(nextYear())
  await page.getByLabel('What set it off? (optional)', { exact: true }).selectOption({ label: 'Boredom' })
  await page.getByLabel('Where were you? (optional)', { exact: true }).fill('At home')
  const refused = nextPost(page, `/track/urges/${id}`)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(400)
  // The form posts back to the address it came from, so the refused page still says "Urge logged"
  // (true of the quick log; see the use-diary test below for where this misleads).
  await expect(page).toHaveURL(`/track/urges/${id}?logged=1`)
  await expectFieldError(page, 'When was it?', FUTURE_MESSAGE)
  // What was typed is kept, so only the time needs fixing.
  await expect(page.getByLabel('Where were you? (optional)', { exact: true })).toHaveValue('At home')
  await expect(page.getByLabel('What set it off? (optional)', { exact: true })).toHaveValue('boredom')

  await page.getByLabel('When was it?', { exact: true }).fill(loggedAt)
  await page.getByLabel('What happened? (optional)', { exact: true }).selectOption({ label: 'I rode it out' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL('/track?saved=urge')
  await expect(urgeList(page).getByRole('link')).toHaveText([/: strength 7, boredom, rode it out$/])
})

test('ticked coping strategies are kept when the urge form comes back refused', async ({ page }) => {
  await signUp(page, uniqueUsername('nojs-cope'))
  await logUrge(page, 4)
  await page.getByLabel('When was it?', { exact: true }).fill(nextYear())
  await page.getByRole('checkbox', { name: 'Went for a walk or moved about', exact: true }).check()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(`Error: ${FUTURE_MESSAGE}`)).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Went for a walk or moved about', exact: true })).toBeChecked({
    timeout: 1_000,
  })
})

test('"No use today" and a use-diary entry without JavaScript', async ({ page }) => {
  await signUp(page, uniqueUsername('nojs-use'))
  await page.goto('/track')
  await page.getByRole('button', { name: 'No use today', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved: no use today.' })).toBeVisible()
  // Posted then redirected: reloading shows the page again without sending the form again.
  await expect(page).toHaveURL('/track?marked=1')
  await page.reload()
  await expect(useList(page).getByRole('link')).toHaveText([/no use$/])
  // Tapping it twice still counts one day.
  await page.getByRole('button', { name: 'No use today', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved: no use today.' })).toBeVisible()
  await expect(useList(page).getByRole('link')).toHaveText([/no use$/])

  await page.getByRole('link', { name: 'Log a drink or drug use', exact: true }).click()
  await expect(page).toHaveURL('/track/use/new')
  // No substance chosen: refused, with the message by the field.
  const refused = nextPost(page, '/track/use/new')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(400)
  await expectFieldError(page, 'What did you use?', 'Choose a substance from the list')
  await fillUse(page, { substance: 'cannabis', amount: '1.5', unit: 'grams', spend: '20' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(LOGGED_USE_URL)
  await expect(page.getByRole('status')).toHaveText('Saved.')
  await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('1.5')

  // A second alcohol entry with ml and ABV typed in: 4 × 330 ml at 5 % = 6.6 units.
  await page.goto('/track/use/new')
  await fillUse(page, { substance: 'alcohol', count: '4' })
  await page.getByLabel('Or: size in ml (optional)', { exact: true }).fill('330')
  await page.getByLabel('And strength, % ABV (optional)', { exact: true }).fill('5')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Saved: 6.6 units of alcohol.')

  // Use logged today replaced the "no use" mark (issue 16, item 10).
  await page.goto('/track')
  const entries = useList(page).getByRole('link')
  await expect(entries).toHaveCount(2)
  await expect(entries.filter({ hasText: 'no use' })).toHaveCount(0)
  await expect(entries.filter({ hasText: 'cannabis, 1.5 grams, £20.00' })).toHaveCount(1)
  await expect(entries.filter({ hasText: 'alcohol, 6.6 UK units' })).toHaveCount(1)
})

test('a refused change to a just-logged use entry does not say "Saved"', async ({ page }) => {
  await signUp(page, uniqueUsername('nojs-edit'))
  await page.goto('/track/use/new')
  await fillUse(page, { substance: 'alcohol', drink: 'pint-higher-strength', count: '2' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Saved: 5.9 units of alcohol.')
  await page.getByLabel('Amount', { exact: true }).fill('lots')
  await page.getByRole('button', { name: 'Save changes', exact: true }).click()
  await expectFieldError(page, 'Amount', 'Enter an amount, like 2 or 1.5')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0, { timeout: 1_000 })
})
