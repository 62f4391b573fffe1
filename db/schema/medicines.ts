// Prescribed medicines a client lists on their plan (issue 15 §3, hazard H-039), so that a use
// entry that mixes dangerously with one of them is warned about. The kinds are the content's
// (content/safety/mixing.yaml `medicines`); the name is optional and the client's own words.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, id } from './columns.ts'
import { users } from './users.ts'

export const prescribedMedicines = sqliteTable(
  'prescribed_medicines',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** ost | antidepressant | benzodiazepine | gabapentinoid (MEDICINE_KINDS). */
    kind: text('kind').notNull(),
    /** What the client calls it ("methadone", "sertraline"), if they said. */
    name: text('name'),
    createdAt: createdAt(),
  },
  (t) => [index('prescribed_medicines_user_idx').on(t.userId)],
)

export type PrescribedMedicine = typeof prescribedMedicines.$inferSelect
