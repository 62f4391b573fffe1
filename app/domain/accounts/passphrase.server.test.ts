import { describe, expect, it } from 'vitest'
import { hashPassphrase, PassphraseSchema, verifyPassphrase } from './passphrase.server.ts'

const errorOf = (value: string) => {
  const result = PassphraseSchema.safeParse(value)
  return result.success ? null : result.error.issues[0]?.message
}

describe('passphrase rules', () => {
  it('needs at least 8 characters', () => {
    expect(errorOf('a'.repeat(7))).toMatch(/at least 8/)
    expect(errorOf('kettle12')).toBeNull()
  })

  it('allows up to 128 characters and no more', () => {
    expect(errorOf(`${'x'.repeat(127)}y`)).toBeNull()
    expect(errorOf('x'.repeat(129))).toMatch(/at most 128/)
  })

  it('has no composition rules: plain lower-case words are fine', () => {
    expect(errorOf('purple kettle river')).toBeNull()
  })

  it('refuses the most common passwords, whatever their case', () => {
    expect(errorOf('password123')).toMatch(/most common/)
    expect(errorOf('PassWord123')).toMatch(/most common/)
    expect(errorOf('qwertyuiop')).toMatch(/most common/)
  })
})

describe('passphrase hashing', () => {
  it('uses argon2id at OWASP parameters (19 MiB, t=2, p=1)', async () => {
    const hash = await hashPassphrase('purple kettle river')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(hash).not.toContain('purple')
  })

  it('verifies the right passphrase and refuses a wrong one', async () => {
    const hash = await hashPassphrase('purple kettle river')
    expect(await verifyPassphrase(hash, 'purple kettle river')).toBe(true)
    expect(await verifyPassphrase(hash, 'purple kettle rivers')).toBe(false)
    expect(await verifyPassphrase('not a hash', 'anything')).toBe(false)
  })
})
