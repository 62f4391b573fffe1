// No process-local caches of domain data (DESIGN.md, ADR 0015): any number of server processes
// may serve any request, so nothing a request reads may be kept in one process's memory. This
// fails on a module-level `new Map(`, `new Set(`, `new WeakMap(`, `new WeakSet(` or `let` in app/
// or db/, unless it is listed below with the reason it holds no domain data.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** `file: name` → why it is not a cache of domain data. */
const ALLOWED: Record<string, string> = {
  // Infrastructure: one per process by nature, holding no one's data.
  'db/client.ts: current': 'the database connection',
  'app/utils/clock.server.ts: pinned': "the tests' clock pin",
  'app/utils/env.server.ts: cached': 'the environment, parsed once at start',
  'app/domain/accounts/session.server.ts: cookie': 'the session cookie settings, made from the environment',
  'app/domain/accounts/passphrase.server.ts: dummyHash': 'a hash of no one’s passphrase, to time refusals alike',
  'app/utils/rate-limit.server.ts: limiters': 'the limit settings; the counts are in the database',
  // A queue, not a cache: the access-log rows of views waiting for the next group commit, written
  // within one turn of the event loop.
  'app/domain/sharing/access-log.server.ts: pending': 'the group commit queue',
  // Content, loaded from files (or derived from them), never domain data.
  'app/domain/tracking/forms.server.ts: cached': "the tracking forms' schemas, built from content",
  'app/domain/assessment/sitting.server.ts: pagesCache': 'assessment pages per content version and substances',
  'app/domain/modules/view.server.ts: html': "module Markdown rendered, keyed by the content's text",
  'app/domain/accounts/guards.server.ts: usersOfRequests':
    'who is signed in, per Request object (root and page loaders share it); gone with the request',
  'app/utils/pdf-fonts.server.ts: loaded': 'font files from packages, read on the first PDF',
  'app/domain/tracking/view.server.ts: formats': 'date formatters by time zone, no one’s data',
  // Constant lookups written in the code.
  'app/domain/assessment/sitting.server.ts: INTERRUPTING_RULES': 'a constant list of rules',
  'app/domain/caseload/list.server.ts: LOWER_IS_BETTER': 'a constant list of instruments',
  'app/domain/accounts/common-passphrases.ts: COMMON_PASSPHRASES': 'a constant word list',
  'app/http/form-body.server.ts: SAFE_METHODS': 'a constant list of methods',
  'app/http/form-body.server.ts: RESERVED_NAMES': 'a constant list of field names',
  'app/http/same-origin.server.ts: SAFE_METHODS': 'a constant list of methods',
  'app/routes/modules.$moduleId._index.tsx: STEP_INTENTS': 'a constant list of intents',
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Module-level declarations (at the start of a line, so not inside a function) that can hold data. */
const HOLDER =
  /^(?:export\s+)?(?:(?:const|var)\s+([\w$]+)\s*(?::[^=\n]+)?=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b|let\s+([\w$]+))/gm

function holders(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    sourceFiles(dir).flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(HOLDER)].map((m) => `${file}: ${m[1] ?? m[2]}`),
    ),
  )
}

describe('process-local state', () => {
  it('is only what the allowlist names: no module-level Map, Set, WeakMap or let of domain data', () => {
    expect(holders(['app', 'db']).filter((found) => !(found in ALLOWED))).toEqual([])
  })

  it('lists nothing that is no longer there', () => {
    const found = new Set(holders(['app', 'db']))
    expect(Object.keys(ALLOWED).filter((name) => !found.has(name))).toEqual([])
  })

  it('finds one, so the check can fail', () => {
    expect(
      [
        ...'const memo = new Map<string, number>()\nexport let last: string | undefined\n  const inner = new Map()'.matchAll(
          HOLDER,
        ),
      ].map((m) => m[1] ?? m[2]),
    ).toEqual(['memo', 'last'])
  })
})
