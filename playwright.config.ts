// End-to-end tests: the production build, served by `scripts/demo.ts` (demo accounts, plain-http
// cookies) from a brand-new SQLite database on every run, driven in Chromium.
// `npm run test:e2e` builds first; this config never builds.
import { existsSync } from 'node:fs'
import { chromium, defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT || 3100)
const BASE_URL = `http://localhost:${PORT}`

/** The browser to drive: $CHROMIUM_PATH, then Debian's chromium, then Playwright's own download. */
function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`)
    return fromEnv
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  let bundled: string | undefined
  try {
    bundled = chromium.executablePath()
  } catch {
    bundled = undefined
  }
  if (bundled && existsSync(bundled)) return bundled
  throw new Error(
    "No Chromium found for the end-to-end tests. Install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.",
  )
}

export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // One server, one database, two cores: one worker keeps timings steady.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  outputDir: './test-results',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A fresh database every run: delete it (and its WAL files), then seed the demo accounts and serve.
    command: `rm -f data/e2e-${PORT}.db* && ./node_modules/.bin/tsx scripts/demo.ts`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATABASE_PATH: `./data/e2e-${PORT}.db`,
      // The suite signs in and signs up many times from one IP.
      RATE_LIMIT_FACTOR: '50',
    },
  },
})
