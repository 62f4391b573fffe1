// Shown at once on the page a new use entry lands on, when it is use of a depressant after a
// break (CLINICAL.md "use after a break"; hazard H-026): calm, no blame, what lowers the risk
// now, the overdose steps and the crisis contacts. The evidence for lower tolerance after a break
// is cited in programme/engine/tracking/use-after-break.ts.
import type { CrisisContact } from '#app/domain/settings/settings.ts'
import { CrisisContacts } from './crisis-contacts.tsx'
import { OverdoseSteps } from './overdose-steps.tsx'

export function UseAfterBreakWarning({ contacts }: { contacts: CrisisContact[] }) {
  return (
    <section className="support-panel warning-panel" aria-labelledby="after-break-heading">
      <h2 id="after-break-heading">Take care: your body is less used to it after a break</h2>
      <p>
        Your entry is saved. You had a break of a few days or more. After a break, even a short one,{' '}
        <strong>your body cannot take as much as it used to</strong>. The amount you used to have can now cause an
        overdose.
      </p>
      <ul>
        <li>
          <strong>Use much less than before</strong>, and go slowly.
        </li>
        <li>Don't mix it with alcohol or other downers.</li>
        <li>
          <strong>Don't use alone.</strong> Be with someone who can help and call 999.
        </li>
        <li>
          Carry naloxone and tell people where it is. You can get it from a drug service; in some areas also from a
          pharmacy.
        </li>
      </ul>
      <OverdoseSteps headingLevel={3} />
      <p>If you feel unsafe or might harm yourself, call one of these now:</p>
      <CrisisContacts contacts={contacts} />
    </section>
  )
}
