// The one text of what to do if someone may have overdosed (CLINICAL.md: "Overdose steps
// everywhere they appear follow one cited text"). Every page that shows the steps renders this
// component, so the steps cannot drift apart. Hazard log H-023.
//
// Sources the wording was checked against (Dec 2026):
// - Resuscitation Council UK, Guidelines 2025: Adult basic life support (resus.org.uk). Call 999
//   for anyone who is unresponsive, with the phone on speaker; if they are not breathing normally,
//   start CPR (chest compressions); the ambulance call handler guides you.
// - DHSC/OHID, "Supplying take home naloxone without a prescription" (GOV.UK guidance, which
//   replaced PHE's "Widening the availability of naloxone", updated 18 February 2019): naloxone
//   reverses the slowed or stopped breathing of an opioid overdose; anyone may use it to save a life.
// - The UK take-home naloxone products' instructions: Nyxoid nasal spray (summary of product
//   characteristics: "If the patient does not respond, the second dose should be administered
//   after 2-3 minutes") and Prenoxad injection (a further dose every 2-3 minutes, CPR in between,
//   the recovery position once breathing normally; naloxone wears off and the overdose can return).
import { useId } from 'react'

/** Where the full overdose guide lives: open to everyone, and it works offline (issue 15, ADR 0021). */
export const OVERDOSE_GUIDE_HREF = '/help/overdose'

export function OverdoseSteps({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const generatedId = useId()
  // Only the help page's copy is the link target; elsewhere the id just names the section.
  const headingId = headingLevel === 2 ? 'overdose' : `overdose-steps-${generatedId.replace(/:/g, '')}`
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="overdose-steps" aria-labelledby={headingId}>
      <Heading id={headingId}>If someone may have overdosed</Heading>
      <p>
        Signs include: they will not wake up, their breathing is slow or noisy or has stopped, or their lips or
        fingertips look blue or grey.
      </p>
      <ol>
        <li>
          <strong>Call 999</strong> and ask for an ambulance. Say where you are and what they took, if you know. Put the
          phone on speaker.
        </li>
        <li>
          If they do not respond and are <strong>not breathing normally, start CPR</strong>: push hard and fast in the
          middle of their chest. The call handler will tell you what to do.
        </li>
        <li>
          If they may have taken opioids (like heroin, methadone or strong painkillers) and you have{' '}
          <strong>naloxone, give it</strong>. Follow the steps in the kit. If they are still not breathing normally,
          carry on with CPR.
        </li>
        <li>
          If there is no response after <strong>2 to 3 minutes, give a second dose</strong> of naloxone.
        </li>
        <li>
          Only if they are breathing, put them on their side in the <strong>recovery position</strong>.
        </li>
        <li>
          <strong>Stay with them</strong> until help comes. Naloxone wears off, so they can stop breathing again.
        </li>
      </ol>
      <p>
        <a href={OVERDOSE_GUIDE_HREF}>The overdose guide, step by step</a> (it works without a connection once opened).
      </p>
      <p className="sources">
        Sources: Resuscitation Council UK, Adult basic life support guidelines (2025); GOV.UK, Supplying take home
        naloxone without a prescription; the instructions that come with Nyxoid and Prenoxad naloxone kits.
      </p>
    </section>
  )
}
