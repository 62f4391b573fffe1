// An admin can switch an instrument off (CLINICAL.md: "An admin can switch any instrument off"):
// it is then left out of new check-ins. Its items, scores and cut-offs can never be edited in the
// studio (the validator refuses any draft that changes them, H-029); this switch is the only
// other thing a service decides about an instrument. Every switch writes an audit row.
import { desc, lte, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { instrumentSwitchEvents, studioAudit } from '#db/schema/index.ts'
import { loadProgramme } from '#programme/engine/index.ts'
import type { Actor } from './guards.server.ts'
import { auditValues, type StudioResult } from './workflow.server.ts'

/** The ids of the instruments that were switched off at `at` (by default, now). */
export async function disabledInstruments(at: Date = clock.now()): Promise<string[]> {
  const rows = await getDb()
    .select({ id: instrumentSwitchEvents.instrumentId, enabled: instrumentSwitchEvents.enabled })
    .from(instrumentSwitchEvents)
    .where(lte(instrumentSwitchEvents.changedAt, at))
    .orderBy(desc(instrumentSwitchEvents.changedAt), desc(sql`rowid`))
    .all()
  const latest = new Map<string, boolean>()
  for (const row of rows) if (!latest.has(row.id)) latest.set(row.id, row.enabled)
  return [...latest].filter(([, enabled]) => !enabled).map(([id]) => id)
}

export type InstrumentState = {
  id: string
  title: string
  kind: 'validated' | 'foothold'
  enabled: boolean
  /**
   * The safety rules its answers raise (PHQ-9: self-harm; AUDIT: alcohol dependence): switching
   * it off means they are no longer asked about at check-ins, so the page should say so.
   */
  safetyRules: string[]
  /** Why it can never be switched off (the life-area check, or one worked out from another), if so. */
  locked: string | null
}

/** Every instrument with whether it is on, for the admin's list. */
export async function instrumentStates(): Promise<InstrumentState[]> {
  const off = new Set(await disabledInstruments())
  return Object.values(loadProgramme().instruments).map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    enabled: !off.has(i.id),
    safetyRules: [...new Set(i.safety.map((s) => s.rule))],
    locked:
      i.id === REQUIRED()
        ? 'The programme’s life areas rest on it.'
        : i.derivedFrom
          ? 'It is worked out from another questionnaire’s answers; switch that one off instead.'
          : null,
  }))
}

/** The instrument the programme's life-area profile rests on, never switched off. */
const REQUIRED = () => loadProgramme().lifeAreas.instrument

/**
 * An admin switches an instrument off or on; new check-ins follow it, a check-in under way keeps
 * what it started with. Switching off an instrument whose answers raise a safety rule (PHQ-9's
 * self-harm question, AUDIT's dependence signs) needs `acknowledgeSafety`: the check-in will no
 * longer ask about it.
 */
export async function setInstrumentEnabled(
  actor: Actor,
  instrumentId: string,
  enabled: boolean,
  options: { acknowledgeSafety?: boolean } = {},
  now = clock.now(),
): Promise<StudioResult> {
  if (actor.role !== 'admin')
    return { ok: false, status: 403, message: 'Only an admin can switch an instrument off or on.' }
  const instrument = Object.hasOwn(loadProgramme().instruments, instrumentId)
    ? loadProgramme().instruments[instrumentId]
    : undefined
  if (!instrument) return { ok: false, status: 404, message: 'There is no instrument like that.' }
  if (!enabled && instrumentId === REQUIRED())
    return {
      ok: false,
      status: 400,
      message: `${instrument.title} cannot be switched off: the programme's life areas rest on it.`,
    }
  if (!enabled && instrument.derivedFrom)
    return {
      ok: false,
      status: 400,
      message: `${instrument.title} is worked out from another instrument's answers; switch that one off instead.`,
    }
  const rules = [...new Set(instrument.safety.map((s) => s.rule))]
  if (!enabled && rules.length > 0 && !options.acknowledgeSafety)
    return {
      ok: false,
      status: 400,
      message: `${instrument.title} asks questions that raise safety warnings (${rules.join(', ')}). Confirm that check-ins should stop asking them.`,
    }
  getDb().transaction((tx) => {
    tx.insert(instrumentSwitchEvents).values({ instrumentId, enabled, changedBy: actor.id, changedAt: now }).run()
    tx.insert(studioAudit)
      .values(
        auditValues(actor, 'instrument-switch', { kind: 'instrument', itemId: instrumentId }, now, {
          note: enabled ? 'switched on' : 'switched off',
        }),
      )
      .run()
  })
  return { ok: true }
}
