import { describe, expect, it } from 'vitest'
import { isCrossSiteWrite } from './same-origin.server.ts'
import { contentSecurityPolicy, securityHeaders } from './security-headers.server.ts'

describe('cross-site form posts', () => {
  const post = {
    method: 'POST',
    host: 'foothold.example',
    origin: 'https://foothold.example',
    secFetchSite: 'same-origin',
  }

  it('allows a post from this site', () => {
    expect(isCrossSiteWrite(post)).toBe(false)
  })

  it('refuses a post from another site, by Origin or by Sec-Fetch-Site', () => {
    expect(isCrossSiteWrite({ ...post, origin: 'https://evil.example', secFetchSite: undefined })).toBe(true)
    expect(isCrossSiteWrite({ ...post, secFetchSite: 'cross-site' })).toBe(true)
    expect(isCrossSiteWrite({ ...post, origin: 'not a url', secFetchSite: undefined })).toBe(true)
  })

  it('accepts this site’s own posts under no-referrer, which carry Origin: null', () => {
    expect(isCrossSiteWrite({ ...post, origin: 'null', secFetchSite: 'same-origin' })).toBe(false)
    expect(isCrossSiteWrite({ ...post, origin: 'null', secFetchSite: 'cross-site' })).toBe(true)
  })

  it('never blocks reads', () => {
    expect(
      isCrossSiteWrite({ ...post, method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site' }),
    ).toBe(false)
  })
})

describe('security headers', () => {
  it('allow only this origin and the response nonce for scripts', () => {
    const csp = contentSecurityPolicy('abc123')
    expect(csp).toContain("script-src 'self' 'nonce-abc123'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("default-src 'self'")
    // The service worker (ADR 0021) from this origin only.
    expect(csp).toContain("worker-src 'self';")
    expect(csp).not.toMatch(/https?:\/\//)
    expect(csp).not.toContain('unsafe-inline')
  })

  it('set no-sniff, no-referrer and HSTS over https', () => {
    const headers = securityHeaders('n', { https: true })
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('no-referrer')
    expect(headers['Strict-Transport-Security']).toBeDefined()
    expect(securityHeaders('n')['Strict-Transport-Security']).toBeUndefined()
  })
})
