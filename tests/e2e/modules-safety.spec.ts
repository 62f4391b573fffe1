// The modules' safety rules (CLINICAL.md): choosing a self-harm answer in a module shows the
// support panel with the crisis numbers before the next step; a goal to stop or cut down opioids
// shows the overdose warning. A client with no check-in yet sees every notice a module has on
// its start page (we do not know what they use). axe runs on the panels and the goal step.
import { expect, test } from '@playwright/test'
import { expectSelfHarmSupport, nextPost } from './assessment-helpers.ts'
import { expectNoAxeViolations, signUp, uniqueUsername, waitForHydration } from './helpers.ts'
import {
  CARRY_ON,
  expectStep,
  OVERDOSE_HEADING,
  press,
  promptOf,
  SELF_HARM_HEADING,
  saveAndContinue,
  startModule,
  titleOf,
} from './modules-helpers.ts'

const FEELINGS = 'coping-with-feelings'
const GOALS = 'goals-that-work'

test('in "Coping with difficult feelings", a self-harm answer shows the crisis numbers before the next step', async ({
  page,
}) => {
  await signUp(page, uniqueUsername('harm'))
  await page.goto(`/modules/${FEELINGS}`)
  // No check-in yet, so the opioid notice shows: the careful choice.
  await expect(page.getByRole('heading', { name: OVERDOSE_HEADING })).toBeVisible()
  await startModule(page, FEELINGS)
  // Ten steps on the path until the check-in question is answered.
  await expectStep(page, titleOf(FEELINGS, 'intro'), 1, 10)
  await saveAndContinue(page, titleOf(FEELINGS, 'hard-feelings'), 2, 10)
  await page.getByRole('checkbox', { name: 'Worried or scared' }).check()
  await saveAndContinue(page, titleOf(FEELINGS, 'safety-check'), 3, 10)
  const check = page.getByRole('group', { name: promptOf(FEELINGS, 'safety-check') })
  await expect(check.getByRole('radio')).toHaveCount(4)
  await check.getByRole('radio', { name: 'Yes, sometimes' }).check()
  await press(page, 'Save and continue')

  // The panel, in place of the next step.
  await expectSelfHarmSupport(page)
  await expect(page.getByRole('heading', { name: titleOf(FEELINGS, 'support') })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Save and continue' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Get help now' })).toBeVisible()
  await expectNoAxeViolations(page, 'module self-harm support panel')
  // It stays until read: a reload (or another device) shows it again.
  await page.reload()
  await expect(page.getByRole('region', { name: SELF_HARM_HEADING })).toBeVisible()
  await waitForHydration(page)
  await page.getByRole('button', { name: CARRY_ON }).click()
  await expectStep(page, titleOf(FEELINGS, 'support'), 4, 10)
  await expect(page.getByRole('region', { name: SELF_HARM_HEADING })).toHaveCount(0)
  await saveAndContinue(page, titleOf(FEELINGS, 'grounding'), 5, 10)
})

test('in "Goals that work", a goal to stop opioids shows the overdose warning before the next step', async ({
  page,
}) => {
  await signUp(page, uniqueUsername('goal'))
  await page.goto(`/modules/${GOALS}`)
  await expect(page.getByRole('heading', { name: OVERDOSE_HEADING })).toBeVisible()
  await expect(page.getByRole('heading', { name: "Important: don't stop drinking suddenly" })).toBeVisible()
  await expect(page.getByRole('heading', { name: "Important: don't stop benzodiazepines suddenly" })).toBeVisible()
  await startModule(page, GOALS)
  await saveAndContinue(page, titleOf(GOALS, 'goal-kind'), 2, 8)
  await page.getByRole('radio', { name: 'My drinking or using' }).check()
  await saveAndContinue(page, titleOf(GOALS, 'goal-safety'), 3, 8)
  await saveAndContinue(page, titleOf(GOALS, 'smart-steps'), 4, 8)
  await saveAndContinue(page, titleOf(GOALS, 'smart'), 5, 8)
  await page.getByLabel('My goal in a few words', { exact: true }).fill('Stop using heroin')
  await saveAndContinue(page, titleOf(GOALS, 'smart-sheet'), 6, 8)
  await saveAndContinue(page, titleOf(GOALS, 'set-goal-use'), 7, 8)

  // The goal step: the content's suggestion (cut down) is chosen to start with.
  await page.getByLabel(promptOf(GOALS, 'set-goal-use'), { exact: true }).fill('Stop using heroin')
  const kind = page.getByLabel('What kind of goal is it?', { exact: true })
  await expect(kind).toHaveValue('cut-down')
  await kind.selectOption({ label: 'Stop' })
  await page
    .getByLabel('Is it about a drink or drug? (optional)', { exact: true })
    .selectOption({ label: 'Opioids (like heroin or methadone)' })
  await page.getByLabel('Why does it matter to you? (optional)', { exact: true }).fill('For my kids')
  await expectNoAxeViolations(page, 'goal step')
  const saved = nextPost(page, `/modules/${GOALS}`)
  await press(page, 'Save and continue')
  expect((await saved).status(), 'the goal is accepted').toBeLessThan(400)

  const warning = page.getByRole('region', { name: OVERDOSE_HEADING })
  await expect(warning).toBeVisible()
  await expect(warning).toContainText('Carry naloxone')
  await expect(warning.getByRole('link', { name: 'What to do if someone may have overdosed' })).toHaveAttribute(
    'href',
    '/help/overdose',
  )
  await expect(page.getByRole('heading', { name: titleOf(GOALS, 'summary') })).toHaveCount(0)
  await expectNoAxeViolations(page, 'module overdose warning')
  await page.getByRole('button', { name: CARRY_ON }).click()
  await expectStep(page, titleOf(GOALS, 'summary'), 8, 8)
  await press(page, 'Finish the module')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You finished “Goals that work”')

  // The goal is kept and listed with the modules.
  await page.goto('/modules')
  await expect(page.getByRole('heading', { level: 2, name: 'Your goals' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('Stop using heroin')
})

test('in "Coping with difficult feelings", "I\'d rather not say" shows the same crisis panel as "yes" (H-016)', async ({
  page,
}) => {
  await signUp(page, uniqueUsername('harm'))
  await startModule(page, FEELINGS)
  await expectStep(page, titleOf(FEELINGS, 'intro'), 1, 10)
  await saveAndContinue(page, titleOf(FEELINGS, 'hard-feelings'), 2, 10)
  await page.getByRole('checkbox', { name: 'Lonely' }).check()
  await saveAndContinue(page, titleOf(FEELINGS, 'safety-check'), 3, 10)
  const check = page.getByRole('group', { name: promptOf(FEELINGS, 'safety-check') })
  await check.getByRole('radio', { name: "I'd rather not say" }).check()
  await press(page, 'Save and continue')
  await expectSelfHarmSupport(page)
  await expect(page.getByRole('button', { name: 'Save and continue' })).toHaveCount(0)
  await waitForHydration(page)
  await page.getByRole('button', { name: CARRY_ON }).click()
  await expectStep(page, titleOf(FEELINGS, 'support'), 4, 10)
})
