// The self-assessment journeys (issue 3): a new client completes it and sees results and a plan;
// a client stops half-way, signs in again elsewhere and resumes; a full run without JavaScript.
// Each question page is checked against the pages the programme engine builds from
// programme/content/: title, intro, "Page N of M", legends in the published wording; axe runs on
// every page of the flow. Safety messages and refused input: assessment-safety.spec.ts.
import { expect, test } from '@playwright/test'
import {
  answerPages,
  answers,
  type Chooser,
  expectedPages,
  expectPlanSaves,
  fillStart,
  firstOfEachInstrument,
  labelFor,
  lifeAreaChoice,
  nextPost,
  pageAt,
  progressBar,
  question,
  SUPPORT_HEADING,
  scoreLine,
  startCheckIn,
  submitPage,
  WITHDRAWAL_HEADING,
} from './assessment-helpers.ts'
import { expectNoAxeViolations, GOOD_PASSPHRASE, signIn, signOut, signUp, waitForHydration } from './helpers.ts'

test('a new client completes the check-in naming alcohol, sees results, saves a plan and sees history', async ({
  page,
}) => {
  test.slow()
  await signUp(page)
  const pages = await startCheckIn(page, ['alcohol'], 'alcohol', { axe: true })
  // Alcohol only: AUDIT (3 pages), PHQ-9 (3), GAD-7 (2), readiness (1), life areas (7). No DAST-10 or SDS.
  expect(pages.map((p) => p.instrumentId)).toEqual([
    ...Array(3).fill('audit'),
    ...Array(3).fill('phq-9'),
    ...Array(2).fill('gad-7'),
    'readiness',
    ...Array(7).fill('life-areas'),
  ])
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your drinking (AUDIT)')
  // The published UK wording, word for word, as legends (answerPages checks every page against the content).
  await expect(page.getByRole('group', { name: 'How often do you have a drink containing alcohol?' })).toBeVisible()
  await expect(
    page.getByRole('group', { name: 'How many units of alcohol do you drink on a typical day when you are drinking?' }),
  ).toBeVisible()

  const chosen = answers({
    // AUDIT: 3 + 2 + 2 + 1 = 8, "Increasing risk"; AUDIT-C 3 + 2 + 2 = 7. 2–3 days × 5–6 units = 10–18 a week.
    'audit-1': '2 to 3 times per week',
    'audit-2': '5 to 6',
    'audit-3': 'Monthly',
    'audit-7': 'Less than monthly',
    // PHQ-9 and GAD-7: every "Not at all" (the fallback), so item 9 is 0 and no panel shows.
    'readiness-importance': '8',
    'readiness-confidence': '5',
    'readiness-readiness': '7',
  })
  const choose: Chooser = (item) => (item.id.startsWith('la-') ? lifeAreaChoice(item.id) : chosen(item))
  const panels = await answerPages(page, pages, choose, { axe: firstOfEachInstrument(pages) })
  expect(panels, 'no support panel for PHQ-9 item 9 answered "Not at all"').toEqual([])

  // Results: each score with its band and meaning.
  await expect(page).toHaveURL('/assessment/results')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results')
  // The scores are never presented as a diagnosis (hazard H-014).
  await expect(page.getByText('They are not a diagnosis.')).toBeVisible()
  await expect(scoreLine(page, 'Your drinking (AUDIT)')).toContainText(
    'Your drinking (AUDIT): 8 out of 40 – Increasing risk.',
  )
  await expect(scoreLine(page, 'Your drinking (AUDIT)')).toContainText('Cutting down now lowers the risk.')
  await expect(scoreLine(page, 'How much you drink (AUDIT-C)')).toContainText(
    '7 out of 12 – Increasing or higher risk.',
  )
  await expect(scoreLine(page, 'Your mood (PHQ-9)')).toContainText('0 out of 27 – Minimal.')
  await expect(scoreLine(page, 'Worry and anxiety (GAD-7)')).toContainText('0 out of 21')
  await expect(scoreLine(page, 'DAST-10')).toHaveCount(0)
  await expect(scoreLine(page, 'SDS')).toHaveCount(0)
  // Readiness answers shown as given, not scored (folded: one tap opens them).
  await page.getByRole('heading', { name: 'How ready you feel' }).click()
  await expect(
    page.getByText('How important is it to you to make a change to your drinking or drug use? 8 out of 10'),
  ).toBeVisible()
  // Units against the UK guideline of 14, with its source.
  await expect(page.getByRole('heading', { name: 'Your drinking and the UK guideline' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText(
    'From your answers, you drink about 10 to 18 units of alcohol a week. The UK guideline is not to drink more than 14 units a week on a regular basis, spread over 3 or more days (UK Chief Medical Officers, 2016).',
  )
  // No safety messages for these answers.
  await expect(page.getByRole('heading', { name: SUPPORT_HEADING })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: WITHDRAWAL_HEADING })).toHaveCount(0)

  // The profile: a map of six tiles in words, and a table saying the same, neediest first.
  const ranked = ['Physical', 'Emotions', 'Lifestyle', 'Situations', 'Thoughts', 'Behaviours']
  const map = page.getByRole('list', { name: 'Your six life areas, from most to least need' })
  await expect(map.getByRole('listitem')).toHaveText([
    'PhysicalHigh need100 out of 100',
    'EmotionsSome need50 out of 100',
    'LifestyleLow need25 out of 100',
    'SituationsLow need0 out of 100',
    'ThoughtsLow need0 out of 100',
    'BehavioursLow need0 out of 100',
  ])
  await page.getByText('Show as a table').click()
  const table = page.getByRole('table', { name: 'Your life areas' })
  await expect(table.getByRole('rowheader')).toHaveText(ranked)
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['100', /^High need\. /])
  await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText(['50', /^Some need\. /])
  await expect(table.getByRole('row').nth(6).getByRole('cell')).toHaveText(['0', /^Low need\. /])

  // The plan: areas listed neediest first, each with its level (the reason is said once, under
  // "Where to start").
  const plan = page.getByRole('form', { name: 'What would you like to work on?' })
  await expect(plan.getByRole('checkbox')).toHaveCount(6)
  await expect(plan.locator('label')).toHaveText(ranked)
  await expect(plan.getByRole('checkbox', { name: 'Physical' })).toHaveAccessibleDescription(
    'High need (100 out of 100).',
  )
  await expect(page.getByRole('region', { name: 'Where to start' })).toContainText(
    'Because you said cravings, sleep or your health are a struggle (score 100 out of 100):',
  )
  await expect(plan.getByRole('checkbox', { name: 'Situations' })).toHaveAccessibleDescription(
    'Low need (0 out of 100).',
  )
  await waitForHydration(page)
  await expectNoAxeViolations(page, '/assessment/results')

  // Nothing ticked: refused, with a message; then a real choice is saved.
  const refused = nextPost(page, '/assessment/results')
  await plan.getByRole('button', { name: 'Save my plan' }).click()
  expect((await refused).status()).toBe(400)
  await expect(page.getByRole('alert').filter({ hasText: 'Choose at least one of the areas listed.' })).toBeVisible()
  await expectNoAxeViolations(page, '/assessment/results with the plan refused')
  await expectPlanSaves(page, ['Physical', 'Emotions'])

  // History: one point for each scored instrument.
  await waitForHydration(page)
  await page.getByRole('link', { name: 'See how your scores have changed' }).click()
  await expect(page).toHaveURL('/assessment/history')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your scores over time')
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
    'Your drinking (AUDIT)',
    'How much you drink (AUDIT-C)',
    'Your mood (PHQ-9)',
    'Worry and anxiety (GAD-7)',
  ])
  const auditHistory = page.getByRole('table', { name: 'Your drinking (AUDIT)' })
  await expect(auditHistory.getByRole('row')).toHaveCount(2)
  await expect(auditHistory.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    /^\d{1,2} [A-Z][a-z]{2} \d{4}$/,
    '8',
    'Increasing risk',
  ])
  await expect(page.getByText(/^Your next check-in is due on \d{1,2} [A-Z][a-z]{2} \d{4}\.$/)).toBeVisible()
  await expectNoAxeViolations(page, '/assessment/history')

  // Home now links to the results and history instead of starting again; /assessment goes nowhere open.
  await page.goto('/home')
  await expect(page.getByRole('link', { name: 'Your latest results and plan' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Carry on with your check-in' })).toHaveCount(0)
  await expectNoAxeViolations(page, '/home after a check-in')
})

test('a client who stops half-way signs in again on another device and resumes where they stopped', async ({
  page,
  browser,
}) => {
  const { username } = await signUp(page)
  const pages = await startCheckIn(page, ['alcohol'], 'alcohol')
  const count = pages.length
  const choose = answers({
    'audit-1': 'Monthly or less',
    'audit-2': '3 to 4',
    'audit-5': 'Weekly',
    'audit-8': 'Monthly',
  })
  await answerPages(page, pages, choose, { until: 2 })
  await expect(progressBar(page, 3, count)).toBeVisible()
  // Home says to carry on rather than start again.
  await page.goto('/home')
  await waitForHydration(page)
  await expect(page.getByRole('link', { name: 'Carry on with your check-in' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Start your check-in' })).toHaveCount(0)
  await expectNoAxeViolations(page, '/home with a check-in in progress')
  await signOut(page)

  // Another device: a fresh browser context, signed in again.
  const elsewhere = await browser.newContext()
  try {
    const other = await elsewhere.newPage()
    await signIn(other, username, GOOD_PASSPHRASE)
    await waitForHydration(other)
    await other.getByRole('link', { name: 'Carry on with your check-in' }).click()
    await expect(other).toHaveURL('/assessment/questions')
    // The next unanswered page.
    await expect(progressBar(other, 3, count)).toBeVisible()
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Your drinking (AUDIT)')
    const page3 = pageAt(pages, 2)
    for (const item of page3.items)
      await expect(question(other, item).getByRole('radio', { checked: true })).toHaveCount(0)
    // The start page sends an open check-in back to it rather than starting another.
    await other.goto('/assessment')
    await expect(other).toHaveURL('/assessment/questions')
    await expect(progressBar(other, 3, count)).toBeVisible()

    // One answer on page 3, then Back: the partial answer is kept too.
    const audit9 = page3.items.find((item) => item.id === 'audit-9')
    if (!audit9) throw new Error('audit-9 is not on page 3')
    await waitForHydration(other)
    await question(other, audit9).getByRole('radio', { name: 'Yes, but not in the last year' }).check()
    await other.getByRole('button', { name: 'Back', exact: true }).click()
    await expect(progressBar(other, 2, count)).toBeVisible()
    // Earlier answers are kept on each page going back.
    const expectChosen = async (pageIndex: number) => {
      for (const item of pageAt(pages, pageIndex).items) {
        const group = question(other, item)
        await expect(group.getByRole('radio', { name: labelFor(item, choose(item)), exact: true })).toBeChecked()
        await expect(group.getByRole('radio', { checked: true })).toHaveCount(1)
      }
    }
    await expectChosen(1)
    await other.getByRole('button', { name: 'Back', exact: true }).click()
    await expect(progressBar(other, 1, count)).toBeVisible()
    await expectChosen(0)
    await expect(other.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0)
    // Forward again without changes, to page 3 with its partial answer still chosen.
    await submitPage(other, pageAt(pages, 0), count)
    await expect(progressBar(other, 2, count)).toBeVisible()
    await submitPage(other, pageAt(pages, 1), count)
    await expect(progressBar(other, 3, count)).toBeVisible()
    await expect(question(other, audit9).getByRole('radio', { name: 'Yes, but not in the last year' })).toBeChecked()
  } finally {
    await elsewhere.close()
  }
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a full check-in naming cannabis asks DAST-10 and the SDS about cannabis, to the results', async ({ page }) => {
    test.slow()
    await signUp(page)
    await page.goto('/home')
    await page.getByRole('link', { name: 'Start your check-in' }).click()
    await expect(page).toHaveURL('/assessment')
    await fillStart(page, ['cannabis'], 'cannabis')
    await expect(page).toHaveURL('/assessment/questions')
    const pages = expectedPages(['cannabis'], 'cannabis')
    // DAST-10 (3 pages), SDS (2), PHQ-9 (3), GAD-7 (2), readiness (1), life areas (7). No AUDIT.
    expect(pages.map((p) => p.instrumentId)).toEqual([
      ...Array(3).fill('dast-10'),
      ...Array(2).fill('sds'),
      ...Array(3).fill('phq-9'),
      ...Array(2).fill('gad-7'),
      'readiness',
      ...Array(7).fill('life-areas'),
    ])
    // The SDS names the drug (battery.yaml's sdsWording for cannabis).
    const sds = pages.filter((p) => p.instrumentId === 'sds').flatMap((p) => p.items.map((item) => item.text))
    expect(sds).toContain('Did you ever think your use of cannabis was out of control?')
    expect(sds).toContain('Did you worry about your use of cannabis?')
    expect(sds).toContain('How difficult did you find it to stop, or go without cannabis?')
    expect(pages.find((p) => p.instrumentId === 'sds')?.intro).toBe(
      'These questions are about your use of cannabis during the past year.',
    )

    // DAST-10: "Yes" to items 1 and 4, and "No" to everything else, including item 3 ("Are you always
    // able to stop…", reverse-scored): 1 + 1 + 1 = 3, "Moderate level". SDS: 1 + 1 = 2.
    const chosen = answers({ 'dast-10-1': 'Yes', 'dast-10-4': 'Yes', 'sds-1': 'Sometimes', 'sds-5': 'Quite difficult' })
    const choose: Chooser = (item) =>
      item.id.startsWith('la-')
        ? lifeAreaChoice(item.id)
        : item.id.startsWith('dast-10-') && !['dast-10-1', 'dast-10-4'].includes(item.id)
          ? 'No'
          : chosen(item)
    const panels = await answerPages(page, pages, choose)
    expect(panels).toEqual([])

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results')
    await expect(scoreLine(page, 'Your drug use (DAST-10)')).toContainText('3 out of 10 – Moderate level.')
    await expect(scoreLine(page, 'How much you depend on your main drug (SDS)')).toContainText(
      'How much you depend on your main drug (SDS): 2',
    )
    await expect(scoreLine(page, 'AUDIT')).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Your drinking and the UK guideline' })).toHaveCount(0)
    await expect(
      page.getByRole('list', { name: 'Your six life areas, from most to least need' }).getByRole('listitem').first(),
    ).toHaveText('PhysicalHigh need100 out of 100')
    await page.getByText('Show as a table').click()
    await expect(page.getByRole('table', { name: 'Your life areas' }).getByRole('rowheader').first()).toHaveText(
      'Physical',
    )
    // The plan saves with a plain form post.
    await expectPlanSaves(page, ['Physical'])
    await page.getByRole('link', { name: 'See how your scores have changed' }).click()
    await expect(page).toHaveURL('/assessment/history')
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
      'Your drug use (DAST-10)',
      'How much you depend on your main drug (SDS)',
      'Your mood (PHQ-9)',
      'Worry and anxiety (GAD-7)',
    ])
  })
})
