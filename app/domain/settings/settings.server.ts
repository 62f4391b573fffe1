// Service settings an admin controls: the service's name, the crisis contacts shown in the
// footer, help page and safety panels, and where the quick-exit button goes.
import { eq } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { serviceSettings } from '#db/schema/index.ts'
import { DEFAULT_SETTINGS, type ServiceSettings, ServiceSettingsSchema } from './settings.ts'

export { DEFAULT_SETTINGS, type ServiceSettings } from './settings.ts'

const KEY = 'service'

// Every page shows the settings (footer, quick exit), so they are kept in memory once read.
// Foothold runs as one process and only saveServiceSettings changes them, so this stays true.
let cached: ServiceSettings | undefined

/** The service's settings; defaults fill anything never set or no longer valid. */
export function getServiceSettings(): ServiceSettings {
  if (cached) return cached
  const row = getDb().select().from(serviceSettings).where(eq(serviceSettings.key, KEY)).get()
  const parsed = ServiceSettingsSchema.safeParse(row?.value)
  cached = parsed.success ? parsed.data : DEFAULT_SETTINGS
  return cached
}

export function saveServiceSettings(settings: ServiceSettings): void {
  const value = ServiceSettingsSchema.parse(settings)
  getDb()
    .insert(serviceSettings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: serviceSettings.key, set: { value, updatedAt: clock.now() } })
    .run()
  cached = value
}
