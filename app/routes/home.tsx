// Each role's home page after sign-in.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '#app/domain/accounts/guards.server.ts'
import { checkInStatus } from '#app/domain/assessment/results.server.ts'
import { type NextStep, nextStep } from '#app/domain/modules/next-step.server.ts'
import { moduleToContinue } from '#app/domain/modules/view.server.ts'
import { publishedModules } from '#app/domain/studio/content.server.ts'

export const meta: MetaFunction = () => [{ title: 'Home – Foothold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const client = user.role === 'client'
  // The published modules, read once for "carry on" and the next step.
  const published = client ? await publishedModules() : undefined
  return {
    username: user.username,
    role: user.role,
    checkIn: client ? await checkInStatus(user.id) : null,
    carryOn: client ? await moduleToContinue(user.id, published) : null,
    next: client ? await nextStep(user.id, published) : null,
  }
}

export default function Home() {
  const { username, role, checkIn, carryOn, next } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>Welcome, {username}</h1>
      {checkIn ? <ClientHome checkIn={checkIn} carryOn={carryOn} next={next} /> : null}
      {role === 'keyworker' ? (
        <>
          <p>
            Clients who choose to share their progress with you are in your caseload. A client makes a share code on
            their privacy page and gives it to you.
          </p>
          <ul>
            <li>
              <Link to="/caseload">Your caseload</Link>
            </li>
            <li>
              <Link to="/caseload/add">Add a client with a share code</Link>
            </li>
          </ul>
        </>
      ) : null}
      {role === 'clinician' ? (
        <ul>
          <li>
            <Link to="/studio">The programme studio: change modules, exercises and questionnaire wording</Link>
          </li>
          <li>
            <Link to="/studio#review">Drafts waiting for your review</Link>
          </li>
          <li>
            <Link to="/studio/outcomes">Programme outcomes</Link>
          </li>
          <li>
            <Link to="/studio/audit">Every change to the programme (audit log)</Link>
          </li>
        </ul>
      ) : null}
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

type CheckIn = { inProgress: boolean; lastAt: string | Date | null; due: boolean }

type CarryOn = { id: string; title: string; step: number; total: number } | null

function ClientHome({ checkIn, carryOn, next }: { checkIn: CheckIn; carryOn: CarryOn; next: NextStep | null }) {
  return (
    <>
      <p>This is your space. Everything here is private to you unless you choose to share it.</p>
      {next ? (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">Your next step</h2>
          <p>
            <Link className="button" to={`/modules/${next.moduleId}`}>
              Start “{next.title}”
            </Link>
          </p>
          <p className="hint">{next.why}.</p>
        </section>
      ) : null}
      <h2>Your check-in</h2>
      {checkIn.inProgress ? (
        <p>
          <Link className="button" to="/assessment/questions">
            Carry on with your check-in
          </Link>
        </p>
      ) : checkIn.lastAt === null ? (
        <>
          <p>Start with a short check-in about how things are going. It takes about 10 to 15 minutes.</p>
          <p>
            <Link className="button" to="/assessment">
              Start your check-in
            </Link>
          </p>
        </>
      ) : (
        <>
          {checkIn.due ? <p className="notice">It is time for a new check-in, to see what has changed.</p> : null}
          <ul>
            <li>
              <Link to="/assessment/results">Your latest results and plan</Link>
            </li>
            <li>
              <Link to="/assessment/history">Your scores over time</Link>
            </li>
            {checkIn.due ? (
              <li>
                <Link to="/assessment">Do a new check-in</Link>
              </li>
            ) : null}
          </ul>
        </>
      )}
      <h2>Your modules</h2>
      {carryOn ? (
        <p>
          <Link className="button" to={`/modules/${carryOn.id}`}>
            Carry on with {carryOn.title}
          </Link>{' '}
          <span className="hint">
            (step {carryOn.step} of {carryOn.total})
          </span>
        </p>
      ) : null}
      <p>
        <Link to="/modules">Choose a module to work on</Link>: short exercises for the parts of life that matter to you.
      </p>
      <h2>Your privacy and help</h2>
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
