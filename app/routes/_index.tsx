// The start page for someone not signed in: what Foothold is and how to begin.
import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { getUser } from '#app/domain/accounts/guards.server.ts'

export const meta: MetaFunction = () => [
  // A neutral title: it is what browser history and tab lists show to anyone else using the device.
  { title: 'Foothold' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/home')
  return null
}

export default function Index() {
  return (
    <section className="narrow">
      <h1>Change your drinking or drug use, at your own pace</h1>
      <p>
        Foothold is a free programme you can use at home. You answer some questions about how things are going. Then you
        get short activities, about 10 to 15 minutes each, that help with the parts of life that matter most to you.
      </p>
      <ul>
        <li>No name, email or phone number needed. Just a username and a passphrase.</li>
        <li>Only you see your answers, unless you choose to share them with a worker.</li>
        <li>You can download everything we store about you, or delete it, at any time.</li>
      </ul>
      <p className="actions">
        <Link className="button" to="/signup">
          Create an account
        </Link>
        <Link className="button button-secondary" to="/login">
          Sign in
        </Link>
      </p>
    </section>
  )
}
