// Each role's home page after sign-in.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Home – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { username: user.username, role: user.role }
}

export default function Home() {
  const { username, role } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>Welcome, {username}</h1>
      {role === 'client' ? <ClientHome /> : null}
      {role === 'keyworker' ? (
        <p>
          Clients who choose to share their progress with you will appear here. A client makes a share code on their
          privacy page and gives it to you.
        </p>
      ) : null}
      {role === 'clinician' ? <p>Programme content you author and review will appear here.</p> : null}
      {role === 'admin' ? (
        <ul>
          <li>
            <Link to="/admin/staff">Create staff accounts and invite links</Link>
          </li>
          <li>
            <Link to="/admin/settings">Set your service's name, crisis contacts and quick-exit site</Link>
          </li>
        </ul>
      ) : null}
    </section>
  )
}

function ClientHome() {
  return (
    <>
      <p>This is your space. Everything here is private to you unless you choose to share it.</p>
      <ul>
        <li>
          <Link to="/privacy">See what we store, download it, or delete your account</Link>
        </li>
        <li>
          <Link to="/help">Help and crisis contacts</Link>
        </li>
      </ul>
    </>
  )
}
