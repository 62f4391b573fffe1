// The studio's editor for the programme's lists and texts (engine/text-documents.ts) as a plain
// form: one box per text a service may reword, named by its place in the document
// ("areas[2].name"), and for the lists that take additions an "Add" form and a "Remove" button
// for the service's own entries. The base edition's entries have no Remove button, and a post
// naming any other field is refused. Pure: the route reads the form, this builds the draft.
import { z } from 'zod'
import { type AddableList, entryKey, getAt, TEXT_SPECS, type TextKind } from '#programme/engine/text-documents.ts'

const SHORT = 300
const LONG = 2000

export type TextFormField = { name: string; label: string; long: boolean; group: string; value: string }
export type TextFormList = AddableList & {
  entries: Array<{ index: number; text: string; own: boolean }>
}

/** A raw path as a form field name: ['areas', 2, 'name'] → areas[2].name. */
export function fieldName(at: ReadonlyArray<string | number>): string {
  return at.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key),
    '',
  )
}

/** What the editor shows: each text with its value, and each list that takes additions. */
export function textFormOf(kind: TextKind, doc: Record<string, unknown>, base: Record<string, unknown>) {
  const spec = TEXT_SPECS[kind]
  const fields: TextFormField[] = spec.fields(doc).map((field) => {
    const value = getAt(doc, field.at)
    return {
      name: fieldName(field.at),
      label: field.label,
      long: field.long,
      group: field.group,
      value: typeof value === 'string' ? value : '',
    }
  })
  const lists: TextFormList[] = spec.lists.map((list) => {
    const own = Array.isArray(doc[list.key]) ? (doc[list.key] as unknown[]) : []
    const shipped = new Set((Array.isArray(base[list.key]) ? (base[list.key] as unknown[]) : []).map(entryKey))
    return {
      ...list,
      entries: own.map((entry, index) => ({
        index,
        text:
          typeof entry === 'string'
            ? entry
            : String(
                (entry as { label?: unknown; title?: unknown }).label ?? (entry as { title?: unknown }).title ?? '',
              ),
        own: !shipped.has(entryKey(entry)),
      })),
    }
  })
  return { fields, lists }
}

const IntentSchema = z.union([
  z.literal('save'),
  z.string().regex(/^add:(triggers|copingStrategies|feelings|phrases|tips)$/),
  z.string().regex(/^remove:(triggers|copingStrategies|feelings|phrases|tips):\d{1,3}$/),
])

export const TextFormSchema = z.object({
  intent: IntentSchema,
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  values: z.record(z.string(), z.string().max(LONG, `Please keep each text under ${LONG} characters`)),
})

/** An id for a new entry from its words: "Walking the dog" → walking-the-dog (made unique). */
export function idFrom(words: string, taken: ReadonlySet<string>): string {
  const stem =
    words
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'own'
  let id = stem
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`
  return id
}

export type TextFormResult = { ok: true; document: Record<string, unknown> } | { ok: false; message: string }

/** The name of a box for a new entry of a list: new.triggers.label, new.tips.text. */
export function newFieldName(list: Pick<AddableList, 'key'>, field: string): string {
  return `new.${list.key}.${field}`
}

export const NEW_FIELDS: Record<AddableList['shape'], string[]> = {
  choice: ['label'],
  tip: ['title', 'text'],
  phrase: ['phrase'],
}

/**
 * The draft with the form's texts, and the addition or removal the button asked for. Refused
 * (nothing saved) when the form names a field the editor does not show, a text is too long, an
 * addition is empty, or a removal names an entry Foothold ships with.
 */
export function textFromForm(
  kind: TextKind,
  form: { intent: string; values: Record<string, string> },
  previous: Record<string, unknown>,
  base: Record<string, unknown>,
): TextFormResult {
  const spec = TEXT_SPECS[kind]
  const draft = structuredClone(previous)
  const fields = new Map(spec.fields(draft).map((field) => [fieldName(field.at), field]))
  const [op, key, index] = form.intent.split(':')
  const list = spec.lists.find((l) => l.key === key)
  if (op !== 'save' && !list) return { ok: false, message: 'That list cannot be changed here.' }
  // One form holds every box, so every list's "new entry" boxes come with any button.
  const allowedNew = new Set(spec.lists.flatMap((l) => NEW_FIELDS[l.shape].map((f) => newFieldName(l, f))))
  for (const [name, raw] of Object.entries(form.values)) {
    if (allowedNew.has(name)) continue
    const field = fields.get(name)
    if (!field) return { ok: false, message: `This form cannot change "${name.slice(0, 60)}". Nothing was saved.` }
    const value = raw.replace(/\r\n?/g, '\n').trim()
    if (value.length > (field.long ? LONG : SHORT))
      return {
        ok: false,
        message: `${field.group}, ${field.label}: please keep it under ${field.long ? LONG : SHORT} characters.`,
      }
    setText(draft, field.at, value)
  }
  if (!list) return { ok: true, document: draft }
  const entries = Array.isArray(draft[list.key]) ? [...(draft[list.key] as unknown[])] : []
  if (op === 'remove') {
    const at = Number(index)
    const shipped = new Set((Array.isArray(base[list.key]) ? (base[list.key] as unknown[]) : []).map(entryKey))
    if (at >= entries.length) return { ok: false, message: 'That entry is no longer there. Look at the draft again.' }
    if (shipped.has(entryKey(entries[at])))
      return { ok: false, message: 'Entries that come with Foothold cannot be removed. You can reword them.' }
    entries.splice(at, 1)
    draft[list.key] = entries
    return { ok: true, document: draft }
  }
  const value = (name: string) => (form.values[newFieldName(list, name)] ?? '').replace(/\r\n?/g, '\n').trim()
  if (NEW_FIELDS[list.shape].some((name) => value(name) === ''))
    return { ok: false, message: `Write the new entry’s words before adding it to ${list.label.toLowerCase()}.` }
  if (NEW_FIELDS[list.shape].some((name) => value(name).length > (name === 'text' ? LONG : SHORT)))
    return { ok: false, message: 'The new entry is too long.' }
  const taken = new Set(
    [...entries, ...(Array.isArray(base[list.key]) ? (base[list.key] as unknown[]) : [])]
      .map((e) => (e as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string'),
  )
  if (list.shape === 'phrase') entries.push(value('phrase').toLowerCase().replace(/\s+/g, ' '))
  else if (list.shape === 'choice') entries.push({ id: idFrom(value('label'), taken), label: value('label') })
  else entries.push({ id: idFrom(value('title'), taken), title: value('title'), text: value('text') })
  draft[list.key] = entries
  return { ok: true, document: draft }
}

function setText(doc: Record<string, unknown>, at: ReadonlyArray<string | number>, value: string) {
  const parent = getAt(doc, at.slice(0, -1))
  if (parent && typeof parent === 'object') (parent as Record<string | number, unknown>)[at.at(-1) as string] = value
}
