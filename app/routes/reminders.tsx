// "Add to my calendar" (issue 15 §4; hazard H-040): the client chooses a title and which
// reminders, and the form post answers with an .ics file to open in their own calendar. Nothing
// about it is in the address, nothing is sent anywhere else, and a new file can be had any time.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CheckboxField, FieldError, FormError, SelectField, TextField, useFormReply } from '#app/components/forms.tsx'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { clientCalendar, reminderFacts } from '#app/domain/reminders/calendar.server.ts'
import { DEFAULT_TITLE, ReminderFormSchema, TITLE_MAX, WEEKDAY_NAMES } from '#app/domain/reminders/reminders.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Add to my calendar – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client')
  const facts = await reminderFacts(user.id)
  return { timeZone: facts.timeZone, checkInDue: facts.checkInDue, goalCount: facts.goals.length }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const submission = parseWithZod(await request.formData(), { schema: ReminderFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const file = await clientCalendar(user.id, submission.value)
  return new Response(file, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="reminders.ics"',
      'Cache-Control': 'no-store',
    },
  })
}

const DEFAULTS = { title: DEFAULT_TITLE, checkIn: 'on', goals: 'on', log: 'none', time: '19:00', weekday: '6' }

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
      {/* A normal post, not a script one, so the browser saves the file it answers with. */}
      <Form method="post" reloadDocument {...form.props}>
        <FormError id={form.errorId} errors={form.errors} />
        <TextField
          field={form.field('title')}
          label="Title of every reminder"
          hint={`Anything you like, up to ${TITLE_MAX} characters. For example “Call Sam”.`}
        />
        <fieldset aria-describedby={checkIn.errors ? checkIn.errorId : undefined}>
          <legend>Which reminders?</legend>
          <FieldError id={checkIn.errorId} errors={checkIn.errors} />
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
        <button type="submit" className="button">
          Download calendar file
        </button>
      </Form>
      <p>
        <Link to="/track">Back to tracking</Link>
      </p>
    </section>
  )
}
