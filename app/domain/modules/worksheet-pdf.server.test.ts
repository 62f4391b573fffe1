import { describe, expect, it } from 'vitest'
import { type ExerciseAnswer, ExerciseSchema, WORKSHEET_KINDS, worksheetModel } from '#programme/engine/index.ts'
import { readPdf } from '#tests/setup/pdf-text.ts'
import { renderWorksheetPdf } from './worksheet-pdf.server.ts'

const exercise = ExerciseSchema.parse({
  id: 'thought-record',
  version: '1',
  title: 'Thought record',
  intro: 'Catch a thought that came before a craving, then look at it again.',
  sources: ['Beck, J. S. (2011). Cognitive Behavior Therapy.'],
  parts: [
    { id: 'situation', kind: 'short', label: 'Where were you?', hint: 'For example: at home after work' },
    { id: 'thought', kind: 'long', label: 'What went through your mind?' },
    {
      id: 'belief',
      kind: 'rating',
      label: 'How much did you believe it?',
      minLabel: 'Not at all',
      maxLabel: 'Completely',
    },
    {
      id: 'evidence',
      kind: 'table',
      label: 'Weighing it up',
      hint: 'One line for each time',
      rows: 3,
      columns: [
        { id: 'for', kind: 'short', label: 'For the thought' },
        { id: 'against', kind: 'short', label: 'Against it' },
        { id: 'confidence', kind: 'rating', label: 'Confidence' },
      ],
    },
  ],
})

const answer: ExerciseAnswer = {
  situation: 'Walking past the Red Lion',
  thought: 'One pint will not hurt anyone.\nI have earned it after this week.',
  belief: 7,
  evidence: [{ for: 'Everyone else is having one', against: 'I felt awful last Sunday', confidence: 6 }],
}
const ANSWER_TEXT = ['Walking past the Red Lion', 'One pint will not hurt anyone.', 'I felt awful last Sunday']

const model = worksheetModel(exercise, 'Thinking traps', answer)
const flat = (text: string) => text.replace(/\s+/g, ' ')
const raw = (pdf: Buffer) => pdf.toString('latin1')

describe('renderWorksheetPdf', () => {
  it.each(
    WORKSHEET_KINDS,
  )('makes a %s worksheet a person can read: A4, large type, headed on every page', async (kind) => {
    const pdf = await renderWorksheetPdf(model, kind)
    expect(raw(pdf).startsWith('%PDF-')).toBe(true)
    expect(raw(pdf)).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    const { pages, smallestFontSize } = await readPdf(pdf)
    expect(smallestFontSize).toBeGreaterThanOrEqual(13)
    pages.forEach((page, i) => {
      expect(page).toContain('Foothold · Thinking traps')
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
    })
    const text = flat(pages.join('\n'))
    for (const expected of [
      'Thought record',
      exercise.intro,
      'Where were you?',
      'For example: at home after work',
      'What went through your mind?',
      'A number from 0 to 10 (0 = Not at all, 10 = Completely)',
      'Weighing it up',
      'One line for each time',
      'For the thought',
      'Confidence (0 to 10)',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it.each(WORKSHEET_KINDS)('keeps %s metadata to the title and Foothold, with subset embedded fonts', async (kind) => {
    const pdf = await renderWorksheetPdf(model, kind)
    expect((await readPdf(pdf)).info).toEqual({ Title: 'Thought record', Author: 'Foothold', Creator: 'Foothold' })
    expect(raw(pdf)).not.toMatch(/\/(Producer|CreationDate|ModDate)/)
    expect(raw(pdf)).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed/)
  })

  it('prints the client’s answers on a filled worksheet as selectable text', async () => {
    const text = flat((await readPdf(await renderWorksheetPdf(model, 'filled'))).pages.join('\n'))
    for (const expected of ANSWER_TEXT) expect(text).toContain(expected)
    expect(text).toContain('I have earned it after this week.')
    expect(text).toContain('Your answer: 7 out of 10')
  })

  it('shows no answers on a blank worksheet, even when the model holds them', async () => {
    const pdf = await renderWorksheetPdf(model, 'blank')
    const { pages, fields } = await readPdf(pdf)
    const text = flat(pages.join('\n'))
    for (const unexpected of [...ANSWER_TEXT, 'Your answer']) expect(text).not.toContain(unexpected)
    expect(text).toContain('Circle one number.')
    expect(fields).toEqual([])
    expect(raw(pdf)).not.toContain('/AcroForm')
  })

  it('gives a fillable worksheet one text field per field and table cell, multiline for long answers', async () => {
    const pdf = await renderWorksheetPdf(worksheetModel(exercise, 'Thinking traps'), 'fillable')
    expect(raw(pdf)).toContain('/FT /Tx')
    expect(raw(pdf)).toContain('/T (thought)')
    const { fields } = await readPdf(pdf)
    const cells = [1, 2, 3].flatMap((row) => ['for', 'against', 'confidence'].map((col) => `evidence_${row}_${col}`))
    expect(fields.map((f) => f.name)).toEqual(['situation', 'thought', 'belief', ...cells])
    const multiline = Object.fromEntries(fields.map((f) => [f.name, f.multiline]))
    expect(multiline).toMatchObject({ situation: false, thought: true, belief: false, evidence_1_confidence: false })
    expect(fields.every((f) => f.value === '')).toBe(true)
  })

  it('starts a fillable worksheet with the answers in the model', async () => {
    const { fields } = await readPdf(await renderWorksheetPdf(model, 'fillable'))
    const values = Object.fromEntries(fields.map((f) => [f.name, f.value]))
    expect(values).toMatchObject({
      situation: 'Walking past the Red Lion',
      belief: '7',
      evidence_1_against: 'I felt awful last Sunday',
    })
  })

  it('runs long answers onto more pages, repeating the table header where a row breaks', async () => {
    const short = await readPdf(await renderWorksheetPdf(model, 'filled'))
    const essay = Array.from({ length: 120 }, (_, i) => `Sentence ${i + 1} of what I told myself.`).join(' ')
    const long = worksheetModel(exercise, 'Thinking traps', {
      ...answer,
      thought: essay,
      evidence: [{ for: essay, against: 'Short', confidence: 3 }],
    })
    const { pages } = await readPdf(await renderWorksheetPdf(long, 'filled'))
    expect(pages.length).toBeGreaterThan(short.pages.length + 2)
    const text = flat(pages.join('\n'))
    // Every sentence survives the page breaks, in the thought and in the table cell alike.
    expect(text.split('Sentence 120 of what I told myself.').length - 1).toBe(2)
    const continued = pages.filter((page) => page.includes('Weighing it up (continued)'))
    expect(continued.length).toBeGreaterThan(0)
    for (const page of continued) expect(page).toContain('For the thought')
  })

  it('prints letters and emoji as written (more scripts in app/utils/pdf-scripts.test.ts)', async () => {
    const pdf = await renderWorksheetPdf(worksheetModel(exercise, 'M', { situation: 'Łódź café 😀' }), 'filled')
    expect(flat(await readPdf(pdf).then((r) => r.pages.join('\n')))).toContain('Łódź café 😀')
  })
})
