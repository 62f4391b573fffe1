// The pieces of the progress page: the tables, the weekday × time-of-day grid, milestone and
// summary sentences (the date and number formats are in app/utils/format.ts).
import { ukUnits, unitName } from '#app/domain/tracking/amounts.ts'
import type { Progress as Data } from '#app/domain/tracking/stats.server.ts'
import { dayMonth, MONTHS, plural, pounds } from '#app/utils/format.ts'

export const RANGES = [7, 30, 90, 365] as const
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const BANDS = ['Night', 'Morning', 'Afternoon', 'Evening']
export const PERIOD = { day: 'Day', week: 'Week', month: 'Month' }

export function periodName(period: Data['period'], date: string, end: string): string {
  if (period === 'day') return `${WEEKDAYS[(new Date(date).getUTCDay() + 6) % 7]?.slice(0, 3)} ${dayMonth(date)}`
  if (period === 'week') return `${dayMonth(date)} to ${dayMonth(end)}`
  const month = `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
  const whole = date.endsWith('-01') && addOneDay(end).endsWith('-01')
  return whole ? month : `${Number(date.slice(8))} to ${Number(end.slice(8))} ${month}`
}
function addOneDay(date: string): string {
  return new Date(new Date(date).getTime() + 86_400_000).toISOString().slice(0, 10)
}

export function Table({
  caption,
  head,
  rows,
}: {
  caption: string
  head: string[]
  rows: Array<Array<string | number>>
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name = '', ...cells], r) => (
          // Rows are a fixed list for one render: their place is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <tr key={r}>
            <th scope="row">{name}</th>
            {cells.map((cell, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
              <td key={c} data-label={head[c + 1]}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Text made safe inside HTML or an attribute (static-chart.ts, the score history's rows). */
export const escapeHtml = (value: string | number) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/** The week as a table shaded by how many urges came at each time: the numbers are in every cell. */
export function WeekGrid({ grid }: { grid: number[][] }) {
  const most = Math.max(1, ...grid.flat())
  return (
    <table className="week-grid">
      <caption>Urges by day of the week and time of day</caption>
      <thead>
        <tr>
          <td />
          {BANDS.map((band) => (
            <th scope="col" key={band}>
              {band}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((weekday, w) => (
          <tr key={weekday}>
            <th scope="row">
              <span aria-hidden="true">{weekday.slice(0, 3)}</span>
              <span className="visually-hidden">{weekday}</span>
            </th>
            {BANDS.map((band, b) => {
              const count = grid[w]?.[b] ?? 0
              return (
                <td key={band} className={`heat-${Math.ceil((count / most) * 4)}`}>
                  {count}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * Who the page speaks to: the client about themselves ("you"), or their key worker about the
 * client ("they"), on the worker's client page.
 */
export type Voice = { you: string; You: string; your: string; Your: string }
export const TO_CLIENT: Voice = { you: 'you', You: 'You', your: 'your', Your: 'Your' }
export const ABOUT_CLIENT: Voice = { you: 'they', You: 'They', your: 'their', Your: 'Their' }

type StopGoal = Data['milestones']['stopGoals'][number]
/**
 * A stop goal's milestone: the current run, the longest run and the days free of the last 30,
 * together, so a lapse never reads as losing everything (issue 15 §5; hazard H-041).
 */
export function milestone(
  { what, substance, startedOn, lastUseDate, daysSinceLastUse: n, longestRun, freeDays, windowDays }: StopGoal,
  { you, your, Your }: Voice = TO_CLIENT,
): string {
  const used = substance === 'alcohol' ? 'drank' : substance && substance !== 'other' ? `used ${substance}` : 'used'
  const sinceUse = lastUseDate !== null && lastUseDate >= startedOn
  const window =
    windowDays >= 30 ? `the last ${windowDays} days` : `the ${plural(windowDays, 'day')} since ${you} set it`
  const runs = ` ${Your} longest run so far: ${plural(longestRun, 'day')}. No use on ${freeDays} of ${window}.`
  // A goal set today has no runs to show yet.
  if (windowDays <= 1) return `“${what}”: ${you} set this goal today${sinceUse ? `, and ${used} today` : ''}.`
  if (n === 0) return `“${what}”: ${you} last ${used} today.${runs} A lapse does not undo ${your} progress.`
  return sinceUse
    ? `“${what}”: ${plural(n, 'day')} since ${you} last ${used}.${runs}`
    : `“${what}”: ${plural(n, 'day')} since ${you} set this goal, with no use logged.${runs}`
}

/** Each section's figures in a sentence: shown to everyone, and the accessible name of its chart. */
export function sentences(data: Data, over: string, voice: Voice = TO_CLIENT) {
  const { you, You, Your } = voice
  const toClient = voice === TO_CLIENT
  const total = data.urges.reduce((sum, u) => sum + u.count, 0)
  const strength = data.urges.reduce((sum, u) => sum + (u.avgIntensity ?? 0) * u.count, 0) / (total || 1)
  const units = data.use.reduce((sum, u) => sum + u.alcoholUnits, 0)
  const spend = data.use.reduce((sum, u) => sum + u.spendPence, 0)
  const noUse = data.use.reduce((sum, u) => sum + u.noUseDays, 0)
  const entries = data.use.reduce((sum, u) => sum + u.entries, 0)
  // Other substances, totalled by substance and unit: "1.75 grams of cannabis".
  const others = new Map<string, number>()
  for (const { substance, unit, amount } of data.use.flatMap((u) => u.amounts)) {
    const what = `${unit ?? ''} of ${substance}`.trim()
    others.set(what, Math.round(((others.get(what) ?? 0) + amount) * 100) / 100)
  }
  const { rodeOut, used, unknown } = data.outcomes
  const { done, partly, not } = data.checkIns
  const [trigger] = data.patterns.topTriggers
  const [coping] = data.patterns.copingThatWorked
  const cells = data.patterns.timeOfWeek.flatMap((bands, w) => bands.map((count, b) => ({ count, w, b })))
  const busiest = cells.reduce((a, c) => (c.count > a.count ? c : a), { count: 0, w: 0, b: 0 })
  return {
    urges: total
      ? `${You} logged ${plural(total, 'urge')} in ${over}, with an average strength of ${strength.toFixed(1)} out of 10.`
      : `${You} have not logged any urges in ${over}.`,
    outcomes: total
      ? `Of ${plural(total, 'urge')}, ${you} rode out ${rodeOut} and used after ${used || 'none'}.${unknown ? ` For ${unknown} ${you} did not say.` : ''}`
      : toClient
        ? 'When you log an urge, you can say whether you rode it out.'
        : 'No urges logged, so no outcomes.',
    use:
      entries + noUse
        ? `In ${over}: ${ukUnits(units)} of alcohol${others.size ? `, ${[...others].map(([what, amount]) => `${amount} ${what.replace(/^\S+/, (unit) => unitName(amount, unit))}`).join(', ')}` : ''}, ${pounds(spend)} spent, and ${plural(noUse, 'day')} ${you} marked as no use.`
        : `${You} have not logged any drinking or use in ${over}.`,
    checkIns:
      done + partly + not
        ? `In ${over} ${you} checked in ${plural(done + partly + not, 'time')}: ${done} done, ${partly} partly and ${not} not done.`
        : `No goal check-ins in ${over}.`,
    triggers: trigger
      ? `${Your} most common trigger was “${trigger.label}” (${plural(trigger.count, 'urge')}).`
      : 'No triggers logged yet.',
    when: busiest.count
      ? `Urges came most often on ${WEEKDAYS[busiest.w]} ${BANDS[busiest.b]?.toLowerCase()}s (${busiest.count}).`
      : 'No urges logged yet.',
    coping: coping
      ? `What ${you} did most when ${you} rode out an urge: “${coping.label}” (${plural(coping.count, 'time')}).`
      : toClient
        ? 'When you ride out an urge, log what you did: over time you will see what works for you.'
        : 'No urge ridden out with what helped logged yet.',
  }
}
