// The HTTP server: Express in front of Remix. It sets security headers on every response,
// refuses cross-site form posts, serves static files and hands the rest to Remix with the
// client's IP (for rate limits) and a CSP nonce in the load context.
import { randomBytes } from 'node:crypto'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { isUnsupportedBody } from './app/http/form-body.server.ts'
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
  if (isUnsupportedBody(req.method, req.get('content-type'))) {
    res.status(415).type('text/plain').send('Foothold only accepts form posts.')
    return
  }
  // Our own pages post with `Origin: null` under no-referrer (see same-origin.server.ts). Having
  // accepted the post, drop that header so Remix's own origin check does not mistake it.
  if (req.headers.origin === 'null') delete req.headers.origin
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
  createRequestHandler({
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
