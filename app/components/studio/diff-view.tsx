// A diff between two versions of a content document, side by side: the older version on the
// left, the newer on the right, grouped by step (or other part), words taken out struck through
// and words put in underlined. Below 40rem the two sides stack. Pure rendering of
// programme/studio/diff.ts's changes; the page decides what to compare.
import type { ReactNode } from 'react'
import type { Change, WordPart } from '#programme/studio/diff.ts'
import { groupBySection } from '#programme/studio/diff.ts'

/** A value as a reader would want it: text as it is, anything else as short YAML-ish lines. */
function show(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined || value === null) return '—'
  if (typeof value === 'object' && value && 'title' in value && 'type' in value)
    return `${String((value as { type: unknown }).type)} step “${String((value as { title: unknown }).title)}”`
  return JSON.stringify(value, null, 1).replace(/[{}"]/g, '').replace(/\n\s*/g, ' ').trim()
}

/** Long unchanged runs keep a few words either side of a change, so the change stands out. */
function shorten(text: string, first: boolean, last: boolean): string {
  const keep = 80
  if (text.length <= keep * 2 + 20) return text
  const head = first ? '' : text.slice(0, keep)
  const tail = last ? '' : text.slice(-keep)
  return `${head}${head ? ' ' : ''}[…]${tail ? ' ' : ''}${tail}`
}

function Words({ parts, side }: { parts: WordPart[]; side: 'before' | 'after' }) {
  return (
    <>
      {parts.map((part, i) => {
        const key = `${i}-${part.kind}`
        if (part.kind === 'same') return <span key={key}>{shorten(part.text, i === 0, i === parts.length - 1)}</span>
        if (side === 'before' && part.kind === 'removed')
          return (
            <del key={key}>
              <span className="visually-hidden">[taken out: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          )
        if (side === 'after' && part.kind === 'added')
          return (
            <ins key={key}>
              <span className="visually-hidden">[put in: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          )
        return null
      })}
    </>
  )
}

function fieldName(path: string, section: string): string {
  const rest = path.slice(section.length).replace(/^\./, '')
  return rest
}

function Row({ change, section }: { change: Change; section: string }) {
  const name = fieldName(change.path, section)
  let before: ReactNode
  let after: ReactNode
  switch (change.kind) {
    case 'added':
      before = <span className="hint">not there</span>
      after = <ins>{show(change.after)}</ins>
      break
    case 'removed':
      before = <del>{show(change.before)}</del>
      after = <span className="hint">taken out</span>
      break
    case 'moved':
      before = `place ${change.from + 1}`
      after = `moved to place ${change.to + 1}`
      break
    case 'changed':
      before = change.words ? <Words parts={change.words} side="before" /> : show(change.before)
      after = change.words ? <Words parts={change.words} side="after" /> : show(change.after)
      break
  }
  return (
    <div className="diff-row">
      {name ? <p className="diff-field">{name}</p> : null}
      <div className="diff-side">
        <span className="diff-side-label">Before: </span>
        {before}
      </div>
      <div className="diff-side">
        <span className="diff-side-label">After: </span>
        {after}
      </div>
    </div>
  )
}

/** A heading for a part: the step's title when the page knows it. */
export type SectionTitles = Record<string, string>

export function DiffView({
  changes,
  titles = {},
  beforeLabel,
  afterLabel,
  renderAfterSection,
}: {
  changes: Change[]
  titles?: SectionTitles
  beforeLabel: string
  afterLabel: string
  /** Extra content under a part (the review page puts comments there). */
  renderAfterSection?: (section: string) => ReactNode
}) {
  if (changes.length === 0) return <p>No differences.</p>
  return (
    <div className="diff">
      <p className="diff-legend">
        Before: {beforeLabel}. After: {afterLabel}. <del>Struck through</del> is taken out; <ins>underlined</ins> is put
        in.
      </p>
      {groupBySection(changes).map(({ section, changes: list }) => (
        <section key={section} className="diff-section" aria-label={titles[section] ?? (section || 'Whole item')}>
          <h3>{titles[section] ?? (section || 'Whole item')}</h3>
          {list.map((change) => (
            <Row key={`${change.kind}-${change.path}`} change={change} section={section} />
          ))}
          {renderAfterSection?.(section)}
        </section>
      ))}
    </div>
  )
}
