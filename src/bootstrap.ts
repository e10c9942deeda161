import { constants } from 'node:fs'
import { access, mkdir } from 'node:fs/promises'
import type { Config } from './config.js'
import { type DatabaseHandle, openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { type DemoCredential, seedDemoAccounts } from './modules/demo/demo-accounts.js'
import { seedDemoAssessments } from './modules/demo/demo-assessments.js'
import { seedDemoInventory } from './modules/demo/demo-inventory.js'
import { seedDemoStrategy } from './modules/demo/demo-strategy.js'
import { seedDemo } from './modules/demo/seed-demo.js'
import { ensureBundledFactorBases } from './modules/footprint/factor-bases.store.js'
import { failInterruptedImports } from './modules/inventory/imports/import-jobs.js'
import { ensureBundledReferentials } from './modules/referential/referential.store.js'
import { loadOfficialTerritories } from './modules/territories/load-official-territories.js'

export class StartupError extends Error {}

async function ensureWritableDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true })
    await access(dataDir, constants.W_OK)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new StartupError(
      `DATA_DIR ${dataDir} is not writable (${reason}): set DATA_DIR to a folder Jalons may write to`,
    )
  }
}

export interface PreparedDatabase {
  handle: DatabaseHandle
  notes: string[]
  /** Demo passwords, only on the start that created them. */
  demoCredentials: DemoCredential[]
}

/** Everything before serving: data folder, database, schema, reference data, demo. */
export async function prepareDatabase(config: Config): Promise<PreparedDatabase> {
  await ensureWritableDataDir(config.dataDir)
  const handle = await openDatabase(config.databaseUrl)
  const notes: string[] = []
  let demoCredentials: DemoCredential[] = []
  try {
    const applied = await migrateToLatest(handle.db)
    if (applied.length > 0) notes.push(`applied migrations: ${applied.join(', ')}`)
    const started = performance.now()
    const territories = await loadOfficialTerritories(handle.db)
    if (territories.loaded) {
      notes.push(
        `loaded ${territories.count} territories (${territories.vintage}) in ${Math.round(performance.now() - started)} ms`,
      )
    }
    const referentials = await ensureBundledReferentials(handle.db)
    if (referentials.length > 0) notes.push(`published referential ${referentials.join(', ')}`)
    const factorBases = await ensureBundledFactorBases(handle.db)
    if (factorBases.length > 0) notes.push(`published factor base ${factorBases.join(', ')}`)
    // An import a stopped process left running was rolled back by the database: say so on its page.
    const interrupted = await failInterruptedImports(handle.db)
    if (interrupted > 0) notes.push(`marked ${interrupted} interrupted import(s) as failed`)
    if (config.demo) {
      if (await seedDemo(handle.db)) notes.push('added the demonstration territories')
      demoCredentials = await seedDemoAccounts(handle.db)
      if (await seedDemoAssessments(handle.db)) notes.push('added the demonstration self-assessments')
      if (await seedDemoInventory(handle.db)) notes.push('added the demonstration inventory')
      if (await seedDemoStrategy(handle.db, config.dataDir)) notes.push('added the demonstration strategy')
    }
  } catch (error) {
    await handle.close()
    throw error
  }
  return { handle, notes, demoCredentials }
}
