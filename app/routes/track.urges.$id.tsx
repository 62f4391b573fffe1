// One urge: after a quick log, the optional detail (when, trigger, where, who with, feeling,
// thought, what I did, what happened); later, to change or delete it. A very strong urge shows
// coping options and crisis contacts first.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { UrgeFields } from '#app/components/urge-fields.tsx'
import { StrongUrgeSupport } from '#app/components/urge-support.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { namedSubstances } from '#app/domain/assessment/safety-facts.server.ts'
import { supportFirst } from '#app/domain/safety/free-text.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'
import { deleteEntry, getUrge, updateUrge, VERY_HIGH_URGE } from '#app/domain/tracking/entries.server.ts'
import { publishedTracking, trackingChoices, trackingForms } from '#app/domain/tracking/forms.server.ts'
import { entryWhen, urgeDefaults } from '#app/domain/tracking/view.server.ts'
import { urgeNeedsOverdoseAdvice } from '#programme/engine/index.ts'

export const meta: MetaFunction = () => [{ title: 'An urge – Foothold' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const urge = await getUrge(user.id, params.id ?? '')
  if (!urge) throw new Response('Not found', { status: 404 })
  const strong = urge.intensity >= VERY_HIGH_URGE
  return {
    urge: urgeDefaults(urge),
    when: entryWhen(urge),
    strong,
    overdoseAdvice: strong && urgeNeedsOverdoseAdvice(await namedSubstances(user.id), urge.usedSubstance),
    choices: trackingChoices(await publishedTracking()),
    contacts: (await getServiceSettings()).crisisContacts,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await request.formData()
  if (formData.get('intent') === 'delete') {
    if (!(await deleteEntry(user.id, 'urge', params.id ?? ''))) throw new Response('Not found', { status: 404 })
    return redirect('/track?deleted=urge')
  }
  const submission = parseWithZod(formData, { schema: trackingForms(await publishedTracking()).UrgeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = await updateUrge(user.id, params.id ?? '', submission.value)
  if (!saved) throw new Response('Not found', { status: 404 })
  if (!saved.ok)
    return data({ result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) }, { status: 400 })
  return redirect(saved.selfHarmWords ? supportFirst('/track?saved=urge') : '/track?saved=urge')
}

export default function UrgePage() {
  const { urge, when, strong, overdoseAdvice, choices, contacts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const form = useFormReply('urge-detail', actionData?.result ?? null, urge)
  // After a refused save, show what was just sent, not what is stored (and no "saved" notice).
  const justLogged = search.get('logged') === '1' && !actionData
  const sent = actionData?.result?.initialValue?.coping
  const chosenCoping = sent === undefined ? urge.coping : [sent].flat().map(String)
  return (
    <section className="narrow">
      <h1>{search.get('logged') === '1' ? 'Urge logged' : 'Your urge'}</h1>
      <p className="entry-when">{when}</p>
      {justLogged ? <p className="notice">Saved. You can add more below if you want to, or stop here.</p> : null}
      {strong ? <StrongUrgeSupport contacts={contacts} overdoseAdvice={overdoseAdvice} /> : null}
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <UrgeFields field={form.field} choices={choices} chosenCoping={chosenCoping} />
        <button type="submit" className="button">
          Save
        </button>
      </Form>
      <Form method="post" className="delete-form">
        <button type="submit" name="intent" value="delete" className="button button-danger">
          Delete this urge
        </button>
      </Form>
      <p>
        <Link to="/track">Back to tracking</Link>
      </p>
    </section>
  )
}
