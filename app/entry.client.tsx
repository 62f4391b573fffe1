import { RemixBrowser } from '@remix-run/react'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  )
})

// The service worker keeps the overdose guide, help and the urge card for use offline, and nothing
// private (ADR 0021). It is built only for production; registering waits for the page to load.
function registerServiceWorker() {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {})
}
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  if (document.readyState === 'complete') registerServiceWorker()
  else window.addEventListener('load', registerServiceWorker, { once: true })
}
