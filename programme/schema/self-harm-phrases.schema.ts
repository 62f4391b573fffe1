// The self-harm phrase list (content/safety/self-harm-phrases.yaml): phrases that, written in any
// free text a client saves, show the support panel and raise a safety event (hazard H-027).
// The matching rules live in engine/safety/self-harm-words.ts; this schema refuses phrases those
// rules would treat badly: capitals, curly apostrophes, hyphens, duplicates, and phrases so short
// they would match everyday words.
import { z } from 'zod'

/** Fewer letters than this and a phrase starts to match everyday words ("die", "dead", "kill"). */
export const PHRASE_MIN_LETTERS = 6

/** The form two phrases are compared in: the matcher treats them the same (no apostrophes). */
export function phraseKey(phrase: string): string {
  return phrase.replace(/'/g, '')
}

export const SelfHarmPhraseSchema = z
  .string()
  .regex(
    /^[a-z]+('[a-z]+)?( [a-z]+('[a-z]+)?)*$/,
    'Write a phrase in lower case: letters, single spaces and a plain apostrophe (no capitals, hyphens or ’)',
  )
  .refine(
    (phrase) => phrase.replace(/[^a-z]/g, '').length >= PHRASE_MIN_LETTERS,
    `Too short: a phrase needs at least ${PHRASE_MIN_LETTERS} letters, or it matches everyday words`,
  )

export const SelfHarmPhrasesSchema = z.strictObject({
  sources: z.array(z.string().trim().min(1)).min(1, 'say where the phrases come from'),
  phrases: z
    .array(SelfHarmPhraseSchema)
    .min(1, 'the list must not be empty')
    .superRefine((phrases, ctx) => {
      const seen = new Set<string>()
      for (const [index, phrase] of phrases.entries()) {
        const key = phraseKey(phrase)
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate phrase "${phrase}"` })
        seen.add(key)
      }
    }),
})
export type SelfHarmPhrases = z.infer<typeof SelfHarmPhrasesSchema>
