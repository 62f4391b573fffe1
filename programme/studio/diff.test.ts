import { describe, expect, it } from 'vitest'
import { fixtureModule } from '../engine/modules/fixture.ts'
import { type Change, diffDocuments, groupBySection, sectionOf, stepCounts, wordDiff } from './diff.ts'

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v))
const paths = (changes: Change[]) => changes.map((c) => `${c.kind} ${c.path}`)

describe('diffDocuments', () => {
  it('finds nothing between a module and its copy', () => {
    expect(diffDocuments(fixtureModule(), clone(fixtureModule()))).toEqual([])
  })

  it('reports a new document as one addition', () => {
    const after = fixtureModule()
    expect(diffDocuments(null, after)).toEqual([{ kind: 'added', path: '', after }])
  })

  it('names a changed field by its path and splits changed text into words', () => {
    const after = clone(fixtureModule())
    after.title = 'Fixture for tests'
    const prompt = after.steps[1] as { prompt: string }
    prompt.prompt = 'How do you feel today?'
    const changes = diffDocuments(fixtureModule(), after)
    expect(paths(changes)).toEqual(['changed title', 'changed steps[feel].prompt'])
    const words = changes[1]?.kind === 'changed' ? changes[1].words : undefined
    expect(words?.filter((w) => w.kind !== 'same')).toEqual([{ kind: 'added', text: ' today' }])
    expect(words?.map((w) => w.text).join('')).toBe('How do you feel today?')
  })

  it('reports steps added and removed by id, with their place, and no field changes for them', () => {
    const before = fixtureModule()
    const after = clone(before)
    after.steps.splice(1, 0, { id: 'welcome', type: 'reflect', title: 'Welcome', prompt: 'Why now?', optional: false })
    after.steps = after.steps.filter((s) => s.id !== 'think')
    const changes = diffDocuments(before, after)
    expect(paths(changes)).toEqual(['removed steps[think]', 'added steps[welcome]'])
    expect(changes[1]).toMatchObject({ index: 1, after: { title: 'Welcome' } })
    // The steps after the new one shifted place, but none of them moved.
    expect(changes.some((c) => c.kind === 'moved')).toBe(false)
  })

  it('reports only the step that was moved, not every step whose position shifted', () => {
    const before = fixtureModule()
    const after = clone(before)
    const [think] = after.steps.splice(8, 1)
    after.steps.splice(1, 0, think as (typeof after.steps)[number])
    expect(paths(diffDocuments(before, after))).toEqual(['moved steps[think]'])
    expect(diffDocuments(before, after)[0]).toMatchObject({ from: 8, to: 1 })
  })

  it('compares fields inside steps, options and exercise parts by id', () => {
    const before = fixtureModule()
    const after = clone(before)
    const feel = after.steps[1] as { options: Array<{ id: string; label: string; goto?: string }> }
    feel.options[0] = { id: 'ok', label: 'Fine', goto: 'strong' }
    feel.options.reverse()
    const mini = after.exercises.mini as { parts: Array<{ label: string }> }
    ;(mini.parts[0] as { label: string }).label = 'What happened'
    const changes = diffDocuments(before, after)
    // Reversing three options keeps one in place: two moved.
    expect(paths(changes)).toEqual([
      'moved steps[feel].options[low]',
      'moved steps[feel].options[ok]',
      'changed steps[feel].options[ok].label',
      'added steps[feel].options[ok].goto',
      'changed exercises.mini.parts[what].label',
    ])
  })

  it('reports fields that appear or go (a branch added, an optional flag removed)', () => {
    const before = fixtureModule()
    const after = clone(before)
    const strength = after.steps[2] as { goto?: unknown }
    strength.goto = undefined
    const intro = after.steps[0] as { when?: unknown }
    intro.when = { substance: 'alcohol' }
    expect(paths(diffDocuments(before, after))).toEqual(['added steps[intro].when', 'removed steps[strength].goto'])
  })

  it('compares lists without ids (areas, sources) as a whole', () => {
    const before = fixtureModule()
    const after = clone(before)
    after.sources = ['Test source', 'Another source']
    expect(diffDocuments(before, after)).toEqual([
      { kind: 'changed', path: 'sources', before: ['Test source'], after: ['Test source', 'Another source'] },
    ])
  })

  it('diffs Markdown texts by file name, word by word', () => {
    const before = fixtureModule()
    const after = clone(before)
    after.texts['intro.md'] = 'Hello there.'
    const [change] = diffDocuments(before, after)
    expect(change).toMatchObject({ kind: 'changed', path: 'texts.intro.md' })
    expect(change?.kind === 'changed' ? change.words : []).toEqual([
      { kind: 'same', text: 'Hello' },
      { kind: 'added', text: ' there' },
      { kind: 'same', text: '.' },
    ])
  })
})

describe('wordDiff', () => {
  it('keeps the unchanged words and marks the swapped one', () => {
    expect(wordDiff('Call 111 now', 'Call 999 now')).toEqual([
      { kind: 'same', text: 'Call ' },
      { kind: 'removed', text: '111' },
      { kind: 'added', text: '999' },
      { kind: 'same', text: ' now' },
    ])
  })
})

describe('grouping', () => {
  it('puts each change under its step', () => {
    expect(sectionOf('steps[feel].options[ok].label')).toBe('steps[feel]')
    expect(sectionOf('title')).toBe('title')
    expect(sectionOf('texts.intro.md')).toBe('texts')
    const before = fixtureModule()
    const after = clone(before)
    after.title = 'New'
    ;(after.steps[1] as { title: string }).title = 'Feelings'
    ;(after.steps[1] as { prompt: string }).prompt = 'How are you?'
    expect(groupBySection(diffDocuments(before, after)).map((g) => [g.section, g.changes.length])).toEqual([
      ['title', 1],
      ['steps[feel]', 2],
    ])
  })

  it('counts steps added, removed, moved and changed', () => {
    const before = fixtureModule()
    const after = clone(before)
    after.steps.splice(1, 0, { id: 'new', type: 'reflect', title: 'New', prompt: 'Why?', optional: false })
    ;(after.steps[2] as { title: string }).title = 'Feelings'
    expect(stepCounts(diffDocuments(before, after))).toEqual({ added: 1, removed: 0, moved: 0, changed: 1 })
  })
})
