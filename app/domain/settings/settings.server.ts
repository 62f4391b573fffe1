// Service settings an admin controls: the service's name, the crisis contacts shown in the
// footer, help page and safety panels, and where the quick-exit button goes.
import { eq } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { serviceSettings } from '#db/schema/index.ts'
import { DEFAULT_SETTINGS, type ServiceSettings, ServiceSettingsSchema } from './settings.ts'

export { DEFAULT_SETTINGS, type ServiceSettings } from './settings.ts'

const KEY = 'service'

/**
 * The service's settings; defaults fill anything never set or no longer valid. Read on every
 * request (one primary-key lookup), never kept: an admin's change is seen by every process at once.
 */
export async function getServiceSettings(): Promise<ServiceSettings> {
  const row = await getDb().select().from(serviceSettings).where(eq(serviceSettings.key, KEY)).get()
  const parsed = ServiceSettingsSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}

export async function saveServiceSettings(settings: ServiceSettings): Promise<void> {
  const value = ServiceSettingsSchema.parse(settings)
  await getDb()
    .insert(serviceSettings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: serviceSettings.key, set: { value, updatedAt: clock.now() } })
    .run()
}
