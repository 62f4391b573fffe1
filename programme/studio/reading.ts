// The studio's reading panel: each client-facing text of a document with its reading age, and
// the words that push the age up marked, so an author sees what to shorten. A "hard" word has
// three or more syllables: the Flesch–Kincaid formula behind readingAge (readability.ts) rises
// with syllables per word, and polysyllables are what SMOG (McLaughlin 1969) counts.
import { syllable } from 'syllable'
import { READING_AGE_LIMIT, readingAge } from '../engine/readability.ts'

export const HARD_WORD_SYLLABLES = 3

export type TextPart = { text: string; hard: boolean }

export type TextReading = {
  /** Where the text is: "summary", "steps[intro].prompt", "texts.intro.md". */
  path: string
  text: string
  /** null when the text is too short for the formula to say anything. */
  age: number | null
  over: boolean
  /** The text split into runs, hard words marked. */
  parts: TextPart[]
  hardWords: string[]
}

/** The text as runs of plain text and hard words, in order; joined they give the text back. */
export function markHardWords(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(/[A-Za-z][A-Za-z'’-]*/g)) {
    const word = match[0]
    if (syllable(word) < HARD_WORD_SYLLABLES) continue
    const at = match.index ?? 0
    if (at > last) parts.push({ text: text.slice(last, at), hard: false })
    parts.push({ text: word, hard: true })
    last = at + word.length
  }
  if (last < text.length) parts.push({ text: text.slice(last), hard: false })
  return parts
}

/** Keys whose strings are read by clients; ids, file names, versions and sources are not. */
const CLIENT_TEXT = new Set([
  'title',
  'summary',
  'prompt',
  'hint',
  'label',
  'minLabel',
  'maxLabel',
  'text',
  'intro',
  'meaning',
])

function collect(value: unknown, path: string, out: Array<{ path: string; text: string }>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const id = typeof item === 'object' && item && 'id' in item ? String((item as { id: unknown }).id) : String(i)
      collect(item, `${path}[${id}]`, out)
    })
    return
  }
  if (typeof value !== 'object' || value === null) return
  for (const [key, v] of Object.entries(value)) {
    const p = path ? `${path}.${key}` : key
    if (key === 'texts' && typeof v === 'object' && v !== null) {
      for (const [file, md] of Object.entries(v))
        if (typeof md === 'string') out.push({ path: `texts.${file}`, text: md })
    } else if (typeof v === 'string' && CLIENT_TEXT.has(key)) out.push({ path: p, text: v })
    else if (typeof v === 'object') collect(v, p, out)
  }
}

/** Every client-facing text in a document (a module with its Markdown, an exercise…), read. */
export function readingOf(document: unknown): TextReading[] {
  const texts: Array<{ path: string; text: string }> = []
  collect(document, '', texts)
  return texts.map(({ path, text }) => {
    const age = readingAge(text)
    const parts = markHardWords(text)
    return {
      path,
      text,
      age,
      over: age !== null && age > READING_AGE_LIMIT,
      parts,
      hardWords: [...new Set(parts.filter((p) => p.hard).map((p) => p.text))],
    }
  })
}
