// Dates and numbers as Foothold writes them on pages and in PDFs, the same on the server and in
// the browser. Dates are written out by hand rather than with Intl, so the two always agree.
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "5 Dec" for the local date 2026-12-05. */
export function dayMonth(date: string): string {
  return `${Number(date.slice(8))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`
}
/** "1 urge", "2 urges". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
export const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`
export const oneDecimal = (value: number | null) => (value === null ? '–' : value.toFixed(1))
export const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)
