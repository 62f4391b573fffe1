// Goals as a new client meets them (issue 16 item 12): after "Your goal is saved" the form is
// empty and a refresh adds nothing; a deadline already past is refused; a weekly goal's check-in
// says "this week" and a new check-in starts with an empty note; a goal is changed on its own page
// (and a stop or cut-down goal's warning still shows, H-044); deleting asks first, with and
// without JavaScript; dates read "5 Dec 2026". axe runs on the new pages (it needs JavaScript).
import { expect, type Page, test } from '@playwright/test'
import { longDate } from '../../app/utils/format.ts'
import { nextPost } from './assessment-helpers.ts'
import { expectNoAxeViolations, signUp, uniqueUsername, waitForHydration } from './helpers.ts'
import { TAPER_HEADING } from './modules-helpers.ts'
import { expectFieldError, todayIn } from './tracking-helpers.ts'

const ZONE = 'Europe/London'
test.use({ timezoneId: ZONE })

const PAST_DEADLINE = 'That date has passed. Choose today or a later day, or leave it empty.'

/** The local date `days` after `date` (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** The Monday of the week `date` falls in (the UK week). */
function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7))
}

/** The page's own message (not the shell's "waiting to send" note, also a status). */
const said = (page: Page) => page.locator('[role="status"]:not(#waiting-to-send)')

const newGoalForm = (page: Page) => page.getByRole('form', { name: 'Set a new goal' })

async function fillGoal(page: Page, what: string, byWhen: string, frequency?: 'Every day' | 'Once a week') {
  const form = newGoalForm(page)
  await form.getByLabel('What is your goal?', { exact: true }).fill(what)
  await form
    .getByLabel('What kind of goal is it?', { exact: true })
    .selectOption({ label: 'Something else in my life' })
  if (frequency)
    await form.getByLabel('How often will you check in?', { exact: true }).selectOption({ label: frequency })
  await form.getByLabel('By when? (optional)', { exact: true }).fill(byWhen)
}

test.describe('with JavaScript', () => {
  test('a weekly goal: a past deadline refused, saved once with the form empty, checked in "this week" with an empty note after', async ({
    page,
  }) => {
    await signUp(page, uniqueUsername('goal-week'))
    await page.goto('/goals')
    await waitForHydration(page)
    const today = todayIn(ZONE)

    // Yesterday: refused by the field, nothing saved, what was typed kept.
    await fillGoal(page, 'Walk three times a week', addDays(today, -1), 'Once a week')
    const refused = nextPost(page, '/goals')
    await newGoalForm(page).getByRole('button', { name: 'Save this goal', exact: true }).click()
    expect((await refused).status()).toBe(400)
    await expectFieldError(page, 'By when? (optional)', PAST_DEADLINE)
    await expect(page.getByRole('article')).toHaveCount(0)
    await expect(newGoalForm(page).getByLabel('What is your goal?', { exact: true })).toHaveValue(
      'Walk three times a week',
    )

    // Today is allowed. Saved: the message, the goal once, and an empty form.
    await newGoalForm(page).getByLabel('By when? (optional)', { exact: true }).fill(today)
    await newGoalForm(page).getByRole('button', { name: 'Save this goal', exact: true }).click()
    await expect(said(page)).toHaveText('Your goal is saved.')
    await expect(page).toHaveURL(/\/goals\?saved=goal&goal=[0-9a-f-]+$/)
    const goal = page.getByRole('article', { name: 'Walk three times a week' })
    await expect(goal).toContainText(`By ${longDate(today)}.`)
    await expect(goal).not.toContainText(today)
    await expect(newGoalForm(page).getByLabel('What is your goal?', { exact: true })).toHaveValue('')
    await expect(newGoalForm(page).getByLabel('By when? (optional)', { exact: true })).toHaveValue('')
    // A refresh shows the page again; it does not post again.
    await page.reload()
    await expect(page.getByRole('article')).toHaveCount(1)

    // A weekly check-in, then the note field is empty again.
    await waitForHydration(page)
    const week = goal.getByRole('group', { name: 'How did it go this week?', exact: true })
    await week.getByRole('radio', { name: 'Partly', exact: true }).check()
    await goal.getByLabel('A note (optional)', { exact: true }).fill('Two walks, not three')
    await goal.getByRole('button', { name: 'Check in', exact: true }).click()
    await expect(said(page)).toHaveText('Check-in saved.')
    await expect(goal.getByLabel('A note (optional)', { exact: true })).toHaveValue('')
    await expect(goal.getByRole('radio', { name: 'Partly', exact: true })).not.toBeChecked()
    await expect(
      goal.getByRole('group', { name: 'How did it go this week? (you checked in this week; this replaces it)' }),
    ).toBeVisible()
    const history = goal.getByRole('table', { name: 'Your check-ins' })
    await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
      `Week of ${longDate(mondayOf(today))}`,
      'Partly',
      'Two walks, not three',
    ])
    // A second check-in this week replaces the first.
    await goal.getByRole('radio', { name: 'Done', exact: true }).check()
    await goal.getByRole('button', { name: 'Check in', exact: true }).click()
    await expect(history.getByRole('row')).toHaveCount(2)
    await expect(history.getByRole('row').nth(1)).toContainText('Done')
    await expectNoAxeViolations(page, '/goals after a weekly check-in')
  })

  test('a goal changed on its own page, with the taper warning for cutting down benzodiazepines; delete asks first', async ({
    page,
  }) => {
    await signUp(page, uniqueUsername('goal-edit'))
    await page.goto('/goals')
    await waitForHydration(page)
    await fillGoal(page, 'Sleep better', addDays(todayIn(ZONE), 30))
    await newGoalForm(page).getByRole('button', { name: 'Save this goal', exact: true }).click()
    const goal = page.getByRole('article', { name: 'Sleep better' })
    await expect(goal).toBeVisible()

    await goal.getByRole('link', { name: 'Change “Sleep better”' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change your goal')
    const form = page.getByRole('form', { name: 'Change your goal' })
    await expect(form.getByLabel('What is your goal?', { exact: true })).toHaveValue('Sleep better')
    await expectNoAxeViolations(page, '/goals/:id/edit')
    // The same checks as setting one: a past deadline is refused.
    await form.getByLabel('By when? (optional)', { exact: true }).fill(addDays(todayIn(ZONE), -2))
    const refused = nextPost(page, new URL(page.url()).pathname)
    await form.getByRole('button', { name: 'Save changes', exact: true }).click()
    expect((await refused).status()).toBe(400)
    await expectFieldError(page, 'By when? (optional)', PAST_DEADLINE)
    await expectNoAxeViolations(page, '/goals/:id/edit refused')

    await form.getByLabel('By when? (optional)', { exact: true }).fill('')
    await form.getByLabel('What is your goal?', { exact: true }).fill('Take fewer sleeping pills')
    await form.getByLabel('What kind of goal is it?', { exact: true }).selectOption({ label: 'Cut down' })
    await form
      .getByLabel('Is it about a drink or drug? (optional)')
      .selectOption({ label: 'Benzodiazepines or other sedatives' })
    await form.getByRole('button', { name: 'Save changes', exact: true }).click()
    await expect(said(page)).toHaveText('Your changes are saved.')
    await expect(page.getByRole('region', { name: TAPER_HEADING })).toBeVisible()
    const changed = page.getByRole('article', { name: 'Take fewer sleeping pills' })
    await expect(changed).toBeVisible()
    await expect(page.getByRole('article')).toHaveCount(1)

    // Delete: a page that asks first; "No, keep it" keeps it.
    await changed.getByRole('link', { name: 'Delete “Take fewer sleeping pills”' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete this goal?')
    await expect(page.getByText('“Take fewer sleeping pills”')).toBeVisible()
    await expectNoAxeViolations(page, '/goals/:id/delete')
    await page.getByRole('link', { name: 'No, keep it' }).click()
    await expect(page.getByRole('article', { name: 'Take fewer sleeping pills' })).toBeVisible()
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('deleting takes a second step: the confirm page changes nothing, its button deletes', async ({ page }) => {
    await signUp(page, uniqueUsername('goal-nojs'))
    await page.goto('/goals')
    await fillGoal(page, 'Call my sister on Sundays', addDays(todayIn(ZONE), 7), 'Once a week')
    await newGoalForm(page).getByRole('button', { name: 'Save this goal', exact: true }).click()
    await expect(said(page)).toHaveText('Your goal is saved.')
    await expect(newGoalForm(page).getByLabel('What is your goal?', { exact: true })).toHaveValue('')
    const goal = page.getByRole('article', { name: 'Call my sister on Sundays' })
    await expect(goal.getByRole('button', { name: /^Delete/ })).toHaveCount(0)

    await goal.getByRole('link', { name: 'Delete “Call my sister on Sundays”' }).click()
    await expect(page).toHaveURL(/\/goals\/[0-9a-f-]+\/delete$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete this goal?')
    // Showing the question deleted nothing.
    await page.goto('/goals')
    await expect(page.getByRole('article', { name: 'Call my sister on Sundays' })).toBeVisible()
    await page.getByRole('link', { name: 'Delete “Call my sister on Sundays”' }).click()
    await page.getByRole('button', { name: 'Yes, delete this goal', exact: true }).click()
    await expect(page).toHaveURL('/goals?saved=deleted')
    await expect(said(page)).toHaveText('The goal is deleted.')
    await expect(page.getByRole('article')).toHaveCount(0)
  })

  test('a weekly check-in without JavaScript: "this week", and the note empty after', async ({ page }) => {
    await signUp(page, uniqueUsername('goal-nojs-week'))
    await page.goto('/goals')
    await fillGoal(page, 'Swim once a week', '', 'Once a week')
    await newGoalForm(page).getByRole('button', { name: 'Save this goal', exact: true }).click()
    const goal = page.getByRole('article', { name: 'Swim once a week' })
    await goal.getByRole('radio', { name: 'Done', exact: true }).check()
    await goal.getByLabel('A note (optional)', { exact: true }).fill('Twenty lengths')
    await goal.getByRole('button', { name: 'Check in', exact: true }).click()
    await expect(page).toHaveURL('/goals?saved=check-in')
    await expect(said(page)).toHaveText('Check-in saved.')
    await expect(goal.getByLabel('A note (optional)', { exact: true })).toHaveValue('')
    await expect(goal.getByRole('table', { name: 'Your check-ins' })).toContainText('Twenty lengths')
    await expect(
      goal.getByRole('group', { name: 'How did it go this week? (you checked in this week; this replaces it)' }),
    ).toBeVisible()
  })
})
