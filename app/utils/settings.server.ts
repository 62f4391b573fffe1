// Service settings an admin controls: the service's name, the crisis contacts shown in the
// footer, help page and safety panels, and where the quick-exit button goes.
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { serviceSettings } from '#db/schema/index.ts'
import { DEFAULT_SETTINGS, type ServiceSettings, ServiceSettingsSchema } from './settings.ts'

export { DEFAULT_SETTINGS, type ServiceSettings } from './settings.ts'

const KEY = 'service'

/** The service's settings; defaults fill anything never set or no longer valid. */
export function getServiceSettings(): ServiceSettings {
  const row = getDb().select().from(serviceSettings).where(eq(serviceSettings.key, KEY)).get()
  const parsed = ServiceSettingsSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}

export function saveServiceSettings(settings: ServiceSettings): void {
  const value = ServiceSettingsSchema.parse(settings)
  getDb()
    .insert(serviceSettings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: serviceSettings.key, set: { value, updatedAt: new Date() } })
    .run()
}
