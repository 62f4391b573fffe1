// Privacy: what Foothold stores and who can see it (for everyone), and for a signed-in client
// what keeps them in control: sharing with a key worker (codes, scopes, stopping, and the log of
// every look a worker took), download my data, delete my account. Staff download their own data.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CheckboxField, FormError, TextField, useFormReply } from '#app/components/forms.tsx'
import { PrivacyNotice } from '#app/components/privacy-notice.tsx'
import { SharingPanel } from '#app/components/sharing-panel.tsx'
import { checkPassphrase, deleteUser } from '#app/domain/accounts/account.server.ts'
import { getUser, requireRole } from '#app/domain/accounts/guards.server.ts'
import { clearSessionCookie } from '#app/domain/accounts/session.server.ts'
import { SHARING_INTENTS, sharingAction } from '#app/domain/sharing/actions.server.ts'
import { sharingView } from '#app/domain/sharing/view.server.ts'

const DeleteSchema = z.object({
  passphrase: z.string({ error: 'Enter your passphrase to confirm' }).max(1000),
  confirm: z.literal(true, { error: 'Tick the box to confirm you understand this cannot be undone' }),
})

export const meta: MetaFunction = () => [{ title: 'Your privacy – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return {
    isClient: user?.role === 'client',
    isStaff: user !== null && user.role !== 'client',
    sharing: user?.role === 'client' ? await sharingView(user) : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? 'delete-account')
  if ((SHARING_INTENTS as readonly string[]).includes(intent)) {
    const reply = await sharingAction(user, intent, formData)
    return data({ result: null, sharing: reply }, { status: reply.status })
  }
  const submission = parseWithZod(formData, { schema: DeleteSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['passphrase'] }), sharing: null }, { status: 400 })
  }
  if (!(await checkPassphrase(user.id, submission.value.passphrase))) {
    const reply = submission.reply({
      fieldErrors: { passphrase: ['That passphrase is not right. Your account has not been deleted.'] },
      hideFields: ['passphrase'],
    })
    return data({ result: reply, sharing: null }, { status: 400 })
  }
  await deleteUser(user.id)
  return redirect('/account-deleted', { headers: { 'Set-Cookie': await clearSessionCookie() } })
}

export default function Privacy() {
  const { isClient, isStaff, sharing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section className="narrow">
      <h1>Your privacy</h1>
      <PrivacyNotice />
      {isClient && sharing ? (
        <>
          <SharingPanel view={sharing} reply={actionData?.sharing ?? undefined} />
          <h2>Download your data</h2>
          <p>Get a file with everything Foothold stores about you. It is in JSON, a format many programs can open.</p>
          <p>
            <Link className="button button-secondary" to="/privacy/export" reloadDocument>
              Download my data
            </Link>
          </p>
          <p>Your tracking as spreadsheet (CSV) files:</p>
          <ul>
            <li>
              <a href="/privacy/export/urges.csv" download>
                Urges (CSV)
              </a>
            </li>
            <li>
              <a href="/privacy/export/use-diary.csv" download>
                Use diary (CSV)
              </a>
            </li>
            <li>
              <a href="/privacy/export/goal-check-ins.csv" download>
                Goal check-ins (CSV)
              </a>
            </li>
          </ul>
          <DeleteAccount />
        </>
      ) : isStaff ? (
        <StaffDownload />
      ) : (
        <p>
          <Link to="/signup">Create an account</Link> or <Link to="/login">sign in</Link> to download or delete your
          data.
        </p>
      )}
    </section>
  )
}

/** Staff get a copy of what Foothold keeps about them and their work; staff accounts are removed by an admin. */
function StaffDownload() {
  return (
    <>
      <h2 id="download">Download your data</h2>
      <p>
        Get a file with what Foothold keeps about you as a member of staff: your account, when you signed in, and the
        work you did here. For key workers that includes each time you looked at a client's data. For clinicians it
        includes the content you wrote or checked, and your comments. It names a client only by the code in the address
        of their caseload page, never by name. The file is in JSON, a format many programs can open.
      </p>
      <p>
        <Link className="button button-secondary" to="/privacy/export" reloadDocument>
          Download my data
        </Link>
      </p>
      <h2>Who sees your work</h2>
      <ul>
        <li>A client sees each time you looked at the parts they share with you, and can stop sharing at any time.</li>
        <li>Other clinicians and admins see the changes you make in the studio, in its history.</li>
        <li>Admins see your account and can turn it off.</li>
      </ul>
      <p>To close your staff account, ask your admin.</p>
    </>
  )
}

function DeleteAccount() {
  const actionData = useActionData<typeof action>()
  const form = useFormReply('delete-account', actionData?.result)
  return (
    <>
      <h2 id="delete-heading">Delete your account</h2>
      <p>
        This removes your account and everything you have told Foothold, for good. We cannot get it back. You may want
        to download your data first.
      </p>
      <Form method="post" aria-labelledby="delete-heading" {...form.props}>
        <input type="hidden" name="intent" value="delete-account" />
        <FormError id={form.errorId} errors={form.errors} />
        <TextField
          field={form.field('passphrase')}
          label="Your passphrase"
          type="password"
          autoComplete="current-password"
        />
        <CheckboxField
          field={form.field('confirm')}
          label="I understand this deletes everything and cannot be undone"
        />
        <button type="submit" className="button button-danger">
          Delete my account
        </button>
      </Form>
    </>
  )
}
