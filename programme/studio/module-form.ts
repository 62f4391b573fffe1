// The studio's module editor as a plain form: the zod schema of what the form posts (one schema
// for the page and the action; conform's field names such as `steps[2].options[0].label`), the
// draft document it makes, and the editing operations its buttons ask for (add, remove and move
// steps, options and branches). Branch conditions are chosen from lists, so each is a short
// code (`is:feel:low`, `min:strength`, `substance:opioids`) that this file turns into a
// Condition and back. Pure: the route parses, this builds, the studio domain saves.
import { z } from 'zod'
import { SUBSTANCE_IDS } from '../schema/battery.schema.ts'
import { LIFE_AREA_IDS } from '../schema/life-areas.schema.ts'
import { type Condition, ConditionSchema, GoalTypeSchema, NOTICE_IDS, type StepType } from '../schema/module.schema.ts'

export const STEP_TYPES = ['read', 'reflect', 'choice', 'rating', 'exercise', 'worksheet', 'goal', 'summary'] as const

/** Plain names for the step types, as the editor lists them. */
export const STEP_TYPE_NAMES: Record<StepType, string> = {
  read: 'Text to read',
  reflect: 'A question to write about',
  choice: 'A choice of answers',
  rating: 'A rating from 0 to 10',
  exercise: 'An exercise',
  worksheet: 'A worksheet to download',
  goal: 'Set a goal',
  summary: 'Summary (ends the module)',
}

const SHORT = 500
const LONG = 8000
const MAX_STEPS = 40
const MAX_OPTIONS = 12
const MAX_GOTOS = 8

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and hyphens')
const short = z.string().max(SHORT, `Please keep this under ${SHORT} characters`).optional()
const long = z.string().max(LONG, `Please keep this under ${LONG} characters`).optional()
const flag = z.literal('on').optional()
/** A whole number for a rating or score bound; empty means none. */
const bound = z
  .string()
  .regex(/^-?\d{1,3}$/, 'Enter a whole number')
  .optional()
/** A condition code chosen from a list (see conditionFromCode). */
const conditionCode = z
  .string()
  .max(2000)
  .refine((code) => code === '' || decodeCondition(code, 0) !== null, 'Choose a condition from the list')
  .optional()

const StepFormSchema = z.object({
  id,
  type: z.enum(STEP_TYPES),
  title: short,
  prompt: short,
  hint: short,
  minLabel: short,
  maxLabel: short,
  text: short,
  markdown: long,
  file: z
    .string()
    .regex(/^[a-z0-9-]+\.md$/)
    .optional(),
  multiple: flag,
  optional: flag,
  exercise: id.optional(),
  for: id.optional(),
  suggest: GoalTypeSchema.optional(),
  next: id.optional(),
  when: conditionCode,
  whenValue: bound,
  options: z
    .array(
      z.object({
        id,
        label: short,
        goto: id.optional(),
        /** A checkbox: "on" when ticked. */
        safety: z.enum(['on', 'self-harm']).optional(),
      }),
    )
    .max(MAX_OPTIONS)
    .optional(),
  goto: z
    .array(z.object({ if: conditionCode, value: bound, step: id.optional() }))
    .max(MAX_GOTOS)
    .optional(),
})
export type StepForm = z.infer<typeof StepFormSchema>

const index = '\\d{1,2}'
const INTENT = new RegExp(
  `^(save|add-step|(remove-step|up|down|add-option|add-goto):${index}|(remove-option|remove-goto):${index}:${index})$`,
)

export const ModuleFormSchema = z.object({
  intent: z.string().regex(INTENT, 'That button is not one we know'),
  /** The draft's hash when the page was drawn: a save over a newer draft is refused. */
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  version: short,
  title: short,
  summary: short,
  minutes: z
    .string()
    .regex(/^\d{1,2}$/, 'Enter a number of minutes')
    .optional(),
  areas: z.array(z.enum(LIFE_AREA_IDS, { error: 'Choose life areas from the list' })).optional(),
  notices: z.array(z.enum(NOTICE_IDS, { error: 'Choose notices from the list' })).optional(),
  sources: long,
  steps: z.array(StepFormSchema).max(MAX_STEPS).optional(),
  newStepType: z.enum(STEP_TYPES).optional(),
  /** Where a new step goes: after the step at this position, or "end". */
  newStepAt: z
    .string()
    .regex(/^(end|\d{1,2})$/)
    .optional(),
})
export type ModuleForm = z.infer<typeof ModuleFormSchema>

/** A draft module document as the editor keeps it; it may not pass the checks yet. */
export type DraftModule = Record<string, unknown> & {
  id: string
  steps: Array<Record<string, unknown> & { id: string; type: StepType }>
  texts: Record<string, string>
}

// ——— conditions ———

/** The condition a code stands for; `value` fills the bound of `min:`/`max:` codes. */
export function decodeCondition(code: string, value: number): Condition | null {
  const [kind, a, b] = code.split(':')
  if (kind === 'json') {
    try {
      const parsed = ConditionSchema.safeParse(JSON.parse(code.slice(5)))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }
  if (!a || !/^[a-z0-9-]+$/.test(a)) return null
  if (kind === 'is' && b && /^[a-z0-9-]+$/.test(b)) return { answer: a, is: b }
  if (b !== undefined) return null
  if (kind === 'min') return { answer: a, atLeast: value }
  if (kind === 'max') return { answer: a, atMost: value }
  if (kind === 'score-min') return { score: a, atLeast: value }
  if (kind === 'score-max') return { score: a, atMost: value }
  if (kind === 'substance' && (SUBSTANCE_IDS as readonly string[]).includes(a))
    return { substance: a as (typeof SUBSTANCE_IDS)[number] }
  return null
}

/** The code and number the form shows for a condition; combined conditions keep their JSON. */
export function encodeCondition(condition: Condition | undefined): { code: string; value: string } {
  if (!condition) return { code: '', value: '' }
  const c = condition as Record<string, unknown>
  const single = (key: string) => Object.keys(c).length === 2 && key in c
  if ('answer' in c && 'is' in c) return { code: `is:${c.answer}:${c.is}`, value: '' }
  if ('answer' in c && single('atLeast')) return { code: `min:${c.answer}`, value: String(c.atLeast) }
  if ('answer' in c && single('atMost')) return { code: `max:${c.answer}`, value: String(c.atMost) }
  if ('score' in c && single('atLeast')) return { code: `score-min:${c.score}`, value: String(c.atLeast) }
  if ('score' in c && single('atMost')) return { code: `score-max:${c.score}`, value: String(c.atMost) }
  if ('substance' in c) return { code: `substance:${c.substance}`, value: '' }
  return { code: `json:${JSON.stringify(condition)}`, value: '' }
}

// ——— form → document ———

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

const present = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>

function stepFromForm(form: StepForm, texts: Record<string, string>, previous: DraftModule | null) {
  const common = present({
    id: form.id,
    type: form.type,
    title: form.title ?? '',
    optional: form.optional === 'on',
    when: form.when ? (decodeCondition(form.when, Number(form.whenValue ?? 0)) ?? undefined) : undefined,
  })
  common.title = form.title ?? ''
  const routing =
    form.type === 'summary'
      ? {}
      : present({
          next: form.next,
          goto: form.goto?.length
            ? form.goto.map((g) => ({
                if: (g.if && decodeCondition(g.if, Number(g.value ?? 0))) || { answer: form.id, atLeast: 0 },
                step: g.step ?? '',
              }))
            : undefined,
        })
  const asked = { prompt: form.prompt ?? '', ...present({ hint: form.hint }) }
  switch (form.type) {
    case 'read':
    case 'summary': {
      const old = previous?.steps.find((s) => s.id === form.id)
      const file = form.file ?? (typeof old?.file === 'string' ? old.file : `${form.id}.md`)
      // Browsers send a textarea's line breaks as CRLF: keep the Markdown's own LF.
      texts[file] = (form.markdown ?? texts[file] ?? '').replace(/\r\n?/g, '\n')
      return { ...common, ...routing, file }
    }
    case 'reflect':
      return { ...common, ...routing, ...asked }
    case 'choice':
      return {
        ...common,
        ...routing,
        ...asked,
        multiple: form.multiple === 'on',
        options: (form.options ?? []).map((o) =>
          present({ id: o.id, label: o.label ?? '', goto: o.goto, safety: o.safety ? 'self-harm' : undefined }),
        ),
      }
    case 'rating':
      return { ...common, ...routing, ...asked, minLabel: form.minLabel ?? '', maxLabel: form.maxLabel ?? '' }
    case 'exercise':
      return { ...common, ...routing, exercise: form.exercise ?? '' }
    case 'worksheet':
      return { ...common, ...routing, for: form.for ?? '', ...present({ text: form.text }) }
    case 'goal':
      return { ...common, ...routing, ...asked, suggest: form.suggest ?? 'lifestyle' }
  }
}

/** The draft as the form describes it (before the button's operation). */
export function moduleFromForm(form: ModuleForm, previous: DraftModule): DraftModule {
  const texts: Record<string, string> = {}
  const steps = (form.steps ?? []).map((s) => stepFromForm(s, texts, previous)) as DraftModule['steps']
  // Markdown of files no step uses any more is dropped with the step.
  return {
    id: previous.id,
    version: form.version ?? '',
    title: form.title ?? '',
    summary: form.summary ?? '',
    areas: form.areas ?? [],
    minutes: form.minutes ? Number(form.minutes) : 0,
    sources: lines(form.sources),
    notices: form.notices ?? [],
    steps,
    texts,
  }
}

// ——— operations ———

function freshId(doc: DraftModule, prefix: string, taken: readonly string[]): string {
  for (let n = doc.steps.length + 1; ; n++) if (!taken.includes(`${prefix}-${n}`)) return `${prefix}-${n}`
}

/** A new step of a type, with empty fields for the author to fill in. */
export function newStep(doc: DraftModule, type: StepType, exerciseIds: readonly string[]) {
  const stepId = freshId(
    doc,
    'step',
    doc.steps.map((s) => s.id),
  )
  const base = { id: stepId, type, title: '', optional: false }
  switch (type) {
    case 'read':
    case 'summary':
      return { step: { ...base, file: `${stepId}.md` }, text: '' }
    case 'reflect':
      return { step: { ...base, prompt: '' } }
    case 'choice':
      return {
        step: {
          ...base,
          prompt: '',
          multiple: false,
          options: [
            { id: 'option-1', label: '' },
            { id: 'option-2', label: '' },
          ],
        },
      }
    case 'rating':
      return { step: { ...base, prompt: '', minLabel: '', maxLabel: '' } }
    case 'exercise':
      return { step: { ...base, exercise: exerciseIds[0] ?? '' } }
    case 'worksheet':
      return { step: { ...base, for: doc.steps.find((s) => s.type === 'exercise')?.id ?? '' } }
    case 'goal':
      return { step: { ...base, prompt: '', suggest: 'lifestyle' } }
  }
}

const move = <T>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length || from < 0 || from >= list.length) return list
  const copy = [...list]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item as T)
  return copy
}

/**
 * The draft after the button's operation. Returns null when the operation names a step, option
 * or branch that is not there (a stale or forged form): the route answers 400.
 */
export function applyIntent(
  doc: DraftModule,
  form: Pick<ModuleForm, 'intent' | 'newStepType' | 'newStepAt'>,
  exerciseIds: readonly string[],
): DraftModule | null {
  const [op, a, b] = form.intent.split(':')
  const i = Number(a)
  const j = Number(b)
  const step = doc.steps[i]
  const withStep = (changed: Record<string, unknown>) => ({
    ...doc,
    steps: doc.steps.map((s, k) => (k === i ? ({ ...s, ...changed } as DraftModule['steps'][number]) : s)),
  })
  switch (op) {
    case 'save':
      return doc
    case 'add-step': {
      const { step: added, text } = newStep(doc, form.newStepType ?? 'read', exerciseIds)
      const at = !form.newStepAt || form.newStepAt === 'end' ? doc.steps.length : Number(form.newStepAt) + 1
      if (at > doc.steps.length) return null
      const steps = [...doc.steps]
      steps.splice(at, 0, added as DraftModule['steps'][number])
      const file = (added as { file?: string }).file
      return { ...doc, steps, texts: text !== undefined && file ? { ...doc.texts, [file]: text } : doc.texts }
    }
    case 'remove-step':
      return step ? { ...doc, steps: doc.steps.filter((_, k) => k !== i) } : null
    case 'up':
      return step && i > 0 ? { ...doc, steps: move(doc.steps, i, i - 1) } : null
    case 'down':
      return step && i < doc.steps.length - 1 ? { ...doc, steps: move(doc.steps, i, i + 1) } : null
    case 'add-option': {
      if (step?.type !== 'choice') return null
      const options = (step.options ?? []) as Array<{ id: string }>
      const optionId = freshId(
        { ...doc, steps: options as DraftModule['steps'] },
        'option',
        options.map((o) => o.id),
      )
      return withStep({ options: [...options, { id: optionId, label: '' }] })
    }
    case 'remove-option': {
      const options = (step?.options ?? []) as unknown[]
      return step?.type === 'choice' && j < options.length
        ? withStep({ options: options.filter((_, k) => k !== j) })
        : null
    }
    case 'add-goto': {
      if (!step || step.type === 'summary') return null
      const goto = (step.goto ?? []) as unknown[]
      // Until the author chooses, the branch leads where the step goes anyway: it changes nothing.
      const target = (typeof step.next === 'string' ? step.next : undefined) ?? doc.steps[i + 1]?.id ?? ''
      const first = (step.options as Array<{ id: string }> | undefined)?.[0]?.id
      const condition =
        step.type === 'choice' && first ? { answer: step.id, is: first } : { answer: step.id, atLeast: 0 }
      return withStep({ goto: [...goto, { if: condition, step: target }] })
    }
    case 'remove-goto': {
      const goto = (step?.goto ?? []) as unknown[]
      if (!step || j >= goto.length) return null
      const rest = goto.filter((_, k) => k !== j)
      const { goto: _dropped, ...without } = step
      return rest.length > 0
        ? withStep({ goto: rest })
        : { ...doc, steps: doc.steps.map((s, k) => (k === i ? (without as typeof s) : s)) }
    }
    default:
      return null
  }
}

const FIELDS = [
  /^(title|summary|minutes|version|areas|notices|sources)$/,
  /^steps\[\d+\]\.(type|title|prompt|hint|minLabel|maxLabel|text|markdown|exercise|for|suggest|next|when|optional|multiple)$/,
  /^steps\[\d+\]\.options\[\d+\]\.(label|goto)$/,
  /^steps\[\d+\]\.goto\[\d+\]\.(if|step)$/,
]

/**
 * The form field an issue of the validator is shown next to: `steps[2].prompt`; Markdown → the
 * step's text box; anything else about a step → the step (`steps[2]`); else the whole form ('').
 */
export function fieldOfIssue(doc: DraftModule, at: ReadonlyArray<string | number>): string {
  if (at[0] === 'texts' && typeof at[1] === 'string') {
    const index = doc.steps.findIndex((s) => s.file === at[1])
    return index === -1 ? '' : `steps[${index}].markdown`
  }
  let name = ''
  for (const key of at) {
    if (typeof key === 'number') name += `[${key}]`
    else name += name ? `.${key}` : key
    // Inside a condition, the whole condition is one field of the form.
    if (key === 'when' || key === 'if') break
  }
  if (FIELDS.some((re) => re.test(name))) return name
  const top = /^(areas|notices|sources)\[/.exec(name)?.[1]
  if (top) return top
  return /^steps\[\d+\]/.exec(name)?.[0] ?? ''
}

// ——— document → form ———

/** The form values that describe a draft: what the editor's fields show. */
export function moduleFormOf(doc: DraftModule): ModuleForm {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return {
    intent: 'save',
    version: str(doc.version),
    title: str(doc.title),
    summary: str(doc.summary),
    minutes: typeof doc.minutes === 'number' ? String(doc.minutes) : undefined,
    areas: (doc.areas ?? []) as ModuleForm['areas'],
    notices: (doc.notices ?? []) as ModuleForm['notices'],
    sources: ((doc.sources ?? []) as string[]).join('\n'),
    steps: doc.steps.map((s) => {
      const when = encodeCondition(s.when as Condition | undefined)
      const file = str(s.file)
      return {
        id: s.id,
        type: s.type,
        title: str(s.title),
        prompt: str(s.prompt),
        hint: str(s.hint),
        minLabel: str(s.minLabel),
        maxLabel: str(s.maxLabel),
        text: str(s.text),
        markdown: file !== undefined ? (doc.texts[file] ?? '') : undefined,
        file,
        multiple: s.multiple ? 'on' : undefined,
        optional: s.optional ? 'on' : undefined,
        exercise: str(s.exercise),
        for: str(s.for),
        suggest: str(s.suggest) as StepForm['suggest'],
        next: str(s.next),
        when: when.code || undefined,
        whenValue: when.value || undefined,
        options: (s.options as Array<Record<string, string>> | undefined)?.map((o) => ({
          id: o.id as string,
          label: o.label,
          goto: o.goto,
          safety: o.safety as 'self-harm' | undefined,
        })),
        goto: (s.goto as Array<{ if: Condition; step: string }> | undefined)?.map((g) => {
          const c = encodeCondition(g.if)
          return { if: c.code, value: c.value || undefined, step: g.step }
        }),
      }
    }),
  }
}
