// Calm safety messages, shown wherever their trigger appears (CLINICAL.md safety rules).
import type { ReactNode } from 'react'
import type { CrisisContact } from '#app/utils/settings.ts'
import { CrisisContacts } from './crisis-contacts.tsx'

/** Shown at once when an answer mentions thoughts of being better off dead or of self-harm. */
export function SelfHarmSupport({ contacts, children }: { contacts: CrisisContact[]; children?: ReactNode }) {
  return (
    <section className="support-panel" aria-labelledby="support-heading">
      <h2 id="support-heading">Thank you for telling us</h2>
      <p>
        You said you have had thoughts that you would be better off dead, or of hurting yourself. Lots of people have
        thoughts like this, and you do not have to deal with them alone. Talking to someone can help.
      </p>
      <p>If you might act on these thoughts, or you are in danger now, call one of these numbers now:</p>
      <CrisisContacts contacts={contacts} />
      <p>If you have a key worker or doctor, please tell them how you have been feeling.</p>
      {children}
    </section>
  )
}

/** Alcohol dependence signs: never stop suddenly without medical advice. */
export function AlcoholWithdrawalWarning() {
  return (
    <section className="support-panel warning-panel" aria-labelledby="withdrawal-heading">
      <h2 id="withdrawal-heading">Important: don't stop drinking suddenly</h2>
      <p>
        <strong>Don't stop drinking suddenly without medical advice — alcohol withdrawal can be dangerous.</strong> Your
        answers suggest your body may be used to alcohol. Stopping all at once can cause fits or other serious problems.
      </p>
      <p>Talk to your GP, a drug and alcohol service, or call NHS 111 before you cut down a lot or stop.</p>
    </section>
  )
}
