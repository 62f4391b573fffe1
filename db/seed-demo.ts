// Demo data for `npm run demo` only: accounts with known passphrases, so people trying Foothold
// can sign in as each role. The production start never calls this.
import { eq } from 'drizzle-orm'
import type { Db } from './client.ts'
import { type Role, serviceSettings, users } from './schema/index.ts'

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role; passphrase: string }> = [
  { username: 'demo-client', role: 'client', passphrase: 'demo client passphrase' },
  { username: 'demo-keyworker', role: 'keyworker', passphrase: 'demo keyworker passphrase' },
  { username: 'demo-clinician', role: 'clinician', passphrase: 'demo clinician passphrase' },
  { username: 'demo-admin', role: 'admin', passphrase: 'demo admin passphrase' },
]

const DAY = 24 * 3600 * 1000
const DEMO_MARK = 'demo-database'

/** True for a database made by `npm run demo`: it holds accounts whose passphrases are public. */
export function isDemoDatabase(db: Db): boolean {
  return Boolean(db.select().from(serviceSettings).where(eq(serviceSettings.key, DEMO_MARK)).get())
}

export type HashFn = (passphrase: string) => Promise<string>

/**
 * Seeds the demo accounts when the database has no users yet. The demo client joined six weeks
 * ago; later features (assessments, modules, tracking) add their weeks of history here.
 * Returns false when the database was not new.
 */
export async function seedDemo(db: Db, hash: HashFn, now = new Date()): Promise<boolean> {
  if (db.select({ id: users.id }).from(users).limit(1).get()) return false
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((account) => hash(account.passphrase)))
  db.transaction((tx) => {
    // Marks the database so the production start refuses it (see isDemoDatabase).
    tx.insert(serviceSettings).values({ key: DEMO_MARK, value: true }).run()
    DEMO_ACCOUNTS.forEach((account, i) => {
      const joined = new Date(now.getTime() - (account.role === 'client' ? 42 : 90) * DAY)
      tx.insert(users)
        .values({
          username: account.username,
          role: account.role,
          passphraseHash: hashes[i] ?? '',
          createdAt: joined,
          updatedAt: joined,
        })
        .run()
    })
    const client = tx.select().from(users).where(eq(users.username, 'demo-client')).get()
    if (client)
      tx.update(users)
        .set({ lastActiveAt: new Date(now.getTime() - DAY) })
        .where(eq(users.id, client.id))
        .run()
  })
  return true
}
