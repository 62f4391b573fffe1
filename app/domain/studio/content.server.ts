// The published programme: the base edition (programme/content/, loaded once per process) with
// the service's published versions laid over it (ADR 0019), read from the database on every call
// (no cache in the process: a publish in one process reaches every other at once). A published
// version overrides the base item with its id, or adds a new item.
import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { prepared } from '#db/prepared.ts'
import { STUDIO_KINDS, type StudioKind, studioVersions } from '#db/schema/index.ts'
import {
  type AnyDocument,
  canonicalJson,
  documentHash,
  type Exercise,
  type Instrument,
  loadProgramme,
  type ModuleDefinition,
  type ModuleDocument,
  moduleDefinitionOf,
  moduleDocumentOf,
  type Programme,
  TEXT_KINDS,
  TEXT_SPECS,
  type TextDocumentOf,
  type TextKind,
  type ValidationContext,
  withPublishedWording,
} from '#programme/engine/index.ts'

export { canonicalJson, documentHash }

/** The base edition's document for an item, or null when the base has no such item. */
export function baseDocument(kind: StudioKind, itemId: string): AnyDocument | null {
  const programme = loadProgramme()
  if (isText(kind)) return itemId === kind ? structuredClone(TEXT_SPECS[kind].fromProgramme(programme)) : null
  if (kind === 'module')
    return Object.hasOwn(programme.modules, itemId)
      ? moduleDocumentOf(programme.modules[itemId] as ModuleDefinition)
      : null
  if (kind === 'exercise')
    return Object.hasOwn(programme.exercises, itemId) ? structuredClone(programme.exercises[itemId] as Exercise) : null
  return Object.hasOwn(programme.instruments, itemId)
    ? structuredClone(programme.instruments[itemId] as Instrument)
    : null
}

/** Every item id of a kind in the base edition, in the base's order. */
export function baseIds(kind: StudioKind): string[] {
  const programme = loadProgramme()
  if (isText(kind)) return [kind]
  if (kind === 'module') return Object.keys(programme.modules)
  if (kind === 'exercise') return Object.keys(programme.exercises)
  return Object.keys(programme.instruments)
}

function isText(kind: StudioKind): kind is TextKind {
  return (TEXT_KINDS as readonly string[]).includes(kind)
}

export type PublishedRow = {
  id: string
  kind: StudioKind
  itemId: string
  number: number
  document: Record<string, unknown>
  hash: string
}

/** Placeholders for the kinds asked for: as many as there are kinds, so any call fits. */
const KIND_SLOTS = STUDIO_KINDS.map((_, i) => sql.placeholder(`k${i}`))

/**
 * The published versions query, built and compiled once per connection (ADR 0018: on a page
 * that reads published content several times, building it each time cost more than running it).
 * Kinds not asked for are bound as '' (no kind has that name); `only` likewise.
 */
const publishedQuery = prepared((db) =>
  db
    .select({
      id: studioVersions.id,
      kind: studioVersions.kind,
      itemId: studioVersions.itemId,
      number: studioVersions.number,
      document: studioVersions.document,
      hash: studioVersions.hash,
    })
    .from(studioVersions)
    .where(
      and(
        eq(studioVersions.status, 'published'),
        or(
          inArray(studioVersions.kind, KIND_SLOTS),
          and(
            eq(studioVersions.kind, sql.placeholder('onlyKind')),
            eq(studioVersions.itemId, sql.placeholder('onlyItem')),
          ),
        ),
      ),
    )
    .prepare(),
)

/** The published service versions, of some kinds (and, for one kind, some ids). */
export async function publishedRows(
  kinds: readonly StudioKind[],
  only?: { kind: StudioKind; itemId: string },
): Promise<PublishedRow[]> {
  const params: Record<string, string> = { onlyKind: only?.kind ?? '', onlyItem: only?.itemId ?? '' }
  KIND_SLOTS.forEach((_, i) => {
    params[`k${i}`] = kinds[i] ?? ''
  })
  return (await publishedQuery().all(params)) as PublishedRow[]
}

function overlay<T>(base: Readonly<Record<string, T>>, rows: PublishedRow[], kind: StudioKind): Record<string, T> {
  const out: Record<string, T> = { ...base }
  for (const row of rows) if (row.kind === kind) out[row.itemId] = row.document as T
  return out
}

/** Exercises as published: the base's, with the service's versions over them. */
export async function publishedExercises(): Promise<Record<string, Exercise>> {
  return overlay(loadProgramme().exercises, await publishedRows(['exercise']), 'exercise')
}

/**
 * The base instrument with a published version's texts: its intro and each band's meaning (by
 * band id). Everything else always comes from the base edition, so a later release that corrects
 * an item or a cut-off is never hidden by a service's older version (H-029).
 */
export function withPublishedTexts(base: Instrument, published: Instrument | undefined): Instrument {
  if (!published) return base
  const meanings = new Map(published.bands.map((band) => [band.id, band.meaning]))
  return {
    ...base,
    intro: published.intro,
    bands: base.bands.map((band) => ({ ...band, meaning: meanings.get(band.id) ?? band.meaning })),
  }
}

function instrumentsFrom(rows: PublishedRow[]): Record<string, Instrument> {
  const base = loadProgramme().instruments
  const out: Record<string, Instrument> = { ...base }
  for (const row of rows)
    if (row.kind === 'instrument' && Object.hasOwn(base, row.itemId))
      out[row.itemId] = withPublishedTexts(base[row.itemId] as Instrument, row.document as unknown as Instrument)
  return out
}

/** Instruments as published: the base edition's, with the service's intro and band meanings. */
export async function publishedInstruments(): Promise<Record<string, Instrument>> {
  return instrumentsFrom(await publishedRows(['instrument']))
}

/**
 * The definition a new start of this module gets: the published service version if there is
 * one, else the base edition's; either way with the published exercises it uses. With nothing
 * published that touches it, it is the base definition itself, so pins do not change.
 */
export async function publishedModule(moduleId: string): Promise<ModuleDefinition | undefined> {
  const rows = await publishedRows(['exercise'], { kind: 'module', itemId: moduleId })
  return moduleFrom(moduleId, rows)
}

function moduleFrom(moduleId: string, rows: PublishedRow[]): ModuleDefinition | undefined {
  const programme = loadProgramme()
  const own = rows.find((row) => row.kind === 'module' && row.itemId === moduleId)
  const base = Object.hasOwn(programme.modules, moduleId) ? programme.modules[moduleId] : undefined
  const exerciseRows = rows.filter((row) => row.kind === 'exercise')
  if (!own) {
    if (!base) return undefined
    if (!Object.keys(base.exercises).some((id) => exerciseRows.some((row) => row.itemId === id))) return base
    return moduleDefinitionOf(moduleDocumentOf(base), overlay(programme.exercises, exerciseRows, 'exercise'))
  }
  return moduleDefinitionOf(own.document as ModuleDocument, overlay(programme.exercises, exerciseRows, 'exercise'))
}

/** Every module as published, base order first, then the service's new modules by id. */
export async function publishedModules(): Promise<Record<string, ModuleDefinition>> {
  const rows = await publishedRows(['module', 'exercise'])
  const ids = [
    ...baseIds('module'),
    ...rows
      .filter((row) => row.kind === 'module' && !baseIds('module').includes(row.itemId))
      .map((row) => row.itemId)
      .sort(),
  ]
  const out: Record<string, ModuleDefinition> = {}
  for (const id of ids) {
    const def = moduleFrom(id, rows)
    if (def) out[id] = def
  }
  return out
}

export type PublishedDocument = {
  document: AnyDocument
  /** base: the shipped edition; service: a published service version. */
  layer: 'base' | 'service'
  versionId: string | null
  number: number | null
  hash: string
}

/** The document clients get for an item now, or null when it is neither in the base nor published. */
export async function publishedDocument(kind: StudioKind, itemId: string): Promise<PublishedDocument | null> {
  const [row] = await publishedRows([], { kind, itemId })
  if (isText(kind)) {
    const base = baseDocument(kind, itemId) as TextDocumentOf<typeof kind> | null
    if (!base) return null
    const document = withPublishedWording(kind, base, row?.document)
    return row
      ? { document, layer: 'service', versionId: row.id, number: row.number, hash: documentHash(document) }
      : { document, layer: 'base', versionId: null, number: null, hash: documentHash(document) }
  }
  const baseInstrument = kind === 'instrument' ? (baseDocument(kind, itemId) as Instrument | null) : null
  if (row && baseInstrument) {
    // Always the base's items and cut-offs, with the service's texts (see withPublishedTexts).
    const document = withPublishedTexts(baseInstrument, row.document as unknown as Instrument)
    return { document, layer: 'service', versionId: row.id, number: row.number, hash: documentHash(document) }
  }
  if (row)
    return {
      document: row.document as AnyDocument,
      layer: 'service',
      versionId: row.id,
      number: row.number,
      hash: row.hash,
    }
  const base = baseDocument(kind, itemId)
  return base ? { document: base, layer: 'base', versionId: null, number: null, hash: documentHash(base) } : null
}

/**
 * What a draft is validated against: the published instruments and exercises, and for an
 * instrument the base one, whose items, scores and cut-offs it must keep (H-029).
 */
export async function validationContext(kind: StudioKind, itemId: string): Promise<ValidationContext> {
  const rows = await publishedRows(['exercise', 'instrument'])
  const programme = loadProgramme()
  const lockedInstrument =
    kind === 'instrument' && Object.hasOwn(programme.instruments, itemId) ? programme.instruments[itemId] : undefined
  const baseText = isText(kind) && itemId === kind ? TEXT_SPECS[kind].fromProgramme(programme) : undefined
  return {
    instruments: instrumentsFrom(rows),
    exercises: overlay(programme.exercises, rows, 'exercise'),
    ...(lockedInstrument ? { lockedInstrument } : {}),
    ...(baseText ? { baseText } : {}),
  }
}

/**
 * One of the programme's lists and texts (the life areas' words, the tracking pick lists, the
 * self-harm phrases, the help page's texts) as the service publishes it: the base edition's, with
 * the published wording and the service's own entries (withPublishedWording). With nothing
 * published it is the base edition's own object.
 */
export async function publishedText<K extends TextKind>(kind: K): Promise<TextDocumentOf<K>> {
  const [row] = await publishedRows([], { kind, itemId: kind })
  return withPublishedWording(kind, TEXT_SPECS[kind].fromProgramme(loadProgramme()) as TextDocumentOf<K>, row?.document)
}

/** The programme with the service's published life-area words (for the engine's area profile). */
export async function programmeWithPublishedAreas(): Promise<Programme> {
  return { ...loadProgramme(), lifeAreas: await publishedText('life-areas') }
}

/**
 * A first document for a new item: a module with a read step and a summary (and their Markdown),
 * or an exercise with one field. It has no sources yet, so the checks ask for them.
 */
export function newDocument(kind: 'module' | 'exercise', itemId: string, title: string): Record<string, unknown> {
  if (kind === 'exercise')
    return {
      id: itemId,
      version: '1',
      title,
      intro: 'Say in one or two short sentences what this is and how to do it.',
      sources: [],
      parts: [{ id: 'answer', kind: 'long', label: 'Your answer', required: false }],
    }
  return {
    id: itemId,
    version: '1',
    title,
    summary: 'Say in one or two short sentences what this module is about.',
    areas: ['behaviours'],
    minutes: 10,
    sources: [],
    notices: [],
    steps: [
      { id: 'intro', type: 'read', title: 'Before you start', file: 'intro.md', optional: false },
      { id: 'summary', type: 'summary', title: 'Well done', file: 'summary.md', optional: false },
    ],
    texts: { 'intro.md': 'Write what the client reads first here.\n', 'summary.md': 'Write what comes next here.\n' },
  }
}
