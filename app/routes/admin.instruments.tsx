// Admin: switch a check-in questionnaire off or on (issue 14; CLINICAL.md "An admin can switch any
// instrument off"). New check-ins follow the switch; one under way keeps what it began with.
// Switching off PHQ-9 or the AUDIT needs a ticked box saying what is lost (their safety messages).
// Admins switch; clinicians may read the page; everyone else is refused (domain guards).
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FieldError, FormError } from '#app/components/forms.tsx'
import { requireStudioAdmin, requireStudioReader } from '#app/domain/studio/guards.server.ts'
import { instrumentStates, setInstrumentEnabled } from '#app/domain/studio/instruments.server.ts'
import { auditLog } from '#app/domain/studio/library.server.ts'
import { longDate } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Check-in questionnaires – Foothold' }]

/** What a check-in stops doing when an instrument with these safety rules is switched off. */
const LOST: Record<string, string> = {
  'self-harm':
    'Check-ins will no longer ask about thoughts of self-harm, so the safety message that follows those answers will not show.',
  'alcohol-dependence':
    'Check-ins will no longer ask about signs of alcohol dependence, so the warning that stopping drinking suddenly can be dangerous will not show.',
}
const lostText = (rule: string) =>
  LOST[rule] ?? `Check-ins will no longer ask the questions behind the “${rule}” safety message, so it will not show.`

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStudioReader(request)
  const [instruments, events] = await Promise.all([instrumentStates(), auditLog({ kind: 'instrument', limit: 1000 })])
  const history = events
    .filter((e) => e.action === 'instrument-switch')
    .map((e) => ({ itemId: e.itemId, at: new Date(e.at).toISOString(), by: e.actorName, note: e.note ?? '' }))
  return {
    canSwitch: user.role === 'admin',
    instruments: instruments.map((i) => ({
      ...i,
      lost: i.safetyRules.map(lostText),
      history: history.filter((h) => h.itemId === i.id),
    })),
  }
}

const SwitchSchema = z.object({
  intent: z.enum(['switch-off', 'switch-on']),
  instrumentId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
  acknowledge: z.literal('yes').optional(),
})

type Reply = { instrumentId: string | null; field: 'acknowledge' | null; message: string; done?: string }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStudioAdmin(request)
  const submission = parseWithZod(await request.formData(), { schema: SwitchSchema })
  if (submission.status !== 'success')
    return data<Reply>(
      { instrumentId: null, field: null, message: 'That is not a change we can make. Nothing was changed.' },
      { status: 400 },
    )
  const { intent, instrumentId, acknowledge } = submission.value
  const enabled = intent === 'switch-on'
  const state = (await instrumentStates()).find((i) => i.id === instrumentId)
  if (state && !enabled && state.safetyRules.length > 0 && acknowledge !== 'yes')
    return data<Reply>(
      {
        instrumentId,
        field: 'acknowledge',
        message: 'Tick the box to confirm you understand what check-ins will stop asking.',
      },
      { status: 400 },
    )
  const result = await setInstrumentEnabled(user, instrumentId, enabled, { acknowledgeSafety: acknowledge === 'yes' })
  if (!result.ok) return data<Reply>({ instrumentId, field: null, message: result.message }, { status: result.status })
  return data<Reply>({
    instrumentId,
    field: null,
    message: '',
    done: `${state?.title ?? instrumentId} is now switched ${enabled ? 'on' : 'off'}.`,
  })
}

export default function AdminInstruments() {
  const { instruments, canSwitch } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <section className="narrow">
      <h1>Check-in questionnaires</h1>
      <p>
        A questionnaire that is switched off is left out of new check-ins. A check-in someone has already started keeps
        the questions it began with. Nothing people have already answered is lost.
      </p>
      {canSwitch ? null : <p className="notice">Only an admin can switch a questionnaire off or on.</p>}
      <div role="status">{reply?.done ? <p className="notice">{reply.done}</p> : null}</div>
      <FormError
        id="instruments-error"
        errors={reply && !reply.done && reply.instrumentId === null ? [reply.message] : undefined}
      />
      {instruments.map((instrument) => {
        const mine = reply && !reply.done && reply.instrumentId === instrument.id ? reply : null
        const headingId = `instrument-${instrument.id}`
        const ackId = `${instrument.id}-acknowledge`
        return (
          <section key={instrument.id} aria-labelledby={headingId} className="card">
            <h2 id={headingId}>{instrument.title}</h2>
            <p>
              <strong>{instrument.enabled ? 'On' : 'Off'}</strong>:{' '}
              {instrument.enabled ? 'new check-ins ask it.' : 'new check-ins leave it out.'}
            </p>
            {instrument.history.length > 0 ? (
              <>
                <h3>Changes</h3>
                <ul>
                  {instrument.history.map((h) => (
                    <li key={`${h.at}-${h.by}-${h.note}`}>
                      {longDate(h.at)}: {h.by} {h.note}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Never switched off.</p>
            )}
            {instrument.locked ? (
              <p>It cannot be switched off. {instrument.locked}</p>
            ) : canSwitch ? (
              <Form method="post">
                <input type="hidden" name="instrumentId" value={instrument.id} />
                <FormError
                  id={`${instrument.id}-error`}
                  errors={mine && mine.field === null ? [mine.message] : undefined}
                />
                {instrument.enabled && instrument.lost.length > 0 ? (
                  <>
                    <p>
                      <strong>If you switch it off:</strong> {instrument.lost.join(' ')}
                    </p>
                    <FieldError
                      id={`${ackId}-error`}
                      errors={mine?.field === 'acknowledge' ? [mine.message] : undefined}
                    />
                    <div
                      className={
                        mine?.field === 'acknowledge' ? 'field field-checkbox field-invalid' : 'field field-checkbox'
                      }
                    >
                      <input
                        type="checkbox"
                        id={ackId}
                        name="acknowledge"
                        value="yes"
                        aria-invalid={mine?.field === 'acknowledge' ? true : undefined}
                        aria-describedby={mine?.field === 'acknowledge' ? `${ackId}-error` : undefined}
                      />
                      <label htmlFor={ackId}>
                        I understand that check-ins will stop asking these questions, so these safety messages will not
                        show
                      </label>
                    </div>
                  </>
                ) : null}
                <button
                  type="submit"
                  name="intent"
                  value={instrument.enabled ? 'switch-off' : 'switch-on'}
                  className="button"
                >
                  Switch {instrument.enabled ? 'off' : 'on'}
                  <span className="visually-hidden"> {instrument.title}</span>
                </button>
              </Form>
            ) : null}
          </section>
        )
      })}
    </section>
  )
}
