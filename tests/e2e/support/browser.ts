import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/**
 * Debian's Chromium, driven by playwright-core (no browser download: the machine's own browser).
 * CHROMIUM_PATH overrides the location. Without a browser the suite is skipped with a message,
 * except in CI (JALONS_REQUIRE_ALL_SUITES=1) where a missing browser is a failure.
 */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const requireAllSuites = process.env.JALONS_REQUIRE_ALL_SUITES === '1'
export const browserAvailable = existsSync(chromiumPath)

if (!browserAvailable) {
  const message = `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH, or apt-get install chromium)`
  if (requireAllSuites)
    throw new Error(`JALONS_REQUIRE_ALL_SUITES=1 but ${message}: the browser tests cannot run`)
  console.warn(`jalons e2e: ${message}: browser tests skipped`)
}

/**
 * Quiet, reproducible flags: nothing but the page under test goes on the network. Playwright adds
 * --headless, --no-sandbox and a fresh temporary --user-data-dir itself (it refuses one in args).
 */
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags, timeout: 30_000 })
}
