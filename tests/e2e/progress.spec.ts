// The progress dashboard: a client who has logged urges, use and a goal check-in sees charts
// drawn on the server with the numbers as tables (all a no-JavaScript browser needs), the range
// links, and, once JavaScript runs and only if asked, interactive charts; axe on both.
import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, signUp, uniqueUsername, waitForHydration } from './helpers.ts'
import { post } from './tracking-helpers.ts'

/** Two urges (one ridden out after stress), a drink, a no-use day and a goal with a check-in. */
async function logSomeWeek(page: Page): Promise<void> {
  await post(page, '/track', [['intensity', '6']])
  const second = await post(page, '/track', [['intensity', '8']])
  const id = /\/track\/urges\/([^/?]+)/.exec(second.url())?.[1] ?? ''
  await post(page, `/track/urges/${id}`, [
    ['intensity', '8'],
    ['trigger', 'stress'],
    ['coping', 'breathing'],
    ['outcome', 'rode-out'],
  ])
  await post(page, '/track/use/new', [
    ['substance', 'alcohol'],
    ['drink', 'pint-higher-strength'],
    ['count', '2'],
  ])
  await post(page, '/goals', [
    ['intent', 'create'],
    ['what', 'No drinking on weekdays'],
    ['type', 'stop'],
    ['substance', 'alcohol'],
    ['area', 'behaviours'],
  ])
}

test.describe('with JavaScript', () => {
  test('the dashboard shows the week in tables and charts, and the range links', async ({ page }) => {
    await signUp(page, uniqueUsername('progress'))
    await logSomeWeek(page)
    await page.goto('/progress?range=7')
    await waitForHydration(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress')
    await expect(page.getByRole('navigation', { name: 'Time range' }).locator('[aria-current="true"]')).toHaveCount(1)
    for (const heading of ['Milestones', 'Urges', 'Drinking and using', 'Goal check-ins', 'Patterns'])
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible()
    // First the server-drawn charts, each with a name that says what it shows; no chart library.
    await expect(page.locator('.progress-chart-static svg[role="img"]').first()).toBeVisible()
    await expect(page.locator('.progress-chart')).toHaveCount(0)
    await expectNoAxeViolations(page, '/progress with server-drawn charts')
    // Interactive charts only when asked for.
    await page.getByRole('button', { name: 'Show interactive charts' }).click()
    await expect(page.locator('.progress-chart[role="img"]').first()).toBeVisible({ timeout: 5_000 })
    await expect(page.getByRole('button', { name: 'Show interactive charts' })).toHaveCount(0)
    // The numbers stay one tap away: open every "Show the numbers".
    const closed = page.locator('details.numbers:not([open]) > summary')
    while ((await closed.count()) > 0) await closed.first().click()
    await expect(page.getByRole('table', { name: /Drinking and using/ })).toContainText('5.9')
    await expect(page.getByRole('table', { name: 'Most common triggers' })).toContainText('Stress or pressure')
    await expectNoAxeViolations(page, '/progress with charts and tables open')
    await page.getByRole('link', { name: /30 days/ }).click()
    await expect(page).toHaveURL(/range=30/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress')
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same charts drawn on the server, the numbers a tap away, no button', async ({ page }) => {
    await signUp(page, uniqueUsername('progressnojs'))
    await logSomeWeek(page)
    await page.goto('/progress?range=7')
    await expect(page.locator('.progress-chart-static svg[role="img"]')).toHaveCount(3)
    await expect(page.locator('.progress-chart')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Show interactive charts' })).toHaveCount(0)
    // <details> opens without JavaScript.
    const closed = page.locator('details.numbers:not([open]) > summary')
    while ((await closed.count()) > 0) await closed.first().click()
    await expect(page.getByRole('table', { name: /^Urges by day \(/ })).toBeVisible()
    await expect(page.getByRole('table', { name: /Drinking and using/ })).toContainText('5.9')
    await expect(page.getByRole('table', { name: 'Most common triggers' })).toContainText('Stress or pressure')
    await expect(page.getByRole('table', { name: 'What you did when you rode out an urge' })).toContainText(
      'Slow breathing',
    )
  })
})
