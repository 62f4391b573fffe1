// The mixing content schema refuses a row without a source (rows that cannot be cited are left
// out, never guessed: H-039) and a source with neither year nor a note that it is undated.
import { describe, expect, it } from 'vitest'
import { MixingRowSchema, MixingSourceSchema } from './mixing.schema.ts'

const source = { title: 'A page', publisher: 'NHS', year: 2024, url: 'https://www.nhs.uk/' }

describe('MixingRowSchema', () => {
  it('accepts a cited row', () => {
    expect(
      MixingRowSchema.safeParse({ id: 'a-b', mix: ['alcohol', 'opioids'], reason: 'Why.', sources: [source] }).success,
    ).toBe(true)
  })

  it('refuses a row with no source', () => {
    const parsed = MixingRowSchema.safeParse({ id: 'a-b', mix: ['alcohol', 'opioids'], reason: 'Why.', sources: [] })
    expect(parsed.success).toBe(false)
  })

  it('refuses a side that is not a substance or medicine group', () => {
    expect(
      MixingRowSchema.safeParse({ id: 'a-b', mix: ['alcohol', 'mdma'], reason: 'Why.', sources: [source] }).success,
    ).toBe(false)
  })
})

describe('MixingSourceSchema', () => {
  it('needs a year, or a note that the page is undated', () => {
    expect(MixingSourceSchema.safeParse({ title: 'T', publisher: 'P' }).success).toBe(false)
    expect(MixingSourceSchema.safeParse({ title: 'T', publisher: 'P', note: 'undated, read Dec 2026' }).success).toBe(
      true,
    )
  })

  it('takes only https addresses', () => {
    expect(MixingSourceSchema.safeParse({ ...source, url: 'http://example.org/' }).success).toBe(false)
  })
})
