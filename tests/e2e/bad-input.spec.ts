// The requests from issue 12 that took the server down (H-022): a field name with a huge array
// index, signed out on /login and signed in on /goals. Each must be refused at once, change
// nothing, and leave the server answering.
import { type APIRequestContext, expect, test } from '@playwright/test'
import { changedTables, DATABASE_PATH, databaseDigest } from './form-sweep-helpers.ts'
import { GOOD_PASSPHRASE, uniqueUsername } from './helpers.ts'

async function postRaw(request: APIRequestContext, path: string, body: string) {
  const started = performance.now()
  const response = await request.post(path, {
    data: body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    maxRedirects: 0,
    // The old server never answered; fail in seconds rather than wait for it to run out of memory.
    timeout: 5_000,
  })
  return { response, ms: performance.now() - started }
}

async function expectRefusedAtOnce(request: APIRequestContext, path: string, body: string) {
  const before = databaseDigest(DATABASE_PATH)
  const { response, ms } = await postRaw(request, path, body)
  expect(response.status(), `${path} with ${body}`).toBe(400)
  expect(await response.text()).toContain('could not be read')
  expect(ms, `${path} answered in ${Math.round(ms)} ms`).toBeLessThan(100)
  expect(changedTables(before, databaseDigest(DATABASE_PATH))).toEqual([])
  expect((await request.get('/healthz', { timeout: 5_000 })).status()).toBe(200)
}

test('POST /login with x[99999999] is refused at once and the server keeps answering', async ({ request }) => {
  await expectRefusedAtOnce(request, '/login', 'username=x&passphrase=y&x[99999999]=1')
  await expectRefusedAtOnce(request, '/login', 'username=x&passphrase=y&x%5B999999%5D=1')
  await expectRefusedAtOnce(request, '/login', 'username=x&passphrase=y&a.b[5000]=1')
  // A real sign-in still works afterwards.
  const ok = await postRaw(request, '/login', 'username=demo-client&passphrase=demo+client+passphrase')
  expect(ok.response.status()).toBe(302)
})

test('POST /goals with a huge index is refused at once, signed in', async ({ request }) => {
  const username = uniqueUsername('bigindex')
  const signedUp = await request.post('/signup', { form: { username, passphrase: GOOD_PASSPHRASE }, maxRedirects: 0 })
  expect(signedUp.status()).toBe(302)
  await expectRefusedAtOnce(request, '/goals', 'intent=create&what=Walk+more&type=lifestyle&area=health&x[99999999]=1')
  await expectRefusedAtOnce(request, '/goals', 'intent=create&what[99999999]=Walk')
})

test('a body over the size limit is refused without being read to the end', async ({ request }) => {
  const { response } = await postRaw(request, '/login', `username=x&passphrase=${'a'.repeat(2 * 1024 * 1024)}`)
  expect(response.status()).toBe(413)
  expect(await response.text()).toContain('more than Foothold can take')
  expect((await request.get('/healthz')).status()).toBe(200)
})

test('multipart and compressed bodies are refused with 415', async ({ request }) => {
  const multipart = await request.post('/login', {
    multipart: { username: 'x', passphrase: 'y' },
    maxRedirects: 0,
  })
  expect(multipart.status()).toBe(415)
  const gzip = await request.post('/login', {
    data: 'username=x',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'gzip' },
    maxRedirects: 0,
  })
  expect(gzip.status()).toBe(415)
})
