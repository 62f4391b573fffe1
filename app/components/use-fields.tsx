// A use-diary entry: what, how much, money spent, a note. For alcohol, a unit calculator: pick
// a common drink (or type its ml and strength) and how many; the server works out the units.
// The calculator shows its total before saving: live with JavaScript, and without it after
// "Work it out", which posts the form back with the total and saves nothing.
import { type FormEvent, useState } from 'react'
import { alcoholUnitsText, calculatorTotal } from '#app/domain/tracking/amounts.ts'
import type { TrackingChoices } from '#app/domain/tracking/forms.server.ts'
import { type FieldState, SelectField, TextAreaField, TextField } from './forms.tsx'
import { UnitField } from './unit-field.tsx'

type FieldFor = (name: string) => FieldState

/** The value of the intent button that works out the calculator's total without saving. */
export const CALCULATE = 'calculate'

export function UseFields({
  field,
  choices,
  total,
}: {
  field: FieldFor
  choices: TrackingChoices
  /** The total the server worked out after "Work it out" (null: the fields did not make a drink). */
  total?: number | null
}) {
  const [live, setLive] = useState<number | null | undefined>(undefined)
  const shownTotal = live === undefined ? total : live
  const recalculate = (event: FormEvent<HTMLFieldSetElement>) => {
    const value = (name: string) =>
      (event.currentTarget.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement | null)?.value
    setLive(
      calculatorTotal(
        { drink: value('drink'), ml: value('ml'), abv: value('abv'), count: value('count') },
        choices.drinks,
      ),
    )
  }
  return (
    <>
      <TextField field={field('when')} type="datetime-local" label="When? (leave empty for now)" />
      <SelectField
        field={field('substance')}
        label="What did you use?"
        options={[['', 'Choose'], ...choices.substances.map((s) => [s.id, s.name] as const)]}
      />
      <fieldset className="question" onInput={recalculate} onChange={recalculate}>
        <legend>For alcohol: the unit calculator</legend>
        <p className="hint">Choose a drink and how many. Or type the size and strength from the label.</p>
        <SelectField
          field={field('drink')}
          label="Drink"
          options={[
            ['', 'Not using the calculator'],
            ...choices.drinks.map((d) => [d.id, `${d.label} – ${alcoholUnitsText(d.units)}`] as const),
          ]}
        />
        <TextField field={field('count')} label="How many?" hint="For example 2, or 1.5 for one and a half" />
        <TextField field={field('ml')} label="Or: size in ml (optional)" hint="For example 568 for a pint" />
        <TextField field={field('abv')} label="And strength, % ABV (optional)" hint="For example 4.5" />
        <p className="calculator-total" aria-live="polite">
          {shownTotal === undefined || shownTotal === null
            ? 'Total: choose a drink, or type its size and strength.'
            : `Total: ${alcoholUnitsText(shownTotal)} of alcohol.`}
        </p>
        <button type="submit" name="intent" value={CALCULATE} className="button button-secondary">
          Work it out
        </button>
      </fieldset>
      <fieldset className="question">
        <legend>Or say how much</legend>
        <TextField field={field('amount')} label="Amount" hint="For alcohol, in UK units" />
        <UnitField field={field('unit')} choices={choices} />
      </fieldset>
      <TextField field={field('spend')} label="Money spent, £ (optional)" hint="For example 12.50" />
      <TextAreaField field={field('note')} label="Note (optional)" rows={3} />
      <TextAreaField
        field={field('lapseNote')}
        label="If this was a lapse: what happened, and what did you learn? (optional)"
        hint="A lapse is one day, not the end of your progress. A line or two can help next time."
        rows={3}
      />
    </>
  )
}
