// The privacy export: everything Foothold stores about one person, as one JSON document.
// Each domain contributes a section; a new domain adds its exporter to EXPORTERS.
import { exportAccount } from '#app/domain/accounts/account.server.ts'
import { exportInvitesCreated } from '#app/domain/accounts/staff.server.ts'
import { exportAssessments } from '#app/domain/assessment/results.server.ts'
import { exportDirectory } from '#app/domain/directory/client-services.server.ts'
import { exportModules } from '#app/domain/modules/view.server.ts'
import { exportMedicines } from '#app/domain/safety/mixing.server.ts'
import { exportSharing } from '#app/domain/sharing/links.server.ts'
import { exportStudio } from '#app/domain/studio/export.server.ts'
import { exportTracking } from '#app/domain/tracking/export.server.ts'
import { clock } from '#app/utils/clock.server.ts'

type Exporter = (userId: string) => Record<string, unknown> | Promise<Record<string, unknown>>

const EXPORTERS: Exporter[] = [
  exportAccount,
  exportAssessments,
  exportModules,
  exportTracking,
  exportMedicines,
  exportSharing,
  exportInvitesCreated,
  exportStudio,
  exportDirectory,
]

export const EXPORT_FORMAT = 'foothold-export/1'

export async function exportUserData(userId: string, now = clock.now()) {
  const sections = await Promise.all(EXPORTERS.map((exporter) => exporter(userId)))
  return Object.assign({ format: EXPORT_FORMAT, exportedAt: now.toISOString() }, ...sections) as Record<string, unknown>
}
