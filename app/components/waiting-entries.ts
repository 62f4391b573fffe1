// Urge and use entries logged with no connection, kept on the device until they are sent (issue
// 16 item 18, hazard H-036, ADR 0021). The careful option: only the form's own fields are kept
// (never a page, never a reply), each entry names the account that logged it and is sent only
// while that account is signed in, and it is removed the moment the server has it. Without
// JavaScript nothing is kept: the browser says it is offline and the form can be sent again.
//
// Browser-only code, but plain functions over a Storage so the tests can run them in Node.

export const WAITING_KEY = 'foothold-waiting-entries'

/** The forms whose entries may wait: the urge log and the use diary, nothing else. */
export const WAITING_ACTIONS = { urge: '/track', use: '/track/use/new' } as const
export type WaitingKind = keyof typeof WAITING_ACTIONS

export type WaitingEntry = {
  id: string
  kind: WaitingKind
  owner: string
  /** The form's fields as sent: name and value pairs, text only. */
  fields: Array<[string, string]>
  /** The local wall-clock time it was logged, 'YYYY-MM-DDTHH:mm' (also sent as `when`). */
  loggedAt: string
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function isEntry(value: unknown): value is WaitingEntry {
  if (!value || typeof value !== 'object') return false
  const entry = value as Partial<WaitingEntry>
  return (
    typeof entry.id === 'string' &&
    (entry.kind === 'urge' || entry.kind === 'use') &&
    typeof entry.owner === 'string' &&
    typeof entry.loggedAt === 'string' &&
    Array.isArray(entry.fields) &&
    entry.fields.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((s) => typeof s === 'string'))
  )
}

/** Everything waiting on this device (for any account); anything unreadable is dropped. */
function readAll(store: Store): WaitingEntry[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(WAITING_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isEntry) : []
  } catch {
    return []
  }
}

function writeAll(store: Store, entries: WaitingEntry[]): void {
  // An empty queue leaves nothing behind in storage at all.
  if (entries.length === 0) store.removeItem(WAITING_KEY)
  else store.setItem(WAITING_KEY, JSON.stringify(entries))
}

/** The entries waiting for this account. */
export function waitingFor(store: Store, owner: string): WaitingEntry[] {
  return readAll(store).filter((entry) => entry.owner === owner)
}

export function addWaiting(store: Store, entry: WaitingEntry): void {
  writeAll(store, [...readAll(store), entry])
}

export function removeWaiting(store: Store, id: string): void {
  writeAll(
    store,
    readAll(store).filter((entry) => entry.id !== id),
  )
}

/** Removes every entry of this account (the person chose not to send them). */
export function clearWaiting(store: Store, owner: string): void {
  writeAll(
    store,
    readAll(store).filter((entry) => entry.owner !== owner),
  )
}

/** 'YYYY-MM-DDTHH:mm' on the device's clock, as a datetime-local field writes it. */
export function localMinute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * The entry to keep from a form's fields: text values only (no files), and `when` set to the time
 * it was logged if the person left it empty, so the entry keeps its real time when sent later.
 */
export function entryFromFields(
  fields: Iterable<[string, FormDataEntryValue]>,
  { kind, owner, now, id }: { kind: WaitingKind; owner: string; now: Date; id: string },
): WaitingEntry {
  const text = [...fields].filter((pair): pair is [string, string] => typeof pair[1] === 'string')
  const loggedAt = localMinute(now)
  const when = text.find(([name]) => name === 'when')
  const withWhen: Array<[string, string]> =
    when && when[1] !== '' ? text : [...text.filter(([name]) => name !== 'when'), ['when', loggedAt]]
  return { id, kind, owner, fields: withWhen, loggedAt: when?.[1] || loggedAt }
}

/** What happened when an entry was sent. */
export type SendOutcome =
  /** The server saved it; `seeAt` is the entry's page (which shows any safety message). */
  | { status: 'sent'; seeAt: string }
  /** The server refused it (bad input): it can never be sent as it is. */
  | { status: 'refused' }
  /** No connection, a server error, or signed out: keep it and try again later. */
  | { status: 'later' }

/** Sends one entry as the form would have, and says what happened. */
export async function sendEntry(entry: WaitingEntry, fetcher: typeof fetch = fetch): Promise<SendOutcome> {
  let response: Response
  try {
    response = await fetcher(WAITING_ACTIONS[entry.kind], {
      method: 'POST',
      body: new URLSearchParams(entry.fields),
      credentials: 'same-origin',
    })
  } catch {
    return { status: 'later' }
  }
  const landed = new URL(response.url || WAITING_ACTIONS[entry.kind], 'http://x')
  if (landed.pathname.startsWith('/login')) return { status: 'later' }
  if (response.ok && response.redirected) return { status: 'sent', seeAt: `${landed.pathname}${landed.search}` }
  // A saved entry always answers with a redirect to its page; a page without one, or a 4xx, means
  // the server did not save it and never will as it is.
  if (response.ok || (response.status >= 400 && response.status < 500)) return { status: 'refused' }
  return { status: 'later' }
}
