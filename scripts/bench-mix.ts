// The bench's mix (ADR 0018): which requests a real day sends, and in what shares. Used by
// `npm run bench` (scripts/bench.ts) and by the per-route cost table (scripts/bench-cost.ts).
import { DAY_MODULE, type DayClient } from '#db/seed-day.ts'
import { generator } from '#db/seed-heavy.ts'
import type { Day } from './bench-day.ts'
import { ok, type Planned } from './bench-load.ts'

const random = generator(18)
const whole = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))

/** The share of each kind of request in the mix, in percent (they sum to 100). */
export const MIX: Array<[number, string]> = [
  // 60 % client pages
  [14, 'client: home'],
  [10, 'client: track'],
  [10, 'client: progress'],
  [8, 'client: modules'],
  [9, 'client: module step'],
  [9, 'client: results'],
  // 25 % client posts
  [9, 'post: quick urge'],
  [5, 'post: no use today'],
  [4, 'post: goal check-in'],
  [4, 'post: module step'],
  [3, 'post: check-in page'],
  // 15 % key-worker pages
  [6, 'worker: caseload'],
  [6, 'worker: client page'],
  [3, 'worker: session summary'],
]

type Toggle = { client: DayClient; at: 0 | 1; busy: boolean }

/** The mix: each call plans the next request (only `only`'s kind when given), rotating through the users. */
export function mix(day: Day, assessmentPage: Record<string, string>, only?: string) {
  const cookie = (id: string) => day.cookies.get(id) ?? ''
  let c = 0
  let w = 0
  const nextClient = () => day.clients[c++ % day.clients.length] as DayClient
  const nextWorker = () => day.workers[w++ % day.workers.length] as Day['workers'][number]
  // Clients whose posts move a state on (a module step, a check-in page) each go back and forth
  // between two states; one request at a time per client, so the posts never race.
  const toggles = (list: DayClient[]) => list.map((client): Toggle => ({ client, at: 0, busy: false }))
  const inModule = toggles(day.clients.filter((x) => x.inModule))
  const assessing = toggles(day.clients.filter((x) => x.assessing))
  let m = 0
  let a = 0
  const free = (list: Toggle[], index: () => number) => {
    for (let tries = 0; tries < list.length; tries++) {
      const toggle = list[index() % list.length] as Toggle
      if (!toggle.busy) return toggle
    }
    return null
  }
  const flip = (toggle: Toggle) => (status: number) => {
    toggle.busy = false
    if (ok(status)) toggle.at = toggle.at === 0 ? 1 : 0
  }
  const table: Array<[number, string]> = []
  let sum = 0
  for (const [share, name] of MIX) {
    sum += share
    table.push([sum, name])
  }
  return (): Planned | null => {
    const roll = random() * sum
    const name = only ?? ((table.find(([upTo]) => roll < upTo) ?? table[0])?.[1] as string)
    const page = (path: string, id: string): Planned => ({ route: name, method: 'GET', path, cookie: cookie(id) })
    const post = (path: string, id: string, body: Record<string, string>): Planned => ({
      route: name,
      method: 'POST',
      path,
      cookie: cookie(id),
      body,
    })
    switch (name) {
      case 'client: home':
        return page('/home', nextClient().id)
      case 'client: track':
        return page('/track', nextClient().id)
      case 'client: progress':
        return page('/progress', nextClient().id)
      case 'client: modules':
        return page('/modules', nextClient().id)
      case 'client: module step':
        return page(`/modules/${DAY_MODULE}`, (inModule[m++ % inModule.length] as Toggle).client.id)
      case 'client: results':
        return page('/assessment/results', nextClient().id)
      case 'post: quick urge':
        return post('/track', nextClient().id, { intensity: String(whole(2, 8)) })
      case 'post: no use today':
        return post('/track', nextClient().id, { intent: 'no-use' })
      case 'post: goal check-in': {
        const client = nextClient()
        return post('/goals', client.id, {
          intent: 'check-in',
          goal: client.goalId,
          outcome: ['done', 'partly', 'not'][whole(0, 2)] as string,
        })
      }
      case 'post: module step': {
        const toggle = free(inModule, () => m++)
        if (!toggle) return null
        toggle.busy = true
        const body = toggle.at === 0 ? { intent: 'next', step: 'intro' } : { intent: 'back', step: 'urge-strength' }
        return { ...post(`/modules/${DAY_MODULE}`, toggle.client.id, body), done: flip(toggle) }
      }
      case 'post: check-in page': {
        const toggle = free(assessing, () => a++)
        if (!toggle) return null
        toggle.busy = true
        // Forward from the first page with its answers, and back from the second.
        const body: Record<string, string> =
          toggle.at === 0 ? { ...assessmentPage, intent: 'next' } : { page: '1', intent: 'back' }
        return { ...post('/assessment/questions', toggle.client.id, body), done: flip(toggle) }
      }
      case 'worker: caseload':
        return page('/caseload', nextWorker().id)
      case 'worker: client page': {
        const worker = nextWorker()
        return page(`/caseload/${worker.linkIds[whole(0, worker.linkIds.length - 1)]}`, worker.id)
      }
      default: {
        const worker = nextWorker()
        return page(`/caseload/${worker.linkIds[whole(0, worker.linkIds.length - 1)]}/summary`, worker.id)
      }
    }
  }
}

/** The first check-in page's fields: each item's lowest answer, read from the page itself. */
export async function firstAssessmentPage(base: string, day: Day): Promise<Record<string, string>> {
  const client = day.clients.find((x) => x.assessing)
  if (!client) throw new Error('No seeded client is part-way through a check-in')
  const response = await fetch(`${base}/assessment/questions`, {
    headers: { cookie: day.cookies.get(client.id) ?? '' },
  })
  const html = await response.text()
  if (response.status !== 200) throw new Error(`The check-in page answered ${response.status}`)
  const fields: Record<string, string> = {}
  for (const [input] of html.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input)?.[1]
    const value = /value="([^"]*)"/.exec(input)?.[1]
    if (!name || value === undefined) continue
    if (name === 'page') fields.page = value
    else if (name.startsWith('item:') && (!(name in fields) || Number(value) < Number(fields[name])))
      fields[name] = value
  }
  if (!Object.keys(fields).some((k) => k.startsWith('item:'))) throw new Error('The check-in page has no questions')
  return fields
}

/**
 * The bare page (ADR 0009, issue 13's budget): `/account-deleted`, a static page with no loader,
 * asked for as the mix's users are (a client's or a key worker's session, rotating, in the mix's
 * 85 : 15 proportion), so it pays the signed-in shell every page pays (session, root loader,
 * layout, navigation) and nothing else. The mix's capacity is judged against it.
 */
export function barePage(day: Day) {
  let c = 0
  let w = 0
  let n = 0
  return (): Planned => {
    const worker = n++ % 20 >= 17
    const id = worker
      ? (day.workers[w++ % day.workers.length] as Day['workers'][number]).id
      : (day.clients[c++ % day.clients.length] as DayClient).id
    return { route: 'bare page', method: 'GET', path: '/account-deleted', cookie: day.cookies.get(id) ?? '' }
  }
}
