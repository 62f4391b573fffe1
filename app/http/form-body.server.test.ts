import { describe, expect, it } from 'vitest'
import { isUnsupportedBody } from './form-body.server.ts'

describe('isUnsupportedBody', () => {
  it('accepts form posts, with or without a charset or boundary', () => {
    expect(isUnsupportedBody('POST', 'application/x-www-form-urlencoded')).toBe(false)
    expect(isUnsupportedBody('POST', 'application/x-www-form-urlencoded;charset=UTF-8')).toBe(false)
    expect(isUnsupportedBody('POST', 'multipart/form-data; boundary=----x')).toBe(false)
  })

  it('refuses other bodies and posts with no content type', () => {
    expect(isUnsupportedBody('POST', 'application/json')).toBe(true)
    expect(isUnsupportedBody('POST', 'text/plain')).toBe(true)
    expect(isUnsupportedBody('POST', undefined)).toBe(true)
    expect(isUnsupportedBody('DELETE', undefined)).toBe(true)
  })

  it('ignores reads', () => {
    expect(isUnsupportedBody('GET', undefined)).toBe(false)
    expect(isUnsupportedBody('HEAD', 'application/json')).toBe(false)
  })
})
