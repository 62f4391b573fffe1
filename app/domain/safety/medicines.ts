// The form for listing a prescribed medicine on the plan (issue 15 §3): a kind from the content's
// list and, if the client wants, what they call it. A plain .ts file: the page uses it too.
import { z } from 'zod'
import { MEDICINE_KINDS } from '#programme/schema/mixing.schema.ts'

export const MEDICINE_NAME_MAX = 60
/** More than this many is almost certainly a slip; the list is for warnings, not a drug chart. */
export const MEDICINES_MAX = 10

export const MedicineFormSchema = z.object({
  kind: z.enum(MEDICINE_KINDS, { error: 'Choose what kind of medicine it is' }),
  name: z.string().trim().max(MEDICINE_NAME_MAX, `Keep the name under ${MEDICINE_NAME_MAX} characters`).optional(),
})
export type MedicineForm = z.infer<typeof MedicineFormSchema>
