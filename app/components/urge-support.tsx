// Shown at once when a client logs a very strong urge (9 or 10): a few quick things to try and
// the service's crisis contacts (CLINICAL.md safety rules). For a client who named opioids,
// benzodiazepines or another drug, or whose substances we do not know, also the overdose-after-a-
// break advice (`urgeNeedsOverdoseAdvice` in the engine decides; hazard H-018).
import type { CrisisContact } from '#app/domain/settings/settings.ts'
import { CrisisContacts } from './crisis-contacts.tsx'
import { OVERDOSE_GUIDE_HREF } from './overdose-steps.tsx'

export function StrongUrgeSupport({
  contacts,
  overdoseAdvice,
}: {
  contacts: CrisisContact[]
  overdoseAdvice: boolean
}) {
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
      {overdoseAdvice ? <OverdoseAfterABreak /> : null}
    </section>
  )
}

/**
 * Tolerance to opioids and other downers falls within days of not using, so a usual amount can
 * kill after a break: Strang J et al., "Loss of tolerance and overdose mortality after inpatient
 * opiate detoxification", BMJ 2003;326:959; Merrall ELC et al., "Meta-analysis of drug-related
 * deaths soon after release from prison", Addiction 2010;105:1545–54; Clinical Guidelines on
 * Drug Misuse and Dependence Update 2017 Independent Expert Working Group, "Drug misuse and
 * dependence: UK guidelines on clinical management" (the Orange Book), DH 2017.
 */
function OverdoseAfterABreak() {
  return (
    <section aria-labelledby="urge-overdose-heading">
      <h3 id="urge-overdose-heading">If you do use after a break</h3>
      <p>
        <strong>
          After even a few days without opioids, benzodiazepines or other downers, your body cannot take as much as
          before.
        </strong>{' '}
        The amount you used to take could now cause an overdose.
      </p>
      <ul>
        <li>Use much less than before, and don't mix with alcohol or other downers.</li>
        <li>Don't use alone.</li>
        <li>
          Carry naloxone, and tell people where it is. It can reverse an opioid overdose. You can get it from a drug
          service; in some areas also from a pharmacy.
        </li>
        <li>
          <a href={OVERDOSE_GUIDE_HREF}>Know what to do if someone may have overdosed</a>
        </li>
      </ul>
    </section>
  )
}
