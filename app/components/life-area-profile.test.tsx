// The six-area map never rests on colour alone (issue 16 item 2): every level a life area can
// have has a word (its band's label, from content) and a pattern of its own, and each tile shows
// both, with a key naming every pattern.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { loadProgramme } from '#programme/engine/index.ts'
import { AREA_PATTERNS, LifeAreaProfile } from './life-area-profile.tsx'

const { lifeAreas } = loadProgramme()
const bands = lifeAreas.bands.map((b) => ({ label: b.label, level: b.level }))

describe('the life-area map', () => {
  it('gives every area level a word and a pattern, each level a different one', () => {
    for (const band of lifeAreas.bands) {
      expect(band.label.trim()).not.toBe('')
      expect(AREA_PATTERNS[band.level]?.pattern).toBeTruthy()
      expect(AREA_PATTERNS[band.level]?.described).toBeTruthy()
    }
    const patterns = lifeAreas.bands.map((b) => AREA_PATTERNS[b.level].pattern)
    expect(new Set(patterns).size).toBe(lifeAreas.bands.length)
    expect(new Set(lifeAreas.bands.map((b) => b.label)).size).toBe(lifeAreas.bands.length)
  })

  it('draws each tile with its name, level word, score and its level pattern, and a key of every level', () => {
    const areas = lifeAreas.bands.map((band, i) => ({
      area: lifeAreas.areas[i]?.id ?? `area-${i}`,
      name: lifeAreas.areas[i]?.name ?? `Area ${i}`,
      score: band.min,
      band,
    }))
    const html = renderToStaticMarkup(<LifeAreaProfile areas={areas} bands={bands} />)
    const tiles = [...html.matchAll(/<li class="area-tile[^"]*">(.*?)<\/li>/gs)].map((m) => m[1] ?? '')
    expect(tiles).toHaveLength(areas.length)
    areas.forEach((area, i) => {
      const tile = tiles[i] ?? ''
      expect(tile).toContain(`>${area.name}<`)
      expect(tile).toContain(`>${area.band.label}<`)
      expect(tile).toContain(`>${area.score} out of 100<`)
      expect(tile).toContain(`url(#area-pattern-${AREA_PATTERNS[area.band.level].pattern})`)
    })
    // Every pattern a tile uses is defined on the page.
    for (const band of lifeAreas.bands) expect(html).toContain(`id="area-pattern-${AREA_PATTERNS[band.level].pattern}"`)
    const key = html.match(/<ul class="area-key"[^>]*>(.*?)<\/ul>/s)?.[1] ?? ''
    for (const band of lifeAreas.bands)
      expect(key.replace(/<[^>]+>/g, '')).toContain(`${band.label} (${AREA_PATTERNS[band.level].described})`)
    // The table says the same in words.
    expect(html).toContain('<caption>Your life areas</caption>')
  })
})
