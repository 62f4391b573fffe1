import { describe, expect, it } from 'vitest'
import { READING_AGE_LIMIT, readingAge } from './readability.ts'

describe('readingAge', () => {
  it('gives short plain sentences a young reading age', () => {
    const text =
      'An urge is a strong wish to drink or use. It comes like a wave. It gets big. Then it goes down. You can ride it out. Breathe in slowly. Breathe out slowly. Notice your body.'
    expect(readingAge(text)).toBeLessThanOrEqual(READING_AGE_LIMIT)
  })

  it('flags long sentences full of long words', () => {
    const text =
      'Individuals experiencing substantial psychological dependence frequently demonstrate considerable ambivalence regarding behavioural modification, particularly when environmental circumstances systematically reinforce established consumption patterns and associated cognitive expectancies.'
    expect(readingAge(text)).toBeGreaterThan(READING_AGE_LIMIT)
  })

  it('says nothing about very short texts', () => {
    expect(readingAge('How strong is the urge?')).toBeNull()
  })

  it('treats list items and headings as sentences of their own', () => {
    const list =
      '## What helps\n\n- go for a walk\n- call a friend\n- have a cup of tea\n- run a bath\n- play a game\n- listen to music\n- tidy a drawer'
    expect(readingAge(list)).toBeLessThanOrEqual(READING_AGE_LIMIT)
  })
})
