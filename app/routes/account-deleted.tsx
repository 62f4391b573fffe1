// Shown once an account has been deleted.
import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'

export const meta: MetaFunction = () => [{ title: 'Account deleted – Foothold' }]

export default function AccountDeleted() {
  return (
    <section className="narrow">
      <h1>Your account has been deleted</h1>
      <p>Everything you stored in Foothold has been removed. You are signed out.</p>
      <p>
        You are welcome back at any time. <Link to="/help">Help and crisis contacts</Link> are always here.
      </p>
    </section>
  )
}
