// The programme's lists and texts a service may change in the clinician studio (issue 14): the
// words of the six life areas, the tracking pick lists, the self-harm phrase list and the help
// page's tips. Each is one document (its item id is its kind). What may change is declared here
// field by field; everything else stays as in the base edition: ids, order, need bands' ranges,
// which bands recommend modules, units, drink servings, sources. Nothing of the base can be
// removed (ids are stored with clients' entries; a base self-harm phrase is a safety control,
// H-047), but a service may add its own pick-list entries, phrases and help tips, and remove
// those again. Norms are not here: they are clinical numbers with citations, and the studio never
// changes a clinical number. Pure: no web, no database.
import type { z } from 'zod'
import { type Help, HelpSchema } from '../schema/help.schema.ts'
import { type LifeAreas, LifeAreasSchema } from '../schema/life-areas.schema.ts'
import { type SelfHarmPhrases, SelfHarmPhrasesSchema } from '../schema/self-harm-phrases.schema.ts'
import { type Tracking, TrackingSchema } from '../schema/tracking.schema.ts'
import { canonicalJson } from './canonical-json.ts'
import type { Programme } from './programme.ts'

export const TEXT_KINDS = ['life-areas', 'pick-lists', 'safety-phrases', 'help'] as const
export type TextKind = (typeof TEXT_KINDS)[number]
export type TextDocumentOf<K extends TextKind> = K extends 'life-areas'
  ? LifeAreas
  : K extends 'pick-lists'
    ? Tracking
    : K extends 'safety-phrases'
      ? SelfHarmPhrases
      : Help
export type AnyTextDocument = LifeAreas | Tracking | SelfHarmPhrases | Help

export function isTextKind(kind: string): kind is TextKind {
  return (TEXT_KINDS as readonly string[]).includes(kind)
}

/** A text a service may reword: where it is, what the editor calls it, and the group it sits in. */
export type TextField = { at: Array<string | number>; label: string; long: boolean; group: string }

/** A list a service may add its own entries to (and remove them from again). */
export type AddableList = {
  key: 'triggers' | 'copingStrategies' | 'feelings' | 'phrases' | 'tips'
  label: string
  /** choice: { id, label }; tip: { id, title, text }; phrase: a string. */
  shape: 'choice' | 'tip' | 'phrase'
}

type Spec = {
  title: string
  /** The content file the base edition comes from. */
  file: string
  schema: z.ZodType<unknown>
  fields(doc: Record<string, unknown>): TextField[]
  lists: AddableList[]
  fromProgramme(programme: Programme): AnyTextDocument
}

type Entry = Record<string, unknown>
const entries = (doc: Record<string, unknown>, key: string): Entry[] =>
  Array.isArray(doc[key]) ? (doc[key] as unknown[]).filter((e): e is Entry => typeof e === 'object' && e !== null) : []
const name = (entry: Entry, fallback: string) =>
  typeof entry.name === 'string' ? entry.name : typeof entry.label === 'string' ? entry.label : fallback

function choiceFields(doc: Record<string, unknown>, key: string, group: string): TextField[] {
  return entries(doc, key).map((entry, index) => ({
    at: [key, index, 'label'],
    label: `Entry ${index + 1}`,
    long: false,
    group,
  }))
}

export const TEXT_SPECS: Record<TextKind, Spec> = {
  'life-areas': {
    title: 'The six life areas: names, descriptions and need bands',
    file: 'life-areas.yaml',
    schema: LifeAreasSchema,
    fields: (doc) => [
      ...entries(doc, 'areas').flatMap((area, i) => {
        const group = name(area, `Area ${i + 1}`)
        return [
          { at: ['areas', i, 'name'], label: 'Name', long: false, group },
          { at: ['areas', i, 'description'], label: 'What it covers', long: true, group },
          {
            at: ['areas', i, 'needs'],
            label: 'Reason shown with a suggested module ({score} is the score)',
            long: true,
            group,
          },
        ]
      }),
      ...entries(doc, 'bands').flatMap((band, i) => {
        const group = `Need band ${String(band.min)}–${String(band.max)}`
        return [
          { at: ['bands', i, 'label'], label: 'Label', long: false, group },
          { at: ['bands', i, 'meaning'], label: 'What it means', long: true, group },
        ]
      }),
    ],
    lists: [],
    fromProgramme: (programme) => programme.lifeAreas,
  },
  'pick-lists': {
    title: 'Tracking pick lists: triggers, coping and feelings',
    file: 'tracking.yaml',
    schema: TrackingSchema,
    fields: (doc) => [
      ...choiceFields(doc, 'triggers', 'Triggers'),
      ...choiceFields(doc, 'copingStrategies', 'Coping strategies'),
      ...choiceFields(doc, 'feelings', 'Feelings'),
    ],
    lists: [
      { key: 'triggers', label: 'Triggers', shape: 'choice' },
      { key: 'copingStrategies', label: 'Coping strategies', shape: 'choice' },
      { key: 'feelings', label: 'Feelings', shape: 'choice' },
    ],
    fromProgramme: (programme) => programme.tracking,
  },
  'safety-phrases': {
    title: 'Self-harm phrases in free text',
    file: 'safety/self-harm-phrases.yaml',
    schema: SelfHarmPhrasesSchema,
    fields: () => [],
    lists: [{ key: 'phrases', label: 'Phrases', shape: 'phrase' }],
    fromProgramme: (programme) => programme.selfHarmPhrases,
  },
  help: {
    title: 'Help page: tips and the service’s note',
    file: 'help.yaml',
    schema: HelpSchema,
    fields: (doc) => [
      ...entries(doc, 'tips').flatMap((tip, i) => {
        const group = `Tip: ${typeof tip.title === 'string' ? tip.title : i + 1}`
        return [
          { at: ['tips', i, 'title'], label: 'Title', long: false, group },
          { at: ['tips', i, 'text'], label: 'Text', long: true, group },
        ]
      }),
      { at: ['serviceNote'], label: 'A note about your service (may be empty)', long: true, group: 'Your service' },
    ],
    lists: [{ key: 'tips', label: 'Tips', shape: 'tip' }],
    fromProgramme: (programme) => programme.help,
  },
}

/** What identifies an entry of an addable list: its id, or the phrase itself. */
export function entryKey(entry: unknown): string {
  if (typeof entry === 'string') return `phrase:${entry}`
  const id = (entry as { id?: unknown } | null)?.id
  return typeof id === 'string' ? `id:${id}` : `other:${canonicalJson(entry)}`
}

export function getAt(doc: unknown, at: ReadonlyArray<string | number>): unknown {
  let node = doc
  for (const key of at) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}

function setAt(doc: unknown, at: ReadonlyArray<string | number>, value: unknown): void {
  const parent = getAt(doc, at.slice(0, -1))
  if (parent && typeof parent === 'object') (parent as Record<string | number, unknown>)[at.at(-1) as string] = value
}

/** A lock-check finding: where, and what cannot change. */
export type LockedDifference = { at: Array<string | number>; message: string }

/**
 * How a draft differs from the base edition where it may not: a base entry of an addable list
 * removed or moved, or anything but the declared texts changed. Empty when the draft only
 * rewords, and adds to the lists that take additions.
 */
export function lockedDifferences(kind: TextKind, draft: Record<string, unknown>, base: Record<string, unknown>) {
  const spec = TEXT_SPECS[kind]
  const out: LockedDifference[] = []
  const a = structuredClone(draft)
  const b = structuredClone(base)
  for (const list of spec.lists) {
    const mine = Array.isArray(a[list.key]) ? (a[list.key] as unknown[]) : []
    const theirs = Array.isArray(b[list.key]) ? (b[list.key] as unknown[]) : []
    theirs.forEach((entry, index) => {
      if (index >= mine.length || entryKey(mine[index]) !== entryKey(entry))
        out.push({
          at: [list.key],
          message: `${list.label}: ${describe(entry)} comes with Foothold and cannot be removed or moved (you can reword it${list.shape === 'phrase' ? '; phrases cannot be reworded' : ''})`,
        })
    })
    if (Array.isArray(a[list.key])) a[list.key] = mine.slice(0, theirs.length)
  }
  if (out.length > 0) return out
  for (const field of spec.fields(base)) {
    setAt(a, field.at, '')
    setAt(b, field.at, '')
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (canonicalJson(a[key]) !== canonicalJson(b[key]))
      out.push({
        at: [key],
        message: `${key} cannot change here: only the wording of ${wordingOf(kind)} can`,
      })
  return out
}

function describe(entry: unknown): string {
  if (typeof entry === 'string') return `"${entry}"`
  const e = entry as { label?: unknown; title?: unknown; id?: unknown }
  return `"${String(e.label ?? e.title ?? e.id)}"`
}

function wordingOf(kind: TextKind): string {
  if (kind === 'life-areas') return 'each area (name, description, reason) and each band (label, meaning)'
  if (kind === 'pick-lists') return 'the entries of the three pick lists (and you can add your own)'
  if (kind === 'safety-phrases') return 'the list: you can add phrases'
  return 'the tips and the note (and you can add tips)'
}

/**
 * The document clients get: the base edition's, with the published version's wording of each
 * declared text (entries matched by id) and the service's own added entries at the end of each
 * list. Everything else always comes from the base, so a later Foothold release that changes an
 * id, a band or a unit is never hidden by an older service version.
 */
export function withPublishedWording<K extends TextKind>(
  kind: K,
  base: TextDocumentOf<K>,
  published: unknown,
): TextDocumentOf<K> {
  if (!published || typeof published !== 'object') return base
  const spec = TEXT_SPECS[kind]
  const out = structuredClone(base) as Record<string, unknown>
  const pub = published as Record<string, unknown>
  for (const field of spec.fields(out)) {
    const value = getAt(pub, matchedPath(out, pub, field.at))
    if (typeof value === 'string') setAt(out, field.at, value)
  }
  for (const list of spec.lists) {
    const baseList = Array.isArray(out[list.key]) ? (out[list.key] as unknown[]) : []
    const keys = new Set(baseList.map(entryKey))
    const extra = (Array.isArray(pub[list.key]) ? (pub[list.key] as unknown[]) : []).filter(
      (entry) => !keys.has(entryKey(entry)) && (list.shape === 'phrase' ? typeof entry === 'string' : true),
    )
    out[list.key] = [...baseList, ...extra]
  }
  const checked = spec.schema.safeParse(out)
  return (checked.success ? checked.data : base) as TextDocumentOf<K>
}

/** `at` in the base, with each list position replaced by the position of the entry with that id. */
function matchedPath(base: unknown, other: unknown, at: ReadonlyArray<string | number>): Array<string | number> {
  const path: Array<string | number> = []
  let b = base
  let o = other
  for (const key of at) {
    let step: string | number = key
    if (typeof key === 'number' && Array.isArray(b) && Array.isArray(o)) {
      const id = (b[key] as { id?: unknown } | undefined)?.id
      const found = typeof id === 'string' ? o.findIndex((e) => (e as { id?: unknown } | null)?.id === id) : key
      step = found === -1 ? o.length : found
    }
    path.push(step)
    b = getAt(b, [key])
    o = getAt(o, [step])
  }
  return path
}
