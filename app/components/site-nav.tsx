// Navigation by role. Sign-out is a form post: no state changes on GET. The current section is
// marked as NavLink would (aria-current="page", class "active"), from one look at the location:
// NavLink compiles a route pattern per link on every render, a cost every signed-in page paid.
import { Form, Link, useLocation } from '@remix-run/react'
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
    ['/services', 'Services'],
    ['/privacy', 'Your privacy'],
    ['/account', 'Account'],
  ],
  keyworker: [
    ['/home', 'Home'],
    ['/caseload', 'Caseload'],
    ['/services', 'Services'],
    ['/account', 'Account'],
  ],
  clinician: [
    ['/home', 'Home'],
    ['/studio', 'Studio'],
    ['/account', 'Account'],
  ],
  admin: [
    ['/home', 'Home'],
    ['/admin/staff', 'Staff'],
    ['/admin/settings', 'Service settings'],
    ['/admin/directory', 'Directory'],
    ['/admin/instruments', 'Questionnaires'],
    // Admins may read the studio (its library, drafts, reviews and audit), not edit.
    ['/studio', 'Studio'],
    ['/account', 'Account'],
  ],
}

/** `to` is the page or a section above it: /modules is current on /modules/riding-out-urges. */
export const isCurrent = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`)

function NavItems({ role, pathname }: { role: Role | null; pathname: string }) {
  return (
    <ul>
      {LINKS[role ?? 'anonymous'].map(([to, label]) => (
        <li key={to}>
          {isCurrent(pathname, to) ? (
            <Link to={to} aria-current="page" className="active">
              {label}
            </Link>
          ) : (
            <Link to={to}>{label}</Link>
          )}
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
  )
}

/**
 * Wide screens get the links as a bar; narrow ones a "Menu" that folds them away, a <details> so
 * it opens without JavaScript, beside the quick exit (which stays in view). CSS shows one of the
 * two (display: none takes the other out of the accessibility tree). Keyed by the page, so a
 * client-side navigation closes the menu.
 */
export function SiteNav({ role }: { role: Role | null }) {
  const { pathname } = useLocation()
  return (
    <nav aria-label="Main" className="site-nav">
      <div className="site-nav-bar">
        <NavItems role={role} pathname={pathname} />
      </div>
      <details className="site-nav-menu" key={pathname}>
        <summary>Menu</summary>
        <NavItems role={role} pathname={pathname} />
      </details>
    </nav>
  )
}
