import { describe, expect, it } from 'vitest'
import { fixtureModule } from '../engine/modules/fixture.ts'
import { markHardWords, readingOf } from './reading.ts'

describe('markHardWords', () => {
  it('marks words of three or more syllables and gives the text back whole', () => {
    const text = 'Talk to your doctor about medication, then rest.'
    const parts = markHardWords(text)
    expect(parts.filter((p) => p.hard).map((p) => p.text)).toEqual(['medication'])
    expect(parts.map((p) => p.text).join('')).toBe(text)
  })

  it('marks nothing in short plain words', () => {
    expect(markHardWords('Take a slow breath in and out.')).toEqual([
      { text: 'Take a slow breath in and out.', hard: false },
    ])
  })
})

describe('readingOf', () => {
  it('reads every client-facing text of a module, named by path, and skips ids and sources', () => {
    const paths = readingOf(fixtureModule()).map((r) => r.path)
    expect(paths).toContain('title')
    expect(paths).toContain('steps[feel].prompt')
    expect(paths).toContain('steps[feel].options[low].label')
    expect(paths).toContain('texts.intro.md')
    expect(paths).toContain('exercises.mini.intro')
    expect(paths.some((p) => p.includes('sources') || p.endsWith('.id') || p.endsWith('.file'))).toBe(false)
  })

  it('flags a long, hard text as over the reading age and lists its hard words', () => {
    const doc = {
      texts: {
        'hard.md':
          'Pharmacological interventions necessitate comprehensive multidisciplinary evaluation, particularly considering physiological dependency. Unsupervised discontinuation precipitates potentially dangerous complications. Individualised pharmacotherapy requires collaborative consultation with experienced professionals.',
      },
    }
    const [reading] = readingOf(doc)
    expect(reading?.over).toBe(true)
    expect(reading?.hardWords).toContain('discontinuation')
  })
})
