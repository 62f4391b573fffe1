// What changed between two versions of one content document (a module, an exercise, …), for the
// studio's review and versions pages. Pure: two plain JSON values in, a list of changes out.
// Lists whose items carry an `id` (steps, options, exercise parts, columns) are matched by id, so
// a step that moved is reported as moved, not as removed here and added there; every other value
// is compared as a whole, and text that changed is also split into word-level changes.
import { diffArrays, diffWordsWithSpace } from 'diff'

/** One run of words: unchanged, only in the newer text, or only in the older one. */
export type WordPart = { kind: 'same' | 'added' | 'removed'; text: string }

/**
 * One change, at a path such as `title`, `steps[intro]`, `steps[intro].options[yes].label` or
 * `texts[intro.md]`. Items in id-keyed lists are named by id; other list items by position.
 */
export type Change =
  | { kind: 'added'; path: string; after: unknown; index?: number }
  | { kind: 'removed'; path: string; before: unknown; index?: number }
  | { kind: 'moved'; path: string; from: number; to: number }
  | { kind: 'changed'; path: string; before: unknown; after: unknown; words?: WordPart[] }

type Json = unknown

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Items of a list that all have a distinct string id: matched by id rather than by position. */
function idsOf(list: Json[]): string[] | null {
  const ids = list.map((item) => (isObject(item) && typeof item.id === 'string' ? item.id : null))
  if (ids.some((id) => id === null)) return null
  return new Set(ids).size === ids.length ? (ids as string[]) : null
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The words of `after` against `before`: unchanged runs, and what was taken out and put in. */
export function wordDiff(before: string, after: string): WordPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }))
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

function diffList(path: string, before: Json[], after: Json[], out: Change[]): void {
  const beforeIds = idsOf(before)
  const afterIds = idsOf(after)
  if (!beforeIds || !afterIds) {
    if (!same(before, after)) out.push({ kind: 'changed', path, before, after })
    return
  }
  const at = (id: string) => `${path}[${id}]`
  for (const [index, id] of beforeIds.entries())
    if (!afterIds.includes(id)) out.push({ kind: 'removed', path: at(id), before: before[index], index })
  // Among the ids in both, the longest run kept in order stays put; the others moved.
  const common = (ids: string[], other: string[]) => ids.filter((id) => other.includes(id))
  const kept = new Set(
    diffArrays(common(beforeIds, afterIds), common(afterIds, beforeIds))
      .filter((part) => !part.added && !part.removed)
      .flatMap((part) => part.value),
  )
  for (const [index, id] of afterIds.entries()) {
    const from = beforeIds.indexOf(id)
    if (from === -1) {
      out.push({ kind: 'added', path: at(id), after: after[index], index })
      continue
    }
    if (!kept.has(id)) out.push({ kind: 'moved', path: at(id), from, to: index })
    diffValue(at(id), before[from], after[index], out)
  }
}

function diffValue(path: string, before: Json, after: Json, out: Change[]): void {
  if (same(before, after)) return
  if (Array.isArray(before) && Array.isArray(after)) {
    diffList(path, before, after, out)
    return
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    for (const key of keys) {
      const p = join(path, key)
      if (!(key in before) || before[key] === undefined) {
        if (after[key] !== undefined) out.push({ kind: 'added', path: p, after: after[key] })
      } else if (!(key in after) || after[key] === undefined)
        out.push({ kind: 'removed', path: p, before: before[key] })
      else diffValue(p, before[key], after[key], out)
    }
    return
  }
  const words = typeof before === 'string' && typeof after === 'string' ? wordDiff(before, after) : undefined
  out.push({ kind: 'changed', path, before, after, ...(words ? { words } : {}) })
}

/**
 * Every change from `before` to `after`. `before` is null for a new item (one change: the whole
 * document added). Keys are compared in the order they appear, so the list reads top to bottom.
 */
export function diffDocuments(before: Json | null, after: Json): Change[] {
  if (before === null) return [{ kind: 'added', path: '', after }]
  const out: Change[] = []
  diffValue('', before, after, out)
  return out
}

/** The top-level part a change belongs to: `steps[intro]` for anything inside that step. */
export function sectionOf(path: string): string {
  return /^[a-zA-Z]+\[[^\]]+\]/.exec(path)?.[0] ?? path.split('.')[0] ?? ''
}

/** Changes grouped by the step (or other top-level part) they are in, in order of first change. */
export function groupBySection(changes: Change[]): Array<{ section: string; changes: Change[] }> {
  const groups = new Map<string, Change[]>()
  for (const change of changes) {
    const key = sectionOf(change.path)
    groups.set(key, [...(groups.get(key) ?? []), change])
  }
  return [...groups].map(([section, list]) => ({ section, changes: list }))
}

/** "3 steps changed, 1 added, 1 moved" style counts of a diff's steps, for lists of versions. */
export function stepCounts(changes: Change[]): { added: number; removed: number; moved: number; changed: number } {
  const steps = changes.filter((c) => c.path.startsWith('steps['))
  const whole = (c: Change) => /^steps\[[^\]]+\]$/.test(c.path)
  return {
    added: steps.filter((c) => whole(c) && c.kind === 'added').length,
    removed: steps.filter((c) => whole(c) && c.kind === 'removed').length,
    moved: steps.filter((c) => whole(c) && c.kind === 'moved').length,
    changed: new Set(steps.filter((c) => !whole(c)).map((c) => sectionOf(c.path))).size,
  }
}
