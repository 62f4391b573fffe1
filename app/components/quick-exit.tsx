// Quick exit: leaves Foothold at once for a neutral site. Without JavaScript it is a form post to
// /exit, which signs out and answers 303 to the neutral site, so Back finds no signed-in page.
// With JavaScript it replaces the current history entry (so Back does not return here), signs the
// session out in the background, and also fires on Esc pressed twice within a second, but only
// outside text fields: Esc is how people close a suggestion list or undo in a field, and leaving
// would throw away what they typed without warning. The button always works.
import { useEffect, useState } from 'react'

function leave(url: string) {
  try {
    // An (empty) form body, because the server accepts only form posts. /logout rather than /exit:
    // the beacon should not follow a redirect to the neutral site.
    navigator.sendBeacon?.('/logout', new URLSearchParams())
  } catch {
    // Leaving matters more than signing out.
  }
  window.location.replace(url)
}

/** Whether a key press lands where the person is typing or choosing (Esc means something there). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  )
}

export function QuickExit({ url }: { url: string }) {
  // Esc works only once the page's JavaScript runs, so only then does the button say so.
  const [escWorks, setEscWorks] = useState(false)
  useEffect(() => {
    setEscWorks(true)
    let lastEscape = 0
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return
      if (isTypingTarget(event.target)) {
        lastEscape = 0
        return
      }
      const now = Date.now()
      if (now - lastEscape < 1000) leave(url)
      lastEscape = now
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [url])

  // A plain <form> (not Remix's <Form>): with JavaScript the submit is taken over below; without
  // it the browser posts and follows the 303.
  return (
    <form
      method="post"
      action="/exit"
      className="quick-exit-form"
      onSubmit={(event) => {
        event.preventDefault()
        leave(url)
      }}
    >
      <button type="submit" className="quick-exit" data-testid="quick-exit">
        Quick exit{escWorks ? <span className="quick-exit-hint"> (or press Esc twice)</span> : null}
      </button>
    </form>
  )
}
