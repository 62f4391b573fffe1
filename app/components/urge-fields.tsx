// The optional detail of an urge: every field can be left empty. Lists come from the content;
// each has a box for the client's own words too.
import type { TrackingChoices } from '#app/domain/tracking/forms.server.ts'
import { Choice, FieldError, type FieldState, SelectField, TextAreaField, TextField } from './forms.tsx'
import { RatingScale } from './rating-scale.tsx'
import { UnitField } from './unit-field.tsx'

type FieldFor = (name: string) => FieldState

const none = (label: string) => [['', label] as const]

export function UrgeFields({
  field,
  choices,
  chosenCoping,
}: {
  field: FieldFor
  choices: TrackingChoices
  chosenCoping: readonly string[]
}) {
  const coping = field('coping')
  return (
    <>
      <TextField field={field('when')} type="datetime-local" label="When was it?" />
      <RatingScale
        field={field('intensity')}
        legend="How strong was the urge?"
        minLabel="no urge"
        maxLabel="the strongest urge"
      />
      <SelectField
        field={field('trigger')}
        label="What set it off? (optional)"
        options={[...none('Not sure or rather not say'), ...choices.triggers.map((t) => [t.id, t.label] as const)]}
      />
      <TextField field={field('triggerNote')} label="In your own words (optional)" />
      <TextField field={field('place')} label="Where were you? (optional)" />
      <TextField field={field('withWhom')} label="Who were you with? (optional)" />
      <SelectField
        field={field('feeling')}
        label="How were you feeling? (optional)"
        options={[...none('Not sure or rather not say'), ...choices.feelings.map((f) => [f.id, f.label] as const)]}
      />
      <TextAreaField field={field('thought')} label="What went through your mind? (optional)" rows={3} />
      <fieldset className={coping.errors ? 'question field-invalid' : 'question'}>
        <legend>What did you do? (optional)</legend>
        <FieldError id={coping.errorId} errors={coping.errors} />
        <div className="options">
          {choices.copingStrategies.map((c) => (
            <Choice
              key={c.id}
              type="checkbox"
              name="coping"
              value={c.id}
              label={c.label}
              defaultChecked={chosenCoping.includes(c.id)}
            />
          ))}
        </div>
      </fieldset>
      <TextField field={field('copingNote')} label="Anything else you did (optional)" />
      <SelectField
        field={field('outcome')}
        label="What happened? (optional)"
        options={[...none('Not decided yet'), ['rode-out', 'I rode it out'], ['used', 'I used']]}
      />
      <fieldset className="question">
        <legend>If you used: what and how much? (optional)</legend>
        <SelectField
          field={field('usedSubstance')}
          label="What did you use?"
          options={[...none('Choose'), ...choices.substances.map((s) => [s.id, s.name] as const)]}
        />
        <TextField field={field('usedAmount')} label="How much?" />
        <UnitField field={field('usedUnit')} choices={choices} />
      </fieldset>
      <TextAreaField field={field('note')} label="Note (optional)" rows={3} />
    </>
  )
}
