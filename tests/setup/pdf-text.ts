// Reads a PDF the way a person's viewer would (pdf.js, through unpdf), so tests can check what a
// downloaded worksheet says rather than how it is encoded. Used by vitest and Playwright alike.
import { getDocumentProxy } from 'unpdf'

export type PdfFormField = { name: string; multiline: boolean; value: string; page: number }

export type PdfContents = {
  /** The text of each page, one line per text line, in reading order. */
  pages: string[]
  /** The document information dictionary (Title, Author, Creator…), as pdf.js reports it. */
  info: Record<string, unknown>
  /** Fillable text fields, in the order they appear. */
  fields: PdfFormField[]
  /** The size, in points, of the smallest text drawn on any page. */
  smallestFontSize: number
}

// pdf.js's own bookkeeping in the information dictionary, not the document's metadata.
const PDFJS_INFO_KEYS = new Set([
  'PDFFormatVersion',
  'Language',
  'EncryptFilterName',
  'IsLinearized',
  'IsAcroFormPresent',
  'IsXFAPresent',
  'IsCollectionPresent',
  'IsSignaturesPresent',
])

export async function readPdf(buffer: Uint8Array): Promise<PdfContents> {
  // pdf.js may take ownership of the bytes it is given, so hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(buffer), { verbosity: 0 })
  try {
    const pages: string[] = []
    const fields: PdfFormField[] = []
    let smallestFontSize = Number.POSITIVE_INFINITY
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if (!('str' in item)) continue
        text += item.str + (item.hasEOL ? '\n' : '')
        if (item.str.trim() === '') continue
        const [a = 0, b = 0] = item.transform as number[]
        smallestFontSize = Math.min(smallestFontSize, Math.hypot(a, b))
      }
      pages.push(text)
      for (const annotation of await page.getAnnotations()) {
        if (annotation.fieldType !== 'Tx') continue
        fields.push({
          name: String(annotation.fieldName),
          multiline: Boolean(annotation.multiLine),
          value: String(annotation.fieldValue ?? ''),
          page: number,
        })
      }
    }
    const { info } = await pdf.getMetadata()
    const documentInfo = Object.fromEntries(
      Object.entries(info as Record<string, unknown>).filter(([key]) => !PDFJS_INFO_KEYS.has(key)),
    )
    return { pages, info: documentInfo, fields, smallestFontSize }
  } finally {
    await pdf.destroy()
  }
}

/** All the text a person could select or search in the PDF, page after page. */
export async function pdfText(buffer: Uint8Array): Promise<string> {
  return (await readPdf(buffer)).pages.join('\n')
}
