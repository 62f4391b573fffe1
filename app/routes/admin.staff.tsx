// Admin: staff accounts. Create one directly (the admin passes on the first passphrase) or make
// a one-time invite link so the new member of staff chooses their own. Per person: turn the
// account off (after a second step, a page of its own, so it works without JavaScript) or on,
// change the role, or make a one-time passphrase-reset link (H-028).
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { NewPassphraseField } from '#app/components/account-fields.tsx'
import { FormError, type FormReply, SelectField, TextField, useFormReply } from '#app/components/forms.tsx'
import { createUser, UsernameTakenError } from '#app/domain/accounts/account.server.ts'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { PassphraseSchema } from '#app/domain/accounts/passphrase.server.ts'
import { createInvite, listStaff } from '#app/domain/accounts/staff.server.ts'
import { INVITE_DAYS, RESET_HOURS, STAFF_ROLES } from '#app/domain/accounts/staff.ts'
import {
  changeStaffRole,
  createPassphraseReset,
  disableStaff,
  enableStaff,
  StaffChangeRefusedError,
  StaffNotFoundError,
} from '#app/domain/accounts/staff-admin.server.ts'
import { UsernameSchema } from '#app/domain/accounts/username.ts'
import { longDate } from '#app/utils/format.ts'

const RoleSchema = z.enum(STAFF_ROLES, { error: 'Choose a role' })
const CreateSchema = z.object({ username: UsernameSchema, passphrase: PassphraseSchema, role: RoleSchema })
const InviteSchema = z.object({ role: RoleSchema })
const UserIdSchema = z.string({ error: 'Choose a member of staff' }).max(100, 'There is no staff account like that.')
const PersonSchema = z.object({ userId: UserIdSchema })
const RoleChangeSchema = z.object({ userId: UserIdSchema, role: RoleSchema })
const DisableSchema = z.object({
  userId: UserIdSchema,
  confirm: z.literal('yes', { error: 'Confirm that you want to turn this account off' }),
})
const PERSON_INTENTS = ['role', 'disable', 'enable', 'reset'] as const
type PersonIntent = (typeof PERSON_INTENTS)[number]

const ROLE_NAMES = { keyworker: 'Key worker', clinician: 'Clinician', admin: 'Admin' } as const

export const meta: MetaFunction = () => [{ title: 'Staff – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const staff = await listStaff()
  // ?disable=<id> is the second step before turning an account off: it only asks.
  const asked = new URL(request.url).searchParams.get('disable')
  const confirm = staff.find((member) => member.id === asked && member.id !== admin.id && !member.disabledAt)
  return { staff, adminId: admin.id, confirmDisable: confirm?.id ?? null }
}

const PERSON_SCHEMAS = { role: RoleChangeSchema, disable: DisableSchema, enable: PersonSchema, reset: PersonSchema }

/** One person's change: done message, reset link or a refusal shown beside that person's form. */
async function changePerson(intent: PersonIntent, formData: FormData, adminId: string, request: Request) {
  const submission = parseWithZod(formData, { schema: PERSON_SCHEMAS[intent] })
  const userId = typeof formData.get('userId') === 'string' ? String(formData.get('userId')) : null
  if (submission.status !== 'success') return { result: submission.reply(), userId }
  const value = submission.value as { userId: string; role?: (typeof STAFF_ROLES)[number] }
  try {
    if (intent === 'reset') {
      const token = await createPassphraseReset(adminId, value.userId)
      return { result: submission.reply(), userId, resetUrl: new URL(`/reset/${token}`, request.url).href }
    }
    const user =
      intent === 'disable'
        ? await disableStaff(adminId, value.userId)
        : intent === 'enable'
          ? await enableStaff(value.userId)
          : await changeStaffRole(adminId, value.userId, value.role ?? 'keyworker')
    const done =
      intent === 'disable'
        ? `${user.username}’s account is off. They have been signed out.`
        : intent === 'enable'
          ? `${user.username}’s account is on again.`
          : `${user.username} is now: ${ROLE_NAMES[user.role === 'client' ? 'keyworker' : user.role]}.`
    return { result: submission.reply({ resetForm: true }), userId, done }
  } catch (error) {
    if (!(error instanceof StaffChangeRefusedError || error instanceof StaffNotFoundError)) throw error
    const field = intent === 'role' ? 'role' : ''
    return { result: submission.reply({ fieldErrors: { [field]: [error.message] } }), userId }
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const formData = await request.formData()
  const intent = formData.get('intent')
  // One shape for every form's reply, so the page reads each form's outcome the same way.
  type Extra = { inviteUrl?: string; created?: string; userId?: string | null; resetUrl?: string; done?: string }
  const reply = (form: 'invite' | 'create' | PersonIntent, result: SubmissionResult<string[]>, extra: Extra = {}) =>
    data(
      {
        form,
        result,
        inviteUrl: extra.inviteUrl ?? null,
        created: extra.created ?? null,
        userId: extra.userId ?? null,
        resetUrl: extra.resetUrl ?? null,
        done: extra.done ?? null,
      },
      { status: result.status === 'error' ? 400 : 200 },
    )
  const personIntent = PERSON_INTENTS.find((name) => name === intent)
  if (personIntent) {
    const { result, ...extra } = await changePerson(personIntent, formData, admin.id, request)
    return reply(personIntent, result, extra)
  }
  if (formData.get('intent') === 'invite') {
    const submission = parseWithZod(formData, { schema: InviteSchema })
    if (submission.status !== 'success') return reply('invite', submission.reply())
    const token = await createInvite(submission.value.role, admin.id)
    return reply('invite', submission.reply({ resetForm: true }), {
      inviteUrl: new URL(`/invite/${token}`, request.url).href,
    })
  }
  const submission = parseWithZod(formData, { schema: CreateSchema })
  if (submission.status !== 'success') return reply('create', submission.reply({ hideFields: ['passphrase'] }))
  try {
    const user = await createUser(submission.value)
    return reply('create', submission.reply({ resetForm: true }), { created: user.username })
  } catch (error) {
    if (!(error instanceof UsernameTakenError)) throw error
    return reply('create', submission.reply({ fieldErrors: { username: [error.message] }, hideFields: ['passphrase'] }))
  }
}

export default function AdminStaff() {
  const { staff, adminId, confirmDisable } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section>
      <h1>Staff</h1>
      <table>
        <caption>Staff accounts</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <tr key={member.id}>
              <td>{member.username}</td>
              <td>{member.role === 'client' ? 'Client' : ROLE_NAMES[member.role]}</td>
              <td>{longDate(new Date(member.createdAt).toISOString())}</td>
              <td data-label="Account">{member.disabledAt ? 'Off' : 'On'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Change a staff account</h2>
      <p>
        Turning an account off signs that person out at once and stops them signing in, until it is turned on again. A
        reset link lets them choose a new passphrase: it works once, for {RESET_HOURS} hours.
      </p>
      {staff.map((member) => (
        <PersonPanel
          key={member.id}
          member={member}
          isYou={member.id === adminId}
          confirming={member.id === confirmDisable}
          reply={actionData?.userId === member.id ? actionData : null}
        />
      ))}
      <InviteForm
        lastResult={actionData?.form === 'invite' ? actionData.result : undefined}
        url={actionData?.inviteUrl}
      />
      <CreateForm
        lastResult={actionData?.form === 'create' ? actionData.result : undefined}
        created={actionData?.created}
      />
    </section>
  )
}

const ROLE_OPTIONS = STAFF_ROLES.map((role) => [role, ROLE_NAMES[role]] as const)

type Member = Awaited<ReturnType<typeof listStaff>>[number]
type PersonReply = { form: string; result: FormReply; resetUrl: string | null; done: string | null } | null

function PersonPanel({
  member,
  isYou,
  confirming,
  reply,
}: {
  member: Member
  isYou: boolean
  confirming: boolean
  reply: PersonReply
}) {
  const heading = `manage-${member.id}`
  const replyFor = (form: PersonIntent) => (reply?.form === form ? reply.result : undefined)
  const roleForm = useFormReply(`role-${member.id}`, replyFor('role'), { role: member.role })
  const switchForm = useFormReply(`switch-${member.id}`, replyFor(member.disabledAt ? 'enable' : 'disable'))
  const resetForm = useFormReply(`reset-${member.id}`, replyFor('reset'))
  const role = member.role === 'client' ? 'keyworker' : member.role
  return (
    <section id={heading} aria-labelledby={`${heading}-name`} className="staff-person">
      <h3 id={`${heading}-name`}>
        {member.username}
        {isYou ? ' (you)' : ''}
      </h3>
      <p>
        {ROLE_NAMES[role]}. Account {member.disabledAt ? 'off' : 'on'}.
      </p>
      <div role="status">{reply?.done ? <p className="notice">{reply.done}</p> : null}</div>
      {isYou ? (
        <p>You cannot turn off your own account or change your own role.</p>
      ) : (
        <>
          <Form method="post" action="/admin/staff" aria-label={`Change ${member.username}’s role`} {...roleForm.props}>
            <input type="hidden" name="intent" value="role" />
            <input type="hidden" name="userId" value={member.id} />
            <FormError id={roleForm.errorId} errors={roleForm.errors} />
            <SelectField field={roleForm.field('role')} label={`Role for ${member.username}`} options={ROLE_OPTIONS} />
            <button type="submit" className="button button-secondary">
              Change role
            </button>
          </Form>
          {member.disabledAt ? (
            <Form method="post" action="/admin/staff" {...switchForm.props}>
              <input type="hidden" name="intent" value="enable" />
              <input type="hidden" name="userId" value={member.id} />
              <FormError id={switchForm.errorId} errors={switchForm.errors} />
              <button type="submit" className="button button-secondary">
                Turn on {member.username}’s account
              </button>
            </Form>
          ) : confirming || reply?.form === 'disable' ? (
            <div className="notice">
              <p>
                Turn off {member.username}’s account? They will be signed out at once and cannot sign in until an admin
                turns it on again.
              </p>
              <Form method="post" action="/admin/staff" {...switchForm.props}>
                <input type="hidden" name="intent" value="disable" />
                <input type="hidden" name="userId" value={member.id} />
                <input type="hidden" name="confirm" value="yes" />
                <FormError id={switchForm.errorId} errors={switchForm.errors} />
                <button type="submit" className="button button-danger">
                  Yes, turn off {member.username}’s account
                </button>{' '}
                <Link to="/admin/staff">Cancel</Link>
              </Form>
            </div>
          ) : (
            <p>
              <Link to={`/admin/staff?disable=${member.id}#${heading}`}>Turn off {member.username}’s account</Link>
            </p>
          )}
        </>
      )}
      {member.disabledAt || isYou ? null : (
        <Form method="post" action="/admin/staff" {...resetForm.props}>
          <input type="hidden" name="intent" value="reset" />
          <input type="hidden" name="userId" value={member.id} />
          <FormError id={resetForm.errorId} errors={resetForm.errors} />
          <button type="submit" className="button button-secondary">
            Make a passphrase-reset link for {member.username}
          </button>
        </Form>
      )}
      <div role="status">
        {reply?.resetUrl ? (
          <div className="notice">
            <p>
              Give this link to {member.username} privately. It works once, for {RESET_HOURS} hours, and will not be
              shown again.
            </p>
            <p>
              <code className="reset-link">{reply.resetUrl}</code>
            </p>
          </div>
        ) : null}
      </div>
    </section>
  )
}

function InviteForm({ lastResult, url }: { lastResult: FormReply; url: string | null | undefined }) {
  const form = useFormReply('invite', lastResult)
  return (
    <>
      <h2 id="invite-heading">Invite a member of staff</h2>
      <p>
        Make a link that works once, for {INVITE_DAYS} days. The person who opens it chooses their own username and
        passphrase.
      </p>
      <Form method="post" aria-labelledby="invite-heading" {...form.props}>
        <input type="hidden" name="intent" value="invite" />
        <FormError id={form.errorId} errors={form.errors} />
        <SelectField field={form.field('role')} label="Role" options={ROLE_OPTIONS} />
        <button type="submit" className="button">
          Make invite link
        </button>
      </Form>
      <div role="status">
        {url ? (
          <div className="notice">
            <p>Send this link to the new member of staff privately. It will not be shown again.</p>
            <p>
              <code className="invite-link">{url}</code>
            </p>
          </div>
        ) : null}
      </div>
    </>
  )
}

function CreateForm({ lastResult, created }: { lastResult: FormReply; created: string | null | undefined }) {
  const form = useFormReply('create', lastResult)
  return (
    <>
      <h2 id="create-heading">Create a staff account</h2>
      <p>Choose a first passphrase and pass it on privately. They can change it on their Account page.</p>
      <div role="status">{created ? <p className="notice">Account “{created}” created.</p> : null}</div>
      <Form method="post" aria-labelledby="create-heading" {...form.props}>
        <input type="hidden" name="intent" value="create" />
        <FormError id={form.errorId} errors={form.errors} />
        <TextField field={form.field('username')} label="Username" autoComplete="off" spellCheck={false} />
        <NewPassphraseField field={form.field('passphrase')} label="First passphrase" />
        <SelectField field={form.field('role')} label="Role" options={ROLE_OPTIONS} />
        <button type="submit" className="button">
          Create account
        </button>
      </Form>
    </>
  )
}
