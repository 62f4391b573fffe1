// A whole check-in through the real domain functions, for integration tests that need results.
import { currentPage, getOpenAssessment, savePage, startAssessment } from '#app/domain/assessment/sitting.server.ts'
import { pinClock } from '#app/utils/clock.server.ts'

export type Choose = (itemId: string, values: number[]) => number
export const lowest: Choose = (_id, values) => Math.min(...values)
/** Every answer at its highest, except PHQ-9 item 9 (no self-harm panel to get past). */
export const highest: Choose = (id, values) => (id === 'phq-9-9' ? Math.min(...values) : Math.max(...values))

/** An alcohol check-in, every item answered by `choose`, finished at `at` (the clock is pinned there). */
export async function completeCheckIn(userId: string, at: Date, choose: Choose): Promise<void> {
  pinClock(at)
  if (!(await startAssessment(userId, { substances: ['alcohol'], main: 'alcohol' }, at)))
    throw new Error('the check-in was refused')
  await finishOpenCheckIn(userId, choose, at)
}

/** Answers every page left of the open check-in with `choose`, saving each at `at` (default: the clock). */
export async function finishOpenCheckIn(userId: string, choose: Choose = lowest, at?: Date): Promise<void> {
  for (let guard = 0; guard < 100; guard++) {
    const open = await getOpenAssessment(userId)
    if (!open) return
    const { page } = await currentPage(open)
    const answers = Object.fromEntries(
      page.items.map((item) => [
        item.id,
        String(
          choose(
            item.id,
            item.options.map((o) => o.value),
          ),
        ),
      ]),
    )
    const result = await savePage(userId, { pageIndex: page.index, answers, direction: 'next' }, at)
    if (!result.ok) throw new Error(`page ${page.index} refused: ${JSON.stringify(result)}`)
  }
  throw new Error('the check-in never finished')
}
