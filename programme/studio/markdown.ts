// Draft Markdown as HTML for the studio's previews. A draft has not passed the checks yet, so
// any raw HTML in it is shown as text (escaped), never run: one clinician's draft cannot put
// markup into another's page (the checks refuse raw HTML before anything is published).
import { Marked } from 'marked'

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const draftMarked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
})

/** The HTML of draft Markdown, with raw HTML escaped. */
export function draftMarkdownHtml(markdown: string): string {
  return draftMarked.parse(markdown, { async: false })
}
