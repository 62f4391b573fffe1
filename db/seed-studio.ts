// The studio's part of the demo (issue 14): a draft of "Saying no" by demo-clinician, submitted
// for review with a change note, so that demo-reviewer (a second clinician) can review it, and
// the audit rows its making would have written. `npm run demo` only.
import { eq } from 'drizzle-orm'
import { documentHash, loadProgramme, moduleDocumentOf } from '#programme/engine/index.ts'
import type { Db } from './client.ts'
import { studioAudit, studioVersions, users } from './schema/index.ts'

/** The module the demo draft changes, and the change. */
export const DEMO_DRAFT_MODULE = 'saying-no'
export const DEMO_DRAFT_NOTE = 'Shorter summary for the module list, and a kinder title for the last step.'

const HOUR = 3600 * 1000

export function seedStudioDemo(db: Db, authorName: string, now: Date): void {
  const author = db.select().from(users).where(eq(users.username, authorName)).get()
  const base = loadProgramme().modules[DEMO_DRAFT_MODULE]
  if (!author || !base) return
  const before = moduleDocumentOf(base)
  const document = structuredClone(before)
  document.summary = 'Learn a simple way to say no to a drink or drugs, and plan what you will say.'
  const last = document.steps.at(-1)
  if (last) last.title = 'Well done for practising'
  const hashBefore = documentHash(before)
  const hash = documentHash(document)
  const created = new Date(now.getTime() - 2 * HOUR)
  const submitted = new Date(now.getTime() - HOUR)
  const versionId = crypto.randomUUID()
  const audit = {
    actorId: author.id,
    actorName: author.username,
    kind: 'module' as const,
    itemId: DEMO_DRAFT_MODULE,
    versionId,
  }
  db.transaction((tx) => {
    tx.insert(studioVersions)
      .values({
        id: versionId,
        kind: 'module',
        itemId: DEMO_DRAFT_MODULE,
        number: 1,
        document: document as unknown as Record<string, unknown>,
        hash,
        status: 'in-review',
        basedOn: 'base',
        basedOnHash: hashBefore,
        changeNote: DEMO_DRAFT_NOTE,
        authorId: author.id,
        createdAt: created,
        updatedAt: submitted,
        submittedAt: submitted,
      })
      .run()
    tx.insert(studioAudit)
      .values([
        { ...audit, at: created, action: 'create', hashBefore, hashAfter: hashBefore },
        { ...audit, at: new Date(created.getTime() + 60_000), action: 'edit', hashBefore, hashAfter: hash },
        { ...audit, at: submitted, action: 'submit', hashAfter: hash, note: DEMO_DRAFT_NOTE },
      ])
      .run()
  })
}
