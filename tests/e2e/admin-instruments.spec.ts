// An admin switches a check-in questionnaire off and on again (/admin/instruments, issue 14,
// H-029): PHQ-9 needs the acknowledgement of the safety message it takes away; a client who starts
// a check-in while it is off is not asked it, and one who starts after it is back is.
import { expect, type Page, test } from '@playwright/test'
import { answerPages, expectedPages, fillStart, progressBar } from './assessment-helpers.ts'
import { expectNoAxeViolations, signInAs, signUp, waitForHydration } from './helpers.ts'

const PHQ9 = 'Your mood (PHQ-9)'

const card = (page: Page) => page.getByRole('region', { name: PHQ9 })

/** A new client starts a check-in about alcohol; returns how many pages it has. */
async function newClientStarts(page: Page): Promise<number> {
  await signUp(page)
  await page.goto('/assessment')
  await fillStart(page, ['alcohol'], 'alcohol')
  await expect(page).toHaveURL('/assessment/questions')
  const text = await page.getByText(/^Page 1 of \d+$/).textContent()
  return Number(text?.replace(/^Page 1 of /, ''))
}

test('an admin switches PHQ-9 off with the acknowledgement and on again; new check-ins follow', async ({ browser }) => {
  test.setTimeout(120_000)
  const admin = await (await browser.newContext()).newPage()
  await signInAs(admin, 'admin')
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaires' }).first().click()
  await expect(admin).toHaveURL('/admin/instruments')
  await waitForHydration(admin)
  await expect(card(admin)).toContainText('self-harm')
  await expect(admin.getByRole('region', { name: 'Your life areas' })).toContainText('It cannot be switched off.')

  try {
    // Without the tick: refused, the error by the box, nothing changed.
    await card(admin)
      .getByRole('button', { name: `Switch off ${PHQ9}` })
      .click()
    const tick = card(admin).getByLabel(/^I understand that check-ins will stop asking these questions/)
    await expect(tick).toHaveAttribute('aria-invalid', 'true')
    await expect(tick).toHaveAccessibleDescription(
      /Tick the box to confirm you understand what check-ins will stop asking\./,
    )
    await expect(card(admin)).toContainText('On: new check-ins ask it.')
    await expectNoAxeViolations(admin, '/admin/instruments with the acknowledgement missing')

    // With the tick: off, said so, and in its history.
    await tick.check()
    await card(admin)
      .getByRole('button', { name: `Switch off ${PHQ9}` })
      .click()
    await expect(admin.getByRole('status')).toHaveText(`${PHQ9} is now switched off.`)
    await expect(card(admin)).toContainText('Off: new check-ins leave it out.')
    await expect(card(admin).getByRole('listitem')).toHaveCount(1)
    await expectNoAxeViolations(admin, '/admin/instruments after switching off')

    // A client who starts now is not asked PHQ-9: every page is checked, and none is PHQ-9's.
    const all = expectedPages(['alcohol'], 'alcohol')
    const without = all.filter((p) => p.instrumentId !== 'phq-9').map((p, index) => ({ ...p, index }))
    expect(without.length).toBeLessThan(all.length)
    const client = await (await browser.newContext()).newPage()
    expect(await newClientStarts(client)).toBe(without.length)
    await answerPages(client, without, () => 'first')
    await expect(client.getByRole('heading', { level: 1 })).toHaveText('Your results')

    // Back on (no tick needed to switch on).
    await card(admin)
      .getByRole('button', { name: `Switch on ${PHQ9}` })
      .click()
    await expect(admin.getByRole('status')).toHaveText(`${PHQ9} is now switched on.`)
    await expect(card(admin)).toContainText('On: new check-ins ask it.')

    // A client who starts now is asked it again.
    const later = await (await browser.newContext()).newPage()
    expect(await newClientStarts(later)).toBe(all.length)
    await expect(progressBar(later, 1, all.length)).toBeVisible()
    const first = all.findIndex((p) => p.instrumentId === 'phq-9')
    await answerPages(later, all, () => 'first', { until: first })
    await expect(later.getByRole('heading', { level: 1 })).toHaveText(all[first]?.title ?? 'PHQ-9')
  } finally {
    // Leave PHQ-9 on for the specs that follow, whatever happened above.
    await admin.goto('/admin/instruments')
    const on = card(admin).getByRole('button', { name: `Switch on ${PHQ9}` })
    if (await on.isVisible()) await on.click()
  }
})
