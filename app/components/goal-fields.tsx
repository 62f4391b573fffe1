// The fields of a SMART goal: what, what kind, which substance, how much or how often, by when,
// why it matters, and the life area; on the goals pages also how often to check in. Used by a
// module's goal step and the goals pages.
import { type FieldState, SelectField, TextAreaField, TextField } from './forms.tsx'

type FieldFor = (name: string) => FieldState

const GOAL_TYPES = [
  ['stop', 'Stop'],
  ['cut-down', 'Cut down'],
  ['lifestyle', 'Something else in my life'],
] as const

const FREQUENCIES = [
  ['daily', 'Every day'],
  ['weekly', 'Once a week'],
] as const

const SUBSTANCE_NAMES: Record<string, string> = {
  alcohol: 'Alcohol',
  opioids: 'Opioids (like heroin or methadone)',
  stimulants: 'Stimulants (like cocaine or speed)',
  cannabis: 'Cannabis',
  benzodiazepines: 'Benzodiazepines or other sedatives',
  other: 'Another drug',
}

const AREA_NAMES: Record<string, string> = {
  situations: 'Situations',
  emotions: 'Emotions',
  thoughts: 'Thoughts',
  physical: 'Physical',
  behaviours: 'Behaviours',
  lifestyle: 'Lifestyle',
}

export function GoalFields({
  field,
  prompt,
  goalChoices,
  withFrequency = false,
}: {
  field: FieldFor
  prompt: string
  goalChoices: { areas: readonly string[]; substances: readonly string[] }
  /** Ask how often to check in (the goals pages; a module's goal step does not). */
  withFrequency?: boolean
}) {
  const areasFirst = Object.entries(AREA_NAMES).sort(
    ([a], [b]) => Number(!goalChoices.areas.includes(a)) - Number(!goalChoices.areas.includes(b)),
  )
  return (
    <>
      <TextField field={field('what')} label={prompt} hint="For example: Have two alcohol-free days each week" />
      <SelectField field={field('type')} label="What kind of goal is it?" options={GOAL_TYPES} />
      <SelectField
        field={field('substance')}
        label="Is it about a drink or drug? (optional)"
        options={[
          ['', 'Not about a drink or drug'],
          ...goalChoices.substances.map((s) => [s, SUBSTANCE_NAMES[s] ?? s] as const),
        ]}
      />
      <TextField
        field={field('howMuch')}
        label="How much or how often? (optional)"
        hint="For example: no more than 6 units on a day I drink"
      />
      {withFrequency ? (
        <SelectField field={field('frequency')} label="How often will you check in?" options={FREQUENCIES} />
      ) : null}
      <TextField field={field('byWhen')} type="date" label="By when? (optional)" />
      <TextAreaField field={field('why')} label="Why does it matter to you? (optional)" rows={3} />
      <SelectField field={field('area')} label="Which part of your life is it about?" options={areasFirst} />
    </>
  )
}
