// Steps for the self-assessment journeys: start a check-in, answer its pages (checking each one
// against the battery the programme engine builds from the content files), and wait for posts.
import { expect, type Page } from '@playwright/test'
import {
  type AssessmentPage,
  assessmentPages,
  buildBattery,
  loadProgramme,
  type SubstanceId,
} from '../../programme/engine/index.ts'
import { expectNoAxeViolations, waitForHydration } from './helpers.ts'

export const SUBSTANCES_LEGEND = 'What do you want help with? Tick all that apply.'
export const MAIN_LEGEND = 'Which one do you most want help with?'
export const SUPPORT_TITLE = 'Before you carry on'
export const SUPPORT_HEADING = 'Thank you for telling us'
export const WITHDRAWAL_HEADING = "Important: don't stop drinking suddenly"
/** The default crisis contacts (app/domain/settings/settings.ts), as their tel: links. */
export const CRISIS_TEL_LINKS = ['tel:999', 'tel:111', 'tel:116123']

export type Item = AssessmentPage['items'][number]

/** The pages a client who names these substances is asked, as the engine builds them from content. */
export function expectedPages(substances: SubstanceId[], main: SubstanceId): AssessmentPage[] {
  const programme = loadProgramme()
  return assessmentPages(programme, buildBattery(programme, { substances, main }))
}

/** The label the content gives a substance on the start page ("cannabis", "alcohol", …). */
export function substanceLabel(id: SubstanceId): string {
  const found = loadProgramme().battery.substances.find((s) => s.id === id)
  if (!found) throw new Error(`Unknown substance ${id}`)
  return found.name
}

/** Waits for the response to the next POST to `path` (a document post, or Remix's `.data` fetch). */
export function nextPost(page: Page, path: string) {
  return page.waitForResponse((response) => {
    const url = new URL(response.url())
    return response.request().method() === 'POST' && (url.pathname === path || url.pathname === `${path}.data`)
  })
}

/** The progress bar, named by its "Page N of M" label. */
export function progressBar(page: Page, number: number, count: number) {
  return page.getByRole('progressbar', { name: `Page ${number} of ${count}`, exact: true })
}

/** A question, found by its legend (the item's wording). */
export function question(page: Page, item: Item) {
  return page.getByRole('group', { name: item.text, exact: true })
}

/** On the start page: ticks the substances, chooses the main one, presses Start. */
export async function fillStart(page: Page, substances: SubstanceId[], main: SubstanceId | null): Promise<void> {
  await waitForHydration(page)
  const ticks = page.getByRole('group', { name: SUBSTANCES_LEGEND, exact: true })
  for (const id of substances) await ticks.getByRole('checkbox', { name: substanceLabel(id), exact: true }).check()
  if (main) {
    await page
      .getByRole('group', { name: MAIN_LEGEND, exact: true })
      .getByRole('radio', { name: substanceLabel(main), exact: true })
      .check()
  }
  await page.getByRole('button', { name: 'Start', exact: true }).click()
}

/** From the client's home page: "Start your check-in", then the start page; lands on page 1. */
export async function startCheckIn(
  page: Page,
  substances: SubstanceId[],
  main: SubstanceId,
  { axe = false }: { axe?: boolean } = {},
): Promise<AssessmentPage[]> {
  await page.goto('/home')
  await waitForHydration(page)
  await page.getByRole('link', { name: 'Start your check-in' }).click()
  await expect(page).toHaveURL('/assessment')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your check-in')
  if (axe) await expectNoAxeViolations(page, '/assessment (start)')
  await fillStart(page, substances, main)
  const pages = expectedPages(substances, main)
  await expect(page).toHaveURL('/assessment/questions')
  await expect(progressBar(page, 1, pages.length)).toBeVisible()
  return pages
}

/** The page at `index`, or a clear failure. */
export function pageAt(pages: AssessmentPage[], index: number): AssessmentPage {
  const found = pages[index]
  if (!found) throw new Error(`The assessment has no page ${index + 1}`)
  return found
}

/** Picks the first page of each instrument (and the last page, with its Finish button). */
export function firstOfEachInstrument(pages: AssessmentPage[]): (page: AssessmentPage) => boolean {
  return (p) => p.index === pages.length - 1 || pages[p.index - 1]?.instrumentId !== p.instrumentId
}

/** Which answer to give: an option's label, or its position ('first' / 'last'). */
export type Choice = string | 'first' | 'last'
export type Chooser = (item: Item) => Choice

export function labelFor(item: Item, choice: Choice): string {
  if (choice === 'first') return item.options[0]?.label ?? ''
  if (choice === 'last') return item.options.at(-1)?.label ?? ''
  if (!item.options.some((o) => o.label === choice))
    throw new Error(`${item.id} has no answer "${choice}" (it has ${item.options.map((o) => o.label).join(', ')})`)
  return choice
}

/** Answers by item id, falling back to `otherwise` for any item not listed. */
export function answers(byId: Record<string, Choice>, otherwise: Choice = 'first'): Chooser {
  return (item) => byId[item.id] ?? otherwise
}

/**
 * Checks the page on screen is `expected` (title, "Page N of M" and its progress bar, one
 * fieldset per item whose legend is the item's wording, one labelled radio per answer, the
 * right buttons), then answers every question with `choose`. Does not submit.
 */
export async function answerPage(page: Page, expected: AssessmentPage, count: number, choose: Chooser) {
  await waitForHydration(page)
  const number = expected.index + 1
  await expect(page.getByText(`Page ${number} of ${count}`, { exact: true })).toBeVisible()
  const bar = progressBar(page, number, count)
  await expect(bar).toHaveAttribute('value', String(number))
  await expect(bar).toHaveAttribute('max', String(count))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title)
  await expect(page.getByText(expected.intro, { exact: true })).toBeVisible()
  await expect(page.locator('main fieldset > legend')).toHaveText(expected.items.map((item) => item.text))
  for (const item of expected.items) {
    const group = question(page, item)
    await expect(group.getByRole('radio')).toHaveCount(item.options.length)
    await group.getByRole('radio', { name: labelFor(item, choose(item)), exact: true }).check()
  }
  const last = number === count
  await expect(page.getByRole('button', { name: last ? 'Finish' : 'Save and continue', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: last ? 'Save and continue' : 'Finish', exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toHaveCount(number > 1 ? 1 : 0)
}

/** Presses "Save and continue" (or "Finish" on the last page). */
export async function submitPage(page: Page, expected: AssessmentPage, count: number) {
  const last = expected.index + 1 === count
  await page.getByRole('button', { name: last ? 'Finish' : 'Save and continue', exact: true }).click()
}

export type RunOptions = {
  /** The page to start from (its index); the client must already be on it. */
  from?: number
  /** Stop before this page index (default: run to the results page). */
  until?: number
  /** Called when the support panel shows after a page, before pressing "Carry on with the check-in". */
  onSupport?: (afterPage: AssessmentPage) => Promise<void>
  /** Run axe on the question pages this picks (after answering, before saving). */
  axe?: (page: AssessmentPage) => boolean
}

/**
 * Answers the pages in order and presses on. Returns the indexes of the pages after which the
 * "Before you carry on" panel appeared (it is carried on from each time). Ends on the results
 * page, or on page `until` when given.
 */
export async function answerPages(
  page: Page,
  pages: AssessmentPage[],
  choose: Chooser,
  { from = 0, until = pages.length, onSupport, axe = () => false }: RunOptions = {},
): Promise<number[]> {
  const panels: number[] = []
  const count = pages.length
  for (const expected of pages.slice(from, until)) {
    await answerPage(page, expected, count, choose)
    if (axe(expected))
      await expectNoAxeViolations(page, `question page ${expected.index + 1} (${expected.instrumentId})`)
    await submitPage(page, expected, count)
    const number = expected.index + 1
    if (number === count) {
      await expect(page).toHaveURL('/assessment/results')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results')
      break
    }
    const nextPage = progressBar(page, number + 1, count)
    const panel = page.getByRole('heading', { level: 1, name: SUPPORT_TITLE })
    await expect(nextPage.or(panel)).toBeVisible()
    if (await panel.isVisible()) {
      panels.push(expected.index)
      await expect(page).toHaveURL('/assessment/questions')
      if (onSupport) await onSupport(expected)
      await waitForHydration(page)
      await page.getByRole('button', { name: 'Carry on with the check-in' }).click()
      await expect(nextPage).toBeVisible()
    }
  }
  return panels
}

/** The support panel with its crisis contacts as tap-to-call links. */
export async function expectSelfHarmSupport(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: SUPPORT_HEADING, exact: true })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('better off dead')
  const links = panel.getByRole('link')
  await expect(links).toHaveCount(CRISIS_TEL_LINKS.length)
  for (const [i, href] of CRISIS_TEL_LINKS.entries()) await expect(links.nth(i)).toHaveAttribute('href', href)
  await expect(panel.getByRole('link', { name: '116 123' })).toBeVisible()
}

export const LIFE_AREAS = ['Situations', 'Emotions', 'Thoughts', 'Physical', 'Behaviours', 'Lifestyle']

/** Life-area answers that make Physical clearly neediest (100), then Emotions (50), then Lifestyle (25). */
export function lifeAreaChoice(id: string): string {
  if (id.startsWith('la-physical-')) return 'Extremely'
  if (id.startsWith('la-emotions-')) return 'Somewhat'
  if (id.startsWith('la-lifestyle-')) return 'A little'
  return 'Not at all'
}

/** The results page's score line for an instrument, found by its title. */
export function scoreLine(page: Page, title: string) {
  return page.locator('ul.score-list > li').filter({ hasText: title })
}

export async function expectPlanSaves(page: Page, areas: string[]) {
  const plan = page.getByRole('form', { name: 'What would you like to work on?' })
  for (const area of areas) await plan.getByRole('checkbox', { name: area, exact: true }).check()
  const saved = nextPost(page, '/assessment/results')
  await plan.getByRole('button', { name: 'Save my plan' }).click()
  expect((await saved).status()).toBe(200)
  await expect(page.getByRole('status').filter({ hasText: 'Your plan is saved.' })).toBeVisible()
  // Saved for good: a fresh load of the page shows the choice.
  await page.reload()
  for (const area of LIFE_AREAS) {
    const box = page.getByRole('checkbox', { name: area, exact: true })
    if (areas.includes(area)) await expect(box).toBeChecked()
    else await expect(box).not.toBeChecked()
  }
}
