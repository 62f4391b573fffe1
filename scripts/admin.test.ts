import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client.ts'
import { users } from '#db/schema/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'foothold-admin-'))
const databasePath = join(dir, 'admin.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function admin(args: string[], input: string) {
  try {
    const stdout = execFileSync('node_modules/.bin/tsx', ['scripts/admin.ts', ...args], {
      input,
      env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: 'production' },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    return { code: 0, output: stdout }
  } catch (error) {
    const failed = error as { status: number; stderr: string }
    return { code: failed.status, output: failed.stderr }
  }
}

describe('npm run admin', () => {
  it('creates the first admin with a passphrase read from standard input', () => {
    const result = admin(['create-user', '--role', 'admin', '--username', 'First.Admin'], 'staff room window\n')
    expect(result).toEqual({ code: 0, output: 'Created admin account "first.admin".\n' })
    const db = openDatabase(databasePath)
    const row = db.select().from(users).get()
    expect(row).toMatchObject({ username: 'first.admin', role: 'admin' })
    expect(row?.passphraseHash).toMatch(/^\$argon2id\$/)
    db.$client.close()
  })

  it('refuses an unknown role or a common passphrase with a clear message', () => {
    expect(admin(['create-user', '--role', 'boss', '--username', 'sam'], 'staff room window\n')).toMatchObject({
      code: 2,
      output: expect.stringMatching(/Role: Invalid option/),
    })
    expect(admin(['create-user', '--role', 'admin', '--username', 'sam'], 'password1\n')).toMatchObject({
      code: 2,
      output: expect.stringMatching(/most common/),
    })
  })
}, 60_000)
