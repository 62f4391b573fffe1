// The help page's own texts (content/help.yaml): the tips on using Foothold safely that /help
// shows under the crisis contacts and the overdose steps, and a note a service may add about
// itself. The crisis contacts come from the service's settings and the overdose steps are one
// cited text (components/overdose-steps.tsx): neither is here, and neither can be changed in
// the studio (H-047).
import { z } from 'zod'
import { IdSchema } from './common.schema.ts'

const text = z.string().trim().min(1)

/** One tip: a short bold title and a sentence or two. */
export const HelpTipSchema = z.strictObject({ id: IdSchema, title: text, text })
export type HelpTip = z.infer<typeof HelpTipSchema>

export const HelpSchema = z.strictObject({
  /** Where the advice comes from (Foothold's own, for the shipped tips). */
  source: text,
  /** Under "Using {service name}": how to use Foothold safely and privately. */
  tips: z.array(HelpTipSchema).min(1).max(30),
  /** The service's own words about itself (opening times, how to reach a key worker); may be empty. */
  serviceNote: z.string().trim().max(2000).default(''),
})
export type Help = z.infer<typeof HelpSchema>
