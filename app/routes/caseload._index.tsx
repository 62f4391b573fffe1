// A key worker's caseload: every client sharing with them, clients with flags first, with their
// latest scores, modules and flags from whatever each client shares. Filtering and sorting is a
// GET form, so it works without JavaScript and leaves nothing sensitive in the address. Viewing
// the list is written to the access log of each client on the page (caseload.server.ts). 25
// clients a page: flagged ones come first, so the first page is the one that matters.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
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
    rows: rows(clients, now, worker.timeZone),
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

/** "14 Oct 2026" in the worker's zone. */
const dayMonthYear = (at: Date, timeZone: string) =>
  formatIn('day month year', timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(at)

const scoreText = ({ title, total, band, change }: Score) =>
  `${shortName(title)}: ${total}${band ? ` (${band})` : ''}${change ? `, ${CHANGE_WORDS[change]}` : ''}`

/** A row as the words it shows, worded on the server. Flags show by name only; what lies behind each is on the client's page. */
export type Row = {
  linkId: string
  name: string
  /** The username, when a label is shown instead. */
  username: string | null
  flags: string[]
  active: string
  scores: string[] | string
  modules: string
  since: string
}

function rows(clients: CaseloadClient[], now: Date, timeZone: string): Row[] {
  return clients.map((c) => ({
    linkId: c.linkId,
    name: c.name,
    username: c.label ? c.username : null,
    flags: c.flags.map((flag) => flag.label),
    active: ago(c.lastActiveAt, now),
    scores: !c.scores ? 'Not shared' : c.scores.length ? c.scores.map(scoreText) : 'No check-in yet',
    modules: c.modules ? `${c.modules.inProgress} in progress, ${c.modules.done} done` : 'Not shared',
    since: dayMonthYear(c.linkedAt, timeZone),
  }))
}

export function ClientRow({ row }: { row: Row }) {
  return (
    <tr>
      <th scope="row">
        <a href={`/caseload/${encodeURIComponent(row.linkId)}`}>{row.name}</a>
        {row.username ? (
          <>
            <br />
            <span className="hint">Username {row.username}</span>
          </>
        ) : null}
      </th>
      <td data-label={COLUMNS[1]}>
        {row.flags.length ? (
          <ul className="plain-list">
            {row.flags.map((flag) => (
              <li key={flag}>
                <span className="flag">{flag}</span>
              </li>
            ))}
          </ul>
        ) : (
          'None'
        )}
      </td>
      <td data-label={COLUMNS[2]}>{row.active}</td>
      <td data-label={COLUMNS[3]}>
        {typeof row.scores === 'string' ? (
          row.scores
        ) : (
          <ul className="plain-list">
            {row.scores.map((score) => (
              <li key={score}>{score}</li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={COLUMNS[4]}>{row.modules}</td>
      <td data-label={COLUMNS[5]}>{row.since}</td>
    </tr>
  )
}

const clients = (count: number) => `${count} ${count === 1 ? 'client' : 'clients'}`
const COLUMNS = ['Client', 'Flags', 'Last active', 'Latest scores', 'Modules', 'Sharing since']

export default function Caseload() {
  const { options, total, flagged, matching, pages, shown, first, rows } = useLoaderData<typeof loader>()
  const pageLink = (page: number) =>
    `?${new URLSearchParams({ show: options.show, sort: options.sort, page: String(page) })}`
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
              <tbody>
                {rows.map((row) => (
                  <ClientRow key={row.linkId} row={row} />
                ))}
              </tbody>
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
