// Where naloxone comes from, said one way everywhere and no more certain than the source
// (issue 12, item 7; hazard H-023). In the UK naloxone is a prescription-only medicine that
// pharmacies cannot sell over the counter; drug treatment services supply it without a
// prescription, and some pharmacies do too, where they are commissioned or choose to
// (DHSC/OHID, "Supplying take home naloxone without a prescription", GOV.UK; the power to
// supply is "enabling (or optional), not mandatory"; ACMD 2022 review of naloxone: available
// in some pharmacies, not all). So: always a drug service, a pharmacy only "in some areas".

/** The one wording of where to get naloxone. */
export const NALOXONE_SUPPLY = 'from a drug service; in some areas also from a pharmacy'

// A sentence says where naloxone comes from when it names a place that hands it out, or says
// someone can get it or give it to you.
const SUPPLY_WORDS =
  /\b(pharmac\w*|chemists?|drug (and alcohol )?services?|GPs?|doctors?)\b|\bget (it|some|one|naloxone|a kit)\b|\bgive you\b/i

// List items and blank lines end a sentence as a full stop does.
const BREAK = '\n\n'

/** Text as a reader sees it: markdown marks and JSX tags removed, list items kept apart. */
function sentences(text: string): string[] {
  return text
    .replace(/^\s*[-*+]\s+/gm, BREAK)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{' '\}/g, ' ')
    .replace(/[*_`#>]/g, '')
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

/**
 * Sentences that say where naloxone comes from without the one wording: any sentence that
 * mentions naloxone and a supplier, or follows a sentence about naloxone ("Carry naloxone. A
 * pharmacy can give you some.").
 */
export function naloxoneSupplyProblems(text: string): string[] {
  const all = sentences(text)
  return all.filter((sentence, i) => {
    const aboutNaloxone = /naloxone/i.test(sentence) || /naloxone/i.test(all[i - 1] ?? '')
    return aboutNaloxone && SUPPLY_WORDS.test(sentence) && !sentence.includes(NALOXONE_SUPPLY)
  })
}
