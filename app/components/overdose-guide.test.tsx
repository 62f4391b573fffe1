// Without JavaScript the guide is one page with every step (issue 15): the server-rendered HTML
// holds all six steps, numbered, with the list marked for the one-step-per-screen script.
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { OVERDOSE_GUIDE_STEPS } from '#app/domain/safety/overdose-guide.ts'
import { OverdoseGuideSteps, StimulantGuide } from './overdose-guide.tsx'

test('every step is on the page, numbered, in a list the script can find', () => {
  const html = renderToStaticMarkup(<OverdoseGuideSteps />)
  expect(html).toContain('data-guide=""')
  const headings = [...html.matchAll(/<h2 tabindex="-1">(.*?)<\/h2>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''))
  expect(headings).toEqual(OVERDOSE_GUIDE_STEPS.map((step, i) => `Step ${i + 1}: ${step.title}`))
  expect(html).toContain('<strong>Call 999</strong>')
})

test('the stimulants section has its own heading to link to', () => {
  expect(renderToStaticMarkup(<StimulantGuide />)).toMatch(/<h2 id="stimulants">/)
})
