// Admin: staff accounts. Create one directly (the admin passes on the first passphrase) or make
// a one-time invite link so the new member of staff chooses their own.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { NewPassphraseField } from '#app/components/account-fields.tsx'
import { FormError, type FormReply, SelectField, TextField, useFormReply } from '#app/components/forms.tsx'
import { createUser, UsernameTakenError } from '#app/domain/accounts/account.server.ts'
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import { PassphraseSchema } from '#app/domain/accounts/passphrase.server.ts'
import { createInvite, listStaff } from '#app/domain/accounts/staff.server.ts'
import { INVITE_DAYS, STAFF_ROLES } from '#app/domain/accounts/staff.ts'
import { UsernameSchema } from '#app/domain/accounts/username.ts'

const RoleSchema = z.enum(STAFF_ROLES, { error: 'Choose a role' })
const CreateSchema = z.object({ username: UsernameSchema, passphrase: PassphraseSchema, role: RoleSchema })
const InviteSchema = z.object({ role: RoleSchema })

const ROLE_NAMES = { keyworker: 'Key worker', clinician: 'Clinician', admin: 'Admin' } as const

export const meta: MetaFunction = () => [{ title: 'Staff – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { staff: await listStaff() }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const formData = await request.formData()
  const reply = (
    form: 'invite' | 'create',
    result: SubmissionResult<string[]>,
    extra: { inviteUrl?: string; created?: string } = {},
  ) =>
    data(
      { form, result, inviteUrl: extra.inviteUrl ?? null, created: extra.created ?? null },
      { status: result.status === 'error' ? 400 : 200 },
    )
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
  const { staff } = useLoaderData<typeof loader>()
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
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <tr key={member.id}>
              <td>{member.username}</td>
              <td>{member.role === 'client' ? 'Client' : ROLE_NAMES[member.role]}</td>
              <td>{new Date(member.createdAt).toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
