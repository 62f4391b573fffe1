// The tracking journeys (with JavaScript): log an urge in two taps and add its detail, the
// very-strong-urge support, a refused future time; the use diary's unit calculator, "No use
// today", deleting and refused amounts; goals with check-ins and their overdose, withdrawal and
// taper warnings.
// axe runs on each tracking page on the way. Without JavaScript: tracking-nojs.spec.ts; CSV
// downloads: tracking-csv.spec.ts. The progress dashboard is not covered here.
import { expect, test } from '@playwright/test'
import { weekdayDate } from '../../app/utils/format.ts'
import { CRISIS_TEL_LINKS, nextPost, WITHDRAWAL_HEADING } from './assessment-helpers.ts'
import { expectNoAxeViolations, signUp, uniqueUsername, waitForHydration } from './helpers.ts'
import { OVERDOSE_HEADING, TAPER_HEADING } from './modules-helpers.ts'
import {
  expectFieldError,
  FUTURE_MESSAGE,
  fillUse,
  LOGGED_URGE_URL,
  LOGGED_USE_URL,
  logUrge,
  nextYear,
  post,
  STRONG_URGE_HEADING,
  todayIn,
  URGE_LEGEND,
  URGE_OVERDOSE_HEADING,
  urgeList,
  useList,
} from './tracking-helpers.ts'

const ZONE = 'Europe/London'
test.use({ timezoneId: ZONE })

test('an urge logged in two taps, its detail added and listed; a time in the future is refused', async ({ page }) => {
  await signUp(page, uniqueUsername('urge'))
  await page.goto('/track')
  await waitForHydration(page)
  await expect(urgeList(page)).toHaveCount(0)
  await expect(page.getByText('No urges logged yet.')).toBeVisible()
  // Pressing the button without a number: refused, and said next to the scale.
  const refused = nextPost(page, '/track')
  await page.getByRole('button', { name: 'Log this urge', exact: true }).click()
  expect((await refused).status()).toBe(400)
  await expect(page.getByRole('group', { name: URGE_LEGEND })).toHaveAccessibleDescription(
    /Choose how strong the urge is, from 0 to 10/,
  )
  await expectNoAxeViolations(page, '/track (with an error)')

  // Two taps: a number, then the button.
  const id = await logUrge(page, 5)
  await expect(page.getByText('Saved. You can add more below if you want to, or stop here.')).toBeVisible()
  await expect(page.getByRole('heading', { name: STRONG_URGE_HEADING })).toHaveCount(0)
  const detailScale = page.getByRole('group', { name: 'How strong was the urge?', exact: true })
  await expect(detailScale.getByRole('radio', { name: '5', exact: true })).toBeChecked()
  await expectNoAxeViolations(page, 'urge page')
  const when = page.getByLabel('When was it?', { exact: true })
  const loggedAt = await when.inputValue()
  expect(loggedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  await page.getByLabel('What set it off? (optional)', { exact: true }).selectOption({ label: 'Stress or pressure' })
  await page.getByRole('checkbox', { name: 'Slow breathing', exact: true }).check()
  await page.getByLabel('What happened? (optional)', { exact: true }).selectOption({ label: 'I rode it out' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL('/track?saved=urge')
  const entry = urgeList(page).getByRole('link')
  await expect(entry).toHaveCount(1)
  await expect(entry).toHaveText(
    /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}: strength 5, stress or pressure, rode it out$/,
  )
  await expect(entry).toHaveAttribute('href', `/track/urges/${id}`)
  await expectNoAxeViolations(page, '/track (with an urge)')

  // Later: the time moved into the future is refused next to the field, and nothing changes.
  await entry.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your urge')
  await waitForHydration(page)
  await page.getByLabel('When was it?', { exact: true }).fill(nextYear())
  await page.getByLabel('What happened? (optional)', { exact: true }).selectOption({ label: 'Not decided yet' })
  const future = nextPost(page, `/track/urges/${id}`)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await future).status()).toBe(400)
  await expectFieldError(page, 'When was it?', FUTURE_MESSAGE)
  await expect(page).toHaveURL(`/track/urges/${id}`)
  await page.reload()
  await expect(page.getByLabel('When was it?', { exact: true })).toHaveValue(loggedAt)
  await expect(page.getByLabel('What happened? (optional)', { exact: true })).toHaveValue('rode-out')
  await expect(page.getByRole('checkbox', { name: 'Slow breathing', exact: true })).toBeChecked()
})

test('a very strong urge (9) shows ways through it, the crisis numbers as tap-to-call links and, substances unknown, the overdose advice', async ({
  page,
}) => {
  await signUp(page, uniqueUsername('strong'))
  await logUrge(page, 9)
  const panel = page.getByRole('region', { name: STRONG_URGE_HEADING, exact: true })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Urges rise, peak and pass, like a wave.')
  // No check-in yet, so we do not know the substances: the overdose-after-a-break advice too.
  const overdose = panel.getByRole('region', { name: URGE_OVERDOSE_HEADING, exact: true })
  await expect(overdose).toContainText('your body cannot take as much as before')
  await expect(overdose).toContainText('Use much less than before')
  await expect(overdose).toContainText("Don't use alone.")
  await expect(overdose).toContainText('from a drug service; in some areas also from a pharmacy')
  await expect(overdose.getByRole('link', { name: 'Know what to do if someone may have overdosed' })).toHaveAttribute(
    'href',
    '/help/overdose',
  )
  const links = panel.locator('a[href^="tel:"]')
  await expect(links).toHaveCount(CRISIS_TEL_LINKS.length)
  for (const [i, href] of CRISIS_TEL_LINKS.entries()) await expect(links.nth(i)).toHaveAttribute('href', href)
  await expect(panel.getByRole('link', { name: '116 123' })).toBeVisible()
  await waitForHydration(page)
  await expectNoAxeViolations(page, 'urge page (very strong)')
})

test('a drink logged with the unit calculator, "No use today", an entry deleted; bad amounts refused', async ({
  page,
}) => {
  await signUp(page, uniqueUsername('use'))
  await page.goto('/track')
  await waitForHydration(page)
  await page.getByRole('link', { name: 'Log a drink or drug use', exact: true }).click()
  await expect(page).toHaveURL('/track/use/new')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a drink or drug use')
  await waitForHydration(page)
  await expectNoAxeViolations(page, '/track/use/new')

  // Too much cannabis for one entry, then not a number: each refused next to the amount.
  await fillUse(page, { substance: 'cannabis', amount: '999', unit: 'grams' })
  let refused = nextPost(page, '/track/use/new')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(400)
  await expectFieldError(page, 'Amount', 'That is more than 50 grams: check the amount')
  await expectNoAxeViolations(page, '/track/use/new (with an error)')
  await page.getByLabel('Amount', { exact: true }).fill('lots')
  refused = nextPost(page, '/track/use/new')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(400)
  await expectFieldError(page, 'Amount', 'Enter an amount, like 2 or 1.5')
  await expect(page).toHaveURL('/track/use/new')

  // Two pints of higher-strength lager: 2 × 568 ml × 5.2 % = 5.9 units.
  await page.goto('/track/use/new')
  await waitForHydration(page)
  await fillUse(page, { substance: 'alcohol', drink: 'pint-higher-strength', count: '2', spend: '11.40' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(LOGGED_USE_URL)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use diary entry')
  await expect(page.getByRole('status')).toHaveText('Saved: 5.9 units of alcohol.')
  await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('5.9')
  await waitForHydration(page)
  await expectNoAxeViolations(page, 'use diary entry')

  // "No use today" on a day with a drink logged is refused (issue 16, item 10).
  await page.getByRole('link', { name: 'Back to tracking', exact: true }).click()
  await expect(page).toHaveURL('/track')
  await waitForHydration(page)
  await page.getByRole('button', { name: 'No use today', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'You have already logged use today' })).toBeVisible()
  const entries = useList(page).getByRole('link')
  await expect(entries).toHaveCount(1)
  const drink = entries.filter({ hasText: 'alcohol, 5.9 UK units, £11.40' })
  await expect(drink).toHaveCount(1)

  // Deleted: gone from the list; now the day can be marked as no use, in one tap.
  await drink.click()
  await expect(page).toHaveURL(/\/track\/use\/[^/?]+$/)
  await waitForHydration(page)
  await page.getByRole('button', { name: 'Delete this entry', exact: true }).click()
  await expect(page).toHaveURL('/track?deleted=use')
  await expect(page.getByText('Nothing logged yet.')).toBeVisible()
  await page.getByRole('button', { name: 'No use today', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved: no use today.' })).toBeVisible()
  await expect(entries).toHaveCount(1)
  await expect(entries).toHaveText(/no use$/)
})

test('a goal set, checked in on ("Partly", with a note) and seen in its history; an opioid goal warns of overdose, cut-down goals for alcohol and benzodiazepines warn too', async ({
  page,
}) => {
  await signUp(page, uniqueUsername('goal'))
  await page.goto('/goals')
  await waitForHydration(page)
  await expect(page.getByText('You have no goals yet.')).toBeVisible()
  const newGoal = page.getByRole('form', { name: 'Set a new goal' })
  await newGoal.getByLabel('What is your goal?', { exact: true }).fill('Have two alcohol-free days each week')
  await newGoal.getByLabel('What kind of goal is it?', { exact: true }).selectOption({ label: 'Cut down' })
  await newGoal.getByLabel('Is it about a drink or drug? (optional)').selectOption({ label: 'Alcohol' })
  await newGoal.getByRole('button', { name: 'Save this goal', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Your goal is saved.')
  await expect(page.getByRole('heading', { name: OVERDOSE_HEADING })).toHaveCount(0)
  // No check-in yet, so dependence signs are unknown: a cut-down goal gets the withdrawal warning.
  await expect(page.getByRole('region', { name: WITHDRAWAL_HEADING })).toBeVisible()
  const goal = page.getByRole('article', { name: 'Have two alcohol-free days each week' })
  await expect(goal).toBeVisible()
  await expect(goal.getByRole('table')).toHaveCount(0)

  const checkIn = goal.getByRole('group', { name: 'How did it go today?', exact: true })
  await checkIn.getByRole('radio', { name: 'Partly', exact: true }).check()
  await goal.getByLabel('A note (optional)', { exact: true }).fill('Managed one day, not two')
  await goal.getByRole('button', { name: 'Check in', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Check-in saved.')
  const history = goal.getByRole('table', { name: 'Your check-ins' })
  await expect(history.getByRole('row')).toHaveCount(2)
  await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    weekdayDate(todayIn(ZONE)),
    'Partly',
    'Managed one day, not two',
  ])
  await expect(
    goal.getByRole('group', { name: 'How did it go today? (you checked in today; this replaces it)', exact: true }),
  ).toBeVisible()
  await expectNoAxeViolations(page, '/goals')

  // A goal to stop opioids: the overdose warning, at once.
  await newGoal.getByLabel('What is your goal?', { exact: true }).fill('Stop using heroin')
  await newGoal.getByLabel('What kind of goal is it?', { exact: true }).selectOption({ label: 'Stop' })
  await newGoal
    .getByLabel('Is it about a drink or drug? (optional)')
    .selectOption({ label: 'Opioids (like heroin or methadone)' })
  await newGoal.getByRole('button', { name: 'Save this goal', exact: true }).click()
  await expect(page.getByRole('heading', { name: OVERDOSE_HEADING })).toBeVisible()
  await expect(page.getByRole('article', { name: 'Stop using heroin' })).toBeVisible()

  // Cutting down benzodiazepines: the taper warning, as for stopping.
  await newGoal.getByLabel('What is your goal?', { exact: true }).fill('Take fewer diazepam')
  await newGoal.getByLabel('What kind of goal is it?', { exact: true }).selectOption({ label: 'Cut down' })
  await newGoal
    .getByLabel('Is it about a drink or drug? (optional)')
    .selectOption({ label: 'Benzodiazepines or other sedatives' })
  await newGoal.getByRole('button', { name: 'Save this goal', exact: true }).click()
  await expect(page.getByRole('region', { name: TAPER_HEADING })).toBeVisible()
  await expect(page.getByRole('article', { name: 'Take fewer diazepam' })).toBeVisible()
})

test('with two goals, checking in on the second one by tapping its "Partly" saves that check-in', async ({ page }) => {
  await signUp(page, uniqueUsername('goals2'))
  for (const what of ['Walk every morning', 'Call my sister on Sundays']) {
    await page.request.post('/goals', { form: { intent: 'create', what, type: 'lifestyle', area: 'lifestyle' } })
  }
  await page.goto('/goals')
  await waitForHydration(page)
  const second = page.getByRole('article', { name: 'Walk every morning' })
  await second.getByText('Partly', { exact: true }).click()
  await second.getByRole('button', { name: 'Check in', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Check-in saved.', { timeout: 2_000 })
  await expect(second.getByRole('table', { name: 'Your check-ins' })).toContainText('Partly')
})

test('an amount with more decimals than its unit allows is refused ("2.5 lines")', async ({ page }) => {
  await signUp(page, uniqueUsername('decimals'))
  await page.goto('/track/use/new')
  await waitForHydration(page)
  await fillUse(page, {
    substance: 'stimulants (like cocaine, crack or speed)',
    amount: '2.5',
    unit: 'lines',
  })
  const refused = nextPost(page, '/track/use/new')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(400)
  await expectFieldError(page, 'Amount', 'Enter a whole number of lines')
})

test('adding detail to an urge logged in another time zone keeps its time', async ({ page }) => {
  await signUp(page, uniqueUsername('zone'))
  const logged = await post(page, '/track', [
    ['timeZone', 'Asia/Tokyo'],
    ['intensity', '3'],
  ])
  const id = LOGGED_URGE_URL.exec(logged.url())?.[1] ?? ''
  await post(page, '/track', [
    ['timeZone', 'America/Los_Angeles'],
    ['intent', 'no-use'],
  ])
  await page.goto(`/track/urges/${id}`)
  await waitForHydration(page)
  await page.getByLabel('What set it off? (optional)', { exact: true }).selectOption({ label: 'Boredom' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL('/track?saved=urge', { timeout: 2_000 })
})
