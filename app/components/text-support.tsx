// The support panel for self-harm words in something the client wrote (hazard H-027). Worded
// for a list match, which can be wrong: it does not tell the client what they meant.
import type { ReactNode } from 'react'
import type { CrisisContact } from '#app/domain/settings/settings.ts'
import { CrisisContacts } from './crisis-contacts.tsx'

export function TextSelfHarmSupport({ contacts, children }: { contacts: CrisisContact[]; children?: ReactNode }) {
  return (
    <section className="support-panel" aria-labelledby="text-support-heading">
      <h2 id="text-support-heading">Checking in with you</h2>
      <p>
        Some of the words you wrote can be about wanting to die or to hurt yourself. If that is not what you meant, that
        is fine: just carry on.
      </p>
      <p>
        If it is, thank you for writing it down. Lots of people have thoughts like this, and you do not have to deal
        with them alone. Talking to someone can help.
      </p>
      <p>If you might act on these thoughts, or you are in danger now, call one of these numbers now:</p>
      <CrisisContacts contacts={contacts} />
      <p>
        If you have a key worker or doctor, please tell them how you have been feeling. If you share your check-ins with
        a key worker, they will see that this came up, so they can ask how you are.
      </p>
      {children}
    </section>
  )
}
