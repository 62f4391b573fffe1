// The one text of what to do if someone may have overdosed (CLINICAL.md: "Overdose steps
// everywhere they appear follow one cited text"). Every page that shows the steps renders this
// component, so the steps cannot drift apart.
//
// Sources the wording was checked against:
// - Resuscitation Council UK, Guidelines 2021: Adult basic life support — if someone is
//   unresponsive and not breathing normally, call 999 and start CPR (chest compressions); the
//   ambulance call handler guides you; put someone who is breathing in the recovery position.
// - Public Health England (now OHID), Widening the availability of naloxone (2015, updated
//   2019), and the UK take-home naloxone kit instructions: give naloxone if opioids may be
//   involved; give another dose after 2–3 minutes if there is no response; naloxone wears off
//   sooner than most opioids, so stay with the person.
import { useId } from 'react'

/** Where the full overdose steps live (the help page, open to everyone). */
export const OVERDOSE_GUIDE_HREF = '/help#overdose'

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
          <strong>naloxone, give it</strong>. Follow the steps in the kit.
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
      <p className="sources">
        Sources: Resuscitation Council UK, Adult basic life support guidelines (2021); Public Health England, Widening
        the availability of naloxone (updated 2019).
      </p>
    </section>
  )
}
