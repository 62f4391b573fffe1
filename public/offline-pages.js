// The one script of the pages that work offline (the overdose guide, the urge card): it registers
// the service worker (ADR 0021), and on the overdose guide shows one step per screen with big Back
// and Next buttons. Without it every step is on the page. Plain JavaScript, no app bundle, so the
// offline copy of the page needs nothing else to work.
;(() => {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {})

  const list = document.querySelector('[data-guide]')
  if (!list) return
  const steps = Array.from(list.children)
  if (steps.length < 2) return

  const nav = document.createElement('div')
  nav.className = 'guide-nav'
  const status = document.createElement('p')
  status.className = 'guide-progress'
  status.setAttribute('aria-live', 'polite')
  const back = document.createElement('button')
  back.type = 'button'
  back.className = 'button button-secondary guide-back'
  back.textContent = 'Back'
  const next = document.createElement('button')
  next.type = 'button'
  next.className = 'button guide-next'
  const all = document.createElement('button')
  all.type = 'button'
  all.className = 'link-button guide-all'
  all.textContent = 'Show all steps'
  nav.append(status, all, back, next)
  list.after(nav)
  list.classList.add('one-at-a-time')

  let current = 0
  function show(index, moveFocus) {
    current = Math.max(0, Math.min(steps.length - 1, index))
    steps.forEach((step, i) => {
      step.hidden = i !== current
    })
    status.textContent = `Step ${current + 1} of ${steps.length}`
    back.disabled = current === 0
    next.textContent = current === steps.length - 1 ? 'Back to step 1' : 'Next step'
    const heading = steps[current].querySelector('h2')
    if (moveFocus && heading) {
      // The new step starts at the top of the screen; Back and Next stay at the bottom.
      heading.focus({ preventScroll: true })
      steps[current].scrollIntoView({ block: 'start' })
    }
  }

  back.addEventListener('click', () => show(current - 1, true))
  next.addEventListener('click', () => show(current === steps.length - 1 ? 0 : current + 1, true))
  all.addEventListener('click', () => {
    for (const step of steps) step.hidden = false
    list.classList.remove('one-at-a-time')
    nav.remove()
    steps[0].querySelector('h2')?.focus()
  })
  show(0, false)
})()
