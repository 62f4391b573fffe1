// The little of fontkit (pdfkit's font engine) that the PDF fonts use: fontkit ships no types.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Uint8Array): Font
}
