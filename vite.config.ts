import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vitest/config'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// Vitest loads this file too; the Remix plugin is only for the app build and dev server.
const isVitest = Boolean(process.env.VITEST)

export default defineConfig({
  plugins: isVitest ? [] : [remix(remixConfig)],
  build: {
    // Never ship source maps to clients; they would expose server code paths.
    sourcemap: false,
  },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'programme/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./tests/setup/vitest.setup.ts'],
    // argon2 at OWASP parameters is deliberately slow.
    testTimeout: 20_000,
  },
})
