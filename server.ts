// The HTTP server: Express in front of Remix. It sets security headers on every response,
// refuses cross-site form posts, reads and checks every form body before anything parses it
// (app/http/form-body.server.ts), serves static files and hands the rest to Remix with the
// client's IP (for rate limits) and a CSP nonce in the load context.
//
// In production it runs WEB_CONCURRENCY server processes (default: one per core) with node's
// cluster module, all sharing the one SQLite file: the first process migrates the database and
// checks it is safe to serve, then starts the others and replaces any that dies (ADR 0017).
// `npm run build` compiles this file to build/main/server.js, so production never compiles
// TypeScript at start; `npm run dev` runs it with tsx and Vite, in one process.
import cluster from 'node:cluster'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import {
  FORM_LIMITS,
  hasBody,
  isMultipart,
  MESSAGES,
  multipartAsFormBody,
  readBoundedBody,
  readMultipartForm,
  refuseFields,
  refuseHeaders,
  UPLOAD_FORM_LIMITS,
} from './app/http/form-body.server.ts'
import { shedLoad } from './app/http/overload.server.ts'
import { remixHandler } from './app/http/remix-request.server.ts'
import { isCrossSiteWrite } from './app/http/same-origin.server.ts'
import { contentSecurityPolicy, securityHeaders } from './app/http/security-headers.server.ts'
import { getEnv } from './app/utils/env.server.ts'

/**
 * The project folder, found from this file's own location (server.ts, or build/main/server.js
 * when built), so the server starts from any working directory.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('Could not find the project folder (package.json) above the server')
    dir = parent
  }
  return dir
}
const fromRoot = (path: string) => join(projectRoot(), path)

const env = getEnv()
const production = env.NODE_ENV === 'production'
const processes = production ? (env.WEB_CONCURRENCY ?? availableParallelism()) : 1
/** How long a stopping process waits for open requests before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000

if (processes > 1 && cluster.isPrimary) await runPrimary(processes)
else await serve()

/**
 * The first process: migrates and checks the database once, before any server process opens it,
 * then starts `count` server processes, replaces any that stops, and stops them all on SIGTERM or
 * SIGINT. It serves nothing itself.
 */
async function runPrimary(count: number): Promise<void> {
  const { closeDb, getDb } = await import('./db/client.ts')
  const { checkStartup } = await import('./app/utils/startup.server.ts')
  checkStartup(env, getDb())
  closeDb()

  let stopping = false
  let exitCode = 0
  const stopAll = () => {
    if (stopping) return
    stopping = true
    const workers = Object.values(cluster.workers ?? {})
    if (workers.length === 0) process.exit(exitCode)
    for (const worker of workers) worker?.process.kill('SIGTERM')
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 1_000).unref()
  }
  const listening = new Set<number>()
  cluster.on('listening', (worker) => listening.add(worker.id))
  cluster.on('exit', (worker, code, signal) => {
    const hadStarted = listening.delete(worker.id)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode)
      return
    }
    const how = signal ?? `exit code ${code}`
    if (!hadStarted) {
      // It failed before serving (a bad setting or build): another would fail the same way.
      console.error(`A server process could not start (${how}); stopping.`)
      exitCode = 1
      stopAll()
      return
    }
    console.error(`Server process ${worker.process.pid} stopped (${how}); starting another.`)
    cluster.fork()
  })
  for (let i = 0; i < count; i++) cluster.fork()
  console.log(`Foothold is running ${count} server processes at http://localhost:${env.PORT}`)

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stopAll)
}

/** One server process: Express and Remix on PORT. */
async function serve(): Promise<void> {
  const viteDevServer = production
    ? undefined
    : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

  const app = express()
  app.disable('x-powered-by')
  // Behind a reverse proxy, set TRUST_PROXY (e.g. "loopback" or a hop count) so req.ip is the client's.
  if (env.TRUST_PROXY !== undefined) app.set('trust proxy', env.TRUST_PROXY)
  // Beyond MAX_IN_FLIGHT requests at once, a quick 503 rather than a queue that only grows (H-045).
  app.use(shedLoad(env.MAX_IN_FLIGHT))
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
      path: req.path,
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
    // An upload (only on MULTIPART_PATHS; refuseHeaders refused it elsewhere) reaches Remix as
    // the same urlencoded body as any form, its file's text a field, checked like any form.
    if (isMultipart(req.get('content-type'))) {
      const upload = await readMultipartForm(req, req.get('content-type') ?? '')
      const body = upload.ok ? multipartAsFormBody(upload) : upload.refusal
      const refused = Buffer.isBuffer(body) ? refuseFields(body, UPLOAD_FORM_LIMITS) : body
      if (refused || !Buffer.isBuffer(body)) {
        const refusal = refused ?? { status: 400, message: MESSAGES.unreadable }
        res.set('Connection', 'close').status(refusal.status).type('text/plain').send(refusal.message)
        return
      }
      req.headers['content-type'] = 'application/x-www-form-urlencoded'
      req.headers['content-length'] = String(body.length)
      res.locals.formBody = body
      return next()
    }
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
    app.use('/assets', express.static(fromRoot('build/client/assets'), cacheFor('public, max-age=31536000, immutable')))
    // Only paths that look like files reach the file system; pages skip the stat() entirely.
    const publicFiles = express.static(fromRoot('build/client'), { ...cacheFor('public, max-age=3600'), index: false })
    app.use((req, res, next) => (extname(req.path) ? publicFiles(req, res, next) : next()))
  }

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
    : ((await import(pathToFileURL(fromRoot('build/server/index.js')).href)) as ServerBuild)

  app.all(
    '*',
    remixHandler({
      build,
      mode: production ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? 'unknown',
        cspNonce: String(res.locals.cspNonce),
        allowFormTarget: (url: string) => {
          const formTargets = URL.canParse(url) ? [new URL(url).origin] : []
          const options = { dev: !production, https: req.secure, formTargets }
          res.set('Content-Security-Policy', contentSecurityPolicy(String(res.locals.cspNonce), options))
        },
      }),
    }),
  )

  const server = app.listen(env.PORT, env.HOST, () => {
    if (cluster.isPrimary) console.log(`Foothold is running at http://localhost:${env.PORT}`)
  })

  // Finish the requests under way, then exit; a connection that will not finish is cut after the grace period.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close(() => process.exit(0))
      server.closeIdleConnections()
      setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
    })
  }
}
