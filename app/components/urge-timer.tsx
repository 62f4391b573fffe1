// An optional guided timer for urge surfing. It appears only once JavaScript runs; without it
// the page's own words guide the client (count your breaths, or use a phone's timer).
import { useEffect, useState } from 'react'

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

export function UrgeTimer({ seconds, label }: { seconds: number; label: string }) {
  const [ready, setReady] = useState(false)
  const [left, setLeft] = useState<number | null>(null)
  useEffect(() => setReady(true), [])
  useEffect(() => {
    if (left === null || left <= 0) return
    const tick = setTimeout(() => setLeft(left - 1), 1000)
    return () => clearTimeout(tick)
  }, [left])
  if (!ready) {
    return <p className="hint">{label}: use a timer on your phone, or count 60 slow breaths in and out.</p>
  }
  return (
    <div className="timer">
      <p className="timer-clock" role="timer" aria-label="Time left">
        {clock(left ?? seconds)}
      </p>
      <div className="actions">
        {left === null || left === 0 ? (
          <button type="button" className="button button-secondary" onClick={() => setLeft(seconds)}>
            {left === 0 ? 'Start the timer again' : label}
          </button>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setLeft(null)}>
            Stop the timer
          </button>
        )}
      </div>
      <p role="status">{left === 0 ? 'Time is up. Notice how strong the urge is now.' : ''}</p>
    </div>
  )
}
