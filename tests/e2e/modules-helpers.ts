// Steps for the module journeys: a quick check-in that makes one life area the neediest, opening
// and starting a module, checking which step is on screen ("Step N of M" and its title, taken
// from the content files), pressing the step buttons, and reading downloaded worksheets.
import { readFile } from 'node:fs/promises'
import { type APIRequestContext, expect, type Page } from '@playwright/test'
import { type Exercise, loadProgramme, type ModuleDefinition, type Step } from '../../programme/engine/index.ts'
import { type PdfFormField, readPdf } from '../setup/pdf-text.ts'
import { expectedPages } from './assessment-helpers.ts'
import { waitForHydration } from './helpers.ts'

export const SELF_HARM_HEADING = 'Thank you for telling us'
export const OVERDOSE_HEADING = 'Important: overdose risk after a break from opioids'
export const TAPER_HEADING = "Important: don't stop benzodiazepines suddenly"
export const CARRY_ON = 'Carry on with the module'

export function moduleDef(moduleId: string): ModuleDefinition {
  const def = loadProgramme().modules[moduleId]
  if (!def) throw new Error(`No module ${moduleId}`)
  return def
}

/** A step of a module as the content defines it (its title, prompt, options…). */
export function stepOf(moduleId: string, stepId: string): Step {
  const step = moduleDef(moduleId).steps.find((s) => s.id === stepId)
  if (!step) throw new Error(`Module ${moduleId} has no step ${stepId}`)
  return step
}

export function titleOf(moduleId: string, stepId: string): string {
  return stepOf(moduleId, stepId).title
}

/** The prompt of a choice, rating or reflect step (its legend or label on the page). */
export function promptOf(moduleId: string, stepId: string): string {
  const step = stepOf(moduleId, stepId)
  if (!('prompt' in step)) throw new Error(`${moduleId}/${stepId} has no prompt`)
  return step.prompt
}

export function exerciseOf(moduleId: string, exerciseId: string): Exercise {
  const exercise = moduleDef(moduleId).exercises[exerciseId]
  if (!exercise) throw new Error(`Module ${moduleId} has no exercise ${exerciseId}`)
  return exercise
}

/**
 * A completed check-in naming alcohol where every answer is the lowest, except the life-area
 * questions about `area`, answered "Extremely": that area alone gets modules suggested. The check-in
 * is not under test here (assessment.spec.ts drives its pages), so its forms are posted directly on
 * the page's own cookies: 16 pages in about a second instead of about eight.
 */
export async function checkInWithNeedIn(request: APIRequestContext, area: string): Promise<void> {
  const started = await request.post('/assessment', { form: { substances: 'alcohol', main: 'alcohol' } })
  expect(new URL(started.url()).pathname, 'the check-in starts').toBe('/assessment/questions')
  const pages = expectedPages(['alcohol'], 'alcohol')
  let landed = ''
  for (const p of pages) {
    const form: Record<string, string> = { page: String(p.index), intent: 'next' }
    for (const item of p.items) {
      const option = item.id.startsWith(`la-${area}-`) ? item.options.at(-1) : item.options[0]
      form[`item:${item.id}`] = String(option?.value)
    }
    const response = await request.post('/assessment/questions', { form })
    expect(response.status(), `check-in page ${p.index + 1}`).toBe(200)
    landed = new URL(response.url()).pathname
  }
  expect(landed, 'the check-in ends on the results').toBe('/assessment/results')
}

/** The module's card on /modules, found by its title. */
export function moduleCard(page: Page, title: string) {
  return page
    .locator('ul.module-list > li')
    .filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) })
}

/** From anywhere: the module's start page, then "Start this module"; lands on step 1. */
export async function startModule(page: Page, moduleId: string): Promise<void> {
  await page.goto(`/modules/${moduleId}`)
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(moduleDef(moduleId).title)
  await page.getByRole('button', { name: 'Start this module' }).click()
  await expect(page.getByRole('progressbar', { name: /^Step 1 of \d+$/ })).toBeVisible()
}

/** The step on screen has this title and says "Step N of M" (as text and as its progress bar). */
export async function expectStep(page: Page, title: string, number: number, total: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  const label = `Step ${number} of ${total}`
  await expect(page.getByText(label, { exact: true })).toBeVisible()
  const bar = page.getByRole('progressbar', { name: label, exact: true })
  await expect(bar).toHaveAttribute('value', String(number))
  await expect(bar).toHaveAttribute('max', String(total))
}

export async function press(page: Page, name: 'Save and continue' | 'Back' | 'Skip this step' | 'Finish the module') {
  await page.getByRole('button', { name, exact: true }).click()
}

/** Presses "Save and continue" and checks the next step is the one expected. */
export async function saveAndContinue(page: Page, nextTitle: string, number: number, total: number): Promise<void> {
  await press(page, 'Save and continue')
  await expectStep(page, nextTitle, number, total)
}

/** A 0–10 scale, found by its legend. */
export function ratingScale(page: Page, legend: string) {
  return page.getByRole('group', { name: legend, exact: true })
}

/** Chooses `value` on the 0–10 scale with this legend. */
export async function rate(page: Page, legend: string, value: number): Promise<void> {
  await ratingScale(page, legend)
    .getByRole('radio', { name: String(value), exact: true })
    .check()
}

/** Whitespace folded to single spaces, so wrapped lines in a PDF still match a sentence. */
function folded(text: string): string {
  return text.replace(/\s+/g, ' ')
}

export type Worksheet = { filename: string; text: string; fields: PdfFormField[] }

/** Clicks a worksheet link, waits for the download and reads the file as a PDF viewer would. */
export async function downloadWorksheet(page: Page, linkName: string): Promise<Worksheet> {
  const downloaded = page.waitForEvent('download')
  await page.getByRole('link', { name: linkName, exact: true }).click()
  const download = await downloaded
  const bytes = new Uint8Array(await readFile(await download.path()))
  // The first bytes say what the file is, whatever its name claims.
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), `${linkName} is a PDF`).toBe('%PDF-')
  const pdf = await readPdf(bytes)
  return { filename: download.suggestedFilename(), text: folded(pdf.pages.join('\n')), fields: pdf.fields }
}
