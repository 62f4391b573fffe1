// Unicode fonts for the PDFs, so text in any script prints as written. Files come from packages
// in node_modules, read from disk the first time a PDF needs them (never fetched, never at server
// start); pdfkit embeds only the glyphs a document uses. Each piece of text is drawn in runs: the
// first font in the style's chain that has a character draws it. DejaVu Sans (Condensed) covers Latin (with
// Polish), Greek, Cyrillic, Arabic and Hebrew; Noto Sans SC covers Chinese (and Japanese kana and
// Korean) and Noto Emoji the emoji, each split by the package into small files by character range
// (read as .woff: pdfkit subsets the .woff2 files with empty outlines).
// Right-to-left script (Arabic, Hebrew) gets runs of its own, which fontkit shapes and lays out
// right to left; runs are placed left to right, as in a left-to-right paragraph.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type * as Fontkit from 'fontkit'

export const FONTS = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Oblique' } as const
export type FontName = (typeof FONTS)[keyof typeof FONTS]

type Doc = PDFKit.PDFDocument
/** A font file split by character range, as @fontsource packages ship it: a file per range. */
type Split = { dir: string; prefix: string; ranges: Array<{ key: string; lo: number; hi: number }> }
type Loaded = { dejavu: Record<string, Fontkit.Font>; cjk: Split; emoji: Split; parts: Map<string, Fontkit.Font> }

const require = createRequire(import.meta.url)
const packageDir = (name: string, file: string) => dirname(require.resolve(`${name}/${file}`))
/** fontkit, required with the first PDF (as pdfkit is, pdf-layout.server.ts), not at start. */
const fontkit = (): typeof Fontkit => require('fontkit')
// The condensed cut: about as wide as Helvetica, which the layout was made for.
const DEJAVU = {
  Sans: 'DejaVuSansCondensed.ttf',
  'Sans-Bold': 'DejaVuSansCondensed-Bold.ttf',
  'Sans-Oblique': 'DejaVuSansCondensed-Oblique.ttf',
}

/** "U+4e00-4e20,U+3001" per file key, from the package's unicode.json. */
function split(name: string, prefix: string): Split {
  const dir = packageDir(name, 'LICENSE')
  const table = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>
  const ranges = Object.entries(table).flatMap(([key, list]) =>
    list.split(',').map((range) => {
      const [lo = '0', hi = lo] = range.trim().replace(/^U\+/i, '').split('-')
      return { key: key.replace(/^\[(\d+)\]$/, '$1'), lo: Number.parseInt(lo, 16), hi: Number.parseInt(hi, 16) }
    }),
  )
  return { dir: join(dir, 'files'), prefix, ranges }
}

// Font files read from packages, loaded on the first PDF: no one's data.
let loaded: Loaded | undefined
function fonts(): Loaded {
  if (loaded) return loaded
  const dir = join(packageDir('dejavu-fonts-ttf', 'package.json'), 'ttf')
  const dejavu = Object.fromEntries(
    Object.entries(DEJAVU).map(([name, file]) => [name, fontkit().create(readFileSync(join(dir, file)))]),
  )
  loaded = {
    dejavu,
    cjk: split('@fontsource/noto-sans-sc', 'noto-sans-sc'),
    emoji: split('@fontsource/noto-emoji', 'noto-emoji'),
    parts: new Map(),
  }
  return loaded
}

/** The file of a split font that holds `codePoint`, registered on `doc`; its name, or null. */
function splitFont(doc: Doc, font: Split, weight: number, codePoint: number): string | null {
  const range = font.ranges.find((r) => codePoint >= r.lo && codePoint <= r.hi)
  if (!range) return null
  const name = `${font.prefix}-${range.key}-${weight}-normal`
  const { parts } = fonts()
  let part = parts.get(name)
  if (!part) {
    part = fontkit().create(readFileSync(join(font.dir, `${name}.woff`)))
    parts.set(name, part)
  }
  if (!part.hasGlyphForCodePoint(codePoint)) return null
  register(doc, name, part)
  return name
}

function register(doc: Doc, name: string, font: Fontkit.Font) {
  // pdfkit takes a fontkit font as a source; its types list only files and buffers.
  doc.registerFont(name, font as unknown as Buffer)
}

/** Registers the style fonts on `doc`: call before drawing or measuring with them. */
export function useFonts(doc: Doc): void {
  for (const [name, font] of Object.entries(fonts().dejavu)) register(doc, name, font)
}

/** The font that draws `char` in style `font`; the style's own font when none has it. */
function fontFor(doc: Doc, char: string, font: FontName): string {
  const codePoint = char.codePointAt(0) ?? 0
  const { dejavu, cjk, emoji } = fonts()
  if (dejavu[font]?.hasGlyphForCodePoint(codePoint)) return font
  if (dejavu.Sans?.hasGlyphForCodePoint(codePoint)) return FONTS.regular
  return (
    splitFont(doc, cjk, font === FONTS.bold ? 700 : 400, codePoint) ??
    splitFont(doc, emoji, font === FONTS.bold ? 700 : 400, codePoint) ??
    font
  )
}

const fontObject = (name: string) => fonts().dejavu[name] ?? fonts().parts.get(name)

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u
// Characters that take the font and direction of the run they are in, when that font has them.
// (Joiners, variation selectors and skin tones keep an emoji sequence in one font.)
function neutral(char: string): boolean {
  const codePoint = char.codePointAt(0) ?? 0
  return (
    /^[\s\p{P}\p{M}]$/u.test(char) ||
    '\u200c\u200d\ufe0e\ufe0f'.includes(char) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff)
  )
}

export type Run = { font: string; text: string }

/**
 * Spaces and punctuation at the end of a right-to-left run, which in a left-to-right paragraph
 * belong after it, not inside the reversed run: moved to a run of their own.
 */
function closeRtl(doc: Doc, runs: Array<Run & { rtl: boolean }>, font: FontName) {
  const last = runs[runs.length - 1]
  const trailing = last?.rtl ? (/[\s\p{P}]+$/u.exec(last.text)?.[0] ?? '') : ''
  if (!last || trailing === '') return
  last.text = last.text.slice(0, last.text.length - trailing.length)
  runs.push({ font: fontFor(doc, trailing, font), text: trailing, rtl: false })
}

/** `text` cut into runs of one font and one direction each, in reading order. */
export function fontRuns(doc: Doc, text: string, font: FontName): Run[] {
  const runs: Array<Run & { rtl: boolean }> = []
  for (const char of text) {
    const last = runs[runs.length - 1]
    const codePoint = char.codePointAt(0) ?? 0
    if (last && neutral(char) && fontObject(last.font)?.hasGlyphForCodePoint(codePoint)) {
      last.text += char
      continue
    }
    const chosen = fontFor(doc, char, font)
    const rtl = RTL.test(char)
    if (last && last.font === chosen && last.rtl === rtl) {
      last.text += char
      continue
    }
    if (!rtl) closeRtl(doc, runs, font)
    const previous = runs[runs.length - 1]
    if (previous && !previous.rtl && !rtl && previous.font === chosen) previous.text += char
    else runs.push({ font: chosen, text: char, rtl })
  }
  closeRtl(doc, runs, font)
  return runs.filter((run) => run.text !== '').map(({ font, text }) => ({ font, text }))
}
