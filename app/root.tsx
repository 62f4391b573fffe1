// The shell around every page: skip link, quick exit, navigation by role, footer with help and
// crisis contacts, and calm error pages that never show a stack trace.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { QuickExit } from '#app/components/quick-exit.tsx'
import { SiteNav } from '#app/components/site-nav.tsx'
import { WaitingToSend } from '#app/components/waiting-to-send.tsx'
import { getUser } from '#app/domain/accounts/guards.server.ts'
import { DEFAULT_QUICK_EXIT_URL } from '#app/domain/settings/defaults.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'
import stylesUrl from '#app/styles/app.css?url'
import { useNonce } from '#app/utils/nonce.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Foothold' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const settings = await getServiceSettings()
  // The quick exit's form posts to /exit, which redirects to this site (see exit.tsx).
  context.allowFormTarget?.(settings.quickExitUrl)
  return {
    user: user ? { username: user.username, role: user.role } : null,
    service: {
      name: settings.serviceName,
      quickExitUrl: settings.quickExitUrl,
      urgentContact: settings.crisisContacts[0],
    },
  }
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

/**
 * A page that needs no JavaScript says so with `export const handle = { hydrate: false }`: it is
 * sent without scripts (no app code, no copy of its data for the browser), which a long page on a
 * cheap phone over a slow connection feels (Remix's "Disabling JavaScript" guide). Its links and
 * forms work as plain HTML; reached from a page that has JavaScript, it is shown in place.
 */
function useScripts(): boolean {
  return useMatches().every((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate !== false)
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const data = useRootData()
  const scripts = useScripts()
  const quickExitUrl = data?.service.quickExitUrl ?? DEFAULT_QUICK_EXIT_URL
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link to={data?.user ? '/home' : '/'} className="brand">
              {data?.service.name ?? 'Foothold'}
            </Link>
            <QuickExit url={quickExitUrl} />
          </div>
          <SiteNav role={data?.user?.role ?? null} />
        </header>
        <main id="main" tabIndex={-1}>
          {data?.user?.role === 'client' ? <WaitingToSend owner={data.user.username} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {/* A plain link: the guide is a page of its own with no app scripts, kept offline (ADR 0021). */}
            <a href="/help/overdose">Someone overdosing?</a>
            {' · '}
            <Link to="/help">Help and crisis contacts</Link>
            {' · '}
            <Link to="/privacy">Privacy: how Foothold uses your data</Link>
          </p>
          {data?.service.urgentContact ? (
            <p>
              Need help right now? {data.service.urgentContact.name}:{' '}
              <a href={`tel:${data.service.urgentContact.phone.replace(/[^0-9+]/g, '')}`}>
                {data.service.urgentContact.phone}
              </a>
            </p>
          ) : null}
        </footer>
        {scripts ? <ScrollRestoration nonce={nonce} /> : null}
        {scripts ? <Scripts nonce={nonce} /> : null}
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

/** True in the browser when the error came from having no connection (a failed fetch). */
function isOffline(error: unknown): boolean {
  if (typeof navigator === 'undefined') return false
  return !navigator.onLine || (error instanceof TypeError && /fetch|network/i.test(error.message))
}

export function ErrorBoundary() {
  const error = useRouteError()
  let title = 'Something went wrong'
  let message = 'Sorry, something went wrong on our side. Nothing you did caused this. Please try again in a moment.'
  if (isOffline(error)) {
    // A page asked for with no connection (issue 16 item 18): not our fault, nor theirs.
    title = 'No connection'
    message =
      'This page needs an internet connection. Nothing is wrong with your account. The overdose guide, help and the urge card work offline.'
  } else if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = 'Page not found'
      // A route may explain why (e.g. "this invite link has already been used").
      message =
        typeof error.data === 'string' && error.data !== 'Not found'
          ? error.data
          : 'We could not find that page. It may have moved, or the address may be mistyped.'
    } else if (error.status === 403) {
      title = 'No access'
      message = 'You do not have access to this page.'
    } else if (error.status < 500 && typeof error.data === 'string') {
      title = 'That did not work'
      message = error.data
    }
  }
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      {isOffline(error) ? (
        <p>
          {/* Plain links: the service worker answers them from its offline copies. */}
          <a href="/help/overdose">Someone overdosing? What to do</a> · <a href="/help">Help and crisis contacts</a> ·{' '}
          <a href="/help/urge-card">Riding out an urge</a>
        </p>
      ) : (
        <p>
          <Link to="/">Go to the start page</Link> or <Link to="/help">get help and crisis contacts</Link>.
        </p>
      )}
      <p>
        If you need help now: in an emergency call 999. Samaritans are free to call any time on{' '}
        <a href="tel:116123">116 123</a>.
      </p>
    </section>
  )
}
