// A hidden field with the browser's time zone, filled in once JavaScript runs, so the client's
// days are counted where they live. Without JavaScript the zone saved on the account is used.
import { useEffect, useState } from 'react'

export function TimeZoneField() {
  const [zone, setZone] = useState('')
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? ''), [])
  return <input type="hidden" name="timeZone" value={zone} />
}
