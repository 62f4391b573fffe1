// A key worker's caseload: every client sharing with them, clients with flags first, with their
// latest scores, modules and flags from whatever each client shares. Filtering and sorting is a
// GET form, so it works without JavaScript and leaves nothing sensitive in the address. Viewing
// the list is written to the access log of each client on the page (caseload.server.ts). 25
// clients a page: flagged ones come first, so the first page is the one that matters.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { escapeHtml } from '#app/components/progress-parts.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import {
  type CaseloadClient,
  caseload,
  PAGE_SIZE,
  parseCaseloadOptions,
  type Score,
} from '#app/domain/caseload/list.server.ts'
import { formatIn } from '#app/domain/tracking/view.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { parsedOnce } from '#app/utils/parsed.ts'

export const meta: MetaFunction = () => [{ title: 'Your caseload – Foothold' }]

/** Links and a GET form: the page needs no JavaScript, so none is sent with it (root.tsx). */
export const handle = { hydrate: false }

export async function loader({ request }: LoaderFunctionArgs) {
  const worker = await requireRole(request, 'keyworker')
  const options = parseCaseloadOptions(new URL(request.url).searchParams)
  const now = clock.now()
  const { clients, total, flagged, matching, pages, options: shownOptions } = await caseload(worker, options, now)
  return {
    options: shownOptions,
    total,
    flagged,
    matching,
    pages,
    shown: clients.length,
    first: (shownOptions.page - 1) * PAGE_SIZE + 1,
    rows: packedRows(clients, now, worker.timeZone),
  }
}

const SORT_LABELS = { name: 'name', active: 'last active, most recent first', linked: 'date linked, newest first' }
const CHANGE_WORDS = { better: 'better', worse: 'worse', same: 'no change' }
const DAY_MS = 86_400_000

/** "PHQ-9" from "Your mood (PHQ-9)": a table cell has no room for the whole title. */
const shortName = (title: string) => /\(([^)]+)\)$/.exec(title)?.[1] ?? title

function ago(at: Date | null, now: Date): string {
  if (!at) return 'Not since sharing began'
  const days = Math.floor((now.getTime() - at.getTime()) / DAY_MS)
  return days < 1 ? 'In the last day' : days === 1 ? '1 day ago' : `${days} days ago`
}

const dates = new Map<string, string>()
/** "14 Oct 2026" in the worker's zone; kept, as the same 200 link dates are shown view after view. */
function dayMonthYear(at: Date, timeZone: string): string {
  const key = `${timeZone} ${at.getTime()}`
  let shown = dates.get(key)
  if (shown) return shown
  shown = formatIn('day month year', timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(at)
  if (dates.size >= 10_000) dates.clear()
  dates.set(key, shown)
  return shown
}

const scoreText = ({ title, total, band, change }: Score) =>
  `${shortName(title)}: ${total}${band ? ` (${band})` : ''}${change ? `, ${CHANGE_WORDS[change]}` : ''}`

/** A row as the words it shows: link id, name, username (when a label is shown), flags, last active, scores, modules, since. */
type Packed = [string, string, string, string[], string, string[] | string, string, string]

/**
 * The rows, worded on the server, as one JSON string: the page hands the browser one string
 * rather than 200 objects, which costs a request far less to encode (as progress-wire.ts does).
 * Flags show by name only; what lies behind each is on the client's page.
 */
function packRows(clients: CaseloadClient[], now: Date, timeZone: string): string {
  const rows = clients.map(
    (c): Packed => [
      c.linkId,
      c.name,
      c.label ? c.username : '',
      c.flags.map((flag) => flag.label),
      ago(c.lastActiveAt, now),
      !c.scores ? 'Not shared' : c.scores.length ? c.scores.map(scoreText) : 'No check-in yet',
      c.modules ? `${c.modules.inProgress} in progress, ${c.modules.done} done` : 'Not shared',
      dayMonthYear(c.linkedAt, timeZone),
    ],
  )
  return JSON.stringify(rows)
}

/** The same page of clients comes back as the same array until the list changes (or a minute passes). */
const packed = new WeakMap<CaseloadClient[], string>()
function packedRows(clients: CaseloadClient[], now: Date, timeZone: string): string {
  let rows = packed.get(clients)
  if (rows === undefined) {
    rows = packRows(clients, now, timeZone)
    packed.set(clients, rows)
  }
  return rows
}

const list = (items: string[], wrap = (item: string) => escapeHtml(item)) =>
  `<ul class="plain-list">${items.map((item) => `<li>${wrap(item)}</li>`).join('')}</ul>`

/**
 * The table's rows as one escaped string: React building a 200-client table cell by cell was
 * most of the page's server time (as for the progress tables, docs/decisions/0012). Exported for
 * the tests.
 */
export function rowsHtml(json: string): string {
  let html = ''
  for (const [linkId, name, username, flags, active, scores, modules, since] of JSON.parse(json) as Packed[]) {
    html += `<tr><th scope="row"><a href="/caseload/${encodeURIComponent(linkId)}">${escapeHtml(name)}</a>${
      username ? `<br><span class="hint">Username ${escapeHtml(username)}</span>` : ''
    }</th><td>${flags.length ? list(flags, (flag) => `<span class="flag">${escapeHtml(flag)}</span>`) : 'None'}</td><td>${escapeHtml(
      active,
    )}</td><td>${typeof scores === 'string' ? escapeHtml(scores) : list(scores)}</td><td>${escapeHtml(modules)}</td><td>${escapeHtml(since)}</td></tr>`
  }
  return html
}

const clients = (count: number) => `${count} ${count === 1 ? 'client' : 'clients'}`
const COLUMNS = ['Client', 'Flags', 'Last active', 'Latest scores', 'Modules', 'Sharing since']

export default function Caseload() {
  const { options, total, flagged, matching, pages, shown, first, rows } = useLoaderData<typeof loader>()
  const pageLink = (page: number) =>
    `?${new URLSearchParams({ show: options.show, sort: options.sort, page: String(page) })}`
  const body = useMemo(() => parsedOnce(rows, rowsHtml), [rows])
  return (
    <section className="caseload">
      <h1>Your caseload</h1>
      <p>
        Clients who share their progress with you. You see only what each client chose to share, and each client can see
        when you looked. <Link to="/caseload/add">Add a client with a share code</Link>
      </p>
      {total === 0 ? (
        <div className="notice">
          <p>No clients are sharing with you yet.</p>
          <p>
            A client makes a share code on their privacy page, chooses what you can see, and gives you the code. Then{' '}
            <Link to="/caseload/add">add them with the code</Link>.
          </p>
        </div>
      ) : (
        <>
          <p>
            {flagged === 0
              ? 'No client has a flag at the moment.'
              : `${flagged} of ${total} ${total === 1 ? 'client has' : 'clients have'} a flag. Flags come only from what a client shares.`}
          </p>
          <Form method="get" action="/caseload" className="actions">
            <fieldset>
              <legend>Show</legend>
              <label>
                <input type="radio" name="show" value="all" defaultChecked={options.show === 'all'} /> All clients
              </label>{' '}
              <label>
                <input type="radio" name="show" value="flagged" defaultChecked={options.show === 'flagged'} /> Only
                clients with flags
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor="sort">Then sort by</label>
              <select id="sort" name="sort" defaultValue={options.sort}>
                <option value="name">Name</option>
                <option value="active">Last active</option>
                <option value="linked">Date linked</option>
              </select>
            </div>
            <div>
              <button type="submit" className="button">
                Update the list
              </button>
            </div>
          </Form>
          {shown === 0 ? (
            <p>
              No client matches. <Link to="?show=all">Show all clients</Link>
            </p>
          ) : (
            <table>
              <caption>
                {options.show === 'flagged' ? `${clients(matching)} with flags` : `All ${clients(matching)}`}: flagged
                clients first, most serious first, then by {SORT_LABELS[options.sort]}
                {pages > 1 ? ` (${first} to ${first + shown - 1})` : ''}
              </caption>
              <thead>
                <tr>
                  {COLUMNS.map((column) => (
                    <th scope="col" key={column}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: every value goes through escapeHtml */}
              <tbody dangerouslySetInnerHTML={{ __html: body }} />
            </table>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages of the caseload" className="range-links">
              <p>
                Page {options.page} of {pages}
              </p>
              <ul>
                {options.page > 1 ? (
                  <li>
                    <Link to={pageLink(options.page - 1)}>Previous page</Link>
                  </li>
                ) : null}
                {options.page < pages ? (
                  <li>
                    <Link to={pageLink(options.page + 1)}>Next page</Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      )}
    </section>
  )
}
