// The reads behind a key worker's caseload, and its access-log write. Each is one statement over
// all the worker's live links, so the list costs the same few queries for 5 clients or 500
// (the client page and summary take one client's flags from the same memoised read). Every read of a client's data is narrowed in SQL to clients
// whose link shares that scope: data a client has not shared is never read, let alone shown.
// Time windows and thresholds come from the engine's flag rules, which decide again in
// JavaScript: SQL only keeps the reads small.
//
// Written as SQL and prepared once per connection: window functions, FILTER clauses and
// sub-selects on scopes read more plainly so than through the query builder, and the list is on
// a hot path. The SQLite-only parts (named parameters, json_extract on a module's saved state)
// come from db/sqlite.ts.

import { type AccessRow, scopesText } from '#app/domain/sharing/access-log.server.ts'
import type { Scopes } from '#app/domain/sharing/links.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { SCOPES, type Scope, type User } from '#db/schema/index.ts'
import { jsonRows, jsonText, namedStatement } from '#db/sqlite.ts'
import {
  DAY_MS,
  RECENT_DAYS,
  type SafetyFact,
  STRONG_URGE_MIN,
  type StopGoalFact,
  type UrgeFact,
  type UseFact,
} from '#programme/engine/index.ts'

/** `linkId` null reads every live link of the worker; a link id reads that one only (if live and theirs). */
type Params = { workerId: string; linkId: string | null; safetySince: number; recentSince: number; strong: number }

type Sql = {
  /** The worker's live links; `t` is the care_links alias with its dot. */
  live: (t?: string) => string
  /** The clients of those links who share every one of `scopes`. */
  sharing: (...scopes: Scope[]) => string
}
function sqlFor(): Sql {
  const live = (t = '') =>
    `${t}worker_id = @workerId and ${t}revoked_at is null and (@linkId is null or ${t}id = @linkId)`
  const sharing = (...scopes: Scope[]) =>
    `(select client_id from care_links where ${live()}${scopes.map((scope) => ` and scope_${scope} = 1`).join('')})`
  return { live, sharing }
}

/** A statement over all the worker's live links, prepared once per connection. */
function statement<Row>(text: (sql: Sql) => string) {
  return namedStatement<Params, Row>(text(sqlFor()))
}

type LinkRow = {
  linkId: string
  clientId: string
  label: string | null
  username: string
  lastActiveAt: number | null
  linkedAt: number
  timeZone: string
} & Record<Scope, 0 | 1>
const links = statement<LinkRow>(
  ({ live }) => `select l.id as linkId, l.client_id as clientId, l.label, u.username, u.last_active_at as lastActiveAt,
    l.created_at as linkedAt, u.time_zone as timeZone,
    ${SCOPES.map((scope) => `l.scope_${scope} as ${scope}`).join(', ')}
  from care_links l join users u on u.id = l.client_id
  where ${live('l.')}`,
)

// Each instrument's latest two completed totals per client, from the latest_scores summary
// written with the responses (db/latest-scores.ts): one row a client, its scores one JSON array
// of [instrumentId, total, band, at, rank] (rank 1 the latest, 2 the one before). A caseload of
// 200 has some 1,500 of them: as rows, making their objects cost more than the rest of the reads.
// The rank places each; asking SQLite to order them cost a sort per view.
type ResponseRow = { clientId: string; scores: string }
type ScoreTuple = [instrumentId: string, total: number, band: string | null, at: number, rank: number]
const responses = statement<ResponseRow>(
  ({ sharing }) => `select user_id as clientId,
    ${jsonRows(['instrument_id', 'total', 'band', 'completed_at', 'rank'])} as scores
  from latest_scores where user_id in ${sharing('assessments')} group by user_id`,
)

// A module is done when its machine is in its final state, as the client's module list counts it.
// (Any other state is in progress; each state is read once.)
type ModuleRow = { clientId: string; inProgress: number; done: number }
const modules = statement<ModuleRow>(
  ({ sharing }) => `select clientId, started - done as inProgress, done from (
    select user_id as clientId, count(*) as started,
      count(*) filter (where ${jsonText('state', 'value')} = 'finished') as done
    from module_progress where user_id in ${sharing('modules')} group by user_id)`,
)

// A safety event shows only when the scope its source comes from is shared (scopeOfSafetySource:
// self-harm words found in free text, "text:…", are shared as assessments are).
type SafetyRow = { clientId: string; rule: string; source: string; at: number }
const safety = statement<SafetyRow>(
  ({ live }) => `select s.user_id as clientId, s.rule, s.source, s.created_at as at
  from safety_events s join care_links l on l.client_id = s.user_id
  where ${live('l.')} and s.created_at >= @safetySince
    and ((l.scope_assessments = 1 and (s.source like 'assessment:%' or s.source like 'text:%')) or (l.scope_tracking = 1 and s.source like 'tracking:%')
      or (l.scope_modules = 1 and s.source like 'module:%'))`,
)

type UrgeRow = { clientId: string; intensity: number; at: number }
const urges = statement<UrgeRow>(
  ({ sharing }) => `select user_id as clientId, intensity, occurred_at as at from urges
  where user_id in ${sharing('tracking')} and occurred_at >= @recentSince and intensity >= @strong`,
)

const STOP_GOAL = "type = 'stop' and status = 'active'"
type GoalRow = { clientId: string; substance: string | null; status: 'active'; createdAt: number }
const stopGoals = statement<GoalRow>(
  ({ sharing }) => `select user_id as clientId, substance, status, created_at as createdAt from goals
  where user_id in ${sharing('tracking', 'goals')} and ${STOP_GOAL}`,
)

// Only clients with an active stop goal: use by anyone else cannot go against one.
type UseRow = { clientId: string; substance: string; amount: number; at: number; date: string }
const use = statement<UseRow>(
  ({
    sharing,
  }) => `select user_id as clientId, substance, amount, occurred_at as at, local_date as date from use_entries
  where user_id in (select user_id from goals where user_id in ${sharing('tracking', 'goals')} and ${STOP_GOAL})
    and occurred_at >= @recentSince and amount > 0 and substance is not null`,
)

/** One access-log row for each client on the page, with the scopes their link shares (as logAccess writes them). */
export function caseloadViewRows(
  worker: Pick<User, 'id' | 'username'>,
  clients: Array<{ clientId: string; scopes: Scopes }>,
  now: Date,
): AccessRow[] {
  return clients.map(({ clientId, scopes }) => ({
    clientId,
    workerId: worker.id,
    workerName: worker.username,
    what: 'caseload list',
    scopes: scopesText(scopes),
    at: now,
  }))
}

export type CaseloadLink = Omit<LinkRow, Scope | 'lastActiveAt' | 'linkedAt'> & {
  lastActiveAt: Date | null
  linkedAt: Date
  scopes: Scopes
}
type Latest = { total: number; band: string | null; at: Date }

/** Everything the list needs, by client id. */
export type CaseloadFacts = {
  links: Map<string, CaseloadLink>
  /** By instrument: the latest completed response, then the one before (if any). */
  responses: Map<string, Map<string, Latest[]>>
  modules: Map<string, { inProgress: number; done: number }>
  safety: Map<string, SafetyFact[]>
  urges: Map<string, UrgeFact[]>
  stopGoals: Map<string, Array<Omit<StopGoalFact, 'startedOn'> & { createdAt: Date }>>
  use: Map<string, UseFact[]>
}

function grouped<Row extends { clientId: string }, T>(rows: Row[], map: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const list = out.get(row.clientId)
    if (list) list.push(map(row))
    else out.set(row.clientId, [map(row)])
  }
  return out
}

/** Reads the facts for all the worker's live links (or only `linkId`, if it is one of them). */
export async function readCaseload(workerId: string, now: Date, linkId: string | null = null): Promise<CaseloadFacts> {
  const params: Params = {
    workerId,
    linkId,
    safetySince: now.getTime() - getEnv().REASSESS_DAYS * DAY_MS,
    recentSince: now.getTime() - RECENT_DAYS * DAY_MS,
    strong: STRONG_URGE_MIN,
  }
  const linkMap = new Map<string, CaseloadLink>()
  for (const { assessments, modules, tracking, goals, lastActiveAt, linkedAt, ...row } of await links.all(params))
    linkMap.set(row.clientId, {
      ...row,
      lastActiveAt: lastActiveAt === null ? null : new Date(lastActiveAt),
      linkedAt: new Date(linkedAt),
      scopes: { assessments: assessments === 1, modules: modules === 1, tracking: tracking === 1, goals: goals === 1 },
    })
  const responseMap = new Map<string, Map<string, Latest[]>>()
  for (const { clientId, scores } of await responses.all(params)) {
    const mine = new Map<string, Latest[]>()
    for (const [instrumentId, total, band, at, rank] of JSON.parse(scores) as ScoreTuple[]) {
      const list = mine.get(instrumentId) ?? []
      list[rank - 1] = { total, band, at: new Date(at) }
      mine.set(instrumentId, list)
    }
    // By instrument id, as the flags' wording lists them, whatever order SQLite gave.
    responseMap.set(clientId, new Map([...mine].sort(([a], [b]) => (a < b ? -1 : 1))))
  }
  return {
    links: linkMap,
    responses: responseMap,
    modules: new Map((await modules.all(params)).map(({ clientId, ...counts }) => [clientId, counts])),
    safety: grouped(await safety.all(params), ({ rule, source, at }) => ({ rule, source, at: new Date(at) })),
    urges: grouped(await urges.all(params), ({ intensity, at }) => ({ intensity, at: new Date(at) })),
    stopGoals: grouped(await stopGoals.all(params), ({ substance, status, createdAt }) => ({
      substance,
      status,
      createdAt: new Date(createdAt),
    })),
    use: grouped(await use.all(params), ({ substance, amount, at, date }) => ({
      substance,
      amount,
      at: new Date(at),
      date,
    })),
  }
}
