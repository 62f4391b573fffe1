// Text in any script survives every PDF kind: worksheets (blank, filled, fillable) and the session
// summary are drawn in embedded Unicode fonts, so Polish, Arabic, Chinese and emoji come back out
// of the file as they went in, never folded to ASCII or "?".
import { describe, expect, it } from 'vitest'
import type { SessionSummary } from '#app/domain/caseload/summary.server.ts'
import { renderSessionSummaryPdf } from '#app/domain/caseload/summary-pdf.server.ts'
import { renderWorksheetPdf } from '#app/domain/modules/worksheet-pdf.server.ts'
import { type ExerciseAnswer, ExerciseSchema, worksheetModel } from '#programme/engine/index.ts'
import { readPdf } from '#tests/setup/pdf-text.ts'

const POLISH = 'dziękuję Łódź'
const ARABIC = 'شكرا'
const CHINESE = '谢谢'
const EMOJI = '😀👍'
const ALL = [POLISH, ARABIC, CHINESE, EMOJI]
const MIXED = `${POLISH} ${ARABIC} ${CHINESE} ${EMOJI}`

const exercise = ExerciseSchema.parse({
  id: 'scripts',
  version: '1',
  title: `Thanks: ${POLISH}`,
  intro: `Say thank you in any language: ${ARABIC}, ${CHINESE}.`,
  sources: ['Test content.'],
  parts: [
    { id: 'short', kind: 'short', label: `Where: ${CHINESE}`, hint: `For example: ${ARABIC}` },
    { id: 'long', kind: 'long', label: 'What you said' },
    {
      id: 'table',
      kind: 'table',
      label: 'Each time',
      rows: 1,
      columns: [{ id: 'what', kind: 'short', label: 'What' }],
    },
  ],
})
const answer: ExerciseAnswer = { short: MIXED, long: `${ARABIC}\n${CHINESE} ${EMOJI}`, table: [{ what: POLISH }] }
const model = worksheetModel(exercise, `Module ${POLISH}`, answer)

const squash = (text: string) => text.replace(/\s+/g, ' ')

/** Each sample comes back whole, and no "?" stands in for a character. */
function expectAllScripts(text: string) {
  const flat = squash(text)
  for (const sample of ALL) expect(flat).toContain(sample)
  expect(flat).not.toContain('?')
}

describe('PDFs in every script', () => {
  it('a blank worksheet keeps the content’s text in every script', async () => {
    const { pages } = await readPdf(await renderWorksheetPdf(model, 'blank'))
    const text = squash(pages.join('\n'))
    for (const sample of [POLISH, ARABIC, CHINESE]) expect(text).toContain(sample)
    expect(text).toContain(`Thanks: ${POLISH}`)
    // Punctuation after the Arabic word stays after it.
    expect(text).toContain(`Say thank you in any language: ${ARABIC}, ${CHINESE}.`)
    expect(text).toContain(`Foothold · Module ${POLISH}`)
    expect(text).not.toContain('?')
  })

  it('a filled worksheet prints answers in every script as selectable text', async () => {
    const { pages } = await readPdf(await renderWorksheetPdf(model, 'filled'))
    expectAllScripts(pages.join('\n'))
    expect(squash(pages.join('\n'))).toContain(MIXED)
  })

  it('a fillable worksheet keeps pre-filled values in every script and draws its labels whole', async () => {
    const { pages, fields } = await readPdf(await renderWorksheetPdf(model, 'fillable'))
    expect(Object.fromEntries(fields.map((f) => [f.name, f.value]))).toMatchObject({
      short: MIXED,
      long: `${ARABIC}\n${CHINESE} ${EMOJI}`,
      table_1_what: POLISH,
    })
    const text = squash(pages.join('\n'))
    for (const sample of [POLISH, ARABIC, CHINESE]) expect(text).toContain(sample)
    expect(text).not.toContain('?')
  })

  it('the session summary keeps names, goals and notes in every script', async () => {
    const summary: SessionSummary = {
      name: `Ola ${POLISH}`,
      timeZone: 'Europe/London',
      range: { from: '2026-11-01', to: '2026-11-14', days: 14 },
      generatedAt: '2026-11-14 10:00',
      flags: [],
      scores: [],
      modules: {
        finished: [{ moduleId: 'm', title: `Module ${CHINESE}`, date: '2026-11-02', step: 3, steps: 3 }],
        inProgress: [],
      },
      urges: null,
      use: null,
      goals: [
        {
          goalId: 'g',
          what: `Say ${ARABIC}`,
          type: 'daily',
          status: 'active',
          done: 1,
          partly: 0,
          not: 0,
          notes: [{ date: '2026-11-03', outcome: 'done', note: MIXED }],
          moreNotes: 0,
        },
      ],
    } as unknown as SessionSummary
    const { pages } = await readPdf(await renderSessionSummaryPdf(summary))
    expectAllScripts(pages.join('\n'))
    expect(squash(pages.join('\n'))).toContain(`Session summary: Ola ${POLISH}`)
  })
})
