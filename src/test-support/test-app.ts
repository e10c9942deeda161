import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { createApp } from '../app.js'
import type { AppEnv } from '../app-env.js'
import { type Config, loadConfig } from '../config.js'
import type { DialectName } from '../db/database.js'
import { seedDemo } from '../modules/demo/seed-demo.js'
import { loadTerritoryFixtures } from './territory-fixtures.js'
import { openTestDatabase, type TestDatabase } from './test-databases.js'

export interface TestApp {
  app: Hono<AppEnv>
  database: TestDatabase
  /** The app's settings (DATA_DIR is a fresh temporary folder). */
  config: Config
  /** GET with the language cookie when asked. */
  get(path: string, options?: { lang?: 'fr' | 'en' }): Promise<Response>
}

/** The real app on a fresh database holding real territories of a few départements and the demo. */
export async function startTestApp(dialect: DialectName): Promise<TestApp> {
  const database = await openTestDatabase(dialect)
  await loadTerritoryFixtures(database.db)
  await seedDemo(database.db)
  // Each test visitor comes from its own address (X-Forwarded-For), as real people do.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'jalons-data-')),
    TRUST_PROXY: 'true',
  })
  const app = createApp({ db: database.db, dialect, config })
  return {
    app,
    database,
    config,
    get: (path, options) =>
      Promise.resolve(
        app.request(path, { headers: options?.lang ? { cookie: `lang=${options.lang}` } : {} }),
      ),
  }
}
