// The studio's part of "download my data" (a member of staff's own): the versions they wrote,
// reviewed or published, the review comments they wrote and their audit rows. Documents are the
// programme's content, not about anyone, so they are named by item and hash, not copied whole.
import { eq, or } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { instrumentSwitchEvents, studioAudit, studioComments, studioVersions } from '#db/schema/index.ts'

export async function exportStudio(userId: string): Promise<Record<string, unknown>> {
  const db = getDb()
  const versions = await db
    .select({
      kind: studioVersions.kind,
      item: studioVersions.itemId,
      number: studioVersions.number,
      hash: studioVersions.hash,
      status: studioVersions.status,
      changeNote: studioVersions.changeNote,
      authorId: studioVersions.authorId,
      reviewerId: studioVersions.reviewerId,
      publishedBy: studioVersions.publishedBy,
      createdAt: studioVersions.createdAt,
      submittedAt: studioVersions.submittedAt,
      reviewedAt: studioVersions.reviewedAt,
      publishedAt: studioVersions.publishedAt,
    })
    .from(studioVersions)
    .where(
      or(
        eq(studioVersions.authorId, userId),
        eq(studioVersions.reviewerId, userId),
        eq(studioVersions.publishedBy, userId),
      ),
    )
    .all()
  const comments = await db
    .select({
      item: studioVersions.itemId,
      number: studioVersions.number,
      stepId: studioComments.stepId,
      body: studioComments.body,
      createdAt: studioComments.createdAt,
    })
    .from(studioComments)
    .innerJoin(studioVersions, eq(studioVersions.id, studioComments.versionId))
    .where(eq(studioComments.authorId, userId))
    .all()
  const audit = await db
    .select({
      at: studioAudit.at,
      action: studioAudit.action,
      kind: studioAudit.kind,
      item: studioAudit.itemId,
      hashBefore: studioAudit.hashBefore,
      hashAfter: studioAudit.hashAfter,
      note: studioAudit.note,
    })
    .from(studioAudit)
    .where(eq(studioAudit.actorId, userId))
    .all()
  const switches = await db
    .select({
      instrument: instrumentSwitchEvents.instrumentId,
      enabled: instrumentSwitchEvents.enabled,
      changedAt: instrumentSwitchEvents.changedAt,
    })
    .from(instrumentSwitchEvents)
    .where(eq(instrumentSwitchEvents.changedBy, userId))
    .all()
  if (versions.length + comments.length + audit.length + switches.length === 0) return {}
  return {
    studio: {
      versions: versions.map(({ authorId, reviewerId, publishedBy, ...v }) => ({
        ...v,
        roles: [
          authorId === userId ? 'author' : null,
          reviewerId === userId ? 'reviewer' : null,
          publishedBy === userId ? 'publisher' : null,
        ].filter(Boolean),
      })),
      comments,
      audit,
      instrumentSwitches: switches,
    },
  }
}
