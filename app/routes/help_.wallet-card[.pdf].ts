// The overdose wallet card as a PDF (/help/wallet-card.pdf): open to everyone, with the service's
// own crisis contacts from its settings. It holds nothing about anyone.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderWalletCardPdf } from '#app/domain/safety/wallet-card.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { serviceName, crisisContacts } = await getServiceSettings()
  const guideUrl = new URL('/help/overdose', request.url).href
  const pdf = await renderWalletCardPdf({ serviceName, crisisContacts, guideUrl })
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      // server.ts already sends Cache-Control: no-store with every response from Remix.
      'Content-Disposition': 'inline; filename="overdose-wallet-card.pdf"',
    },
  })
}
