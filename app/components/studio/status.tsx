// How the studio names an item's layer and a version's status, in words.
import { TEXT_KINDS } from '#programme/engine/text-documents.ts'

export const STATUS_NAMES: Record<string, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes asked for',
  approved: 'Approved, not yet published',
  published: 'Published',
  superseded: 'Replaced by a later version',
  unpublished: 'Unpublished',
}

/** The kinds of content the studio versions, in the library's order (as db/schema/studio.ts). */
export const KINDS = ['module', 'exercise', 'instrument'] as const

/** The programme's lists and texts (one item each), shown in the library as one table. */
export const LIST_KINDS = TEXT_KINDS
export const ALL_KINDS = [...KINDS, ...TEXT_KINDS] as const

export const KIND_NAMES: Record<string, string> = {
  module: 'Modules',
  exercise: 'Exercises',
  instrument: 'Instruments',
  lists: 'Lists and texts',
}

export const ACTION_NAMES: Record<string, string> = {
  create: 'started a draft',
  edit: 'edited',
  submit: 'sent for review',
  approve: 'approved',
  'request-changes': 'asked for changes',
  publish: 'published',
  'roll-back': 'started a roll back',
  unpublish: 'unpublished',
  import: 'imported',
  'instrument-switch': 'switched an instrument',
}

export function StatusTag({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{STATUS_NAMES[status] ?? status}</span>
}
