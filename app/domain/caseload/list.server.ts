// A key worker's caseload: every client with a live link to them, flagged clients first, each
// with only what that client shares: latest scores and which way they moved (assessments),
// modules in progress and done (modules), and risk flags from the engine's rules.
//
// The list is read afresh on every view with a fixed handful of set-based queries over all the
// worker's live links, never a query per client (queries.server.ts); nothing is kept between
// requests, so any server process can answer any view. The list is paged (PAGE_SIZE): a phone cannot use 200 rows, and a
// view then shows, and logs, 25 clients' data rather than every client's. Each view writes one
// access-log row per client on the page, committed before the page goes out (with any other
// views arriving at the same moment: access-log.server.ts).
import { z } from 'zod'
import { logged } from '#app/domain/sharing/access-log.server.ts'
import type { Scopes } from '#app/domain/sharing/links.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { aboutClient } from '#app/utils/format.ts'
import type { User } from '#db/schema/index.ts'
import {
  type BandFact,
  type ClientFacts,
  caseloadFlags,
  compareFlags,
  type Flag,
  loadProgramme,
  type Programme,
  type StopGoalFact,
  todayIn,
} from '#programme/engine/index.ts'
import { type CaseloadFacts, type CaseloadLink, caseloadViewRows, readCaseload } from './queries.server.ts'

export const SHOW = ['all', 'flagged'] as const
export const SORTS = ['name', 'active', 'linked'] as const

/** `?show=` and `?sort=`; anything else falls back to the whole list by name, as a filter link should. */
export const CaseloadOptionsSchema = z.object({
  show: z.enum(SHOW).catch('all'),
  sort: z.enum(SORTS).catch('name'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type CaseloadOptions = z.infer<typeof CaseloadOptionsSchema>

export function parseCaseloadOptions(params: URLSearchParams): CaseloadOptions {
  return CaseloadOptionsSchema.parse({
    show: params.get('show') ?? undefined,
    sort: params.get('sort') ?? undefined,
    page: params.get('page') ?? undefined,
  })
}

/**
 * Instruments whose lower total is the better one: all the summed ones in the content (AUDIT,
 * AUDIT-C and DAST-10 score problems, the SDS dependence, the PHQ-9 and GAD-7 symptoms). The
 * readiness ruler and the life-area check have no total, so they never appear. A new instrument
 * gets no direction until it is added here (or to a list of higher-is-better ones, for a
 * recovery-capital scale such as BARC-10).
 */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['audit', 'audit-c', 'dast-10', 'sds', 'phq-9', 'gad-7'])

export type Change = 'better' | 'worse' | 'same'
export type Score = {
  instrumentId: string
  title: string
  total: number
  band: string | null
  /** Against the client's previous total on the same instrument; null for a first score. */
  change: Change | null
}

export type CaseloadClient = {
  linkId: string
  /** The worker's private label if they set one, else the client's username. */
  name: string
  username: string
  label: string | null
  lastActiveAt: Date | null
  linkedAt: Date
  scopes: Scopes
  /** Null when assessments are not shared. */
  scores: Score[] | null
  /** Null when modules are not shared. */
  modules: { inProgress: number; done: number } | null
  flags: Flag[]
}

export type Caseload = {
  /** The clients on this page. */
  clients: CaseloadClient[]
  /** Every live link; those with a flag; those the filter lets through. */
  total: number
  flagged: number
  matching: number
  options: CaseloadOptions
  pages: number
}

function change(latest: number, previous: number | undefined, instrumentId: string): Change | null {
  if (previous === undefined || !LOWER_IS_BETTER.has(instrumentId)) return null
  return latest < previous ? 'better' : latest > previous ? 'worse' : 'same'
}

/**
 * A client as read: the row without its flags, the facts its flags are worked out from, and
 * their place in the list by name (sorting by name with a collator on every view costs more than
 * everything else the view does).
 */
type Read = { clientId: string; client: Omit<CaseloadClient, 'flags'>; facts: ClientFacts; nameRank: number }
type Content = {
  instruments: Programme['instruments']
  order: ReadonlyMap<string, number>
  /** Each instrument's title as the list words it (aboutClient), worked out once a view, not once a score. */
  titles: ReadonlyMap<string, string>
}

/** One client's rows turned into what the page shows, and the facts the flag rules read. */
function build(read: CaseloadFacts, link: CaseloadLink, { instruments, order, titles }: Content): Read {
  const scores: Score[] = []
  const bandChanges: BandFact[] = []
  for (const [instrumentId, [latest, previous]] of read.responses.get(link.clientId) ?? []) {
    const instrument = instruments[instrumentId]
    if (!instrument || !latest) continue
    scores.push({
      instrumentId,
      title: titles.get(instrumentId) ?? aboutClient(instrument.title),
      total: latest.total,
      band: instrument.bands.find((band) => band.id === latest.band)?.label ?? null,
      change: change(latest.total, previous?.total, instrumentId),
    })
    bandChanges.push({
      title: instrument.title,
      bands: instrument.bands,
      latest: latest.band,
      previous: previous?.band ?? null,
      latestAt: latest.at,
    })
  }
  scores.sort((a, b) => (order.get(a.instrumentId) ?? order.size) - (order.get(b.instrumentId) ?? order.size))
  const { linkId, clientId, username, label, lastActiveAt, linkedAt, scopes } = link
  return {
    clientId,
    nameRank: 0,
    client: {
      linkId,
      name: label ?? username,
      username,
      label,
      lastActiveAt,
      linkedAt,
      scopes,
      scores: scopes.assessments ? scores : null,
      modules: scopes.modules ? (read.modules.get(clientId) ?? { inProgress: 0, done: 0 }) : null,
    },
    facts: {
      scopes,
      timeZone: link.timeZone,
      linkedAt,
      lastActiveAt,
      safetyEvents: read.safety.get(clientId) ?? [],
      urges: read.urges.get(clientId) ?? [],
      stopGoals: (read.stopGoals.get(clientId) ?? []).map(({ createdAt, ...goal }) =>
        withStartedOn(goal, link.timeZone, createdAt),
      ),
      use: read.use.get(clientId) ?? [],
      bandChanges,
    },
  }
}

/**
 * A stop goal with the day it began, counted in the client's zone as their own milestones count
 * it. Worked out when a rule first reads it: only use logged in the window does, which few
 * clients of a caseload have, and a zone's date costs more than the rest of a client's facts.
 */
function withStartedOn(goal: Omit<StopGoalFact, 'startedOn'>, timeZone: string, createdAt: Date): StopGoalFact {
  let day: string | undefined
  return {
    ...goal,
    get startedOn() {
      day ??= todayIn(timeZone, createdAt)
      return day
    },
  }
}

const byName = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

/** Every client of the worker's live links (or only `linkId`'s), as read. */
async function readClients(workerId: string, now: Date, linkId: string | null = null): Promise<Read[]> {
  const read = await readCaseload(workerId, now, linkId)
  const { instruments } = loadProgramme()
  const content = {
    instruments,
    order: new Map(Object.keys(instruments).map((id, index) => [id, index])),
    titles: new Map(Object.entries(instruments).map(([id, instrument]) => [id, aboutClient(instrument.title)])),
  }
  const clients = [...read.links.values()].map((link) => build(read, link, content))
  clients.sort((a, b) => byName.compare(a.client.name, b.client.name))
  clients.forEach((client, index) => {
    client.nameRank = index
  })
  return clients
}

const flagOptions = (now: Date) => ({ now, safetyDays: getEnv().REASSESS_DAYS })

type Row = { client: CaseloadClient; nameRank: number }
const newest = (a: Date | null, b: Date | null) => (b?.getTime() ?? -1) - (a?.getTime() ?? -1)
const SORTERS: Record<CaseloadOptions['sort'], (a: Row, b: Row) => number> = {
  name: (a, b) => a.nameRank - b.nameRank,
  active: (a, b) => newest(a.client.lastActiveAt, b.client.lastActiveAt) || a.nameRank - b.nameRank,
  linked: (a, b) => newest(a.client.linkedAt, b.client.linkedAt) || a.nameRank - b.nameRank,
}

type Flagged = Row & { clientId: string }

/** The clients with their flags, flagged first, then as sorted. */
function flaggedAndSorted(read: Read[], sort: CaseloadOptions['sort'], now: Date): Flagged[] {
  const rules = flagOptions(now)
  const rows = read.map(
    ({ client, facts, nameRank, clientId }): Flagged => ({
      client: { ...client, flags: caseloadFlags(facts, rules) },
      nameRank,
      clientId,
    }),
  )
  const sorter = SORTERS[sort]
  rows.sort((a, b) => compareFlags(a.client.flags, b.client.flags) || sorter(a, b))
  return rows
}

/** Clients per page: a page a phone can scroll, and only these clients' data is shown (and logged). */
export const PAGE_SIZE = 25

/**
 * The worker's caseload as the list page shows it: flagged clients first, then as sorted, one
 * page at a time, with one access-log row ("caseload list", with the scopes in force) for each
 * client on the page, on disk before it resolves: the log names exactly the clients whose data
 * the page shows.
 */
export async function caseload(
  worker: Pick<User, 'id' | 'username'>,
  options: CaseloadOptions,
  now = clock.now(),
): Promise<Caseload> {
  const view = pageOf(flaggedAndSorted(await readClients(worker.id, now), options.sort, now), options)
  // On disk before the page goes out.
  await logged(caseloadViewRows(worker, view.logRows, now))
  return view.caseload
}

type PageView = { caseload: Caseload; logRows: Array<{ clientId: string; scopes: Scopes }> }
function pageOf(rows: Flagged[], options: CaseloadOptions): PageView {
  const flagged = rows.filter((row) => row.client.flags.length > 0).length
  const matching = options.show === 'flagged' ? rows.filter((row) => row.client.flags.length > 0) : rows
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE))
  const page = Math.min(options.page, pages)
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
  return {
    logRows: shown.map((row) => ({ clientId: row.clientId, scopes: row.client.scopes })),
    caseload: {
      clients: shown.map((row) => row.client),
      total: rows.length,
      matching: matching.length,
      flagged,
      options: { ...options, page },
      pages,
    },
  }
}

/**
 * The flags of one of the worker's live links (client page, session summary): the list's own
 * reads and rules, narrowed to that link, so a flag reads the same everywhere; none for a link
 * that is not theirs or not live. It writes no access log: the page that shows them logs its own view.
 */
export async function clientFlags(workerId: string, linkId: string, now = clock.now()): Promise<Flag[]> {
  const [read] = await readClients(workerId, now, linkId)
  return read ? caseloadFlags(read.facts, flagOptions(now)) : []
}
