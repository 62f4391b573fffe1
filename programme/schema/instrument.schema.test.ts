import { describe, expect, it } from 'vitest'
import { loincCheckDigitOk, SafetyConditionSchema } from './instrument.schema.ts'

describe('loincCheckDigitOk (LOINC mod-10 check digit)', () => {
  it.each(['44261-6', '70274-6', '75626-2'])('accepts %s, a code given in CLINICAL.md', (code) => {
    expect(loincCheckDigitOk(code)).toBe(true)
  })

  it.each(['44261-5', '70247-6', '44261', 'abc-1', ''])('rejects %s', (code) => {
    expect(loincCheckDigitOk(code)).toBe(false)
  })
})

describe('SafetyConditionSchema', () => {
  it('takes small declarative conditions only', () => {
    expect(SafetyConditionSchema.safeParse({ item: 'phq-9-9', gte: 1 }).success).toBe(true)
    expect(SafetyConditionSchema.safeParse({ total: { gte: 20 } }).success).toBe(true)
    expect(SafetyConditionSchema.safeParse('phq-9-9 >= 1').success).toBe(false)
    expect(SafetyConditionSchema.safeParse({ item: 'phq-9-9', gte: 1, total: { gte: 20 } }).success).toBe(false)
    expect(SafetyConditionSchema.safeParse({ item: 'phq-9-9', gt: 0 }).success).toBe(false)
  })
})
