// Helpers shared by the engine's tests (not used by the app).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import type { Instrument } from '../schema/instrument.schema.ts'
import { findContentDir } from './load.ts'
import { itemScore } from './scoring.ts'

/** Answers that add up to `total`, filling items in order with the highest score that fits. */
export function answersFor(instrument: Instrument, total: number): Record<string, number> {
  const answers: Record<string, number> = {}
  let remaining = total
  for (const item of instrument.items) {
    const fits = item.options
      .map((option) => ({ value: option.value, score: itemScore(instrument, item, option.value) }))
      .filter((option) => option.score <= remaining)
      .sort((a, b) => b.score - a.score)[0]
    if (!fits) throw new Error(`cannot reach ${total} on ${instrument.id}`)
    answers[item.id] = fits.value
    remaining -= fits.score
  }
  if (remaining !== 0) throw new Error(`cannot reach ${total} on ${instrument.id}`)
  return answers
}

/** Every item of an instrument answered with the same value. */
export function allAnswered(instrument: Instrument, value: number): Record<string, number> {
  return Object.fromEntries(instrument.items.map((item) => [item.id, value]))
}

/** A private copy of the real content to break in a test. */
export function copyContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'foothold-content-')), 'content')
  cpSync(findContentDir(), dir, { recursive: true })
  return dir
}

/** Edits one YAML file of a content copy in place. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into raw YAML freely in order to break it
export function editYaml(dir: string, file: string, edit: (data: Record<string, any>) => void): void {
  const path = join(dir, file)
  const data = parse(readFileSync(path, 'utf8'))
  edit(data)
  writeFileSync(path, stringify(data))
}
