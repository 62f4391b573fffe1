// Quick exit: leaves Foothold at once for a neutral site. Without JavaScript it is a plain link.
// With JavaScript it replaces the current history entry (so Back does not return here), signs
// the session out in the background, and also fires on Esc pressed twice within a second.
import { useEffect, useState } from 'react'

function leave(url: string) {
  try {
    // An (empty) form body, because the server accepts only form posts.
    navigator.sendBeacon?.('/logout', new URLSearchParams())
  } catch {
    // Leaving matters more than signing out.
  }
  window.location.replace(url)
}

export function QuickExit({ url }: { url: string }) {
  // Esc works only once the page's JavaScript runs, so only then does the link say so.
  const [escWorks, setEscWorks] = useState(false)
  useEffect(() => {
    setEscWorks(true)
    let lastEscape = 0
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return
      const now = Date.now()
      if (now - lastEscape < 1000) leave(url)
      lastEscape = now
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [url])

  return (
    <a
      className="quick-exit"
      href={url}
      rel="noreferrer"
      data-testid="quick-exit"
      onClick={(event) => {
        event.preventDefault()
        leave(url)
      }}
    >
      Quick exit{escWorks ? <span className="quick-exit-hint"> (or press Esc twice)</span> : null}
    </a>
  )
}
