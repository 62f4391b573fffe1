// The clinician studio's frame (issue 14): its own stylesheet and a bar of its sections. Every
// studio page is for clinicians (who author and review) and admins (who may read); key workers
// and clients get 403, someone signed out is sent to sign in. Each child route guards itself too.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, Outlet, useLocation } from '@remix-run/react'
import { requireStudioReader } from '#app/domain/studio/guards.server.ts'
import studioCss from '#app/styles/studio.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: studioCss }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStudioReader(request)
  return null
}

const SECTIONS: Array<[string, string]> = [
  ['/studio', 'Library'],
  ['/studio/audit', 'Audit'],
  ['/studio/packs', 'Content packs'],
  ['/studio/outcomes', 'Outcomes'],
]

export default function Studio() {
  const { pathname } = useLocation()
  const current = (to: string) =>
    to === '/studio' ? !SECTIONS.slice(1).some(([path]) => pathname.startsWith(path)) : pathname.startsWith(to)
  return (
    <>
      <nav aria-label="Studio" className="studio-nav">
        <ul>
          {SECTIONS.map(([to, label]) => (
            <li key={to}>
              <Link to={to} aria-current={current(to) ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}
