// Content packs (issue 14): export and import round-trip; an import with one bad item imports
// nothing; conflicts are reported; the base edition exports the same way.
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { studioAudit, studioVersions } from '#db/schema/index.ts'
import { loadProgramme, type ModuleDocument } from '#programme/engine/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { documentHash, publishedDocument } from './content.server.ts'
import { versionDetail } from './library.server.ts'
import { exportPack, importPack } from './packs.server.ts'
import { createDraft, publish, review, saveDraft, submitForReview, unpublish } from './workflow.server.ts'

const NOW = new Date('2026-12-05T10:00:00Z')
beforeEach(() => pinClock(NOW))
afterEach(() => unpinClock())

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  expect(result).toMatchObject({ ok: true })
  return result as Extract<T, { ok: true }>
}

async function publishTitle(itemId: string, title: string) {
  const author = await makeUser('clinician')
  const reviewer = await makeUser('clinician')
  const { versionId } = ok(await createDraft(author, { kind: 'module', itemId }))
  const doc = (await versionDetail(versionId))?.document as ModuleDocument
  ok(await saveDraft(author, versionId, { document: { ...doc, title } }))
  ok(await submitForReview(author, versionId, 'New title'))
  ok(await review(reviewer, versionId, { decision: 'approve' }))
  ok(await publish(author, versionId))
}

const draftsOf = (itemId: string) =>
  getDb()
    .select()
    .from(studioVersions)
    .where(eq(studioVersions.itemId, itemId))
    .all()
    .filter((v) => v.status === 'draft')

describe('content packs', () => {
  it('the base edition exports every item with a manifest of hashes', async () => {
    const pack = await exportPack({ edition: 'base' })
    const docs = parseAllDocuments(pack.yaml)
    expect(Array.isArray(docs) && docs.length).toBe(pack.manifest.items.length + 1)
    const programme = loadProgramme()
    expect(pack.manifest).toMatchObject({
      format: 'foothold-content-pack',
      edition: 'base',
      contentVersion: programme.version,
    })
    expect(pack.manifest.items.filter((i) => i.kind === 'module').map((i) => i.id)).toEqual(
      Object.keys(programme.modules).sort(),
    )
    expect(pack.fileName).toBe('foothold-base-content-2026-12-05.yaml')
    // Every document's hash is the published document's hash.
    for (const item of pack.manifest.items) expect(item.hash).toBe((await publishedDocument(item.kind, item.id))?.hash)
  })

  it('round trip: a service pack exported and imported gives drafts with the same documents', async () => {
    await publishTitle('saying-no', 'Saying no, the service way')
    const pack = await exportPack({ edition: 'service', items: [{ kind: 'module', itemId: 'saying-no' }] })
    expect(pack.manifest.items).toEqual([
      { kind: 'module', id: 'saying-no', hash: (await publishedDocument('module', 'saying-no'))?.hash },
    ])
    // Importing what is published already changes nothing.
    const importer = await makeUser('clinician')
    const same = ok(await importPack(importer, pack.yaml))
    expect(same.items).toMatchObject([{ itemId: 'saying-no', action: 'unchanged', ok: true }])
    expect(same.created).toEqual([])

    // Into a service whose saying-no is the base again: a draft with exactly the exported document.
    ok(await unpublish(importer, { kind: 'module', itemId: 'saying-no' }))
    const back = ok(await importPack(importer, pack.yaml))
    expect(back.items).toMatchObject([{ itemId: 'saying-no', action: 'change', ok: true }])
    const draft = await versionDetail(back.created[0]?.versionId ?? '')
    expect(draft?.status).toBe('draft')
    expect(draft?.hash).toBe(pack.manifest.items[0]?.hash)
    expect(draft?.document.title).toBe('Saying no, the service way')
    const exported = (parseAllDocuments(pack.yaml) as Array<{ toJS(): unknown }>)[1]?.toJS() as { document: unknown }
    expect(draft?.document).toEqual(exported.document)
  })

  it('imports new and changed items as drafts, each with an import audit row', async () => {
    const importer = await makeUser('clinician')
    const pack = await exportPack({
      edition: 'base',
      items: [
        { kind: 'module', itemId: 'goals-that-work' },
        { kind: 'exercise', itemId: 'smart-goal' },
      ],
    })
    // Make the module a new item and change the exercise's title, with hashes to match.
    const text = renamed(
      pack.yaml,
      { 'goals-that-work': 'goals-done-locally' },
      { 'My SMART goal': 'A SMART goal of my own' },
    )
    const result = ok(await importPack(importer, text))
    expect(result.items.map((i) => [i.kind, i.itemId, i.action])).toEqual([
      ['module', 'goals-done-locally', 'new'],
      ['exercise', 'smart-goal', 'change'],
    ])
    expect(draftsOf('goals-done-locally')).toHaveLength(1)
    const audit = getDb()
      .select()
      .from(studioAudit)
      .where(eq(studioAudit.action, 'import'))
      .all()
      .filter((a) => a.actorId === importer.id)
    expect(audit.map((a) => a.itemId).sort()).toEqual(['goals-done-locally', 'smart-goal'])
    expect(audit.every((a) => a.actorId === importer.id && a.hashAfter)).toBe(true)
    // Importing it again conflicts with the drafts now open, and imports nothing.
    const again = await importPack(importer, text)
    expect(again).toMatchObject({ ok: false, status: 400 })
    expect(again.items.every((i) => i.conflict)).toBe(true)
  })

  it('the lists and texts travel in packs: an added phrase imports; a removed one imports nothing (H-047)', async () => {
    const base = await exportPack({ edition: 'base' })
    expect(
      base.manifest.items.filter((i) => ['life-areas', 'pick-lists', 'safety-phrases', 'help'].includes(i.kind)),
    ).toEqual([
      expect.objectContaining({ kind: 'life-areas', id: 'life-areas' }),
      expect.objectContaining({ kind: 'pick-lists', id: 'pick-lists' }),
      expect.objectContaining({ kind: 'safety-phrases', id: 'safety-phrases' }),
      expect.objectContaining({ kind: 'help', id: 'help' }),
    ])
    const importer = await makeUser('clinician')
    const pack = await exportPack({ edition: 'base', items: [{ kind: 'safety-phrases', itemId: 'safety-phrases' }] })
    const removed = await importPack(
      importer,
      edited(pack.yaml, (_kind, doc) => {
        ;(doc.phrases as string[]).shift()
      }),
    )
    expect(removed.ok).toBe(false)
    expect(removed.items[0]?.issues.map((i) => i.rule)).toContain('text-locked')
    expect(await draftsOf('safety-phrases')).toEqual([])
    const added = await importPack(
      importer,
      edited(pack.yaml, (_kind, doc) => {
        ;(doc.phrases as string[]).push('want to disappear')
      }),
    )
    expect(added).toMatchObject({ ok: true, created: [{ kind: 'safety-phrases', itemId: 'safety-phrases' }] })
  })

  it('one bad item imports nothing, and every problem is reported by item', async () => {
    const importer = await makeUser('clinician')
    const pack = await exportPack({
      edition: 'base',
      items: [
        { kind: 'module', itemId: 'planning-for-setbacks' },
        { kind: 'module', itemId: 'riding-out-urges' },
        { kind: 'instrument', itemId: 'phq-9' },
      ],
    })
    // A changed title on one module (fine), no sources on the other, a changed cut-off on PHQ-9.
    const text = edited(pack.yaml, (kind, doc) => {
      if (doc.id === 'planning-for-setbacks') doc.title = 'Planning for setbacks, locally'
      if (doc.id === 'riding-out-urges') doc.sources = []
      if (kind === 'instrument')
        (doc.bands as Array<{ min: number }>)[1] = { ...(doc.bands as Array<{ min: number }>)[1], min: 6 } as never
    })
    const before = getDb().select().from(studioVersions).all().length
    const result = await importPack(importer, text)
    expect(result.ok).toBe(false)
    expect(result.items.map((i) => [i.itemId, i.ok])).toEqual([
      ['planning-for-setbacks', true],
      ['riding-out-urges', false],
      ['phq-9', false],
    ])
    expect(result.items[1]?.issues.map((i) => i.rule)).toContain('sources')
    expect(result.items[2]?.issues.map((i) => i.rule)).toContain('instrument-locked')
    expect(getDb().select().from(studioVersions).all().length).toBe(before)
    expect(getDb().select().from(studioAudit).where(eq(studioAudit.itemId, 'planning-for-setbacks')).all()).toEqual([])
  })

  it('a document changed by hand no longer matches its hash; a file that is not a pack is refused', async () => {
    const importer = await makeUser('clinician')
    const pack = await exportPack({ edition: 'base', items: [{ kind: 'exercise', itemId: 'urge-surfing' }] })
    const tampered = pack.yaml.replace(/title: .*/g, (line, offset) =>
      offset > pack.yaml.indexOf('---') ? 'title: Changed' : line,
    )
    const result = await importPack(importer, tampered)
    expect(result.ok).toBe(false)
    expect(result.items[0]?.issues.map((i) => i.message)).toContain(
      'the document has changed since the pack was made (its hash does not match the manifest)',
    )
    expect(await importPack(importer, 'hello: world\n')).toMatchObject({ ok: false, status: 400 })
    expect(await importPack(importer, 'a: [\n')).toMatchObject({ ok: false, status: 400 })
    const client = await makeUser()
    expect(await importPack(client, pack.yaml)).toMatchObject({ ok: false, status: 403 })
  })
})

type Doc = Record<string, unknown>

/** Edits a pack's documents and rewrites the manifest's hashes to match. */
function edited(yaml: string, edit: (kind: string, doc: Doc) => void): string {
  const docs = (parseAllDocuments(yaml) as Array<{ toJS(): unknown }>).map((d) => d.toJS() as Doc)
  const manifest = docs[0] as { items: Array<{ kind: string; id: string; hash: string }> }
  docs.slice(1).forEach((part, index) => {
    const doc = part.document as Doc
    edit(part.kind as string, doc)
    const item = manifest.items[index] as { id: string; hash: string }
    if (typeof doc.id === 'string') item.id = doc.id
    item.hash = documentHash(doc)
  })
  return docs.map((d) => JSON.stringify(d)).join('\n---\n')
}

function renamed(yaml: string, ids: Record<string, string>, titles: Record<string, string>): string {
  return edited(yaml, (_kind, doc) => {
    const id = doc.id as string
    if (ids[id]) doc.id = ids[id]
    const title = doc.title as string
    if (titles[title]) doc.title = titles[title]
  })
}
