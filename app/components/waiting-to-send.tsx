// "Waiting to send" (issue 16 item 18, hazard H-036): an urge or use entry logged with no
// connection is kept on the device (waiting-entries.ts), said so at the top of every page, and
// sent as soon as the connection is back, then removed. Only with JavaScript; the server renders
// nothing here. A small queue in the page rather than workbox-background-sync: see ADR 0021.
import { useRevalidator, useRouteLoaderData } from '@remix-run/react'
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { longDate, plural } from '#app/utils/format.ts'
import {
  addWaiting,
  clearWaiting,
  entryFromFields,
  removeWaiting,
  sendEntry,
  WAITING_KEY,
  type WaitingEntry,
  type WaitingKind,
  waitingFor,
} from './waiting-entries.ts'

/** Fired on the window when an entry is added, so the note shows at once. */
const CHANGED = 'foothold:waiting-changed'

const WHAT: Record<WaitingKind, string> = { urge: 'urge', use: 'use entry' }

function when(loggedAt: string): string {
  return `${longDate(loggedAt)} at ${loggedAt.slice(11, 16)}`
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/**
 * The form's submit handler: online it does nothing (the form posts as usual); offline it keeps
 * the entry on the device instead and clears the form. "Work it out" (a button with a name)
 * needs the server and is simply not sent.
 */
export function useHoldWhenOffline(kind: WaitingKind) {
  // The signed-in username from the root loader (app/root.tsx), typed here so the shell and
  // this component do not import each other.
  const owner = (useRouteLoaderData('root') as { user?: { username: string } | null } | undefined)?.user?.username
  return (event: FormEvent<HTMLFormElement>) => {
    if (navigator.onLine || !owner) return
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    if (submitter?.getAttribute('name')) return
    const form = event.currentTarget
    addWaiting(localStorage, entryFromFields(new FormData(form), { kind, owner, now: new Date(), id: newId() }))
    form.reset()
    window.dispatchEvent(new Event(CHANGED))
    document.getElementById('waiting-to-send')?.scrollIntoView({ block: 'nearest' })
  }
}

type Sent = { id: string; kind: WaitingKind; loggedAt: string; seeAt: string }

export function WaitingToSend({ owner }: { owner: string }) {
  const [waiting, setWaiting] = useState<WaitingEntry[]>([])
  const [sent, setSent] = useState<Sent[]>([])
  const [refused, setRefused] = useState(0)
  // The revalidator changes with its own state; a ref keeps sendAll (and the listeners) steady.
  const revalidator = useRevalidator()
  const revalidate = useRef(revalidator.revalidate)
  revalidate.current = revalidator.revalidate
  const refresh = useCallback(() => setWaiting(waitingFor(localStorage, owner)), [owner])

  const sendAll = useCallback(async () => {
    const done: Sent[] = []
    let notSaved = 0
    const run = async () => {
      for (const entry of waitingFor(localStorage, owner)) {
        const outcome = await sendEntry(entry)
        if (outcome.status === 'later') break
        removeWaiting(localStorage, entry.id)
        if (outcome.status === 'sent') done.push({ ...entry, seeAt: outcome.seeAt })
        else notSaved += 1
      }
    }
    // One tab at a time, so two open tabs never send the same entry twice.
    if (navigator.locks) await navigator.locks.request(WAITING_KEY, run)
    else await run()
    refresh()
    if (done.length > 0) setSent((before) => [...before, ...done])
    if (notSaved > 0) setRefused((before) => before + notSaved)
    if (done.length > 0) revalidate.current()
  }, [owner, refresh])

  useEffect(() => {
    refresh()
    const onOnline = () => void sendAll()
    window.addEventListener(CHANGED, refresh)
    window.addEventListener('online', onOnline)
    if (navigator.onLine) void sendAll()
    return () => {
      window.removeEventListener(CHANGED, refresh)
      window.removeEventListener('online', onOnline)
    }
  }, [refresh, sendAll])

  // A polite live region (not role="status": pages keep that for their own messages), present
  // while empty so that what appears in it is announced.
  if (waiting.length === 0 && sent.length === 0 && refused === 0) return <div id="waiting-to-send" aria-live="polite" />
  return (
    <div id="waiting-to-send" aria-live="polite" className="waiting-to-send">
      {waiting.length > 0 ? (
        <div className="notice">
          <p>
            <strong>Waiting to send: {plural(waiting.length, 'entry', 'entries')}</strong> (
            {waiting.map((entry) => `${WHAT[entry.kind]}, ${when(entry.loggedAt)}`).join('; ')}).
          </p>
          <p>
            There is no connection. It is kept on this device and sent as soon as you are back online, then removed from
            the device.
          </p>
          <p>
            While you wait: <a href="/help/urge-card">Riding out an urge</a> ·{' '}
            <a href="/help">Help and crisis contacts</a> (both work offline).
          </p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clearWaiting(localStorage, owner)
              refresh()
            }}
          >
            Do not send: delete from this device
          </button>
        </div>
      ) : null}
      {sent.map((entry) => (
        <p key={entry.id} className="notice">
          Sent and saved: your {WHAT[entry.kind]} from {when(entry.loggedAt)}. <a href={entry.seeAt}>See it</a>
        </p>
      ))}
      {refused > 0 ? (
        <p className="form-error">
          {plural(refused, 'entry', 'entries')} could not be saved as {refused === 1 ? 'it was' : 'they were'}. Please
          log {refused === 1 ? 'it' : 'them'} again.
        </p>
      ) : null}
    </div>
  )
}
