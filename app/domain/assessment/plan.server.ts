// The client's plan: the life areas they chose to work on from their results ("Save my plan"),
// beside the modules they added. Read by the results page, the module recommendations and the
// privacy export.
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { planItems } from '#db/schema/index.ts'

const planQuery = prepared((db) =>
  db
    .select({ kind: planItems.kind, ref: planItems.ref })
    .from(planItems)
    .where(eq(planItems.userId, sql.placeholder('userId')))
    .prepare(),
)

export async function getPlan(userId: string) {
  return planQuery().all({ userId })
}

/** The life areas the client chose to work on ("Save my plan"). */
export async function planAreasOf(userId: string): Promise<string[]> {
  return (await getPlan(userId)).filter((p) => p.kind === 'area').map((p) => p.ref)
}

/** Replaces the life areas the client chose to work on (an area sent twice is kept once). */
export async function savePlanAreas(userId: string, areas: string[]): Promise<void> {
  getDb().transaction((tx) => {
    tx.delete(planItems)
      .where(and(eq(planItems.userId, userId), eq(planItems.kind, 'area')))
      .run()
    for (const ref of new Set(areas)) tx.insert(planItems).values({ userId, kind: 'area', ref }).run()
  })
}
