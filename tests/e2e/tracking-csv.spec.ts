// The CSV downloads on /privacy: urges, use diary and goal check-ins as a spreadsheet opens them,
// with the time zone the browser reported and formulas defused. The entries are not under test
// here (tracking.spec.ts logs them through the pages), so their forms are posted directly.
import { expect, test } from '@playwright/test'
import { signUp, uniqueUsername, waitForHydration } from './helpers.ts'
import { downloadCsv, LOGGED_URGE_URL, LOGGED_USE_URL, post, todayIn } from './tracking-helpers.ts'

test('the CSV downloads on /privacy hold the urges, use diary and goal check-ins logged', async ({ page }) => {
  await signUp(page, uniqueUsername('csv'))
  // The browser reports Tokyo as its zone.
  const zone = 'Asia/Tokyo'
  const logged = await post(page, '/track', [
    ['timeZone', zone],
    ['intensity', '6'],
  ])
  const urgeId = LOGGED_URGE_URL.exec(logged.url())?.[1] ?? ''
  expect(urgeId, 'the urge is logged').not.toBe('')
  const detail = await post(page, `/track/urges/${urgeId}`, [
    ['intensity', '6'],
    ['trigger', 'payday'],
    ['triggerNote', '=SUM(A1), on "payday"'],
    ['coping', 'breathing'],
    ['coping', 'waited'],
    ['outcome', 'rode-out'],
  ])
  expect(new URL(detail.url()).pathname).toBe('/track')
  // A day cannot hold both use and "no use" (issue 16): the drink was yesterday, no use today.
  const yesterday = new Date(Date.parse(`${todayIn(zone)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  const use = await post(page, '/track/use/new', [
    ['timeZone', zone],
    ['when', `${yesterday}T20:00`],
    ['substance', 'alcohol'],
    ['drink', 'bottle-of-wine'],
    ['spend', '8.99'],
  ])
  expect(use.url()).toMatch(LOGGED_USE_URL)
  await post(page, '/track', [
    ['timeZone', zone],
    ['intent', 'no-use'],
  ])
  await post(page, '/goals', [
    ['intent', 'create'],
    ['what', 'Walk every morning'],
    ['type', 'lifestyle'],
    ['area', 'lifestyle'],
  ])
  await page.goto('/goals')
  const goalId = await page.locator('input[name="goal"]').first().inputValue()
  await post(page, '/goals', [
    ['intent', 'check-in'],
    ['goal', goalId],
    ['outcome', 'done'],
    ['note', 'Round the park'],
  ])

  await page.goto('/privacy')
  await waitForHydration(page)
  const today = todayIn(zone)
  const urges = await downloadCsv(page, 'Urges (CSV)')
  expect(urges.filename).toBe('foothold-urges.csv')
  expect(urges.records).toHaveLength(1)
  expect(urges.records[0]).toMatchObject({
    date: today,
    'time zone': zone,
    intensity: '6',
    // Words, not codes: list ids become the labels the client picked.
    trigger: 'Payday or having cash',
    // A leading "=" is defused so a spreadsheet never runs it as a formula.
    'trigger note': `'=SUM(A1), on "payday"`,
    coping: 'Slow breathing; Put it off and waited',
    outcome: 'rode it out',
  })
  const diary = await downloadCsv(page, 'Use diary (CSV)')
  expect(diary.filename).toBe('foothold-use-diary.csv')
  expect(diary.header).toEqual([
    'date',
    'time zone',
    'hour',
    'substance',
    'amount',
    'unit',
    'alcohol units',
    'spent (£)',
    'note',
    'what happened and what I learned',
  ])
  expect(diary.records.map((r) => [r.date, r.substance, r['alcohol units'], r['spent (£)']])).toEqual(
    expect.arrayContaining([
      [yesterday, 'alcohol', '10.1', '8.99'],
      [today, 'no use', '', ''],
    ]),
  )
  expect(diary.records).toHaveLength(2)
  const checkIns = await downloadCsv(page, 'Goal check-ins (CSV)')
  expect(checkIns.filename).toBe('foothold-goal-check-ins.csv')
  expect(checkIns.records).toEqual([
    { date: today, goal: 'Walk every morning', outcome: 'done', note: 'Round the park' },
  ])
  await expect(page).toHaveURL('/privacy')
})
