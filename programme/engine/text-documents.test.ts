// The programme's lists and texts in the studio: what may change (wording, additions), what
// may not (ids, order, bands, units, the base's entries, any self-harm phrase Foothold ships).
import { describe, expect, it } from 'vitest'
import { loadProgramme } from './load.ts'
import { lockedDifferences, TEXT_KINDS, TEXT_SPECS, withPublishedWording } from './text-documents.ts'
import { type ValidationContext, validateDocument } from './validate-document.ts'

const programme = loadProgramme()
const base = (kind: (typeof TEXT_KINDS)[number]) =>
  // biome-ignore lint/suspicious/noExplicitAny: the tests edit these documents freely, as a clinician's YAML might
  structuredClone(TEXT_SPECS[kind].fromProgramme(programme)) as unknown as Record<string, any>
const ctx = (kind: (typeof TEXT_KINDS)[number]): ValidationContext => ({
  instruments: programme.instruments,
  exercises: programme.exercises,
  baseText: TEXT_SPECS[kind].fromProgramme(programme),
})
const errors = (kind: (typeof TEXT_KINDS)[number], doc: unknown) =>
  validateDocument(kind, doc, ctx(kind)).issues.filter((i) => i.severity === 'error')

describe('the shipped lists and texts', () => {
  it.each(TEXT_KINDS)('%s passes the studio validator unchanged', (kind) => {
    expect(errors(kind, base(kind))).toEqual([])
  })
})

describe('life areas', () => {
  it('takes new wording of a name, a description, a reason and a band', () => {
    const doc = base('life-areas')
    doc.areas[0].name = 'Places and people'
    doc.areas[0].needs = 'Because some places and people make it harder (score {score} out of 100)'
    doc.bands[0].label = 'Going well'
    expect(errors('life-areas', doc)).toEqual([])
  })

  it('refuses a band range, an area id or the order changing', () => {
    const ranged = base('life-areas')
    ranged.bands[0].max = 40
    expect(errors('life-areas', ranged).map((e) => e.rule)).toContain('text-locked')
    const swapped = base('life-areas')
    swapped.areas = [swapped.areas[1], swapped.areas[0], ...swapped.areas.slice(2)]
    expect(errors('life-areas', swapped).length).toBeGreaterThan(0)
    const recommend = base('life-areas')
    recommend.bands[0].recommend = !recommend.bands[0].recommend
    expect(
      errors('life-areas', recommend)
        .map((e) => e.message)
        .join(),
    ).toMatch(/bands cannot change/)
  })

  it('refuses a reason without {score}, raw HTML and outside links', () => {
    const doc = base('life-areas')
    doc.areas[1].needs = 'Because of your feelings'
    doc.areas[2].description = 'See <b>this</b>'
    doc.areas[3].description = 'Read more at https://example.com'
    const rules = errors('life-areas', doc).map((e) => e.rule)
    expect(rules).toEqual(expect.arrayContaining(['schema']))
    const html = base('life-areas')
    html.areas[2].description = 'See <b>this</b>'
    html.areas[3].description = 'Read more at https://example.com'
    expect(errors('life-areas', html).map((e) => e.rule)).toEqual(['raw-html', 'outside-link'])
  })
})

describe('pick lists', () => {
  it('takes a reworded entry and a service’s own entry', () => {
    const doc = base('pick-lists')
    doc.triggers[0].label = 'Stress at work or home'
    doc.triggers.push({ id: 'school-run', label: 'The school run' })
    expect(errors('pick-lists', doc)).toEqual([])
  })

  it('refuses removing or moving an entry Foothold ships with (past entries use its id)', () => {
    const removed = base('pick-lists')
    removed.feelings.splice(1, 1)
    expect(errors('pick-lists', removed)[0]?.message).toMatch(/comes with Foothold and cannot be removed or moved/)
  })

  it('refuses a changed unit or drink serving, and a duplicate label', () => {
    const drinks = base('pick-lists')
    drinks.drinks[0].abv = 99
    expect(errors('pick-lists', drinks).map((e) => e.rule)).toContain('text-locked')
    const dupe = base('pick-lists')
    dupe.triggers.push({ id: 'stress-2', label: dupe.triggers[0].label })
    expect(errors('pick-lists', dupe).map((e) => e.rule)).toContain('duplicate')
  })
})

describe('safety phrases (H-047)', () => {
  it('takes an added phrase', () => {
    const doc = base('safety-phrases')
    doc.phrases.push('want to disappear forever')
    expect(errors('safety-phrases', doc)).toEqual([])
  })

  it('refuses removing or changing any phrase Foothold ships with', () => {
    const removed = base('safety-phrases')
    removed.phrases.shift()
    expect(errors('safety-phrases', removed).map((e) => e.rule)).toContain('text-locked')
    const changed = base('safety-phrases')
    changed.phrases[0] = 'something else entirely'
    expect(errors('safety-phrases', changed).map((e) => e.rule)).toContain('text-locked')
  })

  it('refuses a phrase in capitals, too short, or a duplicate', () => {
    for (const phrase of ['End It All Now', 'die', base('safety-phrases').phrases[0]]) {
      const doc = base('safety-phrases')
      doc.phrases.push(phrase)
      expect(errors('safety-phrases', doc).length, phrase).toBeGreaterThan(0)
    }
  })
})

describe('help page', () => {
  it('takes a reworded tip, a new tip and a note; refuses a duplicate tip id', () => {
    const doc = base('help')
    doc.tips[0].text = 'Press the button at the top of any page to leave at once.'
    doc.tips.push({ id: 'our-drop-in', title: 'Drop-in', text: 'Come to our drop-in on Tuesdays.' })
    doc.serviceNote = 'We are open Monday to Friday.'
    expect(errors('help', doc)).toEqual([])
    doc.tips.push({ id: 'our-drop-in', title: 'Again', text: 'Twice.' })
    expect(errors('help', doc).map((e) => e.rule)).toContain('duplicate')
  })
})

describe('what clients get (withPublishedWording)', () => {
  it('is the base itself with nothing published', () => {
    expect(withPublishedWording('pick-lists', programme.tracking, undefined)).toBe(programme.tracking)
  })

  it('takes the published wording by id and appends the service’s own entries', () => {
    const published = base('pick-lists')
    published.triggers[2].label = 'Feeling down'
    published.triggers.push({ id: 'school-run', label: 'The school run' })
    const got = withPublishedWording('pick-lists', programme.tracking, published)
    expect(got.triggers[2]?.label).toBe('Feeling down')
    expect(got.triggers.at(-1)).toEqual({ id: 'school-run', label: 'The school run' })
    expect(got.drinks).toEqual(programme.tracking.drinks)
  })

  it('never lets a published version change what is locked, even if one got through', () => {
    const published = base('life-areas')
    published.bands[0].max = 99
    published.areas[0].name = 'People and places'
    const got = withPublishedWording('life-areas', programme.lifeAreas, published)
    expect(got.bands).toEqual(programme.lifeAreas.bands)
    expect(got.areas[0]?.name).toBe('People and places')
  })

  it('always keeps every self-harm phrase Foothold ships with', () => {
    const got = withPublishedWording('safety-phrases', programme.selfHarmPhrases, {
      sources: ['x'],
      phrases: ['want to disappear forever'],
    })
    expect(got.phrases).toEqual([...programme.selfHarmPhrases.phrases, 'want to disappear forever'])
  })

  it('reports locked differences by top-level key', () => {
    const doc = base('pick-lists')
    doc.source = 'Something else'
    expect(lockedDifferences('pick-lists', doc, base('pick-lists'))).toEqual([
      { at: ['source'], message: expect.stringMatching(/source cannot change here/) },
    ])
  })
})
