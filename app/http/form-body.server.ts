// Every mutation in Foothold is a form post, and every form post passes through here before any
// route sees it (server.ts). Two jobs:
//
// 1. The kind of body. Only `application/x-www-form-urlencoded` is accepted: JSON, plain text or
//    no body at all would make `request.formData()` throw inside an action (a 500), so they get
//    415 and a plain message. Multipart is refused with 415 too, except on the few paths in
//    MULTIPART_PATHS whose form uploads a file: there `readMultipartForm` (busboy, bounded: one
//    file of at most 1 MiB, a few short fields, reading stops at a limit with 413) reads it, and
//    `multipartAsFormBody` hands the route the same urlencoded body every other form sends (the
//    file's text as a field), so every check below applies to it too (ADR 0022).
//
// 2. The size and shape of the body, checked on the raw bytes before any parsing. conform's
//    parseWithZod turns a field named `x[99999999]` into an array of that length, and that one
//    request hangs the server until it runs out of memory (H-022). So a body is refused (4xx, a
//    plain message) when it is over FORM_LIMITS.maxBytes (reading stops there: nothing bigger is
//    ever held in memory), has more fields than maxFields, a field name longer than maxNameLength,
//    an array index above maxIndex anywhere in a name (`x[100]`, `a.b[5000].c`), or uses a name
//    conform reserves for its own list and state controls, which no form of ours sends.
//
// 3. Characters no one types, in any field of any form: NUL and the other control characters
//    (tabs and line breaks are fine), and text that is not valid UTF-8 (a lone surrogate sent as
//    `%ED%A0%80`, or the U+FFFD a browser puts in its place). They would be saved as they are and
//    break exports, PDFs and other tools later; the person is asked to type the text again.
import type { Readable } from 'node:stream'
import busboy from 'busboy'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPE = 'application/x-www-form-urlencoded'
const MULTIPART_TYPE = 'multipart/form-data'

/**
 * Generous for every real form: the largest (a module exercise with five long answers of 4,000
 * characters, or tables of 10 rows; the check-in questions; the admin settings with six contact
 * rows) sends under 300 kB even when every character is an emoji, about 100 fields, names under
 * 40 characters and indexes under 10.
 */
export const FORM_LIMITS = {
  maxBytes: 1024 * 1024,
  maxFields: 500,
  maxNameLength: 200,
  maxIndex: 99,
} as const

export type FormLimits = typeof FORM_LIMITS

/** Field names conform reads as commands (list insert/remove, saved state) rather than answers. */
const RESERVED_NAMES = new Set(['__intent__', '__state__'])

export const MESSAGES = {
  unsupported: 'Foothold only accepts form posts.',
  tooLarge: 'This form sent more than Foothold can take. Please make your answers shorter and try again.',
  tooManyFields: 'This form sent too many answers at once. Please reload the page and try again.',
  unreadable: 'This form could not be read. Please reload the page and try again.',
  hiddenCharacter:
    'Something you typed has a hidden character that Foothold cannot save. Please type it again and send the form.',
} as const

export type BodyRefusal = { status: 400 | 413 | 415; message: string }

/** True for a method that may carry a body Foothold has to read. */
export function hasBody(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase())
}

/**
 * The only paths that may post multipart/form-data (a file upload). Remix's own submissions of
 * the same form go to `<path>.data`, which counts as the path.
 */
export const MULTIPART_PATHS: readonly string[] = ['/admin/directory/import']

/** Whether a post to `path` may be multipart/form-data. */
export function allowsMultipart(path: string | undefined): boolean {
  return path !== undefined && MULTIPART_PATHS.includes(path.replace(/\.data$/, ''))
}

export function isMultipart(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === MULTIPART_TYPE
}

export function isUnsupportedBody(method: string, contentType: string | undefined, path?: string): boolean {
  if (!hasBody(method)) return false
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  if (type === MULTIPART_TYPE) return !allowsMultipart(path)
  return type !== FORM_TYPE
}

/**
 * What is wrong with a post's headers, before a byte of its body is read: the wrong kind of body,
 * a compressed body (a few kB can unpack to gigabytes), or a declared length over the limit.
 */
export function refuseHeaders(
  headers: { method: string; contentType?: string; contentEncoding?: string; contentLength?: string; path?: string },
  limits: FormLimits = FORM_LIMITS,
): BodyRefusal | null {
  if (isUnsupportedBody(headers.method, headers.contentType, headers.path))
    return { status: 415, message: MESSAGES.unsupported }
  const encoding = headers.contentEncoding?.trim().toLowerCase()
  if (encoding && encoding !== 'identity') return { status: 415, message: MESSAGES.unsupported }
  const length = Number(headers.contentLength)
  const maxBytes = isMultipart(headers.contentType) ? MULTIPART_LIMITS.maxBytes : limits.maxBytes
  if (headers.contentLength !== undefined && length > maxBytes) return { status: 413, message: MESSAGES.tooLarge }
  return null
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' }

/**
 * Reads a body into memory, stopping (and pausing the stream) as soon as it passes `maxBytes`,
 * so a huge or endless upload costs at most `maxBytes` of memory. The caller answers and closes
 * the connection; the rest is never read.
 */
export function readBoundedBody(stream: Readable, maxBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: BodyRead) => {
      stream.off('data', onData)
      stream.off('end', onEnd)
      stream.off('error', onAbort)
      stream.off('close', onAbort)
      resolve(result)
    }
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += bytes.length
      if (size > maxBytes) {
        stream.pause()
        finish({ ok: false, reason: 'too-large' })
        return
      }
      chunks.push(bytes)
    }
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) })
    const onAbort = () => finish({ ok: false, reason: 'aborted' })
    stream.on('data', onData)
    stream.once('end', onEnd)
    stream.once('error', onAbort)
    stream.once('close', onAbort)
  })
}

/** `[123]` anywhere in a field name: conform's array index syntax. */
const INDEX = /\[(\d*)\]/g

/**
 * What is wrong with a form body's fields, or null when every limit holds. The body is split on
 * `&` and `=` by hand, without building the fields, so the count is checked before any decoding.
 */
export function refuseFields(body: Buffer | string, limits: FormLimits = FORM_LIMITS): BodyRefusal | null {
  const text = typeof body === 'string' ? body : body.toString('latin1')
  if (text.length > limits.maxBytes) return { status: 413, message: MESSAGES.tooLarge }
  if (text === '') return null
  const pairs = text.split('&')
  if (pairs.length > limits.maxFields) return { status: 400, message: MESSAGES.tooManyFields }
  for (const pair of pairs) {
    if (pair === '') continue
    const split = pair.indexOf('=')
    const rawName = split === -1 ? pair : pair.slice(0, split)
    // Percent-encoded, a name is at most three times as long; checking first bounds the decoding.
    if (rawName.length > limits.maxNameLength * 3) return { status: 400, message: MESSAGES.unreadable }
    const name = decodeName(rawName)
    if (name === null || name.length > limits.maxNameLength || RESERVED_NAMES.has(name))
      return { status: 400, message: MESSAGES.unreadable }
    for (const match of name.matchAll(INDEX)) {
      const digits = match[1] ?? ''
      if (digits.length > String(limits.maxIndex).length || Number(digits) > limits.maxIndex)
        return { status: 400, message: MESSAGES.unreadable }
    }
    const value = split === -1 ? '' : decodeName(pair.slice(split + 1))
    if (value === null || HIDDEN.test(value)) return { status: 400, message: MESSAGES.hiddenCharacter }
  }
  return null
}

/** Control characters (NUL, ESC, …) but tab, line feed and carriage return; U+FFFD; lone surrogates. */
const HIDDEN = /[^\P{Cc}\t\n\r]|[\uFFFD\p{Cs}]/u

/** A name or value as URLSearchParams decodes it (`+` is a space), or null when it is not UTF-8. */
function decodeName(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    // URLSearchParams would decode a bad escape leniently; a name no form of ours sends is refused.
    return null
  }
}

/**
 * An upload: one file of at most 1 MiB (the directory CSV), a few short fields beside it (the
 * intent), the whole body a little over the file. Reading stops at the first limit passed.
 */
export const MULTIPART_LIMITS = {
  maxBytes: 1024 * 1024 + 16 * 1024,
  maxFileBytes: 1024 * 1024,
  maxFiles: 1,
  maxFields: 10,
  maxFieldBytes: 1024,
  maxNameLength: 100,
} as const

export type MultipartLimits = typeof MULTIPART_LIMITS

export const MULTIPART_MESSAGES = {
  fileTooLarge: 'The file is larger than 1 MiB. Split it into smaller files and import each one.',
  tooManyFiles: 'Send one file at a time.',
  notText: 'The file is not text saved as UTF-8. In your spreadsheet, save it as "CSV UTF-8" and try again.',
} as const

export type UploadedFile = { field: string; filename: string; mimeType: string; data: Buffer }
export type MultipartRead =
  | { ok: true; fields: Array<[string, string]>; files: UploadedFile[] }
  | { ok: false; refusal: BodyRefusal }

/**
 * Reads a multipart/form-data body with busboy, bounded: a file over `maxFileBytes`, a body over
 * `maxBytes`, more than `maxFiles` files or `maxFields` fields, a field over `maxFieldBytes` or a
 * name over `maxNameLength` stops the reading there (the rest is never read; the caller answers
 * and closes the connection). Malformed bodies are a 400, never a throw. Kept small and exported
 * for any other route on MULTIPART_PATHS.
 */
export function readMultipartForm(
  stream: Readable,
  contentType: string,
  limits: MultipartLimits = MULTIPART_LIMITS,
): Promise<MultipartRead> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: {
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles,
          fields: limits.maxFields,
          fieldSize: limits.maxFieldBytes,
          fieldNameSize: limits.maxNameLength,
          parts: limits.maxFiles + limits.maxFields,
        },
      })
    } catch {
      resolve({ ok: false, refusal: { status: 400, message: MESSAGES.unreadable } })
      return
    }
    const fields: Array<[string, string]> = []
    const files: UploadedFile[] = []
    let size = 0
    let done = false
    const finish = (result: MultipartRead) => {
      if (done) return
      done = true
      stream.off('data', count)
      stream.unpipe(parser)
      stream.pause()
      parser.removeAllListeners()
      parser.on('error', () => {})
      resolve(result)
    }
    const refuse = (status: 400 | 413, message: string) => finish({ ok: false, refusal: { status, message } })
    const count = (chunk: Buffer) => {
      size += chunk.length
      if (size > limits.maxBytes) refuse(413, MESSAGES.tooLarge)
    }
    const longName = (name: string, truncated: boolean) => truncated || name.length > limits.maxNameLength
    parser.on('field', (name, value, info) => {
      if (longName(name, info.nameTruncated)) return refuse(400, MESSAGES.unreadable)
      if (info.valueTruncated) return refuse(413, MESSAGES.tooLarge)
      fields.push([name, value])
    })
    parser.on('file', (name, file, info) => {
      if (longName(name, false)) {
        file.resume()
        return refuse(400, MESSAGES.unreadable)
      }
      const chunks: Buffer[] = []
      file.on('data', (chunk: Buffer) => chunks.push(chunk))
      file.on('limit', () => refuse(413, MULTIPART_MESSAGES.fileTooLarge))
      file.on('end', () => {
        if (!done)
          files.push({
            field: name,
            filename: info.filename ?? '',
            mimeType: info.mimeType,
            data: Buffer.concat(chunks),
          })
      })
    })
    parser.on('filesLimit', () => refuse(400, MULTIPART_MESSAGES.tooManyFiles))
    parser.on('fieldsLimit', () => refuse(400, MESSAGES.tooManyFields))
    parser.on('partsLimit', () => refuse(400, MESSAGES.tooManyFields))
    parser.on('error', () => refuse(400, MESSAGES.unreadable))
    parser.on('close', () => finish({ ok: true, fields, files }))
    stream.on('data', count)
    stream.once('error', () => refuse(400, MESSAGES.unreadable))
    stream.pipe(parser)
  })
}

/**
 * An upload as the urlencoded body every other form sends: its fields, then each file's text
 * under its field's name (a file that is not UTF-8 text is refused). The route reads it like any
 * form, and refuseFields checks it like any form.
 */
export function multipartAsFormBody(read: {
  fields: Array<[string, string]>
  files: UploadedFile[]
}): Buffer | BodyRefusal {
  const body = new URLSearchParams(read.fields)
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  for (const file of read.files) {
    if (file.data.length === 0 && file.filename === '') continue
    try {
      body.append(file.field, decoder.decode(file.data))
    } catch {
      return { status: 400, message: MULTIPART_MESSAGES.notText }
    }
  }
  return Buffer.from(body.toString())
}

/** refuseFields' limits for a body made by multipartAsFormBody: percent-encoding can triple a file's size. */
export const UPLOAD_FORM_LIMITS: FormLimits = { ...FORM_LIMITS, maxBytes: 3 * MULTIPART_LIMITS.maxBytes }
