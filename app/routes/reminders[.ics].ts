// The calendar file itself (issue 15 §4; hazard H-040): a resource route, so its answer reaches
// the browser as a file to save. The reminders page checks the choices first and posts them
// here from its "Download" button; anything else is refused with a 400 and no file.

import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { clientCalendar } from '#app/domain/reminders/calendar.server.ts'
import { ReminderFormSchema } from '#app/domain/reminders/reminders.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'client')
  throw new Response('Choose your reminders on the "Add to my calendar" page.', { status: 405 })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const submission = parseWithZod(await request.formData(), { schema: ReminderFormSchema })
  if (submission.status !== 'success')
    return new Response('Those reminder choices could not be read. Go back to "Add to my calendar" and try again.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  return new Response(await clientCalendar(user.id, submission.value), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="reminders.ics"',
      'Cache-Control': 'no-store',
    },
  })
}
