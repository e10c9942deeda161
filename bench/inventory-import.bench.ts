/**
 * Importing an inventory file into a workspace, as the imports pages do it, without HTTP:
 * synthetic template CSVs of 10 k, 100 k and 1 M rows (accents, dates, decimal commas, quoted
 * models, some retired or hosted in datacenters DC0–DC2), each (1) checked (streamed through the
 * readers, counts, preview, errors), (2) imported (one transaction: re-read, batched inserts,
 * status and audit), (3) the workspace's footprint computed from the database. Each size runs in a
 * child process of its own, on a fresh database, so its peak RSS is its own (sampled every 20 ms
 * and checked against the kernel's maxRSS). SQLite, then PostgreSQL when BENCH_DATABASE_URL is set.
 * Targets (issue 5): 100 k imported and computed ≤ 3 s; 1 M ≤ 20 s with peak RSS ≤ 400 MB.
 */
import { copyFileSync, linkSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrateToLatest } from '../src/db/migrate.js'
import { ensureBundledFactorBases } from '../src/modules/footprint/factor-bases.store.js'
import { computeWorkspaceFootprint } from '../src/modules/footprint/workspace-footprint.js'
import { runCheck } from '../src/modules/inventory/imports/import-jobs.js'
import { findImport, insertImport, moveImport } from '../src/modules/inventory/imports/imports.queries.js'
import { runImport } from '../src/modules/inventory/imports/run-import.js'
import { saveDatacenter } from '../src/modules/inventory/inventory.queries.js'
import { writeSyntheticTemplate } from '../src/test-support/synthetic-inventory.js'
import { insertTestWorkspace } from '../src/test-support/test-workspaces.js'
import { freshPostgres, freshSqlite } from './support/databases.js'
import { makeTempDir, removeTempDir, spawnNode } from './support/processes.js'
import {
  benchDatabaseUrl,
  envInteger,
  type Figure,
  heading,
  isMainModule,
  note,
  report,
  runAlone,
  seconds,
} from './support/report.js'

const bench = 'inventory-import'
const largest = envInteger('BENCH_IMPORT_ROWS', 1_000_000, 1000, 5_000_000)
const sizes = [10_000, 100_000, largest].filter(
  (size, index, all) => size <= largest && all.indexOf(size) === index,
)
/** Check + import + compute, the whole path from the uploaded file to the figures. */
const targets: Record<number, number> = { 100000: 3_000, 1000000: 20_000 }
const rssTargetMb = 400
const childVariable = 'JALONS_BENCH_INVENTORY_IMPORT_CHILD'

interface Measure {
  rows: number
  imported: number
  checkMs: number
  importMs: number
  computeMs: number
  peakRssMb: number
  maxRssMb: number
}

/** In the child: a fresh database, a workspace with DC0–DC2, then check, import, compute. */
async function measureHere(database: 'sqlite' | 'postgres', file: string, rows: number): Promise<Measure> {
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const url = benchDatabaseUrl()
  const fresh = database === 'sqlite' ? await freshSqlite() : await freshPostgres(url as string)
  const dataDir = makeTempDir('jalons-bench-import-data-')
  try {
    const { db } = fresh.handle
    await migrateToLatest(db, fresh.schema ? { schema: fresh.schema } : {})
    await ensureBundledFactorBases(db)
    const { workspaceId } = await insertTestWorkspace(db, { agents: 800 })
    for (const [index, pue] of [1.4, 1.6, 1.9].entries())
      await saveDatacenter(db, workspaceId, { shortName: `DC${index}`, longName: null, pue, country: 'FR' })
    // The upload as the route leaves it: a file under the data folder (linked: the import deletes it).
    const stored = join('imports', String(workspaceId), 'bench.upload')
    mkdirSync(join(dataDir, 'imports', String(workspaceId)), { recursive: true })
    try {
      linkSync(file, join(dataDir, stored))
    } catch {
      copyFileSync(file, join(dataDir, stored))
    }
    const importId = await insertImport(db, {
      workspaceId,
      fileName: 'inventaire.csv',
      filePath: stored,
      datacenterFileName: null,
      datacenterFilePath: null,
      fileBytes: statSync(file).size,
      replace: false,
      createdBy: null,
    })
    const started = performance.now()
    await runCheck({ db, dataDir }, workspaceId, importId, 'fr')
    const checked = performance.now()
    const row = await findImport(db, workspaceId, importId)
    if (row?.status !== 'checked' || row.valid_rows !== rows)
      throw new Error(
        `check: ${row?.status}, ${row?.valid_rows} valid of ${rows}: ${row?.report?.slice(0, 500)}`,
      )
    await moveImport(db, workspaceId, importId, ['checked'], 'importing', { mode: 'all' })
    const result = await runImport(db, { dataDir, workspaceId, importId, mode: 'all', actorId: null })
    const imported = performance.now()
    if (result.status !== 'done') throw new Error(`import failed: ${result.failure}`)
    const footprint = await computeWorkspaceFootprint(db, workspaceId, { year: 2025 })
    const computed = performance.now()
    const seen = footprint.counted.items + footprint.excluded.items
    if (seen !== rows) throw new Error(`computed ${seen} items, expected ${rows}`)
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    return {
      rows,
      imported: result.importedRows,
      checkMs: checked - started,
      importMs: imported - checked,
      computeMs: computed - imported,
      peakRssMb: peak / (1024 * 1024),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }
  } finally {
    clearInterval(sampler)
    await fresh.dispose()
    removeTempDir(dataDir)
  }
}

async function measureInChild(database: 'sqlite' | 'postgres', file: string, rows: number): Promise<Measure> {
  const child = spawnNode(fileURLToPath(import.meta.url), {
    ...process.env,
    [childVariable]: JSON.stringify({ database, file, rows }),
  })
  await child.exited
  const last = child.output().split('\n').at(-1) ?? ''
  if (child.process.exitCode !== 0 || !last.startsWith('{'))
    throw new Error(`${database}, ${rows} rows failed: ${child.output()}`)
  return JSON.parse(last) as Measure
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`

export async function run(): Promise<Figure[]> {
  heading('Importing an inventory file into a workspace: check + import (one transaction) + compute')
  const figures: Figure[] = []
  const dir = makeTempDir('jalons-bench-inventory-import-')
  const databases: ('sqlite' | 'postgres')[] = benchDatabaseUrl() ? ['sqlite', 'postgres'] : ['sqlite']
  if (databases.length === 1) note('PostgreSQL skipped (set BENCH_DATABASE_URL to measure it)')
  try {
    const files = new Map<number, string>()
    for (const size of sizes) {
      const path = join(dir, `inventaire-${size}.csv`)
      await writeSyntheticTemplate(path, size, { lifecycle: true })
      files.set(size, path)
      note(`${size.toLocaleString('en')} rows: ${(statSync(path).size / (1024 * 1024)).toFixed(1)} MB`)
    }
    for (const database of databases) {
      const label = database === 'sqlite' ? 'SQLite' : 'PostgreSQL'
      for (const size of sizes) {
        let measure: Measure
        try {
          measure = await measureInChild(database, files.get(size) as string, size)
        } catch (error) {
          figures.push(
            report({
              bench,
              database: label,
              measure: `${size.toLocaleString('en')} rows`,
              value: `could not run: ${(error as Error).message.split('\n')[0]}`,
            }),
          )
          continue
        }
        const afterChoice = measure.importMs + measure.computeMs
        const total = measure.checkMs + afterChoice
        const target = targets[size]
        const peak = Math.max(measure.peakRssMb, measure.maxRssMb)
        figures.push(
          report({
            bench,
            database: label,
            measure: `${size.toLocaleString('en')} rows: check / import / compute`,
            value: `${seconds(measure.checkMs)} / ${seconds(measure.importMs)} / ${seconds(measure.computeMs)}`,
          }),
          report({
            bench,
            database: label,
            measure: `${size.toLocaleString('en')} rows: total (import + compute alone), rows/s, peak RSS`,
            value: `${seconds(total)} (${seconds(afterChoice)}), ${rate(size, total)}, peak RSS ${peak.toFixed(0)} MB`,
            ...(target === undefined
              ? {}
              : {
                  target: `total ≤ ${seconds(target)}${size >= 1_000_000 ? `, RSS ≤ ${rssTargetMb} MB` : ''}`,
                  met: total <= target && (size < 1_000_000 || peak <= rssTargetMb),
                }),
          }),
        )
      }
    }
  } finally {
    removeTempDir(dir)
  }
  return figures
}

const child = process.env[childVariable]
if (isMainModule(import.meta.url)) {
  if (child) {
    const { database, file, rows } = JSON.parse(child) as {
      database: 'sqlite' | 'postgres'
      file: string
      rows: number
    }
    const measure = await measureHere(database, file, rows)
    console.log(JSON.stringify(measure))
    process.exit(0)
  } else await runAlone(run)
}
