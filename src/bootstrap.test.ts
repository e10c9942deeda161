import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareDatabase, StartupError } from './bootstrap.js'
import { ConfigError, loadConfig } from './config.js'
import { DatabaseUnavailableError } from './db/database.js'
import { seedDemo } from './modules/demo/seed-demo.js'
import { loadTerritoryFixtures } from './test-support/territory-fixtures.js'
import { migrateTestDatabase, openTestDatabase, testDialects } from './test-support/test-databases.js'

describe('settings', () => {
  it('uses an embedded SQLite file under DATA_DIR by default', () => {
    const config = loadConfig({ DATA_DIR: '/srv/jalons' })
    expect(config).toMatchObject({ port: 3000, databaseUrl: 'sqlite:/srv/jalons/jalons.sqlite', demo: true })
  })

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError)
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/)
      expect((error as Error).message).toMatch(/DATABASE_URL: must start with postgres/)
    }
  })
})

describe('start-up failures give one clear message', () => {
  it('when DATA_DIR cannot be written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jalons-')), 'a-file')
    writeFileSync(file, '')
    const config = loadConfig({ DATA_DIR: join(file, 'data') })
    await expect(prepareDatabase(config)).rejects.toThrow(StartupError)
    await expect(prepareDatabase(config)).rejects.toThrow(
      /DATA_DIR .*a-file\/data is not writable \(ENOTDIR\)/,
    )
  })

  it('when PostgreSQL cannot be reached, without leaking the password', async () => {
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jalons-')),
      DATABASE_URL: 'postgres://jalons:secret@127.0.0.1:1/jalons',
    })
    const failure = prepareDatabase(config)
    await expect(failure).rejects.toThrow(DatabaseUnavailableError)
    await expect(prepareDatabase(config)).rejects.toThrow(
      'Cannot reach the database at postgres://jalons:***@127.0.0.1:1/jalons (ECONNREFUSED)',
    )
  })
})

describe.each(testDialects())('reference data on %s', (dialect) => {
  it('migrates and loads once: a second start changes nothing', async () => {
    const database = await openTestDatabase(dialect)
    try {
      const first = await loadTerritoryFixtures(database.db)
      expect(first.loaded).toBe(true)
      expect(await migrateTestDatabase(database)).toEqual([])
      const second = await loadTerritoryFixtures(database.db)
      expect(second).toMatchObject({ loaded: false, count: first.count })
      expect(await seedDemo(database.db)).toBe(true)
      expect(await seedDemo(database.db)).toBe(false)
      const count = await database.db
        .selectFrom('territories')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(count.n).toBe(first.count + 4)
    } finally {
      await database.dispose()
    }
  })
})
