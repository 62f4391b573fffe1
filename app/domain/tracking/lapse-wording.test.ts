// A lapse is not a reset (issue 15 §5; hazard H-041): no page or content file tells a client
// they are "back to zero" or have lost their progress. Scans every string the app and the
// programme content can show (test files left out: they hold the pattern itself).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../..')

/** Wording that treats a lapse as wiping out progress. */
const RESET_WORDING =
  /back to (zero|0|square one|day (0|zero|one))|(start|starting) (all )?(over|again) from (zero|scratch|the beginning)|reset(s)? (your|the|their) (count|progress|streak|run)|lost (all )?(your|their) progress|(streak|run) (is )?(broken|lost)/i

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return files(path, pattern)
    return pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('lapse wording', () => {
  it('the pattern catches what it is for', () => {
    for (const bad of ['You are back to zero.', 'Back to day 0', 'That resets your streak', 'Your run is broken'])
      expect(bad).toMatch(RESET_WORDING)
    expect('A lapse does not undo your progress.').not.toMatch(RESET_WORDING)
  })

  it('no app string or content file says a lapse puts the client back to zero', () => {
    const scanned = [
      ...files(join(ROOT, 'app'), /\.(ts|tsx)$/),
      ...files(join(ROOT, 'programme/content'), /\.(ya?ml|md)$/),
    ]
    expect(scanned.length).toBeGreaterThan(50)
    const found = scanned.flatMap(
      (path) =>
        readFileSync(path, 'utf8')
          .replace(/\s+/g, ' ')
          .match(new RegExp(RESET_WORDING, 'gi'))
          ?.map((words) => `${relative(ROOT, path)}: ${words}`) ?? [],
    )
    expect(found).toEqual([])
  })
})
