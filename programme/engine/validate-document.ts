// The one validator of a single content document in the context of the programme (issue 14,
// ADR 0019). `npm run content:check` (through load-modules.ts and checks.ts) and the clinician
// studio both call it, so a draft is held to exactly the rules the shipped content is:
// zod schemas, references (steps, exercises, assessment items), every path walked with
// xstate/graph, reading age (a warning), sources, the safety notices a module needs, no raw HTML
// or links to other websites in Markdown, and for instruments: nothing but the intro and the
// plain meaning of each band may differ from the published instrument (H-029).
// Each issue names its rule, a message, where in the document (ids, not positions, where an
// element has one) and, when the document came from YAML, the line.
import { isMap, isSeq, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml'
import type { z } from 'zod'
import { type Exercise, ExerciseSchema } from '../schema/exercise.schema.ts'
import { type Instrument, InstrumentSchema } from '../schema/instrument.schema.ts'
import { type Condition, type Module, ModuleSchema, type NoticeId } from '../schema/module.schema.ts'
import { checkInstrument, type Issues } from './checks.ts'
import { leaves } from './modules/conditions.ts'
import { type ModuleDefinition, targetsOf } from './modules/definition.ts'
import { checkPaths } from './modules/paths.ts'
import { READING_AGE_LIMIT, readingAge } from './readability.ts'
import {
  type AnyTextDocument,
  isTextKind,
  lockedDifferences as lockedTextDifferences,
  TEXT_KINDS,
  TEXT_SPECS,
  type TextDocumentOf,
  type TextKind,
} from './text-documents.ts'
import { checkTrackingLists } from './tracking/load-tracking.ts'
import { describePath } from './yaml.ts'

export const DOCUMENT_KINDS = ['module', 'exercise', 'instrument', ...TEXT_KINDS] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** A module as one document: module.yaml's fields plus its Markdown files by name. */
export type ModuleDocument = Module & { texts: Record<string, string> }
export type ExerciseDocument = Exercise
export type InstrumentDocument = Instrument
export type DocumentOf<K extends DocumentKind> = K extends 'module'
  ? ModuleDocument
  : K extends 'exercise'
    ? ExerciseDocument
    : K extends TextKind
      ? TextDocumentOf<K>
      : InstrumentDocument
export type AnyDocument = ModuleDocument | ExerciseDocument | InstrumentDocument | AnyTextDocument

export const ISSUE_RULES = [
  /** The YAML itself does not parse. */
  'yaml',
  /** The zod schema refuses a field. */
  'schema',
  /** A source list is missing or empty. */
  'sources',
  /** A step, option, exercise, instrument or item named does not exist, or is of the wrong type. */
  'reference',
  /** Duplicate ids. */
  'duplicate',
  /** A step no answers reach, a route that never ends, a step leading to itself, too many paths. */
  'path',
  /** A Markdown file a step names is missing, or one no step uses (a warning). */
  'text',
  /** Above the reading age Foothold writes for (a warning). */
  'reading-age',
  /** A safety notice the module's content calls for is not declared. */
  'safety-notice',
  'raw-html',
  'outside-link',
  /** An instrument's items, scores, cut-offs, scoring or source differ from the published one. */
  'instrument-locked',
  /** A list or text of the programme changes more than its wording, or loses an entry it ships with. */
  'text-locked',
] as const
export type IssueRule = (typeof ISSUE_RULES)[number]

export type DocumentIssue = {
  rule: IssueRule
  severity: 'error' | 'warning'
  message: string
  /** Where in the document, elements named by id where they have one: "steps[intro].title". */
  path: string
  /** The raw path (keys and positions), for finding the field in a form. */
  at: Array<string | number>
  /** 1-based line in the YAML source, when the document was given as YAML. */
  line?: number
}

export type DocumentReport<K extends DocumentKind = DocumentKind> = {
  /** The parsed document (defaults applied) when the schema accepted it, even with other errors. */
  document: DocumentOf<K> | null
  issues: DocumentIssue[]
  /** No issue of severity error. */
  ok: boolean
}

/** What a document is checked against: the rest of the programme as it stands. */
export type ValidationContext = {
  instruments: Readonly<Record<string, Instrument>>
  exercises: Readonly<Record<string, Exercise>>
  /** For an instrument: the published one it must match everywhere but its texts. */
  lockedInstrument?: Instrument
  /** For the programme's lists and texts (text-documents.ts): the base edition's document. */
  baseText?: AnyTextDocument
}

const FILE_NAME = /^[a-z0-9-]+\.md$/
/** Words that mean a text is about opioids, so its module must carry the overdose notice. */
const OPIOID_WORDS = /\b(opioids?|opiates?|heroin|methadone|buprenorphine|fentanyl|naloxone)\b/i
const OUTSIDE_LINK = /\]\(\s*(https?:)?\/\/|<https?:\/\/|(^|\s)https?:\/\/|(^|\s)www\./i
const RAW_HTML = /<[a-z!/][^>]*>/i

/** The path to an element found by id (a step, an option), as raw keys and positions. */
function idPath(list: ReadonlyArray<{ id: string }>, prefix: Array<string | number>, id: string) {
  const index = list.findIndex((element) => element.id === id)
  return index === -1 ? prefix : [...prefix, index]
}

type Collector = {
  issues: DocumentIssue[]
  add(rule: IssueRule, at: Array<string | number>, message: string, severity?: 'error' | 'warning'): void
  errors(): number
}

function collector(data: unknown): Collector {
  const issues: DocumentIssue[] = []
  return {
    issues,
    add(rule, at, message, severity = 'error') {
      issues.push({ rule, severity, message, at, path: describePath(data, at) })
    },
    errors: () => issues.filter((issue) => issue.severity === 'error').length,
  }
}

function schemaIssues<T>(schema: z.ZodType<T>, data: unknown, c: Collector): T | null {
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) {
    const at = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
    c.add(at[0] === 'sources' ? 'sources' : 'schema', at, issue.message)
  }
  return null
}

function warnReadingAge(c: Collector, at: Array<string | number>, what: string, text: string): void {
  const age = readingAge(text)
  if (age !== null && age > READING_AGE_LIMIT)
    c.add(
      'reading-age',
      at,
      `${what} has a reading age of about ${age} (aim for ${READING_AGE_LIMIT} or under)`,
      'warning',
    )
}

function duplicates<T>(values: readonly T[]): T[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))]
}

// ——— modules ———

function checkCondition(
  condition: Condition,
  at: Array<string | number>,
  where: string,
  mod: Module,
  ctx: ValidationContext,
  c: Collector,
): void {
  const report = (message: string) => c.add('reference', at, `${where}: ${message}`)
  for (const leaf of leaves(condition)) {
    if ('score' in leaf) {
      const instrument = ctx.instruments[leaf.score]
      if (!instrument) report(`unknown instrument ${leaf.score}`)
      else if (instrument.scoring.method === 'none') report(`${leaf.score} has no total to compare`)
    } else if ('item' in leaf) {
      if (!Object.values(ctx.instruments).some((i) => i.items.some((item) => item.id === leaf.item)))
        report(`unknown assessment item ${leaf.item}`)
    } else if ('answer' in leaf) {
      const step = mod.steps.find((s) => s.id === leaf.answer)
      if (!step) report(`unknown step ${leaf.answer}`)
      else if ('is' in leaf) {
        if (step.type !== 'choice') report(`step ${leaf.answer} is not a choice`)
        else if (!step.options.some((o) => o.id === leaf.is)) report(`${leaf.answer} has no option ${leaf.is}`)
      } else if (step.type !== 'rating') report(`step ${leaf.answer} is not a rating`)
    }
  }
}

function checkModuleReferences(mod: Module, ctx: ValidationContext, c: Collector): void {
  const ids = mod.steps.map((s) => s.id)
  for (const id of duplicates(ids)) c.add('duplicate', idPath(mod.steps, ['steps'], id), `duplicate step id ${id}`)
  if (mod.steps.at(-1)?.type !== 'summary')
    c.add('path', ['steps', mod.steps.length - 1], 'the last step must be a summary')
  mod.steps.forEach((step, index) => {
    const where = `steps[${step.id}]`
    const at = ['steps', index]
    if (step.when) checkCondition(step.when, [...at, 'when'], `${where}.when`, mod, ctx, c)
    if (step.type === 'summary' && (step.goto || step.next))
      c.add('path', at, `${where}: a summary ends the module; no goto or next`)
    for (const [g, go] of (step.goto ?? []).entries()) {
      checkCondition(go.if, [...at, 'goto', g, 'if'], `${where}.goto`, mod, ctx, c)
      if (go.step === step.id) c.add('path', [...at, 'goto', g], `${where}: goto cannot lead to the same step`)
      if (!ids.includes(go.step)) c.add('reference', [...at, 'goto', g, 'step'], `${where}: unknown step ${go.step}`)
    }
    if (step.next && !ids.includes(step.next))
      c.add('reference', [...at, 'next'], `${where}: unknown step ${step.next}`)
    if (step.type === 'choice') {
      for (const id of duplicates(step.options.map((o) => o.id)))
        c.add('duplicate', idPath(step.options, [...at, 'options'], id), `${where}: duplicate option ids`)
      step.options.forEach((o, i) => {
        if (o.goto && step.multiple)
          c.add('path', [...at, 'options', i, 'goto'], `${where}: options of a multiple choice cannot have goto`)
        if (o.goto && !ids.includes(o.goto))
          c.add('reference', [...at, 'options', i, 'goto'], `${where}.options[${o.id}]: unknown step ${o.goto}`)
      })
    }
    if (step.type === 'exercise' && !Object.hasOwn(ctx.exercises, step.exercise))
      c.add('reference', [...at, 'exercise'], `${where}: unknown exercise ${step.exercise}`)
    if (step.type === 'worksheet') {
      const target = mod.steps.find((s) => s.id === step.for)
      if (target?.type !== 'exercise')
        c.add('reference', [...at, 'for'], `${where}: "for" must name an exercise step of this module`)
    }
  })
}

/** The notices a module's content calls for, with why (CLINICAL.md's safety rules). */
export function noticesRequired(
  doc: ModuleDocument,
): Array<{ notice: NoticeId; why: string; at: Array<string | number> }> {
  const needed: Array<{ notice: NoticeId; why: string; at: Array<string | number> }> = []
  doc.steps.forEach((step, index) => {
    const conditions = [
      ...(step.when ? leaves(step.when) : []),
      ...(step.type === 'summary' ? [] : (step.goto ?? []).flatMap((g) => leaves(g.if))),
    ]
    for (const leaf of conditions) {
      if ('substance' in leaf && leaf.substance === 'opioids')
        needed.push({ notice: 'overdose-after-a-break', why: `step ${step.id} is about opioids`, at: ['steps', index] })
      if ('substance' in leaf && leaf.substance === 'benzodiazepines')
        needed.push({ notice: 'sedative-taper', why: `step ${step.id} is about benzodiazepines`, at: ['steps', index] })
    }
    if (step.type === 'goal' && (step.suggest === 'stop' || step.suggest === 'cut-down'))
      for (const notice of ['overdose-after-a-break', 'alcohol-withdrawal', 'sedative-taper'] as const)
        needed.push({ notice, why: `step ${step.id} suggests a ${step.suggest} goal`, at: ['steps', index, 'suggest'] })
    if ((step.type === 'read' || step.type === 'summary') && OPIOID_WORDS.test(doc.texts[step.file] ?? ''))
      needed.push({ notice: 'overdose-after-a-break', why: `${step.file} is about opioids`, at: ['texts', step.file] })
  })
  return needed
}

/** Where a Markdown link or image points: inline `](…)` and reference definitions `[x]: …`. */
const LINK_TARGET = /\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm

/** Link targets that are not a page of Foothold (`/help`) or a place on the same page (`#steps`). */
export function foreignLinks(markdown: string): string[] {
  return [...markdown.matchAll(LINK_TARGET)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((target) => !((target.startsWith('/') && !target.startsWith('//')) || target.startsWith('#')))
}

function checkMarkdown(name: string, text: string, c: Collector): void {
  const at = ['texts', name]
  if (RAW_HTML.test(text)) c.add('raw-html', at, 'raw HTML is not allowed in module text')
  if (OUTSIDE_LINK.test(text))
    c.add('outside-link', at, 'links to other websites are not allowed (they leak to third parties)')
  else if (foreignLinks(text).length > 0)
    c.add('outside-link', at, `links may only go to pages of Foothold, such as /help (not ${foreignLinks(text)[0]})`)
  warnReadingAge(c, at, 'this text', text)
}

/** The module as the engine runs and pins it: its steps' Markdown and the exercises it uses. */
export function moduleDefinitionOf(
  doc: ModuleDocument,
  exercises: Readonly<Record<string, Exercise>>,
): ModuleDefinition {
  const { texts: all, ...mod } = doc
  const texts: Record<string, string> = {}
  for (const step of mod.steps)
    if ((step.type === 'read' || step.type === 'summary') && Object.hasOwn(all, step.file) && !(step.file in texts))
      texts[step.file] = all[step.file] as string
  const used = Object.fromEntries(
    mod.steps.flatMap((s) =>
      s.type === 'exercise' && Object.hasOwn(exercises, s.exercise)
        ? [[s.exercise, exercises[s.exercise] as Exercise]]
        : [],
    ),
  )
  return { ...mod, texts, exercises: used }
}

/** The module document a definition came from (the Markdown it uses, no exercises). */
export function moduleDocumentOf(def: ModuleDefinition): ModuleDocument {
  const { exercises: _exercises, ...doc } = def
  return structuredClone(doc) as ModuleDocument
}

function validateModule(data: unknown, ctx: ValidationContext, c: Collector): ModuleDocument | null {
  const raw = (data ?? {}) as Record<string, unknown>
  const { texts: rawTexts, ...rest } = typeof raw === 'object' ? raw : {}
  const texts: Record<string, string> = {}
  if (rawTexts !== undefined && (typeof rawTexts !== 'object' || rawTexts === null || Array.isArray(rawTexts)))
    c.add('schema', ['texts'], 'texts must map Markdown file names to their text')
  else
    for (const [name, text] of Object.entries(rawTexts ?? {})) {
      if (!FILE_NAME.test(name)) c.add('schema', ['texts', name], 'a Markdown file name such as intro.md')
      if (typeof text !== 'string') c.add('schema', ['texts', name], 'the text must be Markdown')
      else texts[name] = text
    }
  const mod = schemaIssues(ModuleSchema, rest, c)
  if (!mod) return null
  // Key order as module.yaml's schema gives it, then the texts: the same JSON, the same pin.
  const doc: ModuleDocument = { ...mod, texts }
  const before = c.errors()
  checkModuleReferences(mod, ctx, c)
  const used = new Set<string>()
  mod.steps.forEach((step, index) => {
    if (step.type !== 'read' && step.type !== 'summary') return
    used.add(step.file)
    if (!Object.hasOwn(texts, step.file))
      c.add('text', ['steps', index, 'file'], `steps[${step.id}]: ${step.file} is missing`)
  })
  for (const [name, text] of Object.entries(texts)) {
    if (!used.has(name)) c.add('text', ['texts', name], `${name} is not used by any step`, 'warning')
    else checkMarkdown(name, text, c)
  }
  const declared = new Set(mod.notices)
  for (const { notice, why, at } of noticesRequired(doc))
    if (!declared.has(notice)) c.add('safety-notice', at, `${why}, so the module needs the ${notice} notice`)
  const ownWords = [
    mod.summary,
    ...mod.steps.flatMap((s) => [
      'prompt' in s ? s.prompt : '',
      'hint' in s ? (s.hint ?? '') : '',
      ...(s.type === 'choice' ? s.options.map((o) => o.label) : []),
    ]),
  ]
  warnReadingAge(c, [], 'the wording in module.yaml', ownWords.filter(Boolean).join('. '))
  // Paths are only worth walking once every reference resolves.
  if (c.errors() === before) {
    const def = moduleDefinitionOf(doc, ctx.exercises)
    const paths = checkPaths(def)
    const stepAt = (id: string) => idPath(mod.steps, ['steps'], id)
    for (const id of paths.unreachable) c.add('path', stepAt(id), `step ${id} can never be reached`)
    for (const id of paths.neverFinish) c.add('path', stepAt(id), `from step ${id} some answers never reach the end`)
    if (paths.tooMany) c.add('path', ['steps'], 'too many paths to check: simplify the branching')
    for (const [index, step] of def.steps.entries())
      for (const target of targetsOf(def, index))
        if (target === step.id) c.add('path', ['steps', index], `step ${step.id} leads to itself`)
  }
  return doc
}

// ——— exercises ———

function validateExercise(data: unknown, c: Collector): Exercise | null {
  const exercise = schemaIssues(ExerciseSchema, data, c)
  if (!exercise) return null
  for (const id of duplicates(exercise.parts.map((p) => p.id)))
    c.add('duplicate', idPath(exercise.parts, ['parts'], id), `duplicate part id ${id}`)
  exercise.parts.forEach((part, index) => {
    if (part.kind !== 'table') return
    if (duplicates(part.columns.map((column) => column.id)).length > 0)
      c.add('duplicate', ['parts', index, 'columns'], `table ${part.id} has duplicate column ids`)
  })
  warnReadingAge(c, ['intro'], 'the intro', exercise.intro)
  return exercise
}

// ——— instruments ———

/** An instrument with its editable texts (the intro and each band's meaning) blanked out. */
function lockedParts(instrument: Instrument): unknown {
  return { ...instrument, intro: '', bands: instrument.bands.map((band) => ({ ...band, meaning: '' })) }
}

/** Names the first locked part that differs ("items", "bands[low].max", "scoring"). */
function lockedDifferences(draft: Instrument, locked: Instrument): string[] {
  const a = lockedParts(draft) as Record<string, unknown>
  const b = lockedParts(locked) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
}

function validateInstrument(data: unknown, ctx: ValidationContext, c: Collector): Instrument | null {
  const instrument = schemaIssues(InstrumentSchema, data, c)
  if (!instrument) return null
  const locked = ctx.lockedInstrument
  if (!locked) {
    c.add(
      'instrument-locked',
      ['id'],
      'new instruments cannot be added in the studio: only published ones, as published',
    )
    return instrument
  }
  for (const key of lockedDifferences(instrument, locked))
    c.add(
      'instrument-locked',
      [key],
      `${key} cannot change: only the intro and the meaning of each band can be reworded (items, scores and cut-offs are as published)`,
    )
  const issues: Issues = {
    error: (_file, message) => c.add('reference', [], message),
    warn: (_file, message) => c.add('reference', [], message, 'warning'),
  }
  checkInstrument(instrument, `instruments/${instrument.id}.yaml`, issues)
  instrument.bands.forEach((band, index) => {
    warnReadingAge(c, ['bands', index, 'meaning'], `band ${band.id}'s meaning`, band.meaning)
    if (RAW_HTML.test(band.meaning)) c.add('raw-html', ['bands', index, 'meaning'], 'raw HTML is not allowed')
    if (OUTSIDE_LINK.test(band.meaning))
      c.add('outside-link', ['bands', index, 'meaning'], 'links to other websites are not allowed')
  })
  return instrument
}

// ——— the programme's lists and texts ———

function validateText(kind: TextKind, data: unknown, ctx: ValidationContext, c: Collector): AnyTextDocument | null {
  const spec = TEXT_SPECS[kind]
  const doc = schemaIssues(spec.schema, data, c) as AnyTextDocument | null
  if (!doc) return null
  if (!ctx.baseText) {
    c.add('reference', [], `the programme has no ${kind} to change`)
    return doc
  }
  const record = doc as unknown as Record<string, unknown>
  for (const difference of lockedTextDifferences(kind, record, ctx.baseText as unknown as Record<string, unknown>))
    c.add('text-locked', difference.at, difference.message)
  if (kind === 'pick-lists') {
    const tracking = doc as TextDocumentOf<'pick-lists'>
    checkTrackingLists(tracking, {
      error: (_file, message) => c.add('duplicate', [], message),
      warn: (_file, message) => c.add('duplicate', [], message, 'warning'),
    })
  }
  if (kind === 'help') {
    const ids = (doc as TextDocumentOf<'help'>).tips.map((tip) => tip.id)
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) c.add('duplicate', ['tips', index, 'id'], `duplicate tip id ${id}`)
    })
  }
  for (const field of spec.fields(record)) {
    const text = field.at.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], record)
    if (typeof text !== 'string' || text === '') continue
    warnReadingAge(c, field.at, `${field.group}, ${field.label.toLowerCase()}`, text)
    if (RAW_HTML.test(text)) c.add('raw-html', field.at, 'raw HTML is not allowed')
    if (OUTSIDE_LINK.test(text)) c.add('outside-link', field.at, 'links to other websites are not allowed')
  }
  return doc
}

// ——— entry points ———

function run<K extends DocumentKind>(
  kind: K,
  data: unknown,
  ctx: ValidationContext,
  c: Collector,
): DocumentOf<K> | null {
  if (kind === 'module') return validateModule(data, ctx, c) as DocumentOf<K> | null
  if (kind === 'exercise') return validateExercise(data, c) as DocumentOf<K> | null
  if (isTextKind(kind)) return validateText(kind, data, ctx, c) as DocumentOf<K> | null
  return validateInstrument(data, ctx, c) as DocumentOf<K> | null
}

/** Validates one document (already parsed, e.g. from the studio's form) against the programme. */
export function validateDocument<K extends DocumentKind>(
  kind: K,
  data: unknown,
  ctx: ValidationContext,
): DocumentReport<K> {
  const c = collector(data)
  const document = run(kind, data, ctx, c)
  return { document, issues: c.issues, ok: c.errors() === 0 }
}

/** The line of the YAML node at `at` (or of its nearest parent that exists). */
function lineOf(doc: YamlDocument, counter: LineCounter, at: ReadonlyArray<string | number>): number | undefined {
  for (let depth = at.length; depth >= 0; depth--) {
    const path = at.slice(0, depth)
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true)
    const range = (node as { range?: [number, number, number] } | undefined)?.range
    if (range && (isMap(node) || isSeq(node) || node)) {
      // A key's own line reads better than its value's for maps and lists.
      if (path.length > 0) {
        const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
        if (isMap(parent)) {
          const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path.at(-1))
          const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range
          if (keyRange) return counter.linePos(keyRange[0]).line
        }
      }
      return counter.linePos(range[0]).line
    }
  }
  return undefined
}

/**
 * Validates one document given as YAML (the studio's source view, a content pack's document,
 * module.yaml in content:check). YAML errors are issues too; every issue gets its line.
 * `extra` is merged in before validating (content:check adds a module's Markdown files).
 */
export function validateYamlDocument<K extends DocumentKind>(
  kind: K,
  source: string,
  ctx: ValidationContext,
  extra: Record<string, unknown> = {},
): DocumentReport<K> {
  const counter = new LineCounter()
  const doc = parseDocument(source, { prettyErrors: true, lineCounter: counter })
  const yamlIssues: DocumentIssue[] = [
    ...doc.errors.map((error) => ({
      rule: 'yaml' as const,
      severity: 'error' as const,
      message: error.message,
      path: '(top level)',
      at: [],
      line: error.linePos?.[0].line,
    })),
    ...doc.warnings.map((warning) => ({
      rule: 'yaml' as const,
      severity: 'warning' as const,
      message: warning.message,
      path: '(top level)',
      at: [],
      line: warning.linePos?.[0].line,
    })),
  ]
  if (doc.errors.length > 0) return { document: null, issues: yamlIssues, ok: false }
  const js: unknown = doc.toJS()
  const data = js && typeof js === 'object' && !Array.isArray(js) ? { ...js, ...extra } : js
  const report = validateDocument(kind, data, ctx)
  for (const issue of report.issues)
    if (issue.at[0] !== 'texts' || !('texts' in extra)) issue.line = lineOf(doc, counter, issue.at)
  return { ...report, issues: [...yamlIssues, ...report.issues] }
}
