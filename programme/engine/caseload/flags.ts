// Risk flags on a key worker's caseload: the few facts that should bring a client to the top of
// the list before a session. Pure rules over facts the server has already read; each rule looks
// only at data the client shares (a rule whose scope is not shared never fires, whatever facts it
// is given), and every threshold is the issue's, named here once so the server's SQL can narrow
// its reads with the same numbers.

/** What a client can share with a worker (the columns of a care link). */
export type SharedScopes = { assessments: boolean; modules: boolean; tracking: boolean; goals: boolean }

/** Flag ids, most serious first: the order flags are listed in and clients are ranked by. */
export const FLAG_IDS = ['safety', 'strong-urges', 'use-against-stop-goal', 'worse-band', 'inactive'] as const
export type FlagId = (typeof FLAG_IDS)[number]
export type Flag = { id: FlagId; label: string; detail: string }

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
/** An instrument's two latest completed bands; `bands` as listed in its content, mildest first. */
export type BandFact = {
  title: string
  bands: ReadonlyArray<{ id: string; label: string }>
  latest: string | null
  previous: string | null
}

export type ClientFacts = {
  scopes: SharedScopes
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
 */
export function scopeOfSafetySource(source: string): keyof SharedScopes | null {
  const kind = source.split(':', 1)[0]
  return kind === 'assessment' ? 'assessments' : kind === 'tracking' ? 'tracking' : kind === 'module' ? 'modules' : null
}

const RULE_WORDS: Record<string, string> = {
  'self-harm': 'thoughts of self-harm or of being better off dead',
  'alcohol-dependence': 'signs of alcohol dependence',
  'very-high-urge': `a very strong urge (${STRONG_URGE_MIN} or 10 out of 10)`,
}
const WHERE_WORDS: Record<keyof SharedScopes, string> = {
  assessments: 'in a check-in',
  modules: 'in a module',
  tracking: 'in their urge log',
  goals: 'in their goals',
}
const SUBSTANCE_WORDS: Record<string, string> = { other: 'another drug' }

const since = (now: Date, days: number) => now.getTime() - days * DAY_MS
const times = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`

function safety(facts: ClientFacts, { now, safetyDays }: FlagOptions): Flag | null {
  const from = since(now, safetyDays)
  const seen = new Set<string>()
  for (const event of facts.safetyEvents) {
    const scope = scopeOfSafetySource(event.source)
    if (!scope || !facts.scopes[scope] || event.at.getTime() < from) continue
    seen.add(`${RULE_WORDS[event.rule] ?? `a safety alert (${event.rule})`} ${WHERE_WORDS[scope]}`)
  }
  if (seen.size === 0) return null
  return {
    id: 'safety',
    label: 'Safety concern',
    detail: `In the last ${safetyDays} days: ${[...seen].join('; ')}.`,
  }
}

function strongUrges(facts: ClientFacts, { now }: FlagOptions): Flag | null {
  if (!facts.scopes.tracking) return null
  const from = since(now, RECENT_DAYS)
  const count = facts.urges.filter((u) => u.intensity >= STRONG_URGE_MIN && u.at.getTime() >= from).length
  if (count === 0) return null
  return {
    id: 'strong-urges',
    label: 'Strong urges',
    detail: `${times(count, 'urge')} of ${STRONG_URGE_MIN} or 10 out of 10 in the last ${RECENT_DAYS} days.`,
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
  const substances = [...new Set(used.map((use) => SUBSTANCE_WORDS[use.substance ?? ''] ?? use.substance))]
  return {
    id: 'use-against-stop-goal',
    label: 'Used while aiming to stop',
    detail: `Logged use ${times(used.length, 'time')} in the last ${RECENT_DAYS} days (${substances.join(', ')}) while they have a goal to stop.`,
  }
}

function worseBand(facts: ClientFacts): Flag | null {
  if (!facts.scopes.assessments) return null
  const changes: string[] = []
  for (const { title, bands, latest, previous } of facts.bandChanges) {
    // Severity is the band's place in the content's list, which lists bands mildest first.
    const now = bands.findIndex((band) => band.id === latest)
    const before = bands.findIndex((band) => band.id === previous)
    if (now === -1 || before === -1 || now <= before) continue
    changes.push(`${title}: ${bands[before]?.label} to ${bands[now]?.label}`)
  }
  if (changes.length === 0) return null
  return { id: 'worse-band', label: 'Worse score band', detail: `${changes.join('; ')}.` }
}

function inactive(facts: ClientFacts, { now }: FlagOptions): Flag | null {
  const from = since(now, INACTIVE_DAYS)
  const last = facts.lastActiveAt ?? facts.linkedAt
  if (last.getTime() >= from) return null
  const days = Math.floor((now.getTime() - last.getTime()) / DAY_MS)
  return {
    id: 'inactive',
    label: `Not active for ${INACTIVE_DAYS} days`,
    detail: sentence(
      facts.lastActiveAt
        ? `last active ${times(days, 'day')} ago`
        : `not active since the link was made ${times(days, 'day')} ago`,
    ),
  }
}

/** The client's flags, most serious first. */
export function caseloadFlags(facts: ClientFacts, options: FlagOptions): Flag[] {
  return [
    safety(facts, options),
    strongUrges(facts, options),
    useAgainstStopGoal(facts, options),
    worseBand(facts),
    inactive(facts, options),
  ].filter((flag) => flag !== null)
}

/**
 * Orders clients by their flags: any flag before none, then the most serious flag, then more
 * flags. A single safety concern outranks several milder ones: it is the one to act on first.
 * 0 when the flags rank the same (the caller's own sort decides).
 */
export function compareFlags(a: readonly Flag[], b: readonly Flag[]): number {
  if (a.length === 0 || b.length === 0) return Number(a.length === 0) - Number(b.length === 0)
  return severity(a) - severity(b) || b.length - a.length
}

/** The place in FLAG_IDS of the most serious flag (a loop: the caseload sorts hundreds of lists). */
function severity(flags: readonly Flag[]): number {
  let most: number = FLAG_IDS.length
  for (const flag of flags) most = Math.min(most, FLAG_IDS.indexOf(flag.id))
  return most
}
