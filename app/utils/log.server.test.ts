import { describe, expect, it } from 'vitest'
import { errorLogLine, redactPath } from './log.server.ts'

describe('what reaches the log', () => {
  it('masks invite tokens and leaves other paths alone', () => {
    expect(redactPath('/invite/AbC123-secret_token')).toBe('/invite/[redacted]')
    expect(redactPath('/privacy')).toBe('/privacy')
  })

  it('masks passphrase-reset tokens (H-028)', () => {
    expect(redactPath('/reset/AbC123-secret_token')).toBe('/reset/[redacted]')
  })

  it('logs the method, the path and the error, never the query string, the body or a token', () => {
    const request = new Request('http://localhost/invite/live-token-123?redirectTo=/secret&note=hurting', {
      method: 'POST',
      body: new URLSearchParams({ passphrase: 'purple kettle river', note: 'I feel awful' }),
    })
    const line = errorLogLine(new Error('database locked'), request)
    expect(line).toMatch(/^Error on POST \/invite\/\[redacted\]: Error: database locked/)
    for (const secret of ['live-token-123', 'redirectTo', 'hurting', 'purple', 'awful'])
      expect(line).not.toContain(secret)
  })
})
