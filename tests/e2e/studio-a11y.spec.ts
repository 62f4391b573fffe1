// axe on every studio page (issue 14), as the author (editor, with errors showing; the instrument
// editor too), as the second clinician (the review form) and as an admin (reading only, and the
// questionnaire switch page), and no sideways scrolling at 360 px.
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, expectNoHorizontalScroll, signIn, signInAs, waitForHydration } from './helpers.ts'
import { REVIEWER } from './studio-helpers.ts'

test.use({ viewport: { width: 360, height: 740 } })

async function check(page: Page, path: string) {
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(200)
  await waitForHydration(page)
  await expectNoAxeViolations(page, path)
  await expectNoHorizontalScroll(page)
}

const DRAFT = '/studio/module/saying-no'

test('studio pages as the author, with errors showing', async ({ page }) => {
  test.setTimeout(120_000)
  await signInAs(page, 'clinician')
  for (const path of [
    '/home',
    '/studio',
    `${DRAFT}`,
    `${DRAFT}/source`,
    `${DRAFT}/preview`,
    `${DRAFT}/preview?route=1&at=1`,
    `${DRAFT}/review`,
    `${DRAFT}/versions`,
    '/studio/exercise/urge-surfing',
    '/studio/instrument/phq-9',
    '/studio/life-areas/life-areas',
    '/studio/safety-phrases/safety-phrases/versions',
    '/studio/help/help/source',
    '/studio/audit',
    '/studio/outcomes',
    '/studio/packs',
  ])
    await check(page, path)
  // A draft with a mistake: the error summary, the field's error and the lint panel.
  await page.goto('/studio')
  await page.getByRole('button', { name: 'Start a draft of Solving problems step by step' }).click()
  await waitForHydration(page)
  await page.locator('#step-1').getByLabel('Heading').fill('')
  await page.getByRole('button', { name: 'Save draft' }).first().click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page.locator('#step-1 .field-error').first()).toBeVisible()
  await expectNoAxeViolations(page, 'editor with errors')
  await expectNoHorizontalScroll(page)
  await check(page, '/studio/module/solving-problems/source')
  // The preview's own walk, with an answer left out.
  await page.goto(`${DRAFT}/preview`)
  await waitForHydration(page)
  for (let i = 0; i < 6 && (await page.locator('.phone-frame .field-error').count()) === 0; i++)
    await page.getByRole('button', { name: 'Save and continue' }).click()
  await expectNoAxeViolations(page, 'preview walk with an error')
  // The instrument editor with a draft open, then with its errors showing (an empty intro).
  const gad7 = '/studio/instrument/gad-7'
  await page.goto(gad7)
  await waitForHydration(page)
  await page.getByRole('button', { name: /^Start a draft/ }).click()
  await expect(page.getByLabel('Intro')).toBeVisible()
  await check(page, gad7)
  await page.getByLabel('Intro').fill('')
  await page.getByRole('button', { name: 'Save draft' }).first().click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page.getByLabel('Intro')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, 'instrument editor with errors')
  await expectNoHorizontalScroll(page)
  // The questionnaire switch page, read only for a clinician.
  await check(page, '/admin/instruments')
})

test('the review page as the second clinician, and studio pages as an admin', async ({ browser }) => {
  const reviewer = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage()
  await signIn(reviewer, REVIEWER.username, REVIEWER.passphrase)
  await check(reviewer, `${DRAFT}/review`)
  await expect(reviewer.getByRole('button', { name: 'Approve' })).toBeVisible()
  const admin = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage()
  await signInAs(admin, 'admin')
  for (const path of ['/studio', DRAFT, `${DRAFT}/review`, '/studio/audit', '/admin/instruments'])
    await check(admin, path)
})
