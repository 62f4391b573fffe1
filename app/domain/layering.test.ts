// The house rules of DESIGN.md and ADR 0015, checked on every import: routes import domains,
// domains import db/ and programme/ (and infrastructure in app/utils and app/http), programme/
// imports neither app/ nor db/, no domain imports a component or a route, db/ imports no app
// code, infrastructure imports no domain, and there is no import cycle in app/, db/ or programme/.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const ALIASES: Record<string, string> = {
  '#app/': 'app/',
  '#db/': 'db/',
  '#programme/': 'programme/',
  '#tests/': 'tests/',
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/**
 * The repo-relative files a file imports at run time (its own code only; packages are left out).
 * `import type` is left out too: it is erased by the compiler, so a component may name the
 * shape of a loader's data without depending on server code.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/import\s+type\s+[^;]*?from\s*['"][^'"\n]+['"]/g, '')
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"\n]+)['"]/g)].map((m) => m[1] ?? '')
  return specs.flatMap((spec) => {
    for (const [alias, path] of Object.entries(ALIASES))
      if (spec.startsWith(alias)) return [path + spec.slice(alias.length)]
    if (spec.startsWith('.')) return [normalize(join(dirname(file), spec))]
    return []
  })
}

const files = ['app', 'db', 'programme'].flatMap(sourceFiles)
const graph = new Map(files.map((file) => [file, importsOf(file)]))

function offenders(from: RegExp, to: RegExp): string[] {
  return files
    .filter((file) => from.test(file))
    .flatMap((file) =>
      (graph.get(file) ?? []).filter((target) => to.test(target)).map((target) => `${file} → ${target}`),
    )
}

describe('layering', () => {
  it('finds the code', () => {
    expect(files.filter((file) => file.startsWith('app/domain/')).length).toBeGreaterThan(40)
  })

  it('programme/ imports neither app/ nor db/', () => {
    expect(offenders(/^programme\//, /^(app|db)\//)).toEqual([])
  })

  it('db/ imports no app code', () => {
    expect(offenders(/^db\//, /^app\//)).toEqual([])
  })

  it('domains import no component and no route', () => {
    expect(offenders(/^app\/domain\//, /^app\/(components|routes)\//)).toEqual([])
  })

  it('infrastructure (app/utils, app/http) imports no domain, component or route', () => {
    expect(offenders(/^app\/(utils|http)\//, /^app\/(domain|components|routes)\//)).toEqual([])
  })

  it('components import no domain server code and no route', () => {
    expect(offenders(/^app\/components\//, /^app\/routes\/|^app\/domain\/.*\.server\.tsx?$/)).toEqual([])
  })

  it('routes reach the database only through a domain', () => {
    expect(offenders(/^app\/routes\//, /^db\/(client|prepared|schema)/)).toEqual([])
  })

  it('has no import cycle', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative('', f)).join(' → '))
        return
      }
      state.set(file, 'open')
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...path, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(cycles).toEqual([])
  })
})
