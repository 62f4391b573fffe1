import { describe, expect, it } from 'vitest'
import { loadProgramme } from '../load.ts'
import { selfHarmPhraseIn, selfHarmPhraseInAny } from './self-harm-words.ts'

const phrases = loadProgramme().selfHarmPhrases.phrases

describe('selfHarmPhraseIn, with the real phrase list', () => {
  it.each([
    ['I want to kill myself', 'kill myself'],
    ['sometimes I think I should just end it all.', 'end it all'],
    ['thinking about suicide again', 'suicide'],
    ['felt suicidal last night', 'suicidal'],
    ["I don't want to be here any more", "don't want to be here"],
    ['they would be better off dead without me... no, I would be better off dead', 'better off dead'],
    ['I wanted to hurt myself', 'hurt myself'],
    ['self-harm', 'self harm'],
    ['self  harm', 'self harm'],
    ['"kill myself"', 'kill myself'],
    ['suicide.', 'suicide'],
  ])('finds a phrase in %j', (text, phrase) => {
    expect(selfHarmPhraseIn(text, phrases)).toBe(phrase)
  })

  it('ignores case', () => {
    expect(selfHarmPhraseIn('I WANT TO KILL MYSELF', phrases)).toBe('kill myself')
    expect(selfHarmPhraseIn('Better Off Dead', phrases)).toBe('better off dead')
    expect(selfHarmPhraseIn('SUICIDE', phrases)).toBe('suicide')
  })

  it("treats ' ’ ‘ and no apostrophe alike", () => {
    for (const text of [
      "I don't want to be here",
      'I don’t want to be here',
      'I don‘t want to be here',
      'I dont want to be here',
      'I DON’T WANT TO BE HERE',
    ])
      expect(selfHarmPhraseIn(text, phrases), text).toBe("don't want to be here")
  })

  it('matches across a line break or a hyphen between the words', () => {
    expect(selfHarmPhraseIn('I want to kill\nmyself', phrases)).toBe('kill myself')
    expect(selfHarmPhraseIn('end-it-all', phrases)).toBe('end it all')
  })

  it('reads full-width letters as the letters they show', () => {
    expect(selfHarmPhraseIn('ｓｕｉｃｉｄｅ', phrases)).toBe('suicide')
  })

  // Near-misses: whole words only, and everyday phrases that share a word.
  it.each([
    'skill myself up on cooking',
    'killing time before work',
    'killed it at the gym',
    'I could kill for a pint',
    'dying for a drink',
    'herself harmed nobody',
    'selfish harmony',
    'I want to be here for my kids',
    'I do want to live well',
    'suicidality', // a different word; "suicidal" and "suicide" are matched whole
    'end it allotment',
    'hurt my shoulder',
    'cut myself off from friends',
    '',
  ])('finds nothing in %j (a near-miss)', (text) => {
    expect(selfHarmPhraseIn(text, phrases)).toBeNull()
  })

  // The careful choice (documented in the phrase file and H-027): these everyday uses DO show the
  // kind panel, because carving out exceptions is a way to miss real risk.
  it.each([
    ['In the end it all worked out', 'end it all'],
    ['watched the Suicide Squad film', 'suicide'],
    ['I hurt myself falling off my bike', 'hurt myself'],
  ])('accepts a false positive in %j', (text, phrase) => {
    expect(selfHarmPhraseIn(text, phrases)).toBe(phrase)
  })

  it('never changes the text it reads', () => {
    const text = 'I DON’T want to be here.\n  Really   – kill myself?'
    const copy = `${text}`
    const wrapper = { text }
    selfHarmPhraseIn(wrapper.text, phrases)
    expect(wrapper.text).toBe(copy)
    expect(wrapper.text).toHaveLength(copy.length)
  })

  it('returns the first phrase in list order', () => {
    expect(selfHarmPhraseIn('b then a', ['then a', 'b then'])).toBe('then a')
  })

  it('escapes the phrase, so a stray character cannot act as a pattern', () => {
    expect(selfHarmPhraseIn('kill myself', ['kill.myself'])).toBeNull()
    expect(selfHarmPhraseIn('killxmyself', ['kill.myself'])).toBeNull()
  })
})

describe('selfHarmPhraseInAny', () => {
  it('finds a phrase in any of the texts, passing over empty ones', () => {
    expect(selfHarmPhraseInAny([null, undefined, '', 'a good day', 'end my life'], phrases)).toBe('end my life')
    expect(selfHarmPhraseInAny([null, 'a good day'], phrases)).toBeNull()
    expect(selfHarmPhraseInAny([], phrases)).toBeNull()
  })
})
