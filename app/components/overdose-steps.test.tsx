// The one overdose-steps text (hazard H-023): every step CLINICAL.md requires, in the order a
// bystander needs them, with its sources on the page.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { OVERDOSE_GUIDE_HREF, OverdoseSteps } from './overdose-steps.tsx'

function stepsOf(html: string) {
  const list = html.match(/<ol>(.*?)<\/ol>/s)?.[1] ?? ''
  return [...list.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' '))
}

describe('OverdoseSteps', () => {
  const html = renderToStaticMarkup(<OverdoseSteps />)
  const steps = stepsOf(html)

  test('says every step, in order: 999, CPR, naloxone, a second dose, recovery position, stay', () => {
    const order = [
      /Call 999/,
      /not breathing normally, start CPR.*push hard and fast in the middle of their chest.*call handler/,
      /opioids.*naloxone, give it/,
      /no response after 2 to 3 minutes, give a second dose of naloxone/,
      /Only if they are breathing.*recovery position/,
      /Stay with them.*Naloxone wears off/,
    ]
    expect(steps).toHaveLength(order.length)
    for (const [i, pattern] of order.entries()) expect(steps[i]).toMatch(pattern)
  })

  test('never suggests the recovery position for someone who is not breathing', () => {
    const recovery = steps.filter((step) => /recovery position/.test(step))
    expect(recovery).toEqual([expect.stringMatching(/^Only if they are breathing/)])
  })

  test('shows its sources: Resuscitation Council UK and the UK naloxone guidance', () => {
    const sources = html.match(/<p class="sources">(.*?)<\/p>/s)?.[1] ?? ''
    expect(sources).toMatch(/Resuscitation Council UK/)
    expect(sources).toMatch(/naloxone without a prescription/)
  })

  test('links to the full guide, which works offline (issue 15)', () => {
    expect(OVERDOSE_GUIDE_HREF).toBe('/help/overdose')
    expect(html).toContain('<a href="/help/overdose">The overdose guide, step by step</a>')
  })

  test('on the help page it is the link target; elsewhere a level-3 section with its own id', () => {
    expect(html).toMatch(/<h2 id="overdose">If someone may have overdosed<\/h2>/)
    const nested = renderToStaticMarkup(<OverdoseSteps headingLevel={3} />)
    expect(nested).toMatch(/<h3 id="overdose-steps-[^"]+">If someone may have overdosed<\/h3>/)
    expect(nested).not.toMatch(/id="overdose"/)
    expect(stepsOf(nested)).toEqual(steps)
  })
})
