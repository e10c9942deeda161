import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from '../../../src/app.js'
import { prepareDatabase } from '../../../src/bootstrap.js'
import { loadConfig } from '../../../src/config.js'
import type { DemoCredential } from '../../../src/modules/demo/demo-accounts.js'

export interface TestServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  origin: string
  /**
   * The demo accounts' passwords (operator, the demo city's admin and contributor), drawn at
   * random when the fresh database was seeded: the only time they can be read.
   */
  demoCredentials: DemoCredential[]
  close(): Promise<void>
}

/**
 * The real application, in this process, on a random local port: a fresh SQLite file in a temporary
 * folder with every official territory and the demonstration ones and accounts, exactly as `npm start`
 * prepares it. Mail goes to the outbox only (no SMTP_URL), where operators read it at
 * /operateur/boite-d-envoi; its links point to this server (PUBLIC_URL is its origin).
 * Loading the territories takes a few seconds: start one server per test file, in beforeAll.
 */
export async function startTestServer(): Promise<TestServer> {
  // Listen first, so that the app knows its own address: the links it mails then work as written.
  let app: ReturnType<typeof createApp> | undefined
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      {
        fetch: (request) => app?.fetch(request) ?? new Response('Starting', { status: 503 }),
        hostname: '127.0.0.1',
        port: 0,
      },
      () => resolve(started),
    )
  })
  const stopListening = async () => {
    // Browsers keep connections alive: drop them, or close() would wait for their timeout.
    if ('closeAllConnections' in server) server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const dataDir = mkdtempSync(join(tmpdir(), 'jalons-e2e-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL: origin,
  })
  let prepared: Awaited<ReturnType<typeof prepareDatabase>>
  try {
    prepared = await prepareDatabase(config)
  } catch (error) {
    await stopListening()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  const { handle, demoCredentials } = prepared
  app = createApp({ db: handle.db, dialect: handle.dialect, config })
  return {
    origin,
    demoCredentials,
    close: async () => {
      await stopListening()
      await handle.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
