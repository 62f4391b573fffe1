// Tracking home: log an urge in two taps (how strong, then "Log this urge"; the time is now),
// say "No use today" in one, and see the latest entries with links to add detail or change them.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { EntryList } from '#app/components/entry-list.tsx'
import { FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { RatingScale } from '#app/components/rating-scale.tsx'
import { TimeZoneField } from '#app/components/time-zone-field.tsx'
import { useHoldWhenOffline } from '#app/components/waiting-to-send.tsx'
import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { supportFirst } from '#app/domain/safety/free-text.server.ts'
import {
  logNoUse,
  logUrge,
  rememberTimeZone,
  reportedTimeZone,
  ZONE_UNREADABLE,
} from '#app/domain/tracking/entries.server.ts'
import { publishedTracking, trackingForms } from '#app/domain/tracking/forms.server.ts'
import { recentEntries } from '#app/domain/tracking/view.server.ts'
import { isTimeZone } from '#programme/engine/tracking/time.ts'

export const meta: MetaFunction = () => [{ title: 'Track urges and use – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  return { recent: await recentEntries(user.id, 10), timeZone: await timeZoneOf(user.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await request.formData()
  const reported = reportedTimeZone(formData.get('timeZone'))
  if (!reported.ok) return data({ result: null, saved: null, zoneError: ZONE_UNREADABLE }, { status: 400 })
  if (formData.get('intent') === 'time-zone') {
    const zone = String(formData.get('zone') ?? '').trim()
    if (!isTimeZone(zone))
      return data(
        { result: null, saved: null, zoneError: 'Enter a time zone like Europe/London or America/New_York' },
        { status: 400 },
      )
    await rememberTimeZone(user.id, zone)
    return data({ result: null, saved: 'time-zone' as const })
  }
  if (formData.get('intent') === 'no-use') {
    await rememberTimeZone(user.id, reported.zone)
    const marked = await logNoUse(user.id)
    if (!marked.ok) return data({ result: null, saved: null, noUseError: marked.message }, { status: 409 })
    // Post, then redirect, as every other log does: reloading the page afterwards does not send
    // the form again. The address says only that something was marked, not what.
    return redirect('/track?marked=1')
  }
  const submission = parseWithZod(formData, { schema: trackingForms(await publishedTracking()).UrgeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), saved: null }, { status: 400 })
  await rememberTimeZone(user.id, reported.zone)
  const logged = await logUrge(user.id, submission.value)
  if (!logged.ok)
    return data(
      { result: submission.reply({ fieldErrors: { [logged.field]: [logged.message] } }), saved: null },
      { status: 400 },
    )
  const next = `/track/urges/${logged.id}?logged=1`
  return redirect(logged.selfHarmWords ? supportFirst(next) : next)
}

export default function Track() {
  const { recent, timeZone } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('urge-form', actionData?.result ?? null)
  const holdWhenOffline = useHoldWhenOffline('urge')
  return (
    <section className="narrow">
      <h1>Track urges and use</h1>
      <Form method="post" {...form.props} onSubmit={holdWhenOffline}>
        <h2>Log an urge</h2>
        <FormError id={form.errorId} errors={form.errors} />
        <TimeZoneField />
        <RatingScale
          field={form.field('intensity')}
          legend="How strong is the urge?"
          minLabel="no urge"
          maxLabel="the strongest urge"
        />
        <p className="hint">It is logged for now. You can add more detail, or change the time, next.</p>
        <button type="submit" className="button">
          Log this urge
        </button>
      </Form>
      <h2>Drinking or using</h2>
      <div className="actions">
        <Form method="post">
          <TimeZoneField />
          <button type="submit" name="intent" value="no-use" className="button">
            No use today
          </button>
        </Form>
        <Link className="button button-secondary" to="/track/use/new">
          Log a drink or drug use
        </Link>
      </div>
      {actionData && 'noUseError' in actionData ? (
        <p className="form-error" role="alert">
          {actionData.noUseError}
        </p>
      ) : null}
      <div role="status">
        {!actionData && search.get('marked') ? <p className="notice">Saved: no use today.</p> : null}
        {!actionData && search.get('saved') ? <p className="notice">Your changes are saved.</p> : null}
        {!actionData && search.get('deleted') ? <p className="notice">Deleted.</p> : null}
      </div>
      <p>
        <Link to="/progress">See your progress and patterns</Link> · <Link to="/goals">Your goals</Link> ·{' '}
        <Link to="/medicines">Your medicines</Link> · <Link to="/help/mixing">Mixing drugs</Link> ·{' '}
        <Link to="/reminders">Add to my calendar</Link>
      </p>
      <EntryList recent={recent} />
      <details className="time-zone" open={Boolean(actionData && 'zoneError' in actionData)}>
        <summary>Your days are counted in the {timeZone} time zone</summary>
        <Form method="post">
          <input type="hidden" name="intent" value="time-zone" />
          <TextField
            field={{
              id: 'zone',
              name: 'zone',
              errorId: 'zone-error',
              errors: actionData && 'zoneError' in actionData ? [actionData.zoneError] : undefined,
              defaultValue: timeZone,
            }}
            label="Time zone"
            hint="With JavaScript on, this follows your device. For example Europe/London."
          />
          <button type="submit" className="button button-secondary">
            Save time zone
          </button>
        </Form>
      </details>
      <div role="status">{actionData?.saved === 'time-zone' ? <p className="notice">Time zone saved.</p> : null}</div>
    </section>
  )
}
