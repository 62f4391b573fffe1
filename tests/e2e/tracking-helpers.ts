// Steps for the tracking journeys (tracking.spec.ts, tracking-nojs.spec.ts): log an urge from
// /track, fill the use diary, find entries in the latest-entries lists, check a field's error,
// and read a CSV download from /privacy.
import { readFile } from 'node:fs/promises'
import { expect, type Page } from '@playwright/test'
import { alcoholUnitsText } from '../../app/domain/tracking/amounts.ts'
import { alcoholUnits, loadProgramme } from '../../programme/engine/index.ts'
import { waitForHydration } from './helpers.ts'

export const URGE_LEGEND = 'How strong is the urge?'
export const STRONG_URGE_HEADING = 'That is a very strong urge. You can get through it.'
export const URGE_OVERDOSE_HEADING = 'If you do use after a break'
export const FUTURE_MESSAGE = 'That time is in the future. Enter when it happened.'
/** An urge page's address, as the quick log leaves it. */
export const LOGGED_URGE_URL = /\/track\/urges\/([^/?]+)\?logged=1$/
export const LOGGED_USE_URL = /\/track\/use\/([^/?]+)\?logged=1$/

/** A local time a year ahead, as a datetime-local field takes it. */
export function nextYear(): string {
  return `${new Date().getFullYear() + 1}-01-15T12:00`
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())
}

/** The unit calculator's option for a drink, as the content names it ("Pint of … – 3 units", "… – 1 unit"). */
export function drinkOption(id: string): string {
  const drink = loadProgramme().tracking.drinks.find((d) => d.id === id)
  if (!drink) throw new Error(`No drink ${id}`)
  return `${drink.label} – ${alcoholUnitsText(alcoholUnits(drink.ml, drink.abv))}`
}

/** From /track: choose how strong, press "Log this urge" (two taps); lands on the urge's page. */
export async function logUrge(page: Page, strength: number): Promise<string> {
  await page.goto('/track')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Track urges and use')
  await page
    .getByRole('group', { name: URGE_LEGEND, exact: true })
    .getByRole('radio', { name: String(strength), exact: true })
    .check()
  await page.getByRole('button', { name: 'Log this urge', exact: true }).click()
  await expect(page).toHaveURL(LOGGED_URGE_URL)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Urge logged')
  return LOGGED_URGE_URL.exec(page.url())?.[1] ?? ''
}

/** The latest urges on /track. */
export function urgeList(page: Page) {
  return page.locator('h2:text-is("Your latest urges") + ul.entries')
}

/** The latest use diary on /track. */
export function useList(page: Page) {
  return page.locator('h2:text-is("Your latest use diary") + ul.entries')
}

/** A field (found by its label) is marked invalid and described by `message`. */
export async function expectFieldError(page: Page, label: string, message: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  await expect(page.getByText(`Error: ${message}`)).toBeVisible()
}

export type UseInput = {
  substance: string
  drink?: string
  count?: string
  amount?: string
  unit?: string
  spend?: string
  note?: string
}

/** Fills the use-diary form on the page (new or existing entry). */
export async function fillUse(page: Page, input: UseInput): Promise<void> {
  await page.getByLabel('What did you use?', { exact: true }).selectOption({ label: input.substance })
  if (input.drink) await page.getByLabel('Drink', { exact: true }).selectOption({ label: drinkOption(input.drink) })
  if (input.count !== undefined) await page.getByLabel('How many?', { exact: true }).fill(input.count)
  if (input.amount !== undefined) await page.getByLabel('Amount', { exact: true }).fill(input.amount)
  if (input.unit) await page.getByLabel('Unit', { exact: true }).selectOption({ label: input.unit })
  if (input.spend !== undefined) await page.getByLabel('Money spent, £ (optional)', { exact: true }).fill(input.spend)
  if (input.note !== undefined) await page.getByLabel('Note (optional)', { exact: true }).fill(input.note)
}

/** Posts a form on the page's own cookies, as the page would (repeated names for checkboxes). */
export function post(page: Page, path: string, fields: Array<[string, string]>) {
  return page.request.post(path, {
    data: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
}

/** Rows of a CSV file (RFC 4180 quoting), header first. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) {
      cell += ch
    } else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      rows.push([...row, cell])
      row = []
      cell = ''
    }
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

/** Clicks a CSV link on /privacy and returns its filename and rows as header → value records. */
export async function downloadCsv(page: Page, linkName: string) {
  const downloaded = page.waitForEvent('download')
  await page.getByRole('link', { name: linkName, exact: true }).click()
  const download = await downloaded
  const [header = [], ...lines] = parseCsv(await readFile(await download.path(), 'utf8'))
  const records = lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i] ?? ''])))
  return { filename: download.suggestedFilename(), header, records }
}
