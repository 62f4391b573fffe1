// The editor for the programme's lists and texts (life areas, pick lists, safety phrases, the
// help page): one form, a box per text a service may reword, grouped, and for each list that
// takes additions its entries, a Remove button on the service's own and boxes for a new one.
// Every button saves the whole form, so nothing typed is lost; it all works without JavaScript.
import { Form } from '@remix-run/react'
import { TextAreaField, TextField } from '#app/components/forms.tsx'
import { NEW_FIELDS, newFieldName, type TextFormField, type TextFormList } from '#programme/studio/text-form.ts'
import { editorField, SaveDraftButton } from './item-parts.tsx'

const FORM_ID = 'editor'

const NEW_LABELS: Record<string, string> = {
  label: 'Words for a new entry',
  title: 'Title of a new tip',
  text: 'Text of the new tip',
  phrase: 'A new phrase (lower case)',
}

const INTROS: Record<string, string> = {
  'life-areas':
    'You can reword each life area and each need band. The areas, their order, the questions and the score ranges of the bands cannot change here.',
  'pick-lists':
    'You can reword the entries people pick from when they log an urge or use, and add your own. Entries that come with Foothold cannot be removed: people’s past entries use them.',
  'safety-phrases':
    'When someone writes one of these phrases in any note, Foothold shows them the support panel with your crisis contacts and flags it for their key worker. You can add phrases. The phrases that come with Foothold cannot be removed or changed.',
  help: 'You can reword the tips on the help page, add your own, and write a note about your service. The crisis contacts (in the admin settings) and the overdose steps are not changed here.',
}

export function TextEditor({
  kind,
  hash,
  fields,
  lists,
  errors,
}: {
  kind: string
  hash: string
  fields: TextFormField[]
  lists: TextFormList[]
  errors: Record<string, string[]>
}) {
  const field = (name: string, value = '') => editorField(name, errors, value)
  const groups = [...new Set(fields.map((f) => f.group))]
  return (
    <Form method="post" id={FORM_ID} className="editor-form" noValidate>
      <input type="hidden" name="hash" value={hash} />
      <p>{INTROS[kind]}</p>
      {groups.map((group, i) => (
        <fieldset key={group} className="editor-step" id={`group-${i + 1}`}>
          <legend>{group}</legend>
          {fields
            .filter((f) => f.group === group)
            .map((f) =>
              f.long ? (
                <TextAreaField key={f.name} field={field(f.name, f.value)} label={f.label} rows={3} />
              ) : (
                <TextField key={f.name} field={field(f.name, f.value)} label={f.label} />
              ),
            )}
        </fieldset>
      ))}
      {lists.map((list) => (
        <fieldset key={list.key} className="editor-step" id={`list-${list.key}`}>
          <legend>
            {list.label}: {list.entries.length} in the list
          </legend>
          <ul className="plain-list">
            {list.entries
              .filter((entry) => list.shape === 'phrase' || entry.own)
              .map((entry) => (
                <li key={entry.index}>
                  {entry.text} {entry.own ? '(your service’s own) ' : ''}
                  {entry.own ? (
                    <button
                      type="submit"
                      name="intent"
                      value={`remove:${list.key}:${entry.index}`}
                      className="link-button"
                      aria-label={`Remove ${entry.text}`}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
          </ul>
          {NEW_FIELDS[list.shape].map((name) =>
            name === 'text' ? (
              <TextAreaField
                key={name}
                field={field(newFieldName(list, name))}
                label={`${NEW_LABELS[name]} (${list.label.toLowerCase()})`}
                rows={2}
              />
            ) : (
              <TextField
                key={name}
                field={field(newFieldName(list, name))}
                label={`${NEW_LABELS[name]} (${list.label.toLowerCase()})`}
              />
            ),
          )}
          <button type="submit" name="intent" value={`add:${list.key}`} className="button button-secondary">
            Add to {list.label.toLowerCase()}
          </button>
        </fieldset>
      ))}
      <SaveDraftButton />
    </Form>
  )
}
