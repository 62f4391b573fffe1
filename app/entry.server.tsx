// Server rendering. Pages load all their data before rendering (nothing is deferred), so the
// page is rendered whole into one buffer and sent in one piece: React's 2 KB chunks no longer
// each pass through web streams and the socket, which was most of the cost of a long page.
// The CSP nonce made in server.ts is passed to every script Remix writes.
import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { getEnv } from '#app/utils/env.server.ts'
import { errorLogLine } from '#app/utils/log.server.ts'
import { NonceProvider } from '#app/utils/nonce.ts'
import { checkStartup } from '#app/utils/startup.server.ts'
import { getDb } from '#db/client.ts'

// Fail fast at start: a bad setting, a migration that cannot apply or an unsafe database stops
// the server here, before it serves anything. The write-ahead log is checkpointed by SQLite's own
// automatic checkpoint (every 1000 pages).
checkStartup(getEnv(), getDb())

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  return new Promise<Response>((resolve, reject) => {
    let rendered = false
    let timer: NodeJS.Timeout | undefined
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          rendered = true
          const chunks: Buffer[] = []
          const body = new PassThrough()
          body.on('data', (chunk: Buffer) => chunks.push(chunk))
          body.on('end', () => {
            clearTimeout(timer)
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
            resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }))
          })
          pipe(body)
        },
        onShellError(error: unknown) {
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Log the error's kind and message only: never request bodies, which may hold health data.
          if (rendered) console.error(error instanceof Error ? `${error.name}: ${error.message}` : 'render error')
        },
      },
    )
    timer = setTimeout(abort, ABORT_DELAY)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  console.error(errorLogLine(error, request))
}
