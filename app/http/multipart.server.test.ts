// The bounded multipart reader (form-body.server.ts): allowed only on MULTIPART_PATHS, and every
// limit stops the reading with a 4xx, never a throw.
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import {
  allowsMultipart,
  isUnsupportedBody,
  MESSAGES,
  MULTIPART_LIMITS,
  MULTIPART_MESSAGES,
  multipartAsFormBody,
  readMultipartForm,
  refuseFields,
  refuseHeaders,
  UPLOAD_FORM_LIMITS,
} from './form-body.server.ts'

const BOUNDARY = '----foothold-test'
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`

type Part = { name: string; value: string | Buffer; filename?: string }
function body(parts: Part[]): Buffer {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`
    const type = part.filename !== undefined ? '\r\nContent-Type: text/csv' : ''
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`))
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(chunks)
}

/** A stream of `bytes` in 16 kB chunks that counts how many bytes were pulled from it. */
function counted(bytes: Buffer) {
  let offset = 0
  const stats = { pulled: 0 }
  const stream = new Readable({
    read() {
      if (offset >= bytes.length) return this.push(null)
      const chunk = bytes.subarray(offset, offset + 16 * 1024)
      offset += chunk.length
      stats.pulled = offset
      this.push(chunk)
    },
  })
  return { stream, stats }
}

const read = (bytes: Buffer, type = TYPE) => readMultipartForm(Readable.from([bytes]), type)

describe('which posts may be multipart', () => {
  it('only the import path (and its Remix .data twin); every other path still gets 415', () => {
    expect(allowsMultipart('/admin/directory/import')).toBe(true)
    expect(allowsMultipart('/admin/directory/import.data')).toBe(true)
    expect(isUnsupportedBody('POST', TYPE, '/admin/directory/import')).toBe(false)
    expect(isUnsupportedBody('POST', TYPE, '/admin/directory')).toBe(true)
    expect(isUnsupportedBody('POST', TYPE, '/track')).toBe(true)
    expect(isUnsupportedBody('POST', TYPE)).toBe(true)
    expect(refuseHeaders({ method: 'POST', contentType: TYPE, path: '/account' })).toEqual({
      status: 415,
      message: MESSAGES.unsupported,
    })
  })

  it('refuses a declared length over the upload limit before reading', () => {
    const headers = { method: 'POST', contentType: TYPE, path: '/admin/directory/import' }
    expect(refuseHeaders({ ...headers, contentLength: String(MULTIPART_LIMITS.maxBytes) })).toBeNull()
    expect(refuseHeaders({ ...headers, contentLength: String(MULTIPART_LIMITS.maxBytes + 1) })).toMatchObject({
      status: 413,
    })
  })
})

describe('readMultipartForm', () => {
  it('reads the fields and the one file', async () => {
    const result = await read(
      body([
        { name: 'intent', value: 'upload' },
        { name: 'file', filename: 'd.csv', value: 'id,name\r\n' },
      ]),
    )
    expect(result).toEqual({
      ok: true,
      fields: [['intent', 'upload']],
      files: [{ field: 'file', filename: 'd.csv', mimeType: 'text/csv', data: Buffer.from('id,name\r\n') }],
    })
  })

  it('stops reading a file over 1 MiB with 413, without reading the rest of the body', async () => {
    const big = body([{ name: 'file', filename: 'big.csv', value: Buffer.alloc(5 * 1024 * 1024, 'a') }])
    const { stream, stats } = counted(big)
    const result = await readMultipartForm(stream, TYPE)
    expect(result).toEqual({ ok: false, refusal: { status: 413, message: MULTIPART_MESSAGES.fileTooLarge } })
    expect(stats.pulled).toBeLessThan(MULTIPART_LIMITS.maxBytes + 64 * 1024)
  })

  it('stops at the body limit even when no one part is over its own', async () => {
    const fields = Array.from({ length: 8 }, (_, i) => ({ name: `f${i}`, value: 'x'.repeat(1000) }))
    const file = { name: 'file', filename: 'a.csv', value: Buffer.alloc(MULTIPART_LIMITS.maxFileBytes, 'a') }
    const result = await read(body([...fields, file]))
    expect(result).toMatchObject({ ok: false, refusal: { status: 413 } })
  })

  it('refuses a second file, too many fields, a long name, a long field and a malformed body with a 4xx', async () => {
    const file = (name = 'file') => ({ name, filename: 'a.csv', value: 'a' })
    expect(await read(body([file('a'), file('b')]))).toEqual({
      ok: false,
      refusal: { status: 400, message: MULTIPART_MESSAGES.tooManyFiles },
    })
    const many = Array.from({ length: MULTIPART_LIMITS.maxFields + 1 }, (_, i) => ({ name: `f${i}`, value: 'x' }))
    expect(await read(body(many))).toMatchObject({ ok: false, refusal: { status: 400 } })
    expect(await read(body([{ name: 'n'.repeat(500), value: 'x' }]))).toMatchObject({
      ok: false,
      refusal: { status: 400 },
    })
    expect(await read(body([{ name: 'intent', value: 'x'.repeat(5000) }]))).toMatchObject({
      ok: false,
      refusal: { status: 413 },
    })
    expect(await read(Buffer.from('not multipart at all'), 'multipart/form-data')).toMatchObject({
      ok: false,
      refusal: { status: 400 },
    })
    expect(
      await read(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished`)),
    ).toMatchObject({
      ok: false,
      refusal: { status: 400 },
    })
  })
})

describe('multipartAsFormBody', () => {
  it('gives the route an urlencoded body with the file’s text as a field, checked like any form', () => {
    const made = multipartAsFormBody({
      fields: [['intent', 'upload']],
      files: [
        { field: 'csv', filename: 'd.csv', mimeType: 'text/csv', data: Buffer.from('\uFEFFid,name\r\nx,Café\r\n') },
      ],
    })
    expect(Buffer.isBuffer(made)).toBe(true)
    expect(new URLSearchParams(String(made)).get('csv')).toBe('id,name\r\nx,Café\r\n')
    expect(refuseFields(made as Buffer, UPLOAD_FORM_LIMITS)).toBeNull()
  })

  it('refuses a file that is not UTF-8 text, and a hidden character still gets the usual 400', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9])
    expect(
      multipartAsFormBody({
        fields: [],
        files: [{ field: 'csv', filename: 'a.csv', mimeType: 'text/csv', data: latin1 }],
      }),
    ).toEqual({
      status: 400,
      message: MULTIPART_MESSAGES.notText,
    })
    const nul = multipartAsFormBody({
      fields: [],
      files: [{ field: 'csv', filename: 'a.csv', mimeType: 'text/csv', data: Buffer.from('a\u0000b') }],
    })
    expect(refuseFields(nul as Buffer, UPLOAD_FORM_LIMITS)).toEqual({ status: 400, message: MESSAGES.hiddenCharacter })
  })

  it('leaves out an empty file input (no file chosen)', () => {
    const made = multipartAsFormBody({
      fields: [['intent', 'upload']],
      files: [{ field: 'csv', filename: '', mimeType: 'application/octet-stream', data: Buffer.alloc(0) }],
    })
    expect(String(made)).toBe('intent=upload')
  })
})
