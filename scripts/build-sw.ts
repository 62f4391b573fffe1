// Post-build step (ADR 0021): bundles sw/service-worker.ts with Vite, then lets workbox-build's
// injectManifest write the allowlist of kept files into it as build/client/sw.js. Only the
// public pages named here and the static files they use are listed: nothing private can be
// precached because nothing else is on the list (tests/e2e/offline.spec.ts inspects the caches).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { injectManifest } from 'workbox-build'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const at = (path: string) => join(root, path)

/** Pages anyone can open without signing in that must work offline. */
export const OFFLINE_PAGES = ['/help/overdose', '/help', '/help/urge-card', '/offline']

/** Static files those pages use: the stylesheet, their one script, the icon. */
const STATIC_FILES = ['assets/*.css', 'offline-pages.js', 'favicon.svg']

async function main() {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: at('build/sw'),
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      lib: {
        entry: at('sw/service-worker.ts'),
        formats: ['iife'],
        name: 'footholdServiceWorker',
        fileName: () => 'sw.js',
      },
    },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  })
  // The pages are rendered on request, so their revision is the server build's: a new build
  // refreshes every kept page.
  const revision = createHash('sha256')
    .update(readFileSync(at('build/server/index.js')))
    .digest('hex')
    .slice(0, 16)
  const { count, size, warnings } = await injectManifest({
    swSrc: at('build/sw/sw.js'),
    swDest: at('build/client/sw.js'),
    globDirectory: at('build/client'),
    globPatterns: STATIC_FILES,
    additionalManifestEntries: OFFLINE_PAGES.map((url) => ({ url, revision })),
  })
  for (const warning of warnings) console.warn(warning)
  console.log(`Service worker: ${count} files kept for offline use (${Math.round(size / 1024)} KB).`)
}

await main()
