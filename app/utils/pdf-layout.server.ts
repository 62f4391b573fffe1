// Page geometry, type and a line-by-line layout cursor for worksheet PDFs. Text is wrapped here
// rather than by pdfkit so answers and table rows can break across pages between lines, and it is
// drawn in embedded Unicode fonts (pdf-fonts.server.ts), run by run, so any script prints as
// written. The session summary PDF uses the same document, cursor and page frame.
import { createRequire } from 'node:module'
import type PDFKitDocument from 'pdfkit'
import type { WorksheetKind } from '#programme/engine/index.ts'
import { FONTS, type FontName, fontRuns, useFonts } from './pdf-fonts.server.ts'

export const PAGE = { width: 595.28, height: 841.89 } // A4 in points
export const MARGIN = { top: 80, bottom: 72, left: 56, right: 56 }
export const LEFT = MARGIN.left
export const WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const BOTTOM = PAGE.height - MARGIN.bottom
export const REGULAR = FONTS.regular
export const BOLD = FONTS.bold
export const ITALIC = FONTS.italic
// Form fields name a standard font: a viewer draws typed text in it, or in a font of its own,
// whatever the client types. Field values themselves are Unicode.
const FORM_FONT = 'Helvetica'
const FORM_DEFAULT_FONT = 'Helvetica-Bold'
// Where the first line's baseline sits under its top, as a share of the size (Helvetica's ascent,
// kept so the layout's spacing is unchanged).
const ASCENT = 0.718
// Large type throughout (nothing under 13 pt): many clients read on paper, without glasses.
export const SIZE = { title: 24, heading: 17, body: 14, small: 13 }
export const LEADING = 1.35
export const INK = '#000000'
export const MUTED = '#333333'
export const RULE = '#707070'
export const SHADE = '#e6e6e6'
// A light tint marks where to tap, even in viewers that draw no form fields.
export const FIELD_TINT = '#eef3fa'
export const WRITING_LINE = 30 // room for one handwritten line
export const SHORT_HEIGHT = 36
const LONG_HEIGHT = 6 * WRITING_LINE

export type Doc = PDFKit.PDFDocument

const require = createRequire(import.meta.url)
/**
 * pdfkit's document class, required when the first PDF is made rather than at start: with fontkit
 * it is about 28 MB of memory that a server process making no PDF never needs (issue 13's RSS
 * budget). Node keeps the module once required, as an import would.
 */
export const PDFDocument = (): typeof PDFKitDocument => require('pdfkit')
export type Style = { font: FontName; size: number; color?: string }
export type Box = { x: number; y: number; w: number; h: number }
export const BODY: Style = { font: REGULAR, size: SIZE.body }
export const lineHeight = (style: Style) => style.size * LEADING

/** Text ready to draw: composed (NFC), tabs as spaces, other control characters dropped. */
export function pdfSafe(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}\p{Cs}]/gu, (char) => (char === '\n' ? char : ''))
}

/** The width of `text` in `style`, font run by font run. */
export function textWidth(doc: Doc, text: string, style: Style): number {
  let width = 0
  for (const run of fontRuns(doc, text, style.font))
    width += doc.font(run.font).fontSize(style.size).widthOfString(run.text)
  return width
}

/** One line of text with its top at `y`, font run by font run. */
export function drawText(doc: Doc, text: string, style: Style, x: number, y: number): void {
  let at = x
  for (const run of fontRuns(doc, text, style.font)) {
    doc
      .font(run.font)
      .fontSize(style.size)
      .fillColor(style.color ?? INK)
      .text(run.text, at, y + ASCENT * style.size, { lineBreak: false, baseline: 'alphabetic' })
    at += doc.widthOfString(run.text)
  }
}

/** Greedy word wrap at `width`; a word too long for a line is broken between characters. */
export function wrap(doc: Doc, text: string, style: Style, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of pdfSafe(text).split('\n')) {
    let line = ''
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (textWidth(doc, candidate, style) <= width) {
        line = candidate
        continue
      }
      if (line !== '') lines.push(line)
      line = ''
      for (const char of word) {
        if (line !== '' && textWidth(doc, line + char, style) > width) {
          lines.push(line)
          line = ''
        }
        line += char
      }
    }
    lines.push(line)
  }
  return lines
}

/**
 * An A4 document, buffered so every page can be framed at the end. Its metadata is Title, Author
 * and Creator only: pdfkit's Producer is dropped, and CreationDate (which pdfkit still reads while
 * finishing) stays on the object but out of the written dictionary. `finished` gives the file.
 */
export function openA4(title: string): { doc: Doc; finished: Promise<Buffer> } {
  return openPdf(title, { size: 'A4', margins: MARGIN, bufferPages: true })
}

/**
 * A document of any size (the A4 pages, the wallet card) in the embedded Unicode fonts, with the
 * same metadata rules as openA4. `finished` gives the file once `doc.end()` is called.
 */
export function openPdf(
  title: string,
  page: Pick<PDFKit.PDFDocumentOptions, 'size' | 'margins' | 'bufferPages'>,
): { doc: Doc; finished: Promise<Buffer> } {
  const doc = new (PDFDocument())({
    ...page,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: 'Foothold', Creator: 'Foothold' },
  })
  useFonts(doc)
  delete doc.info.Producer
  Object.defineProperty(doc.info, 'CreationDate', { enumerable: false })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, finished }
}

/**
 * Every page's frame: `header` above a rule at the top, `footer` at the bottom left and "Page n
 * of m" at the right, each cut to one line. Call once the content is laid out.
 */
export function framePages(doc: Doc, header: string, footer: string): void {
  const style: Style = { font: REGULAR, size: SIZE.small, color: MUTED }
  const oneLine = (text: string, width: number) => {
    const [first = '', more] = wrap(doc, text, style, width - 14)
    return more === undefined ? first : `${first}…`
  }
  const top = oneLine(header, WIDTH)
  const { start, count } = doc.bufferedPageRange()
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i)
    const page = `Page ${i + 1} of ${count}`
    const pageWidth = textWidth(doc, page, style)
    const draw = (text: string, x: number, y: number) => drawText(doc, text, style, x, y)
    draw(top, LEFT, 36)
    doc
      .moveTo(LEFT, 58)
      .lineTo(LEFT + WIDTH, 58)
      .lineWidth(0.75)
      .stroke(RULE)
    draw(oneLine(footer, WIDTH - pageWidth - 24), LEFT, PAGE.height - 46)
    draw(page, LEFT + WIDTH - pageWidth, PAGE.height - 46)
  }
}

/**
 * Makes `doc` a form. A form default font unlike the fields' makes pdfkit give each field its own
 * 14 pt size instead of "auto", which phone viewers shrink until it is hard to read.
 */
export function startForm(doc: Doc): void {
  doc.font(FORM_DEFAULT_FONT)
  doc.initForm()
}

/** A cursor down the page that starts a new page when the next thing would not fit. */
export class Layout {
  y = MARGIN.top
  constructor(
    readonly doc: Doc,
    readonly kind: WorksheetKind,
  ) {}

  newPage() {
    this.doc.addPage()
    this.y = MARGIN.top
  }

  /** Starts a new page unless `height` still fits on this one. */
  keep(height: number) {
    if (this.y + height > BOTTOM && this.y > MARGIN.top) this.newPage()
  }

  /** One line of already wrapped text with its top at `y`; never moves the cursor. */
  line(text: string, style: Style, x: number, y: number) {
    drawText(this.doc, text, style, x, y)
  }

  /** Wrapped text at the cursor, breaking pages between lines; `bar` marks it as an answer. */
  paragraph(text: string, style: Style, gapAfter = 6, bar = false) {
    const indent = bar ? 14 : 0
    const height = lineHeight(style)
    let barTop = this.y
    for (const line of wrap(this.doc, text, style, WIDTH - indent)) {
      if (this.y + height > BOTTOM) {
        if (bar) this.bar(barTop)
        this.newPage()
        barTop = this.y
      }
      this.line(line, style, LEFT + indent, this.y + (height - style.size) / 2)
      this.y += height
    }
    if (bar) this.bar(barTop)
    this.y += gapAfter
  }

  bar(top: number) {
    this.doc.rect(LEFT, top, 4, this.y - top).fill(RULE)
  }

  box({ x, y, w, h }: Box, fill?: string) {
    this.doc.lineWidth(1).rect(x, y, w, h)
    if (fill) this.doc.fillAndStroke(fill, RULE)
    else this.doc.stroke(RULE)
  }

  /**
   * A tinted box with a text field over it. The label becomes the field's tooltip, which screen
   * readers announce. The value is the client's text as typed: field values are Unicode.
   */
  field(name: string, label: string, box: Box, value: string | null, multiline: boolean) {
    const { doc } = this
    this.box(box, FIELD_TINT)
    doc.font(FORM_FONT)
    doc.formText(name, box.x + 2, box.y + 2, box.w - 4, box.h - 4, {
      multiline,
      fontSize: SIZE.body,
      value: value ?? '',
    })
    const widget = doc.page.annotations[doc.page.annotations.length - 1]
    widget.data.TU = new String(label)
  }

  /** Room for a short or long answer: a box or lines on paper, a field to type into, or the answer. */
  answerSpace(id: string, label: string, value: string | null, long: boolean) {
    if (this.kind === 'filled' && value !== null) return this.paragraph(value, BODY, 14, true)
    const box = { x: LEFT, y: 0, w: WIDTH, h: long ? LONG_HEIGHT : SHORT_HEIGHT }
    this.keep(box.h)
    box.y = this.y
    if (this.kind === 'fillable') this.field(id, label, box, value, long)
    else if (!long) this.box(box)
    else {
      for (let y = box.y + WRITING_LINE; y <= box.y + box.h; y += WRITING_LINE) {
        this.doc
          .moveTo(LEFT, y)
          .lineTo(LEFT + WIDTH, y)
          .lineWidth(0.75)
          .stroke(RULE)
      }
    }
    this.y += box.h + 14
  }
}
