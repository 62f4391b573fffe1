// An admin can switch an instrument off (CLINICAL.md: "An admin can switch any instrument off"):
// it is then left out of new check-ins. Its items, scores and cut-offs can never be edited in the
// studio (the validator refuses any draft that changes them, H-029); this switch is the only
// other thing a service decides about an instrument. Every switch writes an audit row.
import { eq } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { instrumentSwitches, studioAudit } from '#db/schema/index.ts'
import { loadProgramme } from '#programme/engine/index.ts'
import type { Actor } from './guards.server.ts'
import { auditValues, type StudioResult } from './workflow.server.ts'

/** The ids of the instruments an admin has switched off. */
export async function disabledInstruments(): Promise<string[]> {
  const rows = await getDb()
    .select({ id: instrumentSwitches.instrumentId })
    .from(instrumentSwitches)
    .where(eq(instrumentSwitches.enabled, false))
    .all()
  return rows.map((row) => row.id)
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
  }))
}

/** An admin switches an instrument off or on. */
export async function setInstrumentEnabled(
  actor: Actor,
  instrumentId: string,
  enabled: boolean,
  now = clock.now(),
): Promise<StudioResult> {
  if (actor.role !== 'admin')
    return { ok: false, status: 403, message: 'Only an admin can switch an instrument off or on.' }
  if (!Object.hasOwn(loadProgramme().instruments, instrumentId))
    return { ok: false, status: 404, message: 'There is no instrument like that.' }
  getDb().transaction((tx) => {
    tx.insert(instrumentSwitches)
      .values({ instrumentId, enabled, changedBy: actor.id, changedAt: now })
      .onConflictDoUpdate({
        target: instrumentSwitches.instrumentId,
        set: { enabled, changedBy: actor.id, changedAt: now },
      })
      .run()
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
