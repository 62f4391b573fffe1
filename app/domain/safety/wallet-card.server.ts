// The overdose wallet card (issue 15, hazard H-034): a PDF of two credit-card-size pages (ISO/IEC
// 7810 ID-1, 85.60 × 53.98 mm) to print at 100% on both sides, or print, cut out and glue back to
// back. The front has the overdose steps in short (the guide's own words, overdose-guide.ts); the
// back what is different for stimulants and the service's crisis contacts from its settings.
// Drawn with the worksheets' Unicode fonts and text helpers (pdf-layout, pdf-fonts), so a service
// name or contact in any script prints as written.
import type { CrisisContact } from '#app/domain/settings/settings.ts'
import {
  BOLD,
  type Doc,
  drawText,
  INK,
  MUTED,
  openPdf,
  REGULAR,
  type Style,
  wrap,
} from '#app/utils/pdf-layout.server.ts'
import { OVERDOSE_GUIDE_STEPS } from './overdose-guide.ts'

/** A bank card's size in points (85.60 × 53.98 mm). */
export const CARD = { width: 242.65, height: 153.01 }
const PAD = 9
const WIDTH = CARD.width - 2 * PAD
const TITLE: Style = { font: BOLD, size: 12 }
const TEXT: Style = { font: REGULAR, size: 8.5 }
const STRONG: Style = { font: BOLD, size: 8.5 }
const SMALL: Style = { font: REGULAR, size: 7, color: MUTED }
const LEADING = 1.25

export type WalletCard = {
  serviceName: string
  crisisContacts: CrisisContact[]
  /** The full guide's address, printed on the back. */
  guideUrl: string
}

/** A cursor down one side of the card; `fits` says whether another line still has room. */
class Side {
  y = PAD
  constructor(readonly doc: Doc) {}

  fits(style: Style, lines = 1): boolean {
    return this.y + lines * style.size * LEADING <= CARD.height - PAD
  }

  /** Wrapped text; stops (and says so) when the side is full. */
  text(text: string, style: Style, { indent = 0, gapAfter = 1.5 } = {}): boolean {
    const lines = wrap(this.doc, text, style, WIDTH - indent)
    if (!this.fits(style, lines.length)) return false
    for (const line of lines) {
      drawText(this.doc, line, style, PAD + indent, this.y)
      this.y += style.size * LEADING
    }
    this.y += gapAfter
    return true
  }

  /** A step number or bullet hanging in the margin, then its text. */
  item(mark: string, text: string, style: Style): boolean {
    const lines = wrap(this.doc, text, style, WIDTH - 11)
    if (!this.fits(style, lines.length)) return false
    drawText(this.doc, mark, STRONG, PAD, this.y)
    return this.text(text, style, { indent: 11, gapAfter: 1 })
  }
}

function openCard(title: string): { doc: Doc; finished: Promise<Buffer> } {
  // As the worksheets: the embedded fonts, no Producer, no creation date in the file.
  return openPdf(title, { size: [CARD.width, CARD.height], margins: { top: PAD, bottom: PAD, left: PAD, right: PAD } })
}

function border(doc: Doc): void {
  doc
    .roundedRect(1.5, 1.5, CARD.width - 3, CARD.height - 3, 8)
    .lineWidth(0.75)
    .stroke(MUTED)
}

export async function renderWalletCardPdf(card: WalletCard): Promise<Buffer> {
  const { doc, finished } = openCard('Someone overdosing? Wallet card')

  // Front: the steps.
  border(doc)
  const front = new Side(doc)
  front.text('Someone overdosing?', TITLE, { gapAfter: 2 })
  OVERDOSE_GUIDE_STEPS.forEach((step, i) => {
    front.item(`${i + 1}.`, step.short, i === 0 ? STRONG : TEXT)
  })

  // Back: stimulants, then as many crisis contacts as fit, then where the full guide is.
  doc.addPage({ size: [CARD.width, CARD.height], margins: { top: PAD, bottom: PAD, left: PAD, right: PAD } })
  border(doc)
  const back = new Side(doc)
  back.text('Cocaine, speed or ecstasy?', STRONG, { gapAfter: 0.5 })
  back.text('Call 999 if they are very hot, have chest pain or have a fit.', TEXT, { gapAfter: 3 })
  back.text('Naloxone: a nasal spray goes in one nostril; an injection into the outer thigh or upper arm.', TEXT, {
    gapAfter: 3,
  })
  back.text(`Crisis contacts (${card.serviceName})`, STRONG, { gapAfter: 0.5 })
  const reserve = SMALL.size * LEADING * 2 + 2
  for (const contact of card.crisisContacts) {
    if (back.y + TEXT.size * LEADING + reserve > CARD.height - PAD) break
    back.item('•', `${contact.name}: ${contact.phone}`, TEXT)
  }
  back.y = Math.max(back.y + 2, CARD.height - PAD - reserve + 2)
  back.text(`Every step: ${card.guideUrl}`, SMALL, { gapAfter: 0 })
  doc.fillColor(INK)

  doc.end()
  return finished
}
