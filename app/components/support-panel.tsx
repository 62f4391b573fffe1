// Calm safety messages, shown wherever their trigger appears (CLINICAL.md safety rules).
import type { ReactNode } from 'react'
import type { CrisisContact } from '#app/domain/settings/settings.ts'
import { CrisisContacts } from './crisis-contacts.tsx'
import { OVERDOSE_GUIDE_HREF } from './overdose-steps.tsx'

/** Shown at once when an answer mentions thoughts of being better off dead or of self-harm. */
export function SelfHarmSupport({ contacts, children }: { contacts: CrisisContact[]; children?: ReactNode }) {
  return (
    <section className="support-panel" aria-labelledby="support-heading">
      <h2 id="support-heading">Thank you for telling us</h2>
      <p>
        Some of what you told us was about thoughts of being better off dead, or of hurting yourself. Lots of people
        have thoughts like this, and you do not have to deal with them alone. Talking to someone can help.
      </p>
      <p>If you might act on these thoughts, or you are in danger now, call one of these numbers now:</p>
      <CrisisContacts contacts={contacts} />
      <p>If you have a key worker or doctor, please tell them how you have been feeling.</p>
      {children}
    </section>
  )
}

/** Why the withdrawal warning is shown (see `withdrawalReason` in the assessment domain). */
export type WithdrawalReason = 'answers' | 'unknown' | 'general'
const WITHDRAWAL_WHY: Record<WithdrawalReason, string> = {
  answers: 'Your answers suggest your body may be used to alcohol.',
  unknown:
    "We show this because we don't know yet how much you drink: you have not done a check-in. If you drink every day or most days, your body may be used to alcohol.",
  general: 'If you drink every day or most days, your body may be used to alcohol.',
}

/** Alcohol dependence signs (or not knowing): never stop suddenly without medical advice. */
export function AlcoholWithdrawalWarning({ why }: { why: WithdrawalReason }) {
  return (
    <section className="support-panel warning-panel" aria-labelledby="withdrawal-heading">
      <h2 id="withdrawal-heading">Important: don't stop drinking suddenly</h2>
      <p>
        <strong>Don't stop drinking suddenly without medical advice — alcohol withdrawal can be dangerous.</strong>{' '}
        {WITHDRAWAL_WHY[why]} Stopping all at once can cause fits or other serious problems.
      </p>
      <p>Talk to your GP, a drug and alcohol service, or call NHS 111 before you cut down a lot or stop.</p>
    </section>
  )
}

/** Opioids and a stop or cut-down goal or relapse-prevention content: tolerance drops fast. */
export function OverdoseWarning() {
  return (
    <section className="support-panel warning-panel" aria-labelledby="overdose-heading">
      <h2 id="overdose-heading">Important: overdose risk after a break from opioids</h2>
      <p>
        <strong>After a break from opioids, even a short one, your body cannot take what it used to.</strong> If you use
        again, the risk of overdose is much higher. This is when many overdoses happen.
      </p>
      <ul>
        <li>Use much less than before, and don't mix with alcohol or other downers.</li>
        <li>Try not to use alone.</li>
        <li>
          Carry naloxone and tell people where it is. You can get it from a drug service; in some areas also from a
          pharmacy.
        </li>
      </ul>
      <p>
        <a href={OVERDOSE_GUIDE_HREF}>What to do if someone may have overdosed</a>
      </p>
    </section>
  )
}

/** Benzodiazepines or other sedatives with a stop goal: stopping suddenly can be dangerous. */
export function SedativeTaperWarning() {
  return (
    <section className="support-panel warning-panel" aria-labelledby="taper-heading">
      <h2 id="taper-heading">Important: don't stop benzodiazepines suddenly</h2>
      <p>
        <strong>Stopping benzodiazepines or other sedatives all at once can be dangerous.</strong> It can cause fits.
        Get medical advice and cut down slowly with a plan (a taper).
      </p>
      <p>Talk to your GP, a drug and alcohol service, or call NHS 111 before you cut down or stop.</p>
    </section>
  )
}

/** The warning for a safety notice id (CLINICAL.md), or the self-harm support panel. */
export function SafetyNoticePanel({
  id,
  contacts,
  why,
}: {
  id: string
  contacts: CrisisContact[]
  /** Why the alcohol-withdrawal warning applies to this client (it never claims more than we know). */
  why: WithdrawalReason
}) {
  if (id === 'self-harm') return <SelfHarmSupport contacts={contacts} />
  if (id === 'alcohol-withdrawal') return <AlcoholWithdrawalWarning why={why} />
  if (id === 'overdose-after-a-break') return <OverdoseWarning />
  if (id === 'sedative-taper') return <SedativeTaperWarning />
  return null
}
