// Dates and numbers as Foothold writes them on pages and in PDFs, the same on the server and in
// the browser. Dates are written out by hand rather than with Intl, so the two always agree.
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

// The house format for a date shown to people is `longDate`, "5 Dec 2026" (never 2026-12-05);
// `weekdayDate`, "Tue 30 Dec 2025", where the day of the week helps (diary lists, check-ins);
// `dayMonth`, "5 Dec", only where the year goes without saying: said nearby (a chart's axis, a
// range), or this year's entries in the diary lists, which show any other year (issue 16 item 13).

/** "5 Dec" for the local date 2026-12-05. */
export function dayMonth(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`
}

/** "5 Dec 2026" for the local date 2026-12-05 (a longer string, e.g. an ISO instant, is cut to its date). */
export function longDate(date: string): string {
  return `${dayMonth(date)} ${date.slice(0, 4)}`
}

/** "Mon" for the local date 2026-11-30: Monday is 0, as in the tracking tables. */
export function weekdayOf(date: string): string {
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))))
  return WEEKDAYS[(day.getUTCDay() + 6) % 7] ?? ''
}

/** "Tue 30 Dec 2025" for the local date 2025-12-30. */
export function weekdayDate(date: string): string {
  return `${weekdayOf(date)} ${longDate(date)}`
}
/** "1 urge", "2 urges". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
export const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`
export const oneDecimal = (value: number | null) => (value === null ? '–' : value.toFixed(1))
export const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

/**
 * A client-facing title said about the client, for key workers' pages: "Your drinking (AUDIT)"
 * → "Drinking (AUDIT)", "How much you depend on your main drug" → "How much they depend on
 * their main drug".
 */
export function aboutClient(text: string): string {
  const said = text
    .replace(/^Your (\p{L})/u, (_, first: string) => first.toUpperCase())
    .replace(/\byourself\b/g, 'themselves')
    .replace(/\byour\b/g, 'their')
    .replace(/\bYour\b/g, 'Their')
    .replace(/\byou\b/g, 'they')
    .replace(/\bYou\b/g, 'They')
  return said
}
