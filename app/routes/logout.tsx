// Sign out: a POST only (a GET never changes anything), then back to the start page.
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { destroySession } from '#app/domain/accounts/session.server.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } })
}
