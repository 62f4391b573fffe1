// The privacy export: everything Foothold stores about one person, as one JSON document.
// Each domain contributes a section; a new domain adds its exporter to EXPORTERS.
import { exportAccount } from './account.server.ts'
import { exportAssessments } from './assessment-results.server.ts'
import { clock } from './clock.server.ts'
import { exportModules } from './module-view.server.ts'
import { exportSharing } from './sharing.server.ts'
import { exportInvitesCreated } from './staff.server.ts'
import { exportTracking } from './tracking-export.server.ts'

type Exporter = (userId: string) => Record<string, unknown>

const EXPORTERS: Exporter[] = [
  exportAccount,
  exportAssessments,
  exportModules,
  exportTracking,
  exportSharing,
  exportInvitesCreated,
]

export const EXPORT_FORMAT = 'foothold-export/1'

export function exportUserData(userId: string, now = clock.now()) {
  const sections = EXPORTERS.map((exporter) => exporter(userId))
  return Object.assign({ format: EXPORT_FORMAT, exportedAt: now.toISOString() }, ...sections) as Record<string, unknown>
}
