// The studio's preview of a module version (issue 14, H-032): the draft run by the same machine,
// the same answer schemas and the same step component a client gets, step by step, with every
// route through it listed (each one click), and its worksheets as PDFs. Nothing is stored: the
// walk so far travels in the page's own links and GET forms (the answers an author types while
// trying a draft are not a client's data).
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import {
  type ExerciseAnswer,
  FINISHED,
  type ModuleDefinition,
  type ModuleDocument,
  type ModuleEvent,
  type ModuleState,
  moduleDefinitionOf,
  progressOf,
  SUBSTANCE_IDS,
  startModule,
  stepAnswerSchema,
  stepModule,
  worksheetModel,
} from '#programme/engine/index.ts'
import { factVariants } from '#programme/engine/modules/paths.ts'
import { draftMarkdownHtml } from '#programme/studio/markdown.ts'
import { describeAnswer, describeFacts, type PreviewRoute, previewRoutes } from '#programme/studio/preview.ts'
import { publishedDocument, publishedExercises } from './content.server.ts'
import { itemHistory, versionDetail } from './library.server.ts'
import { studioItem } from './ui-pages.server.ts'

const EventsSchema = z
  .array(
    z.union([
      z.object({ type: z.literal('NEXT'), answer: z.unknown().optional() }),
      z.object({ type: z.enum(['BACK', 'SKIP', 'RESTART']) }),
    ]),
  )
  .max(100)

/** Rules whose errors stop the machine from being built: the preview waits for them. */
const BLOCKING: readonly string[] = ['yaml', 'schema', 'reference', 'duplicate']

/** The version to preview: the one asked for, else the one being worked on, else what clients get. */
async function versionToPreview(item: { kind: 'module'; itemId: string }, versionId: string | null) {
  const history = await itemHistory(item.kind, item.itemId)
  if (!history) return null
  const chosen =
    history.versions.find((v) => v.id === versionId) ??
    history.versions.find((v) => ['draft', 'in-review', 'changes-requested', 'approved'].includes(v.status))
  if (chosen) {
    const detail = await versionDetail(chosen.id)
    if (!detail) return null
    const blocking = detail.issues.filter((i) => i.severity === 'error' && BLOCKING.includes(i.rule))
    return {
      title: history.title,
      label: `version ${detail.number} (${detail.status.replace('-', ' ')})`,
      versionId: detail.id,
      document: blocking.length === 0 ? (detail.document as ModuleDocument) : null,
      blocking: blocking.map((i) => `${i.path}: ${i.message}`),
    }
  }
  const published = await publishedDocument(item.kind, item.itemId)
  if (!published) return null
  return {
    title: history.title,
    label: published.layer === 'base' ? 'the base edition' : `published version ${published.number}`,
    versionId: null,
    document: published.document as ModuleDocument,
    blocking: [],
  }
}

function replay(def: ModuleDefinition, facts: Parameters<typeof startModule>[1], events: ModuleEvent[]): ModuleState {
  let state = startModule(def, facts)
  for (const event of events) state = stepModule(def, state, event)
  return state
}

function stepView(def: ModuleDefinition, stepId: string) {
  const step = def.steps.find((s) => s.id === stepId)
  if (!step) return null
  if (step.type === 'read' || step.type === 'summary')
    return { ...step, html: draftMarkdownHtml(def.texts[step.file] ?? '') }
  if (step.type === 'exercise') return { ...step, definition: def.exercises[step.exercise] ?? null }
  if (step.type === 'worksheet') {
    const target = def.steps.find((s) => s.id === step.for)
    const exercise = target?.type === 'exercise' ? def.exercises[target.exercise] : undefined
    return { ...step, exerciseTitle: exercise?.title ?? step.title }
  }
  return step
}

type Walk = { variant: number; events: ModuleEvent[]; route: PreviewRoute | null; at: number }

/** Reads the walk from the query: a route and a place on it, or a free walk and its next answer. */
function readWalk(def: ModuleDefinition, routes: PreviewRoute[], query: URLSearchParams, variants: number) {
  const routeNumber = Number(query.get('route') ?? '')
  const route = routes.find((r) => r.number === routeNumber) ?? null
  if (route) {
    const at = Math.min(Math.max(Number(query.get('at') ?? '0') || 0, 0), route.steps.length)
    const variant = factVariants(def).findIndex((f) => JSON.stringify(f) === JSON.stringify(route.facts))
    return { walk: { variant, events: route.steps.slice(0, at).map((s) => s.event), route, at }, reply: null }
  }
  const variant = Number(query.get('variant') ?? '0')
  let events: ModuleEvent[] = []
  try {
    events = EventsSchema.parse(JSON.parse(query.get('events') ?? '[]')) as ModuleEvent[]
  } catch {
    return { walk: null, reply: null }
  }
  if (!Number.isInteger(variant) || variant < 0 || variant >= variants) return { walk: null, reply: null }
  const intent = query.get('intent')
  const walk: Walk = { variant, events, route: null, at: 0 }
  if (!intent) return { walk, reply: null }
  if (intent === 'back' || intent === 'skip' || intent === 'restart') {
    walk.events = intent === 'restart' ? [] : [...events, { type: intent === 'back' ? 'BACK' : 'SKIP' }]
    return { walk, reply: null }
  }
  if (intent !== 'next') return { walk: null, reply: null }
  const state = replay(def, factVariants(def)[variant] ?? null, events)
  const step = def.steps.find((s) => s.id === state.value)
  if (!step || query.get('step') !== step.id) return { walk, reply: null }
  const fields = new URLSearchParams([...query].filter(([k]) => !['events', 'variant', 'step', 'intent'].includes(k)))
  const submission = parseWithZod(fields, { schema: stepAnswerSchema(def, step) })
  if (submission.status !== 'success') return { walk, reply: submission.reply() }
  walk.events = [...events, { type: 'NEXT', answer: submission.value }]
  return { walk, reply: null }
}

/** Everything the preview page shows; null when there is no such module. */
export async function previewPage(kind: string | undefined, itemParam: string | undefined, query: URLSearchParams) {
  const item = studioItem(kind, itemParam)
  if (!item || item.kind !== 'module') return null
  const version = await versionToPreview({ kind: 'module', itemId: item.itemId }, query.get('version'))
  if (!version) return null
  const base = { itemId: item.itemId, title: version.title, label: version.label, versionId: version.versionId }
  if (!version.document) return { ...base, blocking: version.blocking, preview: null }
  let def: ModuleDefinition
  let listed: ReturnType<typeof previewRoutes>
  try {
    def = moduleDefinitionOf(version.document, await publishedExercises())
    listed = previewRoutes(def)
  } catch {
    return { ...base, blocking: ['The steps lead somewhere that does not exist. See the checks.'], preview: null }
  }
  const variants = factVariants(def)
  const { walk, reply } = readWalk(def, listed.routes, query, variants.length)
  if (!walk) throw new Response('That walk through the module could not be read. Start again.', { status: 400 })
  const facts = variants[walk.variant] ?? null
  const state = replay(def, facts, walk.events)
  const step = stepView(def, state.value)
  const answer = walk.route ? walk.route.steps[walk.at]?.event : undefined
  return {
    ...base,
    blocking: [],
    preview: {
      routes: listed.routes.map((r) => ({
        number: r.number,
        who: r.who,
        steps: r.steps.map((s) => ({ stepId: s.stepId, title: s.title, answer: s.answer })),
      })),
      more: listed.more,
      variants: variants.map((f, i) => ({ index: i, who: describeFacts(f) })),
      walk: {
        route: walk.route?.number ?? null,
        at: walk.at,
        variant: walk.variant,
        events: JSON.stringify(walk.events),
        finished: state.value === FINISHED,
        progress: progressOf(def, state),
        canGoBack: state.context.history.length > 0,
        step,
        /** What the route answers here, in words, and as the form's saved answer. */
        routeAnswer:
          walk.route && answer && step ? describeAnswer(def.steps.find((s) => s.id === step.id) ?? step, answer) : null,
        answer:
          answer && answer.type === 'NEXT' ? (answer.answer ?? null) : (state.context.answers[state.value] ?? null),
        done: state.context.history
          .filter((id, i, all) => all.indexOf(id) === i)
          .flatMap((id) => def.steps.find((s) => s.id === id && s.type !== 'summary')?.title ?? []),
      },
      reply,
      goalChoices: { areas: def.areas, substances: facts?.substances.length ? facts.substances : [...SUBSTANCE_IDS] },
      worksheets: def.steps.flatMap((s) =>
        s.type === 'exercise' ? [{ stepId: s.id, title: def.exercises[s.exercise]?.title ?? s.title }] : [],
      ),
    },
  }
}

/** A worksheet of the previewed version: blank, or filled with the walk's answers. */
export async function previewWorksheet(
  kind: string | undefined,
  itemParam: string | undefined,
  stepId: string,
  query: URLSearchParams,
) {
  const item = studioItem(kind, itemParam)
  if (!item || item.kind !== 'module') return null
  const version = await versionToPreview({ kind: 'module', itemId: item.itemId }, query.get('version'))
  if (!version?.document) return null
  const def = moduleDefinitionOf(version.document, await publishedExercises())
  const step = def.steps.find((s) => s.id === stepId)
  if (step?.type !== 'exercise') return null
  const exercise = def.exercises[step.exercise]
  if (!exercise) return null
  let answer: ExerciseAnswer | null = null
  try {
    const events = EventsSchema.parse(JSON.parse(query.get('events') ?? '[]')) as ModuleEvent[]
    const variant = Number(query.get('variant') ?? '0')
    const state = replay(def, factVariants(def)[variant] ?? null, events)
    answer = (state.context.answers[step.id] as ExerciseAnswer | undefined) ?? null
  } catch {
    answer = null
  }
  return { model: worksheetModel(exercise, def.title, answer), exerciseId: exercise.id }
}
