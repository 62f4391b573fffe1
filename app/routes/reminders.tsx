// "Add to my calendar" (issue 15 §4; hazard H-040): the client chooses a title and which
// reminders; once the choices are good, a "Download" button posts them to reminders[.ics].ts,
// which answers with the .ics file (a page route's answer is always a page, so the file comes
// from a resource route). Nothing about it is in the address, nothing is sent anywhere else, and
// a new file can be had any time.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CheckboxField, FormError, SelectField, TextField, useFormReply } from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { reminderFacts } from '#app/domain/reminders/calendar.server.ts'
import { DEFAULT_TITLE, ReminderFormSchema, TITLE_MAX, WEEKDAY_NAMES } from '#app/domain/reminders/reminders.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Add to my calendar – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const facts = await reminderFacts(user.id)
  return { timeZone: facts.timeZone, checkInDue: facts.checkInDue, goalCount: facts.goals.length }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, 'client')
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: ReminderFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), ready: null }, { status: 400 })
  // Good choices: the page offers the file, with the choices as they were posted.
  const fields = Object.fromEntries(
    ['title', 'checkIn', 'goals', 'log', 'time', 'weekday'].flatMap((name) => {
      const value = formData.get(name)
      return typeof value === 'string' ? [[name, value]] : []
    }),
  )
  return data({ result: submission.reply(), ready: fields })
}

/** The usual choices: the form starts with them, and "Download now" sends them as they are. */
const DEFAULTS = { title: DEFAULT_TITLE, checkIn: 'on', goals: 'on', log: 'daily', time: '19:00', weekday: '6' }

export default function Reminders() {
  const { timeZone, checkInDue, goalCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const form = useFormReply('reminder-form', actionData?.result ?? null, DEFAULTS)
  const checkIn = form.field('checkIn')
  return (
    <section className="narrow">
      <h1>Add to my calendar</h1>
      <p>
        Get reminders in your own phone or computer calendar. We do not send emails or messages: you download a file and
        open it in your calendar. You can download a new one any time, for example after you add a goal. A new file adds
        and updates reminders; to stop one, delete it in your calendar.
      </p>
      <p className="hint">
        Times are in the {timeZone} time zone. The reminders only show the title you choose below, so nobody looking at
        your calendar sees what they are for.
      </p>
      {actionData?.ready ? (
        <section className="notice" aria-labelledby="ready-heading">
          <h2 id="ready-heading">Your calendar file is ready</h2>
          <p>Download it, then open it. Your calendar asks whether to add the reminders.</p>
          <DownloadForm fields={actionData.ready} label="Download calendar file" />
          <p className="hint">Or change your choices below and make a new file.</p>
        </section>
      ) : (
        <>
          <section aria-labelledby="usual-heading">
            <h2 id="usual-heading">The usual reminders</h2>
            <p>Your next check-in, your goals and a daily reminder to log, at 7pm, each called “{DEFAULT_TITLE}”.</p>
            <DownloadForm fields={DEFAULTS} label="Download the usual reminders" secondary />
          </section>
          <h2>Or choose your own</h2>
        </>
      )}
      <Form method="post" {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <TextField
          field={form.field('title')}
          label="Title of every reminder"
          hint={`Anything you like, up to ${TITLE_MAX} characters. For example “Call Sam”.`}
        />
        <fieldset aria-describedby={checkIn.errors ? checkIn.errorId : undefined}>
          <legend>Which reminders?</legend>
          <CheckboxField
            field={checkIn}
            label={checkInDue ? `My next check-in (${longDate(checkInDue)})` : 'My next check-in'}
            hint={checkInDue ? undefined : 'You will have a date after your first check-in.'}
          />
          <CheckboxField
            field={form.field('goals')}
            label="Checking in on my goals"
            hint={
              goalCount === 0
                ? 'You have no goals yet.'
                : `${goalCount === 1 ? 'Your goal' : `Each of your ${goalCount} goals`}: every day or every week, as you set it.`
            }
          />
        </fieldset>
        <SelectField
          field={form.field('log')}
          label="A reminder to log my day"
          options={[
            ['none', 'No, thank you'],
            ['daily', 'Every day'],
            ['weekly', 'Once a week'],
          ]}
        />
        <TextField field={form.field('time')} label="What time?" type="time" hint="For example 19:30" />
        <SelectField
          field={form.field('weekday')}
          label="Which day, for weekly reminders?"
          options={WEEKDAY_NAMES.map((name, index) => [String(index), name] as const)}
        />
        <button type="submit" className={actionData?.ready ? 'button button-secondary' : 'button'}>
          Make my calendar file
        </button>
      </Form>
      <p>
        <Link to="/track">Back to tracking</Link>
      </p>
    </section>
  )
}

/** A plain post to the file's own address (a resource route), so the browser saves what it answers with. */
function DownloadForm({
  fields,
  label,
  secondary,
}: {
  fields: Record<string, string>
  label: string
  secondary?: boolean
}) {
  return (
    <form method="post" action="/reminders.ics">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={secondary ? 'button button-secondary' : 'button'}>
        {label}
      </button>
    </form>
  )
}
