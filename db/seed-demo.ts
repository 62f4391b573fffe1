// Demo data for `npm run demo` only: accounts with known passphrases, so people trying Foothold
// can sign in as each role. The production start never calls this.

import { eq } from 'drizzle-orm'
import {
  buildBattery,
  deriveAuditC,
  loadProgramme,
  type ModuleDefinition,
  progressOf,
  scoreInstrument,
  startModule,
  stepModule,
} from '#programme/engine/index.ts'
import type { Db } from './client.ts'
import { rebuildLatestScores } from './latest-scores.ts'
import { type Pin, pinModuleVersion, writePin } from './module-versions.ts'
import {
  assessmentResponses,
  assessments,
  careLinks,
  moduleProgress,
  planItems,
  type Role,
  serviceSettings,
  users,
} from './schema/index.ts'
import { seedCaseload } from './seed-caseload.ts'
import { seedDirectoryDemo } from './seed-directory.ts'
import { seedHeavyClient } from './seed-heavy.ts'
import { seedStudioDemo } from './seed-studio.ts'

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role; passphrase: string }> = [
  { username: 'demo-client', role: 'client', passphrase: 'demo client passphrase' },
  { username: 'demo-keyworker', role: 'keyworker', passphrase: 'demo keyworker passphrase' },
  { username: 'demo-clinician', role: 'clinician', passphrase: 'demo clinician passphrase' },
  // A second clinician, so a change can be reviewed by someone other than its author (issue 14).
  { username: 'demo-reviewer', role: 'clinician', passphrase: 'demo reviewer passphrase' },
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
 * Seeds the demo accounts when the database has no users yet. The demo client has two check-ins
 * (six and two weeks ago), a module in progress, and a year of tracking (the same history the
 * benchmark's heavy client has), so every page has something to show.
 * Returns false when the database was not new.
 */
export async function seedDemo(db: Db, hash: HashFn, now = new Date()): Promise<boolean> {
  if (db.select({ id: users.id }).from(users).limit(1).get()) return false
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((account) => hash(account.passphrase)))
  const demoModule = loadProgramme().modules[DEMO_MODULE]
  const pin = demoModule ? await pinModuleVersion(db, demoModule) : null
  db.transaction((tx) => {
    // Marks the database so the production start refuses it (see isDemoDatabase).
    tx.insert(serviceSettings).values({ key: DEMO_MARK, value: true }).run()
    DEMO_ACCOUNTS.forEach((account, i) => {
      const joined = new Date(now.getTime() - (account.role === 'client' ? 370 : 400) * DAY)
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
    if (!client) return
    tx.update(users)
      .set({ lastActiveAt: new Date(now.getTime() - DAY) })
      .where(eq(users.id, client.id))
      .run()
    // Two check-ins, six and two weeks ago, with things getting a little better in between.
    seedCheckIn(tx, client.id, new Date(now.getTime() - 42 * DAY), 0.55)
    seedCheckIn(tx, client.id, new Date(now.getTime() - 14 * DAY), 0.35)
    for (const ref of ['emotions', 'situations'])
      tx.insert(planItems).values({ userId: client.id, kind: 'area', ref }).run()
    if (demoModule && pin) seedModule(tx, client.id, demoModule, pin, new Date(now.getTime() - 3 * DAY))
  })
  const client = db.select({ id: users.id }).from(users).where(eq(users.username, 'demo-client')).get()
  if (client) seedHeavyClient(db, client.id, now)
  // The demo key worker's caseload: the demo client, sharing everything, and 24 made-up clients.
  const worker = db.select({ id: users.id }).from(users).where(eq(users.username, 'demo-keyworker')).get()
  if (worker) {
    await seedCaseload(db, worker.id, 24, now)
    if (client)
      db.insert(careLinks)
        .values({
          clientId: client.id,
          workerId: worker.id,
          assessments: true,
          modules: true,
          tracking: true,
          goals: true,
          linkedAt: new Date(now.getTime() - 30 * DAY),
          scopesChangedAt: new Date(now.getTime() - 30 * DAY),
        })
        .run()
  }
  rebuildLatestScores(db)
  // A small, clearly made-up directory of services and meetings (issue 15).
  seedDirectoryDemo(db, now)
  // The studio: a draft by demo-clinician waiting for demo-reviewer.
  seedStudioDemo(db, 'demo-clinician', now)
  return true
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** "Riding out urges", started three days ago and left on its third step. */
const DEMO_MODULE = 'riding-out-urges'

function seedModule(tx: Tx, userId: string, def: ModuleDefinition, pin: Pin, at: Date) {
  writePin(tx, pin)
  let state = startModule(def, null)
  state = stepModule(def, state, { type: 'NEXT', answer: null })
  state = stepModule(def, state, { type: 'NEXT', answer: 6 })
  const progress = progressOf(def, state)
  tx.insert(moduleProgress)
    .values({
      userId,
      moduleId: def.id,
      moduleVersionId: pin.id,
      state,
      stepNumber: progress.step,
      stepTotal: progress.total,
      startedAt: at,
      updatedAt: at,
    })
    .run()
  tx.insert(planItems).values({ userId, kind: 'module', ref: def.id, addedAt: at }).run()
}

/**
 * A completed check-in whose answers sit at `level` (0 = lowest answer, 1 = highest) of each
 * item's scale, scored by the real engine. The self-harm item is always answered "Not at all".
 */
function seedCheckIn(tx: Tx, userId: string, at: Date, level: number) {
  const programme = loadProgramme()
  const assessment = tx
    .insert(assessments)
    .values({
      userId,
      contentVersion: programme.version,
      substances: ['alcohol'],
      mainSubstance: 'alcohol',
      startedAt: at,
      completedAt: at,
    })
    .returning()
    .get()
  const rows: Array<{
    instrumentId: string
    version: string
    answers: Record<string, number>
    total: number | null
    band: string | null
  }> = []
  for (const step of buildBattery(programme, { substances: ['alcohol'], main: 'alcohol' })) {
    const instrument = programme.instruments[step.instrumentId]
    if (!instrument) continue
    const answers: Record<string, number> = {}
    instrument.items.forEach((item, i) => {
      const values = item.options.map((o) => o.value).sort((a, b) => a - b)
      // A little variation between items, so the six life areas differ.
      const wobble = ((i % 3) - 1) * 0.2
      const pick =
        item.id === 'phq-9-9' ? 0 : Math.round(Math.min(1, Math.max(0, level + wobble)) * (values.length - 1))
      answers[item.id] = values[pick] ?? 0
    })
    const score = scoreInstrument(instrument, answers)
    const summed = instrument.scoring.method === 'sum'
    rows.push({
      instrumentId: instrument.id,
      version: instrument.version,
      answers,
      total: summed ? score.total : null,
      band: score.band?.id ?? null,
    })
    const auditC = programme.instruments['audit-c']
    if (instrument.id === 'audit' && auditC) {
      const derived = deriveAuditC(programme, answers)
      rows.push({
        instrumentId: 'audit-c',
        version: auditC.version,
        answers: derived.answers,
        total: derived.total,
        band: derived.band?.id ?? null,
      })
    }
  }
  for (const row of rows) {
    tx.insert(assessmentResponses)
      .values({
        assessmentId: assessment.id,
        userId,
        instrumentId: row.instrumentId,
        instrumentVersion: row.version,
        answers: row.answers,
        total: row.total,
        band: row.band,
        updatedAt: at,
        completedAt: at,
      })
      .run()
  }
}
