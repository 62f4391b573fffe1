// Self-harm words in free text (CLINICAL.md safety rules; hazard H-027): the one check every save
// path of a client's free text calls, before the transaction that saves the text. A match never
// changes or holds back the text; it gives one `self-harm` safety event for the save (source
// `text:<where>`, flagged for key workers the client shares assessments with), inserted in the
// same transaction as the text, and the route shows the support panel before the next page
// (`supportFirst`, the /saved page). To cover a new free-text field: call `selfHarmEvent` with
// its text in the function that saves it, insert the event with the text, and send the route's
// redirect through `supportFirst` when there was one.

import { publishedText } from '#app/domain/studio/content.server.ts'
import type { safetyEvents } from '#db/schema/index.ts'
import { selfHarmPhraseInAny } from '#programme/engine/index.ts'

/** Where the text was written: the part after `text:` in the safety event's source. */
export type TextSource = 'urge-note' | 'use-note' | 'goal-note' | `module:${string}`

/**
 * The phrase of the list found in any of the texts, or null. Reads the texts only. The list is the
 * one the service publishes: Foothold's phrases and any the studio added (never fewer: H-047).
 */
export async function selfHarmWordsIn(texts: ReadonlyArray<string | null | undefined>): Promise<string | null> {
  if (!texts.some((text) => text?.trim())) return null
  return selfHarmPhraseInAny(texts, (await publishedText('safety-phrases')).phrases)
}

/**
 * The safety event one save's texts call for, or null: decided before the save's transaction,
 * which then inserts it with the text (a pure write batch). `selfHarmWords`: show the panel first.
 */
export async function selfHarmEvent(
  userId: string,
  where: TextSource,
  texts: ReadonlyArray<string | null | undefined>,
  now: Date,
): Promise<(typeof safetyEvents.$inferInsert & { id: string }) | null> {
  if (!(await selfHarmWordsIn(texts))) return null
  return { id: crypto.randomUUID(), userId, rule: 'self-harm', source: `text:${where}`, createdAt: now }
}

/** The page that shows the support panel first, then a "Carry on" link to `next` (a same-site path). */
export function supportFirst(next: string, notice?: string | null): string {
  const query = new URLSearchParams({ next })
  if (notice) query.set('notice', notice)
  return `/saved?${query}`
}
