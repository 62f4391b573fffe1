// Self-harm words in free text (CLINICAL.md safety rules; hazard H-027): does a client's text
// contain a phrase from the content list (content/safety/self-harm-phrases.yaml)? Pure, and it
// only reads the text: whatever it finds, the caller saves the text exactly as written.
//
// Matching: case is ignored; whole words only (a phrase must not have a letter or digit right
// before or after it); a space in a phrase matches any run of whitespace or hyphens; an
// apostrophe matches ', ’, ‘, ʼ or nothing ("don't" = "don’t" = "dont").

const APOSTROPHE = "['\u2018\u2019\u02BC`]?"
const SEPARATOR = '[\\s\\-\u2010\u2011\u2012\u2013\u2014]+'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.split("'").map(escapeRegExp).join(APOSTROPHE))
    .join(SEPARATOR)
}

/** The first phrase of `phrases` (in list order) written in `text`, or null. */
export function selfHarmPhraseIn(text: string, phrases: readonly string[]): string | null {
  if (!text) return null
  // Compatibility forms (full-width letters, ligatures) read as the plain letters they show.
  const haystack = text.normalize('NFKC')
  for (const phrase of phrases) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${phrasePattern(phrase)}(?![\\p{L}\\p{N}])`, 'iu')
    if (pattern.test(haystack)) return phrase
  }
  return null
}

/** The first phrase found in any of the texts (empty and missing ones are passed over), or null. */
export function selfHarmPhraseInAny(
  texts: ReadonlyArray<string | null | undefined>,
  phrases: readonly string[],
): string | null {
  for (const text of texts) {
    const found = text ? selfHarmPhraseIn(text, phrases) : null
    if (found) return found
  }
  return null
}
