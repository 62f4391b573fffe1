import { describe, expect, it } from 'vitest'
import { redactPath } from './log.server.ts'

describe('redactPath', () => {
  it('masks invite tokens and leaves other paths alone', () => {
    expect(redactPath('/invite/AbC123-secret_token')).toBe('/invite/[redacted]')
    expect(redactPath('/privacy')).toBe('/privacy')
  })
})
