// Hands a request to Remix once server.ts has read and checked its body (form-body.server.ts).
// @remix-run/express's own handler builds its Request with the body as a stream over `req`
// itself; once the body has been read that stream would never end, so the action would wait
// forever. This builds the same Request as its createRemixRequest (the same URL from the Host or
// X-Forwarded-Host port and `req.hostname`, which respects "trust proxy"; the same headers; an
// abort signal for a client that goes away), with the bytes already read as the body.
// Not re-exported from the package's index; the version is pinned exactly in package.json.
import { createRemixHeaders, sendRemixResponse } from '@remix-run/express/dist/server.js'
import { type AppLoadContext, createRequestHandler, type ServerBuild } from '@remix-run/node'
import type express from 'express'

export function remixRequest(req: express.Request, res: express.Response, body: Buffer | undefined): Request {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(':')[1] ?? '', 10)
  const forwardedPort = portOf(req.get('X-Forwarded-Host'))
  const hostPort = portOf(req.get('host'))
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : ''
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)

  let controller: AbortController | null = new AbortController()
  const signal = controller.signal
  // Abort the loader or action when the response can no longer be written (`close` before `finish`).
  res.on('finish', () => {
    controller = null
  })
  res.on('close', () => controller?.abort())

  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url.href, {
    method: req.method,
    headers: createRemixHeaders(req.headers),
    signal,
    body: hasBody ? new Uint8Array(body ?? []) : undefined,
  })
}

/** Express middleware serving Remix, for requests whose body (if any) is in `res.locals.formBody`. */
export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: string
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext
}): express.RequestHandler {
  const handle = createRequestHandler(options.build, options.mode)
  return async (req, res, next) => {
    try {
      const request = remixRequest(req, res, res.locals.formBody as Buffer | undefined)
      const response = await handle(request, options.getLoadContext(req, res))
      await sendRemixResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}
