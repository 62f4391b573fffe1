// The overdose guide at /help/overdose and on the wallet card: what a bystander does, step by
// step, in plain words. It follows the one cited text of the overdose steps (CLINICAL.md; the
// short version is app/components/overdose-steps.tsx, hazard H-023) in the same order, with more
// on how to give each kind of naloxone, what is different for stimulants and what to tell the call
// handler (issue 15, hazard H-034). Nothing here goes beyond the sources named in
// OVERDOSE_GUIDE_SOURCES; a point we could not cite was left out.
//
// Plain .ts (no React, no server code) so the page, the wallet card PDF and their tests share it.

/** One part of a step: a sentence, with the words to stress in `strong` (shown in bold). */
export type GuideLine = { text: string; strong?: string }

export type GuideStep = {
  id: string
  title: string
  lines: GuideLine[]
  /** Labelled groups inside a step (the two kinds of naloxone, what to tell the call handler). */
  groups?: { title: string; lines: GuideLine[] }[]
  /** The step in one short line, for the wallet card. */
  short: string
}

/** Opioids (heroin, methadone, strong painkillers) and other depressants (alcohol, benzos, GHB). */
export const OVERDOSE_GUIDE_STEPS: GuideStep[] = [
  {
    id: 'call',
    title: 'Call 999',
    short: 'Call 999. Ask for an ambulance. Phone on speaker.',
    lines: [
      { text: 'Call 999 and ask for an ambulance.', strong: 'Call 999' },
      { text: 'Put the phone on speaker so your hands are free.' },
    ],
    groups: [
      {
        title: 'Tell the call handler',
        lines: [
          { text: 'Where you are: the address, or what you can see around you.' },
          { text: 'That they will not wake up, and how they are breathing.' },
          { text: 'What they took, and when, if you know.' },
          { text: 'If you have given naloxone, and when.' },
        ],
      },
    ],
  },
  {
    id: 'cpr',
    title: 'Not breathing normally? Start CPR',
    short: 'Not responding and not breathing normally: start CPR.',
    lines: [
      {
        text: 'If they do not respond and are not breathing normally, start CPR.',
        strong: 'not breathing normally, start CPR',
      },
      { text: 'Push hard and fast in the middle of their chest.' },
      { text: 'The call handler will tell you what to do.' },
    ],
  },
  {
    id: 'naloxone',
    title: 'Give naloxone',
    short: 'Opioids? Give naloxone. Then carry on with CPR if needed.',
    lines: [
      {
        text: 'If they may have taken opioids (like heroin, methadone or strong painkillers) and you have naloxone, give it.',
        strong: 'give it',
      },
      { text: 'Follow the steps in the kit.' },
    ],
    groups: [
      {
        title: 'Nasal spray (like Nyxoid)',
        lines: [
          { text: 'Lay them on their back.' },
          { text: 'Put the nozzle in one nostril.' },
          { text: 'Press the plunger firmly to give the dose.' },
        ],
      },
      {
        title: 'Injection (like Prenoxad)',
        lines: [
          { text: 'Inject into the muscle of the outer thigh or upper arm.' },
          { text: 'You can inject through clothes.' },
          { text: 'Give one dose: up to the first black line on the syringe.' },
        ],
      },
    ],
  },
  {
    id: 'second-dose',
    title: 'No response? A second dose',
    short: 'No response after 2 to 3 minutes: give a second dose.',
    lines: [
      {
        text: 'If there is no response after 2 to 3 minutes, give a second dose of naloxone.',
        strong: 'give a second dose',
      },
      { text: 'Nasal spray: use a new spray, in the other nostril.' },
      { text: 'Injection: give the next dose, up to the next black line.' },
      { text: 'If they are still not breathing normally, carry on with CPR.' },
    ],
  },
  {
    id: 'recovery-position',
    title: 'Breathing? Recovery position',
    short: 'Only if they are breathing: recovery position.',
    lines: [
      {
        text: 'Only if they are breathing, put them on their side in the recovery position.',
        strong: 'Only if they are breathing',
      },
      { text: 'Keep checking their breathing.' },
    ],
  },
  {
    id: 'stay',
    title: 'Stay with them',
    short: 'Stay with them. Naloxone wears off.',
    lines: [
      { text: 'Stay with them until help comes.', strong: 'Stay with them' },
      { text: 'Naloxone wears off, so they can stop breathing again.' },
      { text: 'If they stop breathing normally, start CPR again.' },
    ],
  },
]

/** Cocaine, crack, speed, ecstasy (MDMA), mephedrone: what is different. */
export const STIMULANT_GUIDE: { intro: GuideLine[]; signs: { title: string; lines: GuideLine[] }[] } = {
  intro: [
    {
      text: 'Call 999 if someone who took a stimulant is very hot, has chest pain or has a fit.',
      strong: 'Call 999',
    },
    { text: 'If they do not respond and are not breathing normally, start CPR, as in step 2.' },
    { text: 'If they may have taken opioids too, give naloxone as well.' },
  ],
  signs: [
    {
      title: 'Too hot',
      lines: [
        { text: 'Signs: hot skin that is not sweating, confusion, fast breathing.' },
        { text: 'Move them somewhere cool and take off extra clothes.' },
        { text: 'Cool their skin with cool water and fan them.' },
      ],
    },
    {
      title: 'Chest pain',
      lines: [
        { text: 'Chest pain can be a sign of a heart attack. Call 999 straight away.' },
        { text: 'Stay with them until help comes.' },
      ],
    },
    {
      title: 'A fit (seizure)',
      lines: [
        { text: 'Do not hold them down. Do not put anything in their mouth.' },
        { text: 'Move things they could hit out of the way. Cushion their head.' },
        { text: 'Note the time it started.' },
        { text: 'When it stops, put them in the recovery position if they are breathing.' },
      ],
    },
  ],
}

/** The sources this guide was written from (checked December 2026). */
export const OVERDOSE_GUIDE_SOURCES: string[] = [
  'Resuscitation Council UK, Adult basic life support guidelines (2025)',
  'GOV.UK (DHSC and OHID), Supplying take home naloxone without a prescription',
  'The instructions that come with Nyxoid nasal spray (summary of product characteristics) and Prenoxad injection kits',
  'NHS website, Heat exhaustion and heatstroke',
  'NHS website, Chest pain; Heart attack',
  'NHS website, What to do if someone has a seizure (fit)',
]

/** Every sentence of the guide, in order, for tests and the plain-text checks. */
export function guideText(): string[] {
  const lines = (list: GuideLine[]) => list.map((line) => line.text)
  return [
    ...OVERDOSE_GUIDE_STEPS.flatMap((step) => [
      step.title,
      ...lines(step.lines),
      ...(step.groups ?? []).flatMap((group) => [group.title, ...lines(group.lines)]),
    ]),
    ...lines(STIMULANT_GUIDE.intro),
    ...STIMULANT_GUIDE.signs.flatMap((sign) => [sign.title, ...lines(sign.lines)]),
  ]
}
