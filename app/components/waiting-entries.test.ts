// Entries logged offline (issue 16 item 18, H-036): only the form's fields are kept, each for its
// own account, with the time it was logged; sent as the form would be, removed once the server
// has it, kept when there is no connection or the person is signed out, dropped (and said) when
// the server refuses it; nothing is left in storage once the queue is empty.
import { describe, expect, test } from 'vitest'
import {
  addWaiting,
  clearWaiting,
  entryFromFields,
  localMinute,
  removeWaiting,
  sendEntry,
  WAITING_KEY,
  waitingFor,
} from './waiting-entries.ts'

function memoryStore() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

const NOW = new Date(2026, 11, 5, 21, 7)

describe('keeping entries', () => {
  test('keeps only text fields, and the time it was logged as `when` when none was given', () => {
    const entry = entryFromFields(
      [
        ['timeZone', 'Europe/London'],
        ['intensity', '7'],
        ['when', ''],
      ],
      { kind: 'urge', owner: 'sam', now: NOW, id: 'a' },
    )
    expect(entry.fields).toEqual([
      ['timeZone', 'Europe/London'],
      ['intensity', '7'],
      ['when', '2026-12-05T21:07'],
    ])
    expect(entry.loggedAt).toBe('2026-12-05T21:07')
    expect(localMinute(NOW)).toBe('2026-12-05T21:07')
  })

  test('a time the person typed is kept as theirs', () => {
    const entry = entryFromFields([['when', '2026-12-04T18:30']], { kind: 'use', owner: 'sam', now: NOW, id: 'a' })
    expect(entry.fields).toEqual([['when', '2026-12-04T18:30']])
    expect(entry.loggedAt).toBe('2026-12-04T18:30')
  })

  test('each account sees only its own; removing the last leaves nothing in storage', () => {
    const store = memoryStore()
    const base = { kind: 'urge' as const, now: NOW }
    addWaiting(store, entryFromFields([['intensity', '3']], { ...base, owner: 'sam', id: 'a' }))
    addWaiting(store, entryFromFields([['intensity', '5']], { ...base, owner: 'alex', id: 'b' }))
    expect(waitingFor(store, 'sam').map((e) => e.id)).toEqual(['a'])
    expect(waitingFor(store, 'alex').map((e) => e.id)).toEqual(['b'])
    removeWaiting(store, 'a')
    expect(waitingFor(store, 'sam')).toEqual([])
    clearWaiting(store, 'alex')
    expect(store.items.has(WAITING_KEY)).toBe(false)
  })

  test('anything unreadable in storage is ignored', () => {
    const store = memoryStore()
    store.setItem(WAITING_KEY, '{not json')
    expect(waitingFor(store, 'sam')).toEqual([])
    store.setItem(WAITING_KEY, JSON.stringify([{ id: 1 }, 'x', null]))
    expect(waitingFor(store, 'sam')).toEqual([])
  })
})

describe('sending', () => {
  const entry = entryFromFields([['intensity', '6']], { kind: 'urge', owner: 'sam', now: NOW, id: 'a' })

  function answer(init: { status: number; url: string; redirected: boolean }) {
    const response = new Response(null, { status: init.status })
    Object.defineProperty(response, 'url', { value: init.url })
    Object.defineProperty(response, 'redirected', { value: init.redirected })
    return response
  }

  test('posts the fields to the form’s own action, urlencoded', async () => {
    let sent: { url: string; init: RequestInit | undefined } | undefined
    const fetcher = (async (url: string, init?: RequestInit) => {
      sent = { url, init }
      return answer({ status: 200, url: 'http://x/track/urges/u1?logged=1', redirected: true })
    }) as typeof fetch
    expect(await sendEntry(entry, fetcher)).toEqual({ status: 'sent', seeAt: '/track/urges/u1?logged=1' })
    expect(sent?.url).toBe('/track')
    expect(sent?.init?.method).toBe('POST')
    expect(String(sent?.init?.body)).toBe('intensity=6&when=2026-12-05T21%3A07')
  })

  test('no connection, a server error or being signed out: try again later', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch
    expect(await sendEntry(entry, offline)).toEqual({ status: 'later' })
    const broken = (async () => answer({ status: 500, url: 'http://x/track', redirected: false })) as typeof fetch
    expect(await sendEntry(entry, broken)).toEqual({ status: 'later' })
    const signedOut = (async () =>
      answer({ status: 200, url: 'http://x/login?redirectTo=%2Ftrack', redirected: true })) as typeof fetch
    expect(await sendEntry(entry, signedOut)).toEqual({ status: 'later' })
  })

  test('refused by the server (bad input), or answered without saving: it cannot be sent as it is', async () => {
    const bad = (async () => answer({ status: 400, url: 'http://x/track', redirected: false })) as typeof fetch
    expect(await sendEntry(entry, bad)).toEqual({ status: 'refused' })
    const notSaved = (async () => answer({ status: 200, url: 'http://x/track', redirected: false })) as typeof fetch
    expect(await sendEntry(entry, notSaved)).toEqual({ status: 'refused' })
  })
})
