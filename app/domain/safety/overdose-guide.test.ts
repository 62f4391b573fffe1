// The overdose guide (issue 15, H-034) says the one cited text's steps in its order, never
// suggests the recovery position for someone not breathing, says where naloxone comes from only
// in the one wording, and names a source for each part.
import { describe, expect, test } from 'vitest'
import { naloxoneSupplyProblems } from '#programme/engine/naloxone-supply.ts'
import { guideText, OVERDOSE_GUIDE_SOURCES, OVERDOSE_GUIDE_STEPS, STIMULANT_GUIDE } from './overdose-guide.ts'

const stepText = OVERDOSE_GUIDE_STEPS.map((step) =>
  [
    step.title,
    ...step.lines.map((l) => l.text),
    ...(step.groups ?? []).flatMap((g) => g.lines.map((l) => l.text)),
  ].join(' '),
)

describe('the overdose guide', () => {
  test('gives the steps of the one cited text, in order: 999, CPR, naloxone, a second dose, recovery position, stay', () => {
    const order = [
      /Call 999.*ambulance.*speaker/,
      /not breathing normally, start CPR.*Push hard and fast in the middle of their chest.*call handler/,
      /opioids.*naloxone, give it/,
      /no response after 2 to 3 minutes, give a second dose of naloxone/,
      /Only if they are breathing.*recovery position/,
      /Stay with them.*Naloxone wears off/,
    ]
    expect(stepText).toHaveLength(order.length)
    for (const [i, pattern] of order.entries()) expect(stepText[i]).toMatch(pattern)
  })

  test('says how to give each kind of naloxone, and the second dose of each', () => {
    const naloxone = OVERDOSE_GUIDE_STEPS.find((step) => step.id === 'naloxone')
    expect(naloxone?.groups?.map((g) => g.title)).toEqual(['Nasal spray (like Nyxoid)', 'Injection (like Prenoxad)'])
    expect(stepText[2]).toMatch(/nozzle in one nostril/)
    expect(stepText[2]).toMatch(/outer thigh or upper arm/)
    expect(stepText[3]).toMatch(/new spray, in the other nostril/)
    expect(stepText[3]).toMatch(/next dose, up to the next black line/)
  })

  test('tells the bystander what to say to the call handler', () => {
    const call = OVERDOSE_GUIDE_STEPS[0]?.groups?.[0]
    expect(call?.title).toBe('Tell the call handler')
    expect(call?.lines.map((l) => l.text).join(' ')).toMatch(/Where you are.*breathing.*What they took.*naloxone/)
  })

  test('never suggests the recovery position for someone who is not breathing', () => {
    const recovery = guideText().filter((line) => /recovery position/i.test(line) && !/^Breathing\?/.test(line))
    expect(recovery.length).toBeGreaterThan(0)
    for (const line of recovery) expect(line).toMatch(/only if they are breathing|if they are breathing/i)
  })

  test('covers what is different for stimulants: overheating, chest pain and fits', () => {
    expect(STIMULANT_GUIDE.signs.map((s) => s.title)).toEqual(['Too hot', 'Chest pain', 'A fit (seizure)'])
    expect(STIMULANT_GUIDE.intro[0]?.text).toMatch(/Call 999/)
  })

  test('names a source for every part: Resuscitation Council UK, GOV.UK naloxone, the kits, and the NHS pages', () => {
    const sources = OVERDOSE_GUIDE_SOURCES.join('\n')
    for (const source of [
      /Resuscitation Council UK/,
      /take home naloxone without a prescription/,
      /Nyxoid.*Prenoxad/,
      /Heat exhaustion and heatstroke/,
      /Chest pain/,
      /seizure/,
    ])
      expect(sources).toMatch(source)
  })

  test('says where naloxone comes from only in the one wording', () => {
    expect(naloxoneSupplyProblems(guideText().join('\n\n'))).toEqual([])
  })
})
