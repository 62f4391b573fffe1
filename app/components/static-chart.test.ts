import { describe, expect, it } from 'vitest'
import type { ChartSpec } from './chart-spec.ts'
import { niceMax, staticChart } from './static-chart.ts'

const rects = (html: string) =>
  [...html.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="(#\w+)"\/>/g)].map(
    ([, x, y, width, height, fill]) => ({
      x: Number(x),
      y: Number(y),
      width: Number(width),
      height: Number(height),
      fill,
    }),
  )

const urges: ChartSpec = {
  label: 'They logged 4 urges <in> 2 days.',
  rows: [
    { name: 'Mon 2 Nov', rodeOut: 2, used: 1, avgIntensity: 6 },
    { name: 'Tue 3 Nov', rodeOut: 0, used: 0, avgIntensity: null },
    { name: 'Wed 4 Nov', rodeOut: 1, used: 0, avgIntensity: 9 },
  ],
  category: 'name',
  bars: [
    { key: 'rodeOut', name: 'Rode it out', colour: 'green', stack: 'u' },
    { key: 'used', name: 'Used', colour: 'red', stack: 'u' },
  ],
  line: { key: 'avgIntensity', name: 'Average strength (0 to 10)', colour: 'blue', max: 10 },
}

describe('niceMax', () => {
  it('rounds the top of the scale up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 48, 120].map(niceMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 200])
  })
})

describe('staticChart', () => {
  it('is one image named by the summary, then a key naming every series', () => {
    const html = staticChart(urges)
    expect(html).toMatch(/^<svg [^>]*role="img" aria-label="They logged 4 urges &lt;in&gt; 2 days\."/)
    const key = html.slice(html.indexOf('<ul class="chart-key">'))
    expect(
      key
        .replace(/<[^>]+>/g, '|')
        .split('|')
        .filter(Boolean),
    ).toEqual(['Rode it out', 'Used', 'Average strength (0 to 10)'])
  })

  it('stacks the bars of a stack, in proportion on a scale from nought', () => {
    const bars = rects(staticChart(urges))
    // Monday: 2 rode out, then 1 used on top; Tuesday nothing; Wednesday 1 rode out.
    expect(bars.map((b) => b.fill)).toEqual(['#009E73', '#D55E00', '#009E73'])
    const [rode, used, wednesday] = bars
    expect(rode?.height).toBeCloseTo(((used?.height ?? 0) * 2) / 1, 0)
    expect(used?.y ?? 0).toBeLessThan(rode?.y ?? 0)
    expect((used?.y ?? 0) + (used?.height ?? 0)).toBeCloseTo(rode?.y ?? 0, 0)
    expect(wednesday?.height).toBeCloseTo(used?.height ?? 0, 0)
    // The scale's top is the tallest stack (3), rounded up to 5.
    expect(staticChart(urges)).toContain('>5</text>')
  })

  it('breaks the line where a row has no value, and labels its own scale', () => {
    const html = staticChart(urges)
    const path = /<path d="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(path.match(/M/g)).toHaveLength(2)
    expect(path).not.toContain('L')
    expect(html.match(/<circle /g)).toHaveLength(2)
    expect(html).toContain('>10</text>')
  })

  it('lays bars across with each name above its bar, shortened to the width and escaped', () => {
    const html = staticChart({
      label: 'Check-ins',
      rows: [{ name: 'Drink no more than <4> units on weekdays, and on Fridays only two', done: 3, not: 1 }],
      category: 'name',
      bars: [
        { key: 'done', name: 'Done', colour: 'green', stack: 'c' },
        { key: 'not', name: 'Not done', colour: 'red', stack: 'c' },
      ],
      across: true,
    })
    const [done, not] = rects(html)
    expect(done?.width).toBeCloseTo((not?.width ?? 0) * 3, 0)
    expect(not?.x).toBeCloseTo((done?.x ?? 0) + (done?.width ?? 0), 0)
    expect(html).toContain('>Drink no more than &lt;4&gt; units on weekdays,…</text>')
    expect(html).not.toContain('<4>')
  })

  it('draws the same spec once', () => {
    expect(staticChart(urges)).toBe(staticChart(urges))
  })
})
