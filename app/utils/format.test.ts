import { describe, expect, it } from 'vitest'
import { aboutClient } from './format.ts'

describe('aboutClient', () => {
  it.each([
    ['Your drinking (AUDIT)', 'Drinking (AUDIT)'],
    ['Your mood (PHQ-9)', 'Mood (PHQ-9)'],
    ['How much you drink (AUDIT-C)', 'How much they drink (AUDIT-C)'],
    ['How much you depend on your main drug (SDS)', 'How much they depend on their main drug (SDS)'],
    ['Worry and anxiety (GAD-7)', 'Worry and anxiety (GAD-7)'],
    ['Youth services', 'Youth services'],
  ])('%s → %s', (title, said) => {
    expect(aboutClient(title)).toBe(said)
  })
})
