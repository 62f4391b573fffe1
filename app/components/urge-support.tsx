// Shown at once when a client logs a very strong urge (9 or 10): a few quick things to try and
// the service's crisis contacts (CLINICAL.md safety rules).
import type { CrisisContact } from '#app/utils/settings.ts'
import { CrisisContacts } from './crisis-contacts.tsx'

export function StrongUrgeSupport({ contacts }: { contacts: CrisisContact[] }) {
  return (
    <section className="support-panel" aria-labelledby="strong-urge-heading">
      <h2 id="strong-urge-heading">That is a very strong urge. You can get through it.</h2>
      <p>Urges rise, peak and pass, like a wave. Try one of these now:</p>
      <ul>
        <li>Breathe out slowly, longer than you breathe in. Do it a few times.</li>
        <li>Move: go outside, walk round the block, or change room.</li>
        <li>Call or text someone you trust and tell them how you feel.</li>
        <li>Have a drink of water or something to eat, and put off deciding anything for now.</li>
      </ul>
      <p>If you feel unsafe or might harm yourself, call one of these now:</p>
      <CrisisContacts contacts={contacts} />
    </section>
  )
}
