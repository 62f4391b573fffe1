// Quick exit without JavaScript: the header's button posts here. Signs out (if signed in) and
// sends the browser to the service's neutral site with a 303, so the next page is a GET of that
// site and Back finds only pages that now ask to sign in (every page is Cache-Control: no-store).
// It refuses nothing: leaving must always work, whatever the body (server.ts has already refused
// bodies that are not well-formed form posts).
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { destroySession } from '#app/domain/accounts/session.server.ts'
import { getServiceSettings } from '#app/domain/settings/settings.server.ts'

async function neutralSite(): Promise<string> {
  return (await getServiceSettings()).quickExitUrl
}

/** A GET changes nothing: it only goes to the neutral site. */
export async function loader() {
  return redirect(await neutralSite(), 303)
}

export async function action({ request }: ActionFunctionArgs) {
  const headers = { 'Set-Cookie': await destroySession(request) }
  return redirect(await neutralSite(), { status: 303, headers })
}
