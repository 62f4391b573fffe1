// The mixing rule over the real content file (hazard H-039).
import { describe, expect, it } from 'vitest'
import { loadProgramme } from '../load.ts'
import { READING_AGE_LIMIT, readingAge } from '../readability.ts'
import { mixesOnDay, mixesWithEntry } from './mixing.ts'

const mixing = loadProgramme().mixing
const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((r) => r.id).sort()

describe('mixesOnDay', () => {
  it('alcohol and an opioid on one day fire alcohol with opioids', () => {
    expect(ids(mixesOnDay(mixing, ['alcohol', 'opioids'], []))).toEqual(['alcohol-opioids'])
  })

  it('opioids with benzos, and cocaine with alcohol, fire their rows', () => {
    expect(ids(mixesOnDay(mixing, ['opioids', 'benzodiazepines'], []))).toEqual(['opioids-benzodiazepines'])
    expect(ids(mixesOnDay(mixing, ['stimulants', 'alcohol'], []))).toEqual(['alcohol-stimulants'])
  })

  it('one substance alone, twice, or with something harmless here, fires nothing', () => {
    expect(mixesOnDay(mixing, ['alcohol'], [])).toEqual([])
    expect(mixesOnDay(mixing, ['opioids', 'opioids'], [])).toEqual([])
    expect(mixesOnDay(mixing, ['alcohol', 'cannabis'], [])).toEqual([])
    expect(mixesOnDay(mixing, [], [])).toEqual([])
  })

  it('"another drug" never fires: we do not know what it is', () => {
    expect(mixesOnDay(mixing, ['other', 'alcohol', 'opioids'], []).map((r) => r.id)).toEqual(['alcohol-opioids'])
  })

  it('a listed medicine counts as what it is: an opioid substitute is an opioid', () => {
    expect(ids(mixesOnDay(mixing, ['alcohol'], ['ost']))).toEqual(['alcohol-opioids'])
    expect(ids(mixesOnDay(mixing, ['opioids'], ['gabapentinoid']))).toEqual(['opioids-gabapentinoids'])
    expect(ids(mixesOnDay(mixing, ['alcohol'], ['benzodiazepine']))).toEqual(['alcohol-benzodiazepines'])
  })

  it('an opioid substitute with heroin warns about using on top of it, but the substitute alone does not', () => {
    expect(ids(mixesOnDay(mixing, ['opioids'], ['ost']))).toEqual(['ost-opioids'])
    expect(mixesOnDay(mixing, [], ['ost'])).toEqual([])
  })

  it('two listed medicines that mix are a combination too (the server asks only about new entries)', () => {
    expect(ids(mixesOnDay(mixing, [], ['ost', 'benzodiazepine']))).toEqual(['opioids-benzodiazepines'])
  })
})

describe('mixesWithEntry', () => {
  it('a new entry fires only the combinations it is part of', () => {
    expect(ids(mixesWithEntry(mixing, 'opioids', ['alcohol'], []))).toEqual(['alcohol-opioids'])
    expect(mixesWithEntry(mixing, 'cannabis', ['alcohol', 'opioids'], [])).toEqual([])
  })

  it('a new entry of a substance the day already has fires again with the other', () => {
    expect(ids(mixesWithEntry(mixing, 'alcohol', ['alcohol', 'opioids'], []))).toEqual(['alcohol-opioids'])
  })

  it('a new entry fires with a listed medicine on an otherwise empty day', () => {
    expect(ids(mixesWithEntry(mixing, 'alcohol', [], ['gabapentinoid']))).toEqual(['alcohol-gabapentinoids'])
    expect(ids(mixesWithEntry(mixing, 'opioids', [], ['ost', 'benzodiazepine']))).toEqual(
      ['opioids-benzodiazepines', 'ost-opioids'].sort(),
    )
    expect(mixesWithEntry(mixing, 'cannabis', [], ['ost', 'benzodiazepine'])).toEqual([])
  })
})

describe('the content', () => {
  it('every row cites at least one source with a title and publisher', () => {
    for (const row of mixing.rows) {
      expect(row.sources.length, row.id).toBeGreaterThan(0)
      for (const source of row.sources) expect(source.title && source.publisher, row.id).toBeTruthy()
    }
  })

  it('every reason is plain: a reading age of about 11 to 12', () => {
    for (const row of mixing.rows) expect(readingAge(row.reason) ?? 0, row.id).toBeLessThanOrEqual(READING_AGE_LIMIT)
  })
})
