// Liveness for monitors and the benchmark's bare route: 200 when the database answers.
import { databaseAnswers } from '#app/utils/health.server.ts'

export function loader() {
  if (!databaseAnswers()) return Response.json({ status: 'unavailable' }, { status: 503 })
  return Response.json({ status: 'ok' })
}
