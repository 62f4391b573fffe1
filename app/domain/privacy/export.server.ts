// The privacy export: everything Foothold stores about one person, as one JSON document.
// Each domain contributes a section; a new domain adds its exporter to the list for clients or
// for staff (a client's data and a member of staff's work never share a table). A staff
// exporter returns {} when it has nothing, so a change of staff role loses nothing.
import { eq } from 'drizzle-orm'
import { exportAccount } from '#app/domain/accounts/account.server.ts'
import { exportInvitesCreated } from '#app/domain/accounts/staff.server.ts'
import { exportStaffRecord } from '#app/domain/accounts/staff-export.server.ts'
import { exportAssessments } from '#app/domain/assessment/results.server.ts'
import { exportDirectory } from '#app/domain/directory/client-services.server.ts'
import { exportModules } from '#app/domain/modules/view.server.ts'
import { exportMedicines } from '#app/domain/safety/mixing.server.ts'
import { exportSharing } from '#app/domain/sharing/links.server.ts'
import { exportCaseloadWork } from '#app/domain/sharing/worker-export.server.ts'
import { exportStudio } from '#app/domain/studio/export.server.ts'
import { exportTracking } from '#app/domain/tracking/export.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { users } from '#db/schema/index.ts'

type Exporter = (userId: string) => Record<string, unknown> | Promise<Record<string, unknown>>

const CLIENT_EXPORTERS: Exporter[] = [
  exportAccount,
  exportAssessments,
  exportModules,
  exportTracking,
  exportMedicines,
  exportSharing,
  exportDirectory,
]

/** Key workers, clinicians and admins: their account and record, and the work they did. */
const STAFF_EXPORTERS: Exporter[] = [
  exportAccount,
  exportStaffRecord,
  exportInvitesCreated,
  exportCaseloadWork,
  exportStudio,
]

export const EXPORT_FORMAT = 'foothold-export/1'

export async function exportUserData(userId: string, now = clock.now()) {
  const [user] = await getDb().select({ role: users.role }).from(users).where(eq(users.id, userId))
  const exporters = user?.role === 'client' ? CLIENT_EXPORTERS : STAFF_EXPORTERS
  const sections = await Promise.all(exporters.map((exporter) => exporter(userId)))
  return Object.assign({ format: EXPORT_FORMAT, exportedAt: now.toISOString() }, ...sections) as Record<string, unknown>
}
