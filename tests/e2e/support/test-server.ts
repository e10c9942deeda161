import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from '../../../src/app.js'
import { prepareDatabase } from '../../../src/bootstrap.js'
import { loadConfig } from '../../../src/config.js'

export interface TestServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  origin: string
  close(): Promise<void>
}

/**
 * The real application, in this process, on a random local port: a fresh SQLite file in a temporary
 * folder with every official territory and the demonstration ones, exactly as `npm start` prepares it.
 * Loading the territories takes a few seconds: start one server per test file, in beforeAll.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jalons-e2e-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
  })
  const { handle } = await prepareDatabase(config)
  const app = createApp({ db: handle.db, dialect: handle.dialect, config })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started))
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      // Browsers keep connections alive: drop them, or close() would wait for their timeout.
      if ('closeAllConnections' in server) server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await handle.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
