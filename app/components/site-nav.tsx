// Navigation by role. Sign-out is a form post: no state changes on GET.
import { Form, NavLink } from '@remix-run/react'
import type { Role } from '#db/schema/users.ts'

const LINKS: Record<Role | 'anonymous', Array<[string, string]>> = {
  anonymous: [
    ['/login', 'Sign in'],
    ['/signup', 'Create an account'],
  ],
  client: [
    ['/home', 'Home'],
    ['/assessment', 'Check-in'],
    ['/modules', 'Modules'],
    ['/track', 'Track'],
    ['/progress', 'Progress'],
    ['/privacy', 'Your privacy'],
    ['/account', 'Account'],
  ],
  keyworker: [
    ['/home', 'Home'],
    ['/account', 'Account'],
  ],
  clinician: [
    ['/home', 'Home'],
    ['/account', 'Account'],
  ],
  admin: [
    ['/home', 'Home'],
    ['/admin/staff', 'Staff'],
    ['/admin/settings', 'Service settings'],
    ['/account', 'Account'],
  ],
}

export function SiteNav({ role }: { role: Role | null }) {
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {LINKS[role ?? 'anonymous'].map(([to, label]) => (
          <li key={to}>
            <NavLink to={to}>{label}</NavLink>
          </li>
        ))}
        {role ? (
          <li>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                Sign out
              </button>
            </Form>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
