// The mixing rule (hazard H-039): given what a client logged on one local day and the medicines
// they listed as prescribed, which dangerous combinations of content/safety/mixing.yaml fire.
// Pure: the server reads the day's diary and the medicines, and asks.
import type { MedicineKind, MixId, Mixing, MixingRow } from '../../schema/mixing.schema.ts'

/** One thing in the body that day: a diary entry's substance, or a listed medicine. */
type Item = { ids: ReadonlySet<MixId> }

function itemsOf(mixing: Mixing, substances: readonly string[], medicines: readonly MedicineKind[]): Item[] {
  const counts = new Map(mixing.medicines.map((m) => [m.id, m.counts]))
  return [
    ...substances.map((s) => ({ ids: new Set([s as MixId]) })),
    ...medicines.map((kind) => ({ ids: new Set(counts.get(kind) ?? []) })),
  ]
}

/** Whether the row's two sides come from two different items, one of them `must` when given. */
function fires(row: MixingRow, items: readonly Item[], must?: Item): boolean {
  const [a, b] = row.mix
  const pairs = (x: Item, y: Item) => x !== y && ((x.ids.has(a) && y.ids.has(b)) || (x.ids.has(b) && y.ids.has(a)))
  return must ? items.some((other) => pairs(must, other)) : items.some((x) => items.some((y) => pairs(x, y)))
}

/**
 * The rows that fire for one local day: `substances` are the diary's substances that day
 * (duplicates are fine; "no use" rows left out), `medicines` the kinds the client listed.
 */
export function mixesOnDay(
  mixing: Mixing,
  substances: readonly string[],
  medicines: readonly MedicineKind[],
): MixingRow[] {
  const items = itemsOf(mixing, substances, medicines)
  return mixing.rows.filter((row) => fires(row, items))
}

/**
 * The rows a NEW entry of `substance` sets off, with the rest of its day (`sameDay`, before it)
 * and the listed medicines: only combinations the new entry is part of, so logging cannabis on a
 * day that already mixed alcohol and opioids does not warn again about those two.
 */
export function mixesWithEntry(
  mixing: Mixing,
  substance: string,
  sameDay: readonly string[],
  medicines: readonly MedicineKind[],
): MixingRow[] {
  const entry: Item = { ids: new Set([substance as MixId]) }
  const items = [entry, ...itemsOf(mixing, sameDay, medicines)]
  return mixing.rows.filter((row) => fires(row, items, entry))
}
