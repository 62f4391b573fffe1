import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BackupError, backupDatabase } from './backup.ts'
import { openDatabase } from './client.ts'
import { users } from './schema/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'foothold-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('database backup', () => {
  it('copies a live database, and the copy opens with every row', async () => {
    const live = openDatabase(join(dir, 'live.db'))
    live.insert(users).values({ username: 'kept-in-backup', role: 'client', passphraseHash: 'x' }).run()
    const destination = join(dir, 'backup.db')
    await backupDatabase(live.$client, destination)
    // Writes after the backup do not appear in it.
    live.insert(users).values({ username: 'after-backup', role: 'client', passphraseHash: 'x' }).run()

    const restored = openDatabase(destination)
    expect(restored.select({ username: users.username }).from(users).all()).toEqual([{ username: 'kept-in-backup' }])
    restored.$client.close()
    live.$client.close()
  })

  it('never overwrites an existing file', async () => {
    const live = openDatabase(join(dir, 'other.db'))
    await expect(backupDatabase(live.$client, join(dir, 'other.db'))).rejects.toThrow(BackupError)
    live.$client.close()
  })
})
