// The module journeys (issue 4): a client sees the modules their check-in suggests, works through
// one, stops, comes back on another device to the exact step with earlier answers kept, and
// finishes it; worksheets download as blank, filled and fillable PDFs and as a printable page;
// the urge-surfing timer appears once JavaScript runs. axe runs on each kind of page on the way.
// Safety panels: modules-safety.spec.ts. Without JavaScript: modules-nojs.spec.ts.
import { expect, test } from '@playwright/test'
import {
  expectNoAxeViolations,
  GOOD_PASSPHRASE,
  signIn,
  signOut,
  signUp,
  uniqueUsername,
  waitForHydration,
} from './helpers.ts'
import {
  checkInWithNeedIn,
  downloadWorksheet,
  exerciseOf,
  expectStep,
  moduleCard,
  moduleDef,
  OVERDOSE_HEADING,
  press,
  promptOf,
  rate,
  ratingScale,
  saveAndContinue,
  startModule,
  titleOf,
} from './modules-helpers.ts'

const SAYING_NO = 'saying-no'
const t = (stepId: string) => titleOf(SAYING_NO, stepId)

test('a client starts a suggested module, stops, signs in again elsewhere, resumes where they stopped and finishes', async ({
  page,
  browser,
}) => {
  test.slow()
  const { username } = await signUp(page, uniqueUsername('mod'))
  // Situations is the only area with need, so its five modules are suggested, in content order.
  await checkInWithNeedIn(page.request, 'situations')
  await page.goto('/modules')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modules')
  const suggested = [
    'life-area-map',
    'people-who-support-you',
    'planning-for-setbacks',
    'recognise-avoid-cope',
    SAYING_NO,
  ]
  const cards = page.locator('ul.module-list > li')
  for (const [i, id] of suggested.entries()) {
    await expect(cards.nth(i).getByRole('heading', { level: 2 })).toHaveText(moduleDef(id).title)
    await expect(cards.nth(i)).toContainText(
      'Suggested for you. Because you said some situations make it hard not to drink or use (score 100 out of 100).',
    )
  }
  await expect(cards.nth(suggested.length)).not.toContainText('Suggested for you')
  const card = moduleCard(page, 'Saying no')
  await expect(card).toContainText('About 12 minutes · Situations, Behaviours · Not started')
  await expect(card.getByRole('progressbar')).toHaveCount(0)
  await expectNoAxeViolations(page, '/modules')

  // The start page: what it is about, and no opioid warning for someone who named only alcohol.
  await card.getByRole('link', { name: 'Saying no' }).click()
  await expect(page).toHaveURL(`/modules/${SAYING_NO}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saying no')
  await expect(page.getByText('About 12 minutes · Situations, Behaviours')).toBeVisible()
  await expect(page.getByRole('heading', { name: OVERDOSE_HEADING })).toHaveCount(0)
  await waitForHydration(page)
  await expectNoAxeViolations(page, 'module start page')
  await page.getByRole('button', { name: 'Start this module' }).click()

  // Alcohol was named, so "When drink is everywhere" is on the path: nine steps in all.
  await expectStep(page, t('intro'), 1, 9)
  await expect(page.getByRole('button', { name: 'Back' })).toHaveCount(0)
  await expectNoAxeViolations(page, 'read step')
  await saveAndContinue(page, t('who-offers'), 2, 9)
  const whoOffers = page.getByRole('group', { name: promptOf(SAYING_NO, 'who-offers') })
  await expect(whoOffers.getByRole('checkbox')).toHaveCount(5)
  await expect(whoOffers).toContainText('Choose all that apply.')
  await whoOffers.getByRole('checkbox', { name: 'Friends' }).check()
  await whoOffers.getByRole('checkbox', { name: 'People at work' }).check()
  await expectNoAxeViolations(page, 'choice step (multiple)')
  // Not "Someone who sells drugs", so "If someone sells to you" is passed over.
  await saveAndContinue(page, t('how-to'), 3, 9)
  await saveAndContinue(page, t('alcohol-offers'), 4, 9)
  await saveAndContinue(page, t('sure'), 5, 9)
  const sure = promptOf(SAYING_NO, 'sure')
  await expect(ratingScale(page, sure).getByRole('radio')).toHaveCount(11)
  await expect(ratingScale(page, sure)).toHaveAccessibleDescription('0 means Not sure at all. 10 means Very sure.')
  await rate(page, sure, 7)
  await expectNoAxeViolations(page, 'rating step')
  // 7 is above 4, so "Build up your confidence" is passed over.
  await saveAndContinue(page, t('script'), 6, 9)
  const script = exerciseOf(SAYING_NO, 'refusal-script')
  await expect(page.getByText(script.intro)).toBeVisible()
  const who = page.getByLabel('Who might offer me a drink or drugs?', { exact: true })
  const myNo = page.getByLabel('What I will say', { exact: true })
  await who.fill('My mate Dave at the Friday quiz')
  await myNo.fill("No thanks, I'm driving. I'll have a lemonade.")
  await expectNoAxeViolations(page, 'exercise step')
  await saveAndContinue(page, t('worksheet'), 7, 9)
  await expect(page.getByRole('link', { name: 'With your answers (PDF)' })).toBeVisible()

  // Away to home, which offers to carry on, then signed out.
  await page.goto('/home')
  await expect(page.getByRole('link', { name: 'Carry on with Saying no' })).toBeVisible()
  await expect(page.getByText('(step 7 of 9)')).toBeVisible()
  await signOut(page)

  const elsewhere = await browser.newContext()
  try {
    const other = await elsewhere.newPage()
    await signIn(other, username, GOOD_PASSPHRASE)
    await other.goto('/modules')
    const resumed = moduleCard(other, 'Saying no')
    await expect(resumed).toContainText('In progress')
    await expect(resumed.getByText('Step 7 of 9', { exact: true })).toBeVisible()
    await expect(resumed.getByRole('progressbar', { name: 'Step 7 of 9' })).toBeVisible()
    await expect(moduleCard(other, moduleDef('life-area-map').title)).toContainText('Not started')
    await expectNoAxeViolations(other, '/modules with a module in progress')
    await waitForHydration(other)
    await resumed.getByRole('link', { name: 'Saying no' }).click()
    // Exactly where they stopped, not the start page.
    await expectStep(other, t('worksheet'), 7, 9)
    await expect(other.getByRole('button', { name: 'Start this module' })).toHaveCount(0)
    await expectNoAxeViolations(other, 'worksheet step')

    // Back through the steps: each answer is still there.
    await press(other, 'Back')
    await expectStep(other, t('script'), 6, 9)
    await expect(other.getByLabel('Who might offer me a drink or drugs?', { exact: true })).toHaveValue(
      'My mate Dave at the Friday quiz',
    )
    await expect(other.getByLabel('What I will say', { exact: true })).toHaveValue(
      "No thanks, I'm driving. I'll have a lemonade.",
    )
    await expect(other.getByLabel('What might they say?', { exact: true })).toHaveValue('')
    await press(other, 'Back')
    await expectStep(other, t('sure'), 5, 9)
    await expect(ratingScale(other, sure).getByRole('radio', { name: '7', exact: true })).toBeChecked()
    await expect(ratingScale(other, sure).getByRole('radio', { checked: true })).toHaveCount(1)
    await press(other, 'Back')
    await expectStep(other, t('alcohol-offers'), 4, 9)
    await press(other, 'Back')
    await expectStep(other, t('how-to'), 3, 9)
    await press(other, 'Back')
    await expectStep(other, t('who-offers'), 2, 9)
    const again = other.getByRole('group', { name: promptOf(SAYING_NO, 'who-offers') })
    await expect(again.getByRole('checkbox', { checked: true })).toHaveCount(2)
    await expect(again.getByRole('checkbox', { name: 'Friends' })).toBeChecked()
    await expect(again.getByRole('checkbox', { name: 'People at work' })).toBeChecked()

    // On to the end, the kept answers sent again as they are.
    await saveAndContinue(other, t('how-to'), 3, 9)
    await saveAndContinue(other, t('alcohol-offers'), 4, 9)
    await saveAndContinue(other, t('sure'), 5, 9)
    await saveAndContinue(other, t('script'), 6, 9)
    await saveAndContinue(other, t('worksheet'), 7, 9)
    await saveAndContinue(other, t('say-it'), 8, 9)
    await other.getByLabel(promptOf(SAYING_NO, 'say-it'), { exact: true }).fill('Odd at first, then easier.')
    await expectNoAxeViolations(other, 'reflect step')
    await saveAndContinue(other, t('summary'), 9, 9)
    await expect(other.getByRole('button', { name: 'Finish the module' })).toBeVisible()
    await expect(other.getByRole('button', { name: 'Save and continue' })).toHaveCount(0)
    await expect(other.getByRole('heading', { level: 2, name: 'What you did' })).toBeVisible()
    await expect(other.locator('h2:text-is("What you did") + ul > li')).toHaveText([
      t('intro'),
      t('who-offers'),
      t('how-to'),
      t('alcohol-offers'),
      t('sure'),
      t('script'),
      t('worksheet'),
      t('say-it'),
    ])
    await expectNoAxeViolations(other, 'summary step')
    await press(other, 'Finish the module')

    await expect(other.getByRole('heading', { level: 1 })).toHaveText('You finished “Saying no”')
    await expect(other.getByText('Finished', { exact: true })).toBeVisible()
    const sheets = other.getByRole('list').filter({ hasText: 'PDF with your answers' })
    await expect(sheets).toContainText(`${script.title}: PDF with your answers · printable page`)
    await expect(other.getByRole('link', { name: 'Choose another module' })).toBeVisible()
    await expectNoAxeViolations(other, 'finished page')
    await other.getByRole('link', { name: 'Choose another module' }).click()
    await expect(other).toHaveURL('/modules')
    const finished = moduleCard(other, 'Saying no')
    await expect(finished).toContainText('Finished')
    await expect(finished).not.toContainText('In progress')
    await expect(finished.getByRole('progressbar')).toHaveCount(0)
  } finally {
    await elsewhere.close()
  }
})

const SOLVING = 'solving-problems'
const PROBLEM = 'My landlord wants the rent arrears paid by Friday.'
const IDEA = 'Phone the council housing team'

test('after an exercise with a table, each worksheet downloads as a PDF and prints as a page with the answers', async ({
  page,
}) => {
  await signUp(page, uniqueUsername('sheet'))
  await startModule(page, SOLVING)
  // Before the choice, the path runs through one of the "how you react" pages: eight steps.
  await expectStep(page, titleOf(SOLVING, 'intro'), 1, 8)
  await saveAndContinue(page, titleOf(SOLVING, 'style'), 2, 8)
  const style = page.getByRole('group', { name: promptOf(SOLVING, 'style') })
  await expect(style.getByRole('radio')).toHaveCount(4)
  await style.getByRole('radio', { name: 'I stop and think it through' }).check()
  await expectNoAxeViolations(page, 'choice step (single)')
  // This answer goes straight to the five steps, so the count drops to seven.
  await saveAndContinue(page, titleOf(SOLVING, 'the-steps'), 3, 7)
  await saveAndContinue(page, titleOf(SOLVING, 'solve'), 4, 7)

  // The table: four rows, each a group whose fields say which row they are in.
  const ideas = page.getByRole('group', { name: 'My ideas', exact: true })
  await expect(ideas.getByRole('group', { name: /^Row \d$/ })).toHaveCount(4)
  await expect(ideas.getByRole('textbox')).toHaveCount(12)
  await page.getByLabel('The problem', { exact: true }).fill(PROBLEM)
  await ideas.getByLabel('Idea (row 1)', { exact: true }).fill(IDEA)
  await ideas.getByLabel('Good points (row 1)', { exact: true }).fill('They can set up a payment plan')
  await ideas.getByLabel('Idea (row 2)', { exact: true }).fill('Ask my sister for a loan')
  await page.getByLabel('The idea I will try', { exact: true }).fill(IDEA)
  await expectNoAxeViolations(page, 'exercise step with a table')
  await saveAndContinue(page, titleOf(SOLVING, 'solve-sheet'), 5, 7)

  const exercise = exerciseOf(SOLVING, 'problem-solving')
  const moduleTitle = moduleDef(SOLVING).title
  await expect(page.getByText(`Your worksheet for “${exercise.title}” is ready.`)).toBeVisible()
  const filled = await downloadWorksheet(page, 'With your answers (PDF)')
  expect(filled.filename).toBe('problem-solving-filled.pdf')
  for (const words of [PROBLEM, IDEA, 'Ask my sister for a loan', exercise.title, moduleTitle, 'Foothold'])
    expect(filled.text, `the filled worksheet says "${words}"`).toContain(words)
  expect(filled.fields).toEqual([])

  const fillable = await downloadWorksheet(page, 'To fill in on your phone or computer (PDF form)')
  expect(fillable.filename).toBe('problem-solving-fillable.pdf')
  expect(fillable.fields.length, 'the PDF form has fields to type into').toBeGreaterThan(0)
  expect(fillable.fields.every((field) => field.value === '')).toBe(true)
  expect(fillable.text).toContain(exercise.title)

  const blank = await downloadWorksheet(page, 'Blank, to print and write on (PDF)')
  expect(blank.filename).toBe('problem-solving-blank.pdf')
  expect(blank.text).toContain(exercise.title)
  for (const sheet of [fillable, blank]) {
    expect(sheet.text).not.toContain(PROBLEM)
    expect(sheet.text).not.toContain(IDEA)
  }

  await page.getByRole('link', { name: 'A printable page with your answers' }).click()
  await expect(page).toHaveURL(`/modules/${SOLVING}/worksheet/solve`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(exercise.title)
  await expect(page.getByText(`Foothold · ${moduleTitle}`)).toBeVisible()
  await expect(page.getByText(PROBLEM)).toBeVisible()
  const table = page.getByRole('table', { name: /^My ideas/ })
  await expect(table.getByRole('columnheader')).toHaveText(['Idea', 'Good points', 'Bad points'])
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([IDEA, 'They can set up a payment plan', ''])
  await waitForHydration(page)
  await expectNoAxeViolations(page, 'printable worksheet page')
  await page.getByRole('link', { name: 'Back to the module' }).click()
  await expectStep(page, titleOf(SOLVING, 'solve-sheet'), 5, 7)
})

test('the urge-surfing exercise offers a guided timer once JavaScript runs', async ({ page }) => {
  const URGES = 'riding-out-urges'
  const timer = exerciseOf(URGES, 'urge-surfing').timer
  if (!timer) throw new Error('urge surfing has no timer')
  await signUp(page, uniqueUsername('timer'))
  await startModule(page, URGES)
  await expectStep(page, titleOf(URGES, 'intro'), 1, 7)
  await saveAndContinue(page, titleOf(URGES, 'urge-strength'), 2, 7)
  await rate(page, promptOf(URGES, 'urge-strength'), 3)
  await saveAndContinue(page, titleOf(URGES, 'how-to-surf'), 3, 7)
  await saveAndContinue(page, titleOf(URGES, 'surf'), 4, 7)
  await waitForHydration(page)
  const start = page.getByRole('button', { name: timer.label, exact: true })
  await expect(start).toBeVisible()
  // The words for a page without JavaScript give way to the timer.
  await expect(page.getByText('use a timer on your phone')).toHaveCount(0)
  const clock = page.getByRole('timer', { name: 'Time left' })
  await expect(clock).toHaveText('3:00')
  await start.click()
  // It counts down (by how much depends on how quickly this check runs).
  await expect(clock).toHaveText(/^2:5\d$/)
  await page.getByRole('button', { name: 'Stop the timer' }).click()
  await expect(clock).toHaveText('3:00')
  await expect(start).toBeVisible()
})
