// Risk flags on a key worker's caseload: the few facts that should bring a client to the top of
// the list before a session. Pure rules over facts the server has already read; each rule looks
// only at data the client shares (a rule whose scope is not shared never fires, whatever facts it
// is given), and every threshold is the issue's, named here once so the server's SQL can narrow
// its reads with the same numbers.
//
// Each flag names its kind and the client's local date of the newest thing behind it ("Self-harm
// thoughts (check-in, 5 Dec)"), so a worker scanning the list sees which risk, not just that
// there is one. Self-harm outranks every other flag; after that the newest comes first
// (issue 12; hazard H-021).
import { localParts } from '../tracking/time.ts'

/** What a client can share with a worker (the columns of a care link). */
export type SharedScopes = { assessments: boolean; modules: boolean; tracking: boolean; goals: boolean }

/**
 * Flag kinds. Self-harm ones (SELF_HARM_FLAGS) rank above all others; the rest rank newest
 * first, and this order only breaks a tie between two of the same moment.
 */
export const FLAG_IDS = [
  'self-harm',
  'self-harm-words',
  'use-after-break',
  'strong-urge',
  'alcohol-dependence',
  'safety',
  'use-against-stop-goal',
  'worse-score',
  'no-activity',
] as const
export type FlagId = (typeof FLAG_IDS)[number]
/** `at`: when the newest thing behind the flag happened, in ms since the epoch (it ranks flags). */
export type Flag = { id: FlagId; label: string; detail: string; at: number }

/** Flags about self-harm: above every other flag, whatever their dates. */
export const SELF_HARM_FLAGS: ReadonlySet<FlagId> = new Set(['self-harm', 'self-harm-words'])

export const DAY_MS = 86_400_000
/** An urge this strong or stronger (out of 10) is a strong urge: the "very high urge" of CLINICAL.md. */
export const STRONG_URGE_MIN = 9
/** Strong urges and use against a stop goal count over this many days. */
export const RECENT_DAYS = 7
/** A client not active for longer than this many days is flagged. */
export const INACTIVE_DAYS = 14

export type SafetyFact = { rule: string; source: string; at: Date }
export type UrgeFact = { intensity: number; at: Date }
/** A stop goal; `startedOn` is the local date it was set (use that day counts, as in milestones). */
export type StopGoalFact = { substance: string | null; status: 'active' | 'done' | 'dropped'; startedOn: string }
/** A use-diary entry; `date` is its local date. A "no use today" row has no substance. */
export type UseFact = { substance: string | null; amount: number | null; at: Date; date: string }
/**
 * An instrument's two latest completed bands; `bands` as listed in its content, mildest first.
 * `latestAt`: when the latest was completed.
 */
export type BandFact = {
  title: string
  bands: ReadonlyArray<{ id: string; label: string }>
  latest: string | null
  previous: string | null
  latestAt?: Date | null
}

export type ClientFacts = {
  scopes: SharedScopes
  /** The client's time zone: every date a flag names is their local date. */
  timeZone: string
  linkedAt: Date
  lastActiveAt: Date | null
  safetyEvents: readonly SafetyFact[]
  urges: readonly UrgeFact[]
  stopGoals: readonly StopGoalFact[]
  use: readonly UseFact[]
  bandChanges: readonly BandFact[]
}

export type FlagOptions = {
  now: Date
  /** Safety events count over this many days: the app's reassessment interval (REASSESS_DAYS). */
  safetyDays: number
}

/**
 * The scope a safety event's source belongs to ("assessment:phq-9" → assessments), or null for
 * a source we do not know, which then never shows: the worker sees only what the client shares.
 * Self-harm words found in free text ("text:urge-note", "text:module:<id>") are shared as
 * assessments are (issue 12), wherever the text was written.
 */
export function scopeOfSafetySource(source: string): keyof SharedScopes | null {
  const kind = source.split(':', 1)[0]
  if (kind === 'assessment' || kind === 'text') return 'assessments'
  return kind === 'tracking' ? 'tracking' : kind === 'module' ? 'modules' : null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** The client's local date of an instant, as "5 Dec". */
export function dayMonth(at: Date | number, timeZone: string): string {
  const [, month, day] = localParts(new Date(at), timeZone).date.split('-').map(Number)
  return `${day} ${MONTHS[(month ?? 1) - 1]}`
}

/** Where a safety event came from, in a flag's words (the label's first part of the brackets). */
function whereOf(source: string): string {
  const [kind, where] = source.split(':')
  if (kind === 'assessment') return 'check-in'
  if (kind === 'module') return 'module'
  if (kind === 'tracking') return where === 'use' ? 'use diary' : 'urge log'
  if (kind === 'text') return TEXT_WHERE[where ?? ''] ?? 'their own words'
  return 'unknown'
}
const TEXT_WHERE: Record<string, string> = {
  'urge-note': 'urge note',
  'use-note': 'use note',
  'goal-note': 'goal note',
  module: 'module',
}

/** The kind of flag a safety event raises, and the words its label starts with. */
function kindOf(event: SafetyFact): { id: FlagId; words: string } {
  if (event.rule === 'self-harm')
    return event.source.startsWith('text:')
      ? { id: 'self-harm-words', words: 'Self-harm words' }
      : { id: 'self-harm', words: 'Self-harm thoughts' }
  if (event.rule === 'alcohol-dependence') return { id: 'alcohol-dependence', words: 'Alcohol dependence signs' }
  if (event.rule === 'use-after-break') return { id: 'use-after-break', words: 'Use after a break' }
  if (event.rule === 'very-high-urge') return { id: 'strong-urge', words: 'Strong urge' }
  // Dangerous combinations logged (issue 15 §3, H-039): a safety alert named for what it is.
  if (event.rule === 'mixing') return { id: 'safety', words: 'Mixing drugs' }
  return { id: 'safety', words: `Safety alert: ${event.rule}` }
}

const DETAIL_WORDS: Partial<Record<FlagId, string>> = {
  'self-harm': 'thoughts of self-harm or of being better off dead',
  'self-harm-words': 'words about self-harm or suicide in something they wrote',
  'alcohol-dependence': 'signs of alcohol dependence',
  'use-after-break':
    'use of opioids, sedatives or (with dependence signs) alcohol after a break of 3 days or more: tolerance is lower, so overdose is more likely',
  'strong-urge': `a very strong urge (${STRONG_URGE_MIN} or 10 out of 10)`,
}
const SUBSTANCE_WORDS: Record<string, string> = { other: 'another drug' }

const since = (now: Date, days: number) => now.getTime() - days * DAY_MS
const times = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/** One flag per kind of safety event shared in the window, named by its newest event. */
function safety(facts: ClientFacts, { now, safetyDays }: FlagOptions): Flag[] {
  const from = since(now, safetyDays)
  const newest = new Map<FlagId, { words: string; event: SafetyFact; count: number }>()
  for (const event of facts.safetyEvents) {
    const scope = scopeOfSafetySource(event.source)
    if (!scope || !facts.scopes[scope] || event.at.getTime() < from) continue
    const { id, words } = kindOf(event)
    const kept = newest.get(id)
    if (!kept) newest.set(id, { words, event, count: 1 })
    else {
      kept.count++
      if (event.at > kept.event.at) Object.assign(kept, { words, event })
    }
  }
  return [...newest].map(([id, { words, event, count }]) => {
    const what = DETAIL_WORDS[id] ?? `a safety alert (${event.rule})`
    const date = dayMonth(event.at, facts.timeZone)
    return {
      id,
      label: `${words} (${whereOf(event.source)}, ${date})`,
      detail: `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${times(count, 'time')} in the last ${safetyDays} days, the latest in their ${whereOf(event.source)} on ${date}.`,
      at: event.at.getTime(),
    }
  })
}

/** The strongest urge of the last week (the newest of equals): "Strong urge 10/10 (5 Dec)". */
function strongUrges(facts: ClientFacts, { now }: FlagOptions): Flag | null {
  if (!facts.scopes.tracking) return null
  const from = since(now, RECENT_DAYS)
  const strong = facts.urges.filter((u) => u.intensity >= STRONG_URGE_MIN && u.at.getTime() >= from)
  if (strong.length === 0) return null
  const top = strong.reduce((a, b) =>
    b.intensity > a.intensity || (b.intensity === a.intensity && b.at > a.at) ? b : a,
  )
  const newest = strong.reduce((a, b) => (b.at > a.at ? b : a))
  return {
    id: 'strong-urge',
    label: `Strong urge ${top.intensity}/10 (${dayMonth(top.at, facts.timeZone)})`,
    detail: `${times(strong.length, 'urge')} of ${STRONG_URGE_MIN} or 10 out of 10 in the last ${RECENT_DAYS} days.`,
    at: newest.at.getTime(),
  }
}

function useAgainstStopGoal(facts: ClientFacts, { now }: FlagOptions): Flag | null {
  if (!facts.scopes.tracking || !facts.scopes.goals) return null
  const goals = facts.stopGoals.filter((goal) => goal.status === 'active')
  const from = since(now, RECENT_DAYS)
  const used = facts.use.filter(
    (use) =>
      use.substance !== null &&
      (use.amount ?? 0) > 0 &&
      use.at.getTime() >= from &&
      goals.some((goal) => (goal.substance === null || goal.substance === use.substance) && use.date >= goal.startedOn),
  )
  if (used.length === 0) return null
  const newest = used.reduce((a, b) => (b.at > a.at ? b : a))
  const substances = [...new Set(used.map((use) => SUBSTANCE_WORDS[use.substance ?? ''] ?? use.substance))]
  return {
    id: 'use-against-stop-goal',
    label: `Use against a stop goal (${dayMonth(newest.at, facts.timeZone)})`,
    detail: `Logged use ${times(used.length, 'time')} in the last ${RECENT_DAYS} days (${substances.join(', ')}) while they have a goal to stop.`,
    at: newest.at.getTime(),
  }
}

/** "Your mood (PHQ-9)" → "PHQ-9": the short name the caseload shows scores by. */
const shortName = (title: string) => /\(([^)]+)\)$/.exec(title)?.[1] ?? title

function worseBand(facts: ClientFacts): Flag | null {
  if (!facts.scopes.assessments) return null
  const changes: Array<{ text: string; title: string; at: number }> = []
  for (const { title, bands, latest, previous, latestAt } of facts.bandChanges) {
    // Severity is the band's place in the content's list, which lists bands mildest first.
    const now = bands.findIndex((band) => band.id === latest)
    const before = bands.findIndex((band) => band.id === previous)
    if (now === -1 || before === -1 || now <= before) continue
    changes.push({
      text: `${title}: ${bands[before]?.label} to ${bands[now]?.label}`,
      title,
      at: latestAt?.getTime() ?? 0,
    })
  }
  if (changes.length === 0) return null
  const newest = changes.reduce((a, b) => (b.at > a.at ? b : a))
  const date = newest.at ? `, ${dayMonth(newest.at, facts.timeZone)}` : ''
  return {
    id: 'worse-score',
    label: `Worse score (${shortName(newest.title)}${date})`,
    detail: `${changes.map((change) => change.text).join('; ')}.`,
    at: newest.at,
  }
}

function inactive(facts: ClientFacts, { now }: FlagOptions): Flag | null {
  const from = since(now, INACTIVE_DAYS)
  const last = facts.lastActiveAt ?? facts.linkedAt
  if (last.getTime() >= from) return null
  const days = Math.floor((now.getTime() - last.getTime()) / DAY_MS)
  return {
    id: 'no-activity',
    label: `No activity (${facts.lastActiveAt ? 'last active' : 'linked'} ${dayMonth(last, facts.timeZone)})`,
    detail: facts.lastActiveAt
      ? `Last active ${times(days, 'day')} ago.`
      : `Not active since the link was made ${times(days, 'day')} ago.`,
    at: last.getTime(),
  }
}

/** Self-harm first, then the newest first; FLAG_IDS order between two of the same moment. */
export function compareFlag(a: Flag, b: Flag): number {
  return (
    Number(SELF_HARM_FLAGS.has(b.id)) - Number(SELF_HARM_FLAGS.has(a.id)) ||
    b.at - a.at ||
    FLAG_IDS.indexOf(a.id) - FLAG_IDS.indexOf(b.id)
  )
}

/** The client's flags: self-harm first, then the newest first. */
export function caseloadFlags(facts: ClientFacts, options: FlagOptions): Flag[] {
  const urge = strongUrges(facts, options)
  // A very-high-urge safety event and the urge rule are one kind: the rule's flag, when it
  // fires, says how strong; an event alone (an urge over a week old) still shows.
  const events = safety(facts, options).filter((flag) => !(urge && flag.id === 'strong-urge'))
  return [...events, urge, useAgainstStopGoal(facts, options), worseBand(facts), inactive(facts, options)]
    .filter((flag) => flag !== null)
    .sort(compareFlag)
}

/**
 * Orders clients by their flags (each list sorted by caseloadFlags): any flag before none, then
 * by their first flags (self-harm first, then the newest), then more flags. A single self-harm
 * flag outranks several others: it is the one to act on first. 0 when the flags rank the same
 * (the caller's own sort decides).
 */
export function compareFlags(a: readonly Flag[], b: readonly Flag[]): number {
  const [first, second] = [a[0], b[0]]
  if (!first || !second) return Number(!first) - Number(!second)
  return compareFlag(first, second) || b.length - a.length
}
