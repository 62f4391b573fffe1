// One directory entry as clients and key workers see it: kind, where (or online), when it is open
// or meets (times already in the viewer's zone), how to get in touch, access and languages, and
// a plain warning when nobody has checked it for over a year. No maps, no third-party requests.
import type { ReactNode } from 'react'
import type { EntryCard } from '#app/domain/directory/search.server.ts'
import { longDate, weekdayDate } from '#app/utils/format.ts'

/** "Tue 8 Dec 2026, 19:30" for a meeting's local date and time. */
export function meetingTime(time: { date: string; time: string }): string {
  return `${weekdayDate(time.date)}, ${time.time}`
}

export function DirectoryEntryCard({
  entry,
  headingLevel = 3,
  idPrefix = 'entry',
  children,
}: {
  entry: EntryCard
  headingLevel?: 2 | 3
  /** An entry shown twice on one page (saved, and in the results) needs two ids. */
  idPrefix?: string
  children?: ReactNode
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const place = entry.online ? 'Online' : [entry.address, entry.town, entry.postcodeDistrict].filter(Boolean).join(', ')
  return (
    <article className="card directory-entry" aria-labelledby={`${idPrefix}-${entry.id}`}>
      <Heading id={`${idPrefix}-${entry.id}`}>{entry.name}</Heading>
      <p className="hint">{entry.kindName}</p>
      <dl className="entry-details">
        <dt>Where</dt>
        <dd>{place}</dd>
        {entry.scheduleText ? (
          <>
            <dt>Meets</dt>
            <dd>
              {entry.scheduleText}
              {entry.timeZone !== 'Europe/London' ? ` (${entry.timeZone} time)` : ''}
            </dd>
          </>
        ) : null}
        {entry.openingHours ? (
          <>
            <dt>Opening hours</dt>
            <dd>
              {entry.openingHours}
              {entry.openNow === true ? <strong> · Open now</strong> : entry.openNow === false ? ' · Closed now' : ''}
            </dd>
          </>
        ) : null}
        {entry.phone ? (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${entry.phone.replace(/[^0-9+]/g, '')}`}>{entry.phone}</a>
            </dd>
          </>
        ) : null}
        {entry.website ? (
          <>
            <dt>Website</dt>
            <dd>
              <a href={entry.website} rel="noreferrer noopener">
                {entry.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
        {entry.accessibility ? (
          <>
            <dt>Access</dt>
            <dd>{entry.accessibility}</dd>
          </>
        ) : null}
        {entry.languages ? (
          <>
            <dt>Languages</dt>
            <dd>{entry.languages}</dd>
          </>
        ) : null}
        <dt>Last checked</dt>
        <dd>
          {longDate(entry.lastVerified)}
          {entry.stale ? (
            <strong className="entry-stale"> Not checked for over a year: phone first to make sure.</strong>
          ) : null}
        </dd>
      </dl>
      {children}
    </article>
  )
}
