import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import {
  FORM_LIMITS,
  isUnsupportedBody,
  MESSAGES,
  readBoundedBody,
  refuseFields,
  refuseHeaders,
} from './form-body.server.ts'

describe('isUnsupportedBody', () => {
  it('accepts form posts, with or without a charset', () => {
    expect(isUnsupportedBody('POST', 'application/x-www-form-urlencoded')).toBe(false)
    expect(isUnsupportedBody('POST', 'application/x-www-form-urlencoded;charset=UTF-8')).toBe(false)
  })

  it('refuses multipart until a form needs it, other bodies, and posts with no content type', () => {
    expect(isUnsupportedBody('POST', 'multipart/form-data; boundary=----x')).toBe(true)
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

describe('refuseHeaders', () => {
  const form = { method: 'POST', contentType: 'application/x-www-form-urlencoded' }

  it('lets an ordinary form post through', () => {
    expect(refuseHeaders({ ...form, contentLength: '120' })).toBeNull()
    expect(refuseHeaders({ ...form, contentEncoding: 'identity' })).toBeNull()
  })

  it('refuses a declared length over the limit before reading a byte', () => {
    expect(refuseHeaders({ ...form, contentLength: String(FORM_LIMITS.maxBytes + 1) })).toEqual({
      status: 413,
      message: MESSAGES.tooLarge,
    })
  })

  it('refuses compressed bodies, which can unpack to far more than they weigh', () => {
    expect(refuseHeaders({ ...form, contentEncoding: 'gzip' })?.status).toBe(415)
  })
})

describe('readBoundedBody', () => {
  it('returns the whole body when it is within the limit', async () => {
    const read = await readBoundedBody(Readable.from([Buffer.from('a=1&'), Buffer.from('b=2')]), 100)
    expect(read).toEqual({ ok: true, body: Buffer.from('a=1&b=2') })
  })

  it('stops reading as soon as the body passes the limit', async () => {
    let produced = 0
    // An endless body: the read must give up after the limit, not wait for an end that never comes.
    const endless = new Readable({
      read() {
        produced += 1024
        this.push(Buffer.alloc(1024, 'a'))
      },
    })
    const read = await readBoundedBody(endless, 10 * 1024)
    expect(read).toEqual({ ok: false, reason: 'too-large' })
    expect(endless.isPaused()).toBe(true)
    expect(produced).toBeLessThan(100 * 1024)
    endless.destroy()
  })

  it('reports a body cut off by the client', async () => {
    const cut = new Readable({ read() {} })
    const reading = readBoundedBody(cut, 100)
    cut.push('a=1')
    cut.destroy(new Error('aborted'))
    expect(await reading).toEqual({ ok: false, reason: 'aborted' })
  })
})

describe('refuseFields', () => {
  const unreadable = { status: 400, message: MESSAGES.unreadable }

  it('accepts the fields real forms send', () => {
    expect(refuseFields('')).toBeNull()
    expect(refuseFields('username=x&passphrase=y')).toBeNull()
    expect(refuseFields('plan%5B3%5D.when=after+work&plan[9].rating=7&coping=walk&coping=call')).toBeNull()
    expect(refuseFields('crisisContacts[5].name=Samaritans&item%3Aaudit-1=2')).toBeNull()
    expect(refuseFields(`why=${encodeURIComponent('😀'.repeat(4000))}`)).toBeNull()
  })

  it('refuses a huge array index anywhere in a name, encoded or not (H-022)', () => {
    expect(refuseFields('username=x&passphrase=y&x[99999999]=1')).toEqual(unreadable)
    expect(refuseFields('username=x&x%5B99999999%5D=1')).toEqual(unreadable)
    expect(refuseFields('a.b[5000]=1')).toEqual(unreadable)
    expect(refuseFields('a[1].b[100].c=1')).toEqual(unreadable)
    expect(refuseFields(`x[${'9'.repeat(400)}]=1`)).toEqual(unreadable)
    expect(refuseFields('x[099]=1')).toEqual(unreadable)
    expect(refuseFields(`x[${FORM_LIMITS.maxIndex}]=1`)).toBeNull()
  })

  it('refuses too many fields, counted before any decoding', () => {
    const many = Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i) => `f${i}=1`).join('&')
    expect(refuseFields(many)).toEqual({ status: 400, message: MESSAGES.tooManyFields })
    const repeated = Array.from({ length: FORM_LIMITS.maxFields + 1 }, () => 'area=situations').join('&')
    expect(refuseFields(repeated)?.status).toBe(400)
  })

  it('refuses an over-long or undecodable name, and conform’s reserved control names', () => {
    expect(refuseFields(`${'n'.repeat(FORM_LIMITS.maxNameLength + 1)}=1`)).toEqual(unreadable)
    expect(refuseFields(`${'%41'.repeat(FORM_LIMITS.maxNameLength + 1)}=1`)).toEqual(unreadable)
    expect(refuseFields('%E0%A4%A=1')).toEqual(unreadable)
    expect(refuseFields('__intent__={"type":"insert","payload":{"name":"x","index":99999999}}')).toEqual(unreadable)
    expect(refuseFields('__state__=not json')).toEqual(unreadable)
  })

  it('refuses NUL and other control characters, lone surrogates and U+FFFD in any value', () => {
    const hidden = { status: 400, message: MESSAGES.hiddenCharacter }
    expect(refuseFields('note=a%00b')).toEqual(hidden)
    expect(refuseFields('usedUnit=%1B')).toEqual(hidden)
    expect(refuseFields('note=%ED%A0%80')).toEqual(hidden)
    expect(refuseFields('note=%EF%BF%BD')).toEqual(hidden)
    expect(refuseFields('note=%E0%A4%A')).toEqual(hidden)
    expect(refuseFields(`note=${encodeURIComponent('line one\r\nline\ttwo 😀')}`)).toBeNull()
  })

  it('refuses a body over the byte limit even without a declared length', () => {
    expect(refuseFields(Buffer.alloc(FORM_LIMITS.maxBytes + 1, 'a'))?.status).toBe(413)
  })
})
