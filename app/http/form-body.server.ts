// Every mutation in Foothold is a form post, and every form post passes through here before any
// route sees it (server.ts). Two jobs:
//
// 1. The kind of body. Only `application/x-www-form-urlencoded` is accepted: JSON, plain text or
//    no body at all would make `request.formData()` throw inside an action (a 500), so they get
//    415 and a plain message. Multipart is refused with 415 too: no form of ours uploads a file,
//    so there is no reason to run a multipart parser on strangers' bytes. A route that needs an
//    upload one day must add multipart here, bounded by the same limits (the part count, the
//    names, a byte limit per part), with its own tests.
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPE = 'application/x-www-form-urlencoded'

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

export function isUnsupportedBody(method: string, contentType: string | undefined): boolean {
  if (!hasBody(method)) return false
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  return type !== FORM_TYPE
}

/**
 * What is wrong with a post's headers, before a byte of its body is read: the wrong kind of body,
 * a compressed body (a few kB can unpack to gigabytes), or a declared length over the limit.
 */
export function refuseHeaders(
  headers: { method: string; contentType?: string; contentEncoding?: string; contentLength?: string },
  limits: FormLimits = FORM_LIMITS,
): BodyRefusal | null {
  if (isUnsupportedBody(headers.method, headers.contentType)) return { status: 415, message: MESSAGES.unsupported }
  const encoding = headers.contentEncoding?.trim().toLowerCase()
  if (encoding && encoding !== 'identity') return { status: 415, message: MESSAGES.unsupported }
  const length = Number(headers.contentLength)
  if (headers.contentLength !== undefined && length > limits.maxBytes)
    return { status: 413, message: MESSAGES.tooLarge }
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
