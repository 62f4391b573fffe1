// The wallet card (issue 15, H-034): two bank-card-size sides; the front has every overdose step
// in order, the back the stimulant warning, the service's own crisis contacts and the guide's
// address; a contact in any script prints as written.
import { expect, test } from 'vitest'
import { readPdf } from '#tests/setup/pdf-text.ts'
import { CARD, renderWalletCardPdf } from './wallet-card.server.ts'

const flat = (text: string) => text.replace(/\s+/g, ' ')

test('two card-size sides: the steps on the front, stimulants and crisis contacts on the back', async () => {
  const pdf = await renderWalletCardPdf({
    serviceName: 'Northside Recovery',
    crisisContacts: [
      { name: 'Emergency services', phone: '999', description: '' },
      { name: 'Northside duty line', phone: '0161 496 0000', description: '' },
      { name: 'Samaritans', phone: '116 123', description: '' },
    ],
    guideUrl: 'https://foothold.example/help/overdose',
  })
  const { pages, info } = await readPdf(pdf)
  expect(pages).toHaveLength(2)
  expect(info.Title).toBe('Someone overdosing? Wallet card')
  const front = flat(pages[0] ?? '')
  const order = [
    'Someone overdosing?',
    '1. Call 999',
    '2. Not responding and not breathing normally: start CPR',
    '3. Opioids? Give naloxone',
    '4. No response after 2 to 3 minutes: give a second dose',
    '5. Only if they are breathing: recovery position',
    '6. Stay with them. Naloxone wears off',
  ]
  let at = -1
  for (const part of order) {
    const next = front.indexOf(part)
    expect(next, part).toBeGreaterThan(at)
    at = next
  }
  const back = flat(pages[1] ?? '')
  expect(back).toContain('Call 999 if they are very hot, have chest pain or have a fit')
  expect(back).toContain('Crisis contacts (Northside Recovery)')
  expect(back).toContain('Northside duty line: 0161 496 0000')
  expect(back).toContain('Samaritans: 116 123')
  expect(back).toContain('https://foothold.example/help/overdose')
})

test('the card is bank-card size, and a long list of contacts is cut to what fits', async () => {
  const many = Array.from({ length: 8 }, (_, i) => ({
    name: `Line ${i + 1}`,
    phone: `0800 000 00${i}`,
    description: '',
  }))
  const pdf = await renderWalletCardPdf({
    serviceName: 'Służba Łódź',
    crisisContacts: many,
    guideUrl: 'https://x.example/help/overdose',
  })
  const text = new TextDecoder('latin1').decode(pdf)
  const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])])
  expect(boxes).toEqual([
    [CARD.width, CARD.height],
    [CARD.width, CARD.height],
  ])
  const { pages } = await readPdf(pdf)
  expect(pages).toHaveLength(2)
  const back = flat(pages[1] ?? '')
  expect(back).toContain('Crisis contacts (Służba Łódź)')
  expect(back).toContain('Line 1: 0800 000 000')
  expect(back).toContain('https://x.example/help/overdose')
})
