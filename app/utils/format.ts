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
