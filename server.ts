// The HTTP server: Express in front of Remix. It sets security headers on every response,
// refuses cross-site form posts, reads and checks every form body before anything parses it
// (app/http/form-body.server.ts), serves static files and hands the rest to Remix with the
// client's IP (for rate limits) and a CSP nonce in the load context.
import { randomBytes } from 'node:crypto'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import {
  FORM_LIMITS,
  hasBody,
  MESSAGES,
  readBoundedBody,
  refuseFields,
  refuseHeaders,
} from './app/http/form-body.server.ts'
import { remixHandler } from './app/http/remix-request.server.ts'
import { isCrossSiteWrite } from './app/http/same-origin.server.ts'
import { securityHeaders } from './app/http/security-headers.server.ts'
import { getEnv } from './app/utils/env.server.ts'

/** Paths relative to this file, so the server starts from any working directory. */
const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const env = getEnv()
const production = env.NODE_ENV === 'production'

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
// Behind a reverse proxy, set TRUST_PROXY (e.g. "loopback" or a hop count) so req.ip is the client's.
if (env.TRUST_PROXY !== undefined) app.set('trust proxy', env.TRUST_PROXY)
app.use(compression())

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString('base64')
  res.locals.cspNonce = nonce
  res.set(securityHeaders(nonce, { dev: !production, https: req.secure }))
  // Nothing Foothold serves from Remix may sit in a shared or browser cache: pages hold health data.
  res.set('Cache-Control', 'no-store')
  const crossSite = isCrossSiteWrite({
    method: req.method,
    host: req.get('host'),
    origin: req.get('origin'),
    secFetchSite: req.get('sec-fetch-site'),
  })
  if (crossSite) {
    res.status(403).type('text/plain').send('This form was sent from another website, so it was refused.')
    return
  }
  const refused = refuseHeaders({
    method: req.method,
    contentType: req.get('content-type'),
    contentEncoding: req.get('content-encoding'),
    contentLength: req.get('content-length'),
  })
  if (refused) {
    // Whatever body is on its way is never read: close the connection rather than drain it.
    res.set('Connection', 'close').status(refused.status).type('text/plain').send(refused.message)
    return
  }
  // Our own pages post with `Origin: null` under no-referrer (see same-origin.server.ts). Having
  // accepted the post, drop that header so Remix's own origin check does not mistake it.
  if (req.headers.origin === 'null') delete req.headers.origin
  next()
})

// Every form body, read up to FORM_LIMITS.maxBytes and checked before any route parses it (H-022).
// Remix gets the same bytes (remix-request.server.ts).
app.use(async (req, res, next) => {
  if (!hasBody(req.method)) return next()
  const read = await readBoundedBody(req, FORM_LIMITS.maxBytes)
  if (!read.ok) {
    res.set('Connection', 'close')
    if (read.reason === 'too-large') res.status(413).type('text/plain').send(MESSAGES.tooLarge)
    else res.status(400).type('text/plain').send(MESSAGES.unreadable)
    return
  }
  const refused = refuseFields(read.body)
  if (refused) {
    res.status(refused.status).type('text/plain').send(refused.message)
    return
  }
  res.locals.formBody = read.body
  next()
})

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  // Fingerprinted build assets never change; everything else in public/ is cached briefly.
  const cacheFor = (value: string) => ({ setHeaders: (res: express.Response) => res.set('Cache-Control', value) })
  app.use('/assets', express.static(fromHere('./build/client/assets'), cacheFor('public, max-age=31536000, immutable')))
  // Only paths that look like files reach the file system; pages skip the stat() entirely.
  const publicFiles = express.static(fromHere('./build/client'), { ...cacheFor('public, max-age=3600'), index: false })
  app.use((req, res, next) => (extname(req.path) ? publicFiles(req, res, next) : next()))
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(new URL('./build/server/index.js', import.meta.url).href)) as ServerBuild)

app.all(
  '*',
  remixHandler({
    build,
    mode: production ? 'production' : 'development',
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? 'unknown', cspNonce: String(res.locals.cspNonce) }),
  }),
)

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Foothold is running at http://localhost:${env.PORT}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
