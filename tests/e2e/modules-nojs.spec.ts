// The module journeys with JavaScript turned off: every step is a plain form post, so a whole
// module can be done, refused answers come back as a 400 page with the message next to the field
// (typed answers kept), and the urge-surfing step words its timer as a hint instead of a button.
// axe needs JavaScript in the page, so it runs on these pages in modules.spec.ts instead.
import { expect, test } from '@playwright/test'
import { nextPost } from './assessment-helpers.ts'
import { signUp, uniqueUsername } from './helpers.ts'
import {
  exerciseOf,
  expectStep,
  moduleCard,
  press,
  promptOf,
  rate,
  ratingScale,
  saveAndContinue,
  startModule,
  titleOf,
} from './modules-helpers.ts'

const SOLVING = 'solving-problems'
const URGES = 'riding-out-urges'
const FORM_ERROR = 'Please check the answers marked below.'

test.use({ javaScriptEnabled: false })

test('a whole module, "Solving problems step by step", with refused answers fixed on the way', async ({ page }) => {
  const s = (stepId: string) => titleOf(SOLVING, stepId)
  await signUp(page, uniqueUsername('nojs'))
  await startModule(page, SOLVING)
  await expectStep(page, s('intro'), 1, 8)
  await saveAndContinue(page, s('style'), 2, 8)

  // Nothing chosen: refused, with the message inside the question.
  const style = page.getByRole('group', { name: promptOf(SOLVING, 'style') })
  let refused = nextPost(page, `/modules/${SOLVING}`)
  await press(page, 'Save and continue')
  expect((await refused).status()).toBe(400)
  await expectStep(page, s('style'), 2, 8)
  await expect(page.getByRole('alert').filter({ hasText: FORM_ERROR })).toBeVisible()
  await expect(style).toContainText('Choose one of the options shown')
  await expect(style).toHaveAccessibleDescription(/Choose one of the options shown/)
  await style.getByRole('radio', { name: 'I put it off or hope it goes away' }).check()
  await saveAndContinue(page, s('style-avoid'), 3, 8)
  await saveAndContinue(page, s('the-steps'), 4, 8)
  // Back works as a plain post too.
  await press(page, 'Back')
  await expectStep(page, s('style-avoid'), 3, 8)
  await saveAndContinue(page, s('the-steps'), 4, 8)
  await saveAndContinue(page, s('solve'), 5, 8)

  // The required problem left empty: refused, the message by that field, the rest kept.
  await page.getByLabel('What I would like to happen', { exact: true }).fill('Keep my flat')
  await page.getByLabel('Idea (row 1)', { exact: true }).fill('Ask for a payment plan')
  refused = nextPost(page, `/modules/${SOLVING}`)
  await press(page, 'Save and continue')
  expect((await refused).status()).toBe(400)
  await expectStep(page, s('solve'), 5, 8)
  await expect(page.getByRole('alert').filter({ hasText: FORM_ERROR })).toBeVisible()
  const problem = page.getByLabel('The problem', { exact: true })
  await expect(problem).toHaveAttribute('aria-invalid', 'true')
  await expect(problem).toHaveAccessibleDescription(/Fill in “The problem”/)
  await expect(page.getByText('Error: Fill in “The problem”')).toBeVisible()
  await expect(page.getByLabel('What I would like to happen', { exact: true })).toHaveValue('Keep my flat')
  await expect(page.getByLabel('Idea (row 1)', { exact: true })).toHaveValue('Ask for a payment plan')
  await problem.fill('The rent is going up and I cannot pay it.')
  await saveAndContinue(page, s('solve-sheet'), 6, 8)

  // The worksheet links are plain links, and the filled one has the answer in it.
  const exercise = exerciseOf(SOLVING, 'problem-solving')
  await expect(page.getByText(`Your worksheet for “${exercise.title}” is ready.`)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Blank, to print and write on (PDF)' })).toHaveAttribute(
    'href',
    `/modules/${SOLVING}/worksheet/solve/blank.pdf`,
  )
  await saveAndContinue(page, s('first-step'), 7, 8)
  await page.getByLabel(promptOf(SOLVING, 'first-step'), { exact: true }).fill('Phone the council on Monday at 9.')
  await saveAndContinue(page, s('summary'), 8, 8)
  await press(page, 'Finish the module')

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You finished “Solving problems step by step”')
  await expect(page.getByRole('link', { name: 'PDF with your answers' })).toHaveAttribute(
    'href',
    `/modules/${SOLVING}/worksheet/solve/filled.pdf`,
  )
  await page.getByRole('link', { name: 'Choose another module' }).click()
  await expect(page).toHaveURL('/modules')
  await expect(moduleCard(page, 'Solving problems step by step')).toContainText('Finished')
})

test('in "Riding out urges", an empty rating is refused, and the timer is a hint instead of a button', async ({
  page,
}) => {
  const timer = exerciseOf(URGES, 'urge-surfing').timer
  if (!timer) throw new Error('urge surfing has no timer')
  await signUp(page, uniqueUsername('nojs'))
  await startModule(page, URGES)
  await saveAndContinue(page, titleOf(URGES, 'urge-strength'), 2, 7)
  const legend = promptOf(URGES, 'urge-strength')
  const refused = nextPost(page, `/modules/${URGES}`)
  await press(page, 'Save and continue')
  expect((await refused).status()).toBe(400)
  await expectStep(page, titleOf(URGES, 'urge-strength'), 2, 7)
  await expect(ratingScale(page, legend)).toContainText('Choose a number from 0 to 10')
  await expect(ratingScale(page, legend)).toHaveAccessibleDescription(/Choose a number from 0 to 10/)
  // 8 or more brings in "When urges feel very strong": one more step.
  await rate(page, legend, 9)
  await saveAndContinue(page, titleOf(URGES, 'strong-urges'), 3, 8)
  await saveAndContinue(page, titleOf(URGES, 'how-to-surf'), 4, 8)
  await saveAndContinue(page, titleOf(URGES, 'surf'), 5, 8)
  await expect(
    page.getByText(`${timer.label}: use a timer on your phone, or count 60 slow breaths in and out.`),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: timer.label })).toHaveCount(0)
  await expect(page.getByRole('timer')).toHaveCount(0)
})

test('an empty answer to a question that cannot be skipped is refused with a message that fits the page', async ({
  page,
}) => {
  const MOTIVATION = 'motivation-and-readiness'
  await signUp(page, uniqueUsername('nojs'))
  await startModule(page, MOTIVATION)
  await press(page, 'Save and continue')
  await rate(page, promptOf(MOTIVATION, 'importance'), 6)
  await press(page, 'Save and continue')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(MOTIVATION, 'why-importance'))
  const refused = nextPost(page, `/modules/${MOTIVATION}`)
  await press(page, 'Save and continue')
  expect((await refused).status()).toBe(400)
  const answer = page.getByLabel(promptOf(MOTIVATION, 'why-importance'), { exact: true })
  await expect(answer).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('button', { name: 'Skip this step' })).toHaveCount(0)
  // The refused page is fully there (checked above), so its words are read once, not waited on.
  const message = await page.locator('.field-error').innerText()
  expect(message, 'the message points only to what is on the page').not.toContain('Skip')
})
