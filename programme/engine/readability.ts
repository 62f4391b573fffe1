// A rough reading age for client-facing text: the Flesch–Kincaid grade level (Kincaid et al.
// 1975) plus 5 (UK reading age is US grade + 5). It is a warning light for authors, not a
// measure of quality: short words and short sentences score well whatever they say.
import { syllable } from 'syllable'

/** Foothold writes for a reading age of about 11–12 (DESIGN.md). */
export const READING_AGE_LIMIT = 12
/** Below this many words the formula says little, so no age is given. */
const MIN_WORDS = 20

/** Markdown to plain sentences: headings, list items and table cells end a sentence. */
function plain(markdown: string): string[] {
  return markdown
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_#>|]/g, ' ')
    .split(/\n\s*[-+]\s+|\n\s*\d+\.\s+|\n{2,}|\n(?=\s*[-+]\s)|[.!?…]+(?:\s|$)|[:;](?:\s|$)|\n/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s))
}

function words(sentence: string): string[] {
  return sentence.match(/[a-z][a-z'’-]*/gi) ?? []
}

/** The reading age of a text, or null when it is too short to say. */
export function readingAge(text: string): number | null {
  const sentences = plain(text)
  const all = sentences.flatMap(words)
  if (all.length < MIN_WORDS || sentences.length === 0) return null
  const syllables = all.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0)
  const grade = 0.39 * (all.length / sentences.length) + 11.8 * (syllables / all.length) - 15.59
  return Math.round((grade + 5) * 10) / 10
}
