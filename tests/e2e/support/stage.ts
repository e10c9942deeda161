import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser.js'
import { findLookups, type Lookups } from './pages.js'
import { startTestServer, type TestServer } from './test-server.js'

/** The app and the browser a describe block runs against, filled in by its beforeAll. */
export interface Stage {
  server: TestServer
  browser: Browser
  lookups: Lookups
}

/** Starts the app and the browser once for the enclosing describe block, and stops them after it. */
export function useStage(): Stage {
  const stage = {} as Stage
  beforeAll(async () => {
    // Both at once; each kept as soon as it is up, so that afterAll closes whatever started.
    await Promise.all([
      startTestServer().then((started) => {
        stage.server = started
      }),
      launchBrowser().then((launched) => {
        stage.browser = launched
      }),
    ])
    stage.lookups = await findLookups(stage.server.origin)
  })
  afterAll(async () => {
    await stage.browser?.close()
    await stage.server?.close()
  })
  return stage
}
