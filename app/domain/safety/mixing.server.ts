// Mixing warnings on the server (issue 15 §3; hazard H-039). A client lists the medicines they
// are prescribed; when a NEW use entry combines dangerously with something else logged the same
// local day, or with a listed medicine (the engine's `mixesWithEntry` over content/safety/
// mixing.yaml), the save's transaction inserts a `mixing` safety event (source `tracking:use`)
// with the entry, and the page the save lands on shows the warning (`mixingWarning`). As with
// use after a break, an edit never raises it: the entry was checked when it was logged.
import { and, asc, eq, isNotNull, ne } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { prescribedMedicines, safetyEvents, useEntries } from '#db/schema/index.ts'
import { loadProgramme, type MedicineKind, type MixingRow, mixesWithEntry } from '#programme/engine/index.ts'
import { MEDICINES_MAX, type MedicineForm } from './medicines.ts'

export const MIXING_RULE = 'mixing'
const SOURCE = 'tracking:use'

/** The client's listed medicines, oldest first. */
export async function listMedicines(userId: string) {
  return getDb()
    .select({ id: prescribedMedicines.id, kind: prescribedMedicines.kind, name: prescribedMedicines.name })
    .from(prescribedMedicines)
    .where(eq(prescribedMedicines.userId, userId))
    .orderBy(asc(prescribedMedicines.createdAt), asc(prescribedMedicines.id))
    .all()
}

/** Said when the list is full. */
export const MEDICINES_FULL = `You can list up to ${MEDICINES_MAX} medicines. Remove one to add another.`

export async function addMedicine(
  userId: string,
  form: MedicineForm,
  now: Date,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if ((await listMedicines(userId)).length >= MEDICINES_MAX) return { ok: false, message: MEDICINES_FULL }
  await getDb()
    .insert(prescribedMedicines)
    .values({ userId, kind: form.kind, name: form.name || null, createdAt: now })
    .run()
  return { ok: true }
}

/** False when there is no such medicine of theirs (the route answers 404). */
export async function removeMedicine(userId: string, id: string): Promise<boolean> {
  const done = await getDb()
    .delete(prescribedMedicines)
    .where(and(eq(prescribedMedicines.id, id), eq(prescribedMedicines.userId, userId)))
    .run()
  return done.changes === 1
}

/** `prescribedMedicines` for the privacy export. */
export async function exportMedicines(userId: string) {
  const rows = await getDb()
    .select()
    .from(prescribedMedicines)
    .where(eq(prescribedMedicines.userId, userId))
    .orderBy(asc(prescribedMedicines.createdAt))
    .all()
  return {
    prescribedMedicines: rows.map(({ userId: _u, ...m }) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  }
}

/** The medicine kinds the client listed, as the rule reads them. */
async function medicineKinds(userId: string): Promise<MedicineKind[]> {
  return (await listMedicines(userId)).map((m) => m.kind as MedicineKind)
}

/** Substances in the diary on one local day, leaving out `exceptId` (the entry being shown). */
async function daySubstances(userId: string, localDate: string, exceptId?: string): Promise<string[]> {
  const rows = await getDb()
    .select({ substance: useEntries.substance })
    .from(useEntries)
    .where(
      and(
        eq(useEntries.userId, userId),
        eq(useEntries.localDate, localDate),
        isNotNull(useEntries.substance),
        exceptId ? ne(useEntries.id, exceptId) : undefined,
      ),
    )
    .all()
  return rows.map((r) => r.substance as string)
}

type NewEntry = { substance: string | null; localDate: string }

/**
 * Checks a new use entry before it is saved (so the day's diary does not hold it yet): the
 * safety event to insert with it when it mixes dangerously, or null.
 */
export async function mixingEvent(
  userId: string,
  entry: NewEntry,
  now: Date,
): Promise<(typeof safetyEvents.$inferInsert & { id: string }) | null> {
  if (!entry.substance) return null
  const [sameDay, medicines] = await Promise.all([daySubstances(userId, entry.localDate), medicineKinds(userId)])
  if (mixesWithEntry(loadProgramme().mixing, entry.substance, sameDay, medicines).length === 0) return null
  return { id: crypto.randomUUID(), userId, rule: MIXING_RULE, source: SOURCE, createdAt: now }
}

/** One fired row as the page shows it: the two sides' names, the reason and the sources. */
export type MixingWarningRow = { id: string; names: [string, string]; reason: string }

function shown(row: MixingRow): MixingWarningRow {
  const names = loadProgramme().mixing.names
  return { id: row.id, names: [names[row.mix[0]] ?? row.mix[0], names[row.mix[1]] ?? row.mix[1]], reason: row.reason }
}

/**
 * The warning for a use entry just logged, or null: only when its save raised the mixing event
 * (written in the same transaction, with the same time), so nothing about it travels in the
 * address. The rows are worked out again from the day and the medicines as they are now.
 */
export async function mixingWarning(
  userId: string,
  entry: { id: string; substance: string | null; localDate: string; createdAt: Date },
): Promise<MixingWarningRow[] | null> {
  if (!entry.substance) return null
  const event = await getDb()
    .select({ id: safetyEvents.id })
    .from(safetyEvents)
    .where(
      and(
        eq(safetyEvents.userId, userId),
        eq(safetyEvents.rule, MIXING_RULE),
        eq(safetyEvents.source, SOURCE),
        eq(safetyEvents.createdAt, entry.createdAt),
      ),
    )
    .limit(1)
    .get()
  if (!event) return null
  const [sameDay, medicines] = await Promise.all([
    daySubstances(userId, entry.localDate, entry.id),
    medicineKinds(userId),
  ])
  const rows = mixesWithEntry(loadProgramme().mixing, entry.substance, sameDay, medicines)
  return rows.length > 0 ? rows.map(shown) : null
}

/** Every row of the table for the "Mixing drugs" page, with its sources. */
export function mixingTable() {
  const { rows, medicines } = loadProgramme().mixing
  return {
    rows: rows.map((row) => ({ ...shown(row), sources: row.sources })),
    medicines: medicines.map(({ id, label }) => ({ id, label })),
  }
}

/** The medicine kinds and their labels, for the plan's form. */
export function medicineChoices() {
  return loadProgramme().mixing.medicines.map(({ id, label }) => ({ id, label }))
}
