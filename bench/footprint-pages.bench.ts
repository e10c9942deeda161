/**
 * The footprint pages of a workspace holding a 100,000-item inventory, served by the real app
 * (createApp on the bench's database, called with app.request: no network, so the figures are the
 * app's and the database's). A signed-in admin asks for the results page, an explanation of a
 * site's figure, the results CSV export, a scenario using the four levers, the list of three
 * scenarios and the reuse page: each once cold (the first request, which reads the inventory),
 * then 5 times, the median kept. Each database runs in a child process of its own on a fresh
 * database, so the peak RSS is its own. SQLite, then PostgreSQL when BENCH_DATABASE_URL is set.
 * Target (ours, the same as the import's): the results page cold ≤ 3 s for 100,000 items.
 * BENCH_FOOTPRINT_PAGE_ITEMS changes the inventory's size.
 */
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { createApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import type { InventoryItem } from '../src/modules/footprint/inventory-item.js'
import { bulkBatchSize, insertItemsBulk } from '../src/modules/inventory/imports/bulk-insert.js'
import { inventoryItem } from '../src/test-support/inventory-items.js'
import { createTestUser, Visitor } from '../src/test-support/test-users.js'
import { insertTestWorkspace } from '../src/test-support/test-workspaces.js'
import { freshPostgres, freshSqlite, migrateWithBundledData } from './support/databases.js'
import { makeTempDir, removeTempDir, spawnNode } from './support/processes.js'
import {
  benchDatabaseUrl,
  envInteger,
  type Figure,
  heading,
  isMainModule,
  median,
  note,
  report,
  runAlone,
  seconds,
} from './support/report.js'

const bench = 'footprint-pages'
const itemCount = envInteger('BENCH_FOOTPRINT_PAGE_ITEMS', 100_000, 1000, 2_000_000)
const warmRuns = 5
const resultsColdTargetMs = 3_000
const childVariable = 'JALONS_BENCH_FOOTPRINT_PAGES_CHILD'
const year = 2025

const types = ['laptop', 'desktop', 'monitor', 'smartphone', 'printer', 'server', 'tablet', 'other'] as const

/**
 * The generator of the former timing tests (results and scenarios pages): 40 sites, 25 services,
 * a third tagged, purchases over 2010–2023, a ninth retired in 2024 (half given for reuse, half
 * recycled, so that the reuse page has something to count), a quarter refurbished, some measured kWh.
 */
function syntheticItem(index: number): InventoryItem {
  const retired = index % 9 === 0
  return inventoryItem({
    type: types[index % types.length],
    quantity: 1 + (index % 5),
    site: `Site ${index % 40}`,
    service: `Service ${index % 25}`,
    tags: index % 3 === 0 ? ['agents', 'télétravail'] : [],
    purchaseDate: `20${10 + (index % 14)}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    retirementDate: retired ? '2024-06-30' : null,
    status: retired ? 'retired' : 'in_use',
    condition: index % 4 === 0 ? 'refurbished' : 'new',
    disposal: retired ? (index % 2 === 0 ? 'reuse_donation' : 'recycling') : null,
    annualKwh: index % 6 === 5 ? index % 900 : null,
  })
}

interface PageTiming {
  label: string
  coldMs: number
  warmMedianMs: number
  bytes: number
}

interface Measure {
  items: number
  seedMs: number
  pages: PageTiming[]
  /** Sampled while the pages were served (the app, the database driver, the responses). */
  pagesPeakRssMb: number
  /** The whole child: seeding the 100,000 items included. */
  peakRssMb: number
}

/** In the child: a fresh database, a workspace with its inventory and an admin, then the pages. */
async function measureHere(database: 'sqlite' | 'postgres'): Promise<Measure> {
  let peak = process.memoryUsage().rss
  let pagesPeak = 0
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss
    peak = Math.max(peak, rss)
    pagesPeak = Math.max(pagesPeak, rss)
  }, 20)
  const fresh =
    database === 'sqlite' ? await freshSqlite() : await freshPostgres(benchDatabaseUrl() as string)
  const dataDir = makeTempDir('jalons-bench-pages-data-')
  try {
    const { db } = fresh.handle
    await migrateWithBundledData(fresh)
    // Agents declared: the « per agent » lever needs them.
    const { workspaceId, territoryId } = await insertTestWorkspace(db, { agents: 800, population: 60_000 })
    const territory = await db
      .selectFrom('territories')
      .select('code')
      .where('id', '=', territoryId)
      .executeTakeFirstOrThrow()
    await createTestUser(db, {
      email: 'admin@example.org',
      workspace: { kind: 'commune', code: territory.code, role: 'admin' },
    })

    const seedStarted = performance.now()
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < itemCount; start += bulkBatchSize) {
        const size = Math.min(bulkBatchSize, itemCount - start)
        const batch = Array.from({ length: size }, (_, offset) => syntheticItem(start + offset))
        await insertItemsBulk(trx, workspaceId, batch, null)
      }
    })
    // As the import does after a large file: fresh statistics for the planner.
    if (database === 'postgres') await sql`analyze inventory_items`.execute(db)
    const seedMs = performance.now() - seedStarted

    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DEMO: 'false' })
    const app = createApp({ db, dialect: fresh.handle.dialect, config })
    const admin = new Visitor(app)
    const signedIn = await admin.signIn('admin@example.org')
    if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`)

    // Three scenarios through the form, as a person saves them; the first uses the four levers.
    const scenarios = `/espace/${workspaceId}/empreinte/scenarios`
    const ids: number[] = []
    for (const [name, form] of [
      [
        'Les quatre leviers',
        {
          'extend-laptop': '1',
          'refurbished-laptop': '30',
          'fewer-printer': '20',
          'perAgent-monitor': '1',
        },
      ],
      ['Durée des écrans', { 'extend-monitor': '2' }],
      ['Moins de téléphones', { 'fewer-smartphone': '50' }],
    ] as const) {
      const response = await admin.post(`${scenarios}/nouveau`, { action: 'save', name, ...form })
      const id = Number(/scenarios\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1])
      if (response.status !== 303 || !id)
        throw new Error(`saving the scenario « ${name} » answered ${response.status}`)
      ids.push(id)
    }

    // Only the pages from here on: the seeding's own peak is reported with the whole child's.
    global.gc?.()
    pagesPeak = process.memoryUsage().rss
    const timed = async (label: string, path: string): Promise<PageTiming> => {
      const times: number[] = []
      let bytes = 0
      for (let run = 0; run <= warmRuns; run++) {
        const started = performance.now()
        const response = await admin.request(path)
        const body = await response.arrayBuffer()
        times.push(performance.now() - started)
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
        bytes = body.byteLength
      }
      const [cold, ...warm] = times as [number, ...number[]]
      return { label, coldMs: cold, warmMedianMs: median(warm), bytes }
    }
    const home = `/espace/${workspaceId}/empreinte`
    const pages = [
      await timed('results page', home),
      await timed(
        'explanation (climate, total, site « Site 1 »)',
        `${home}/explication?critere=climate&phase=total&dimension=site&cle=Site%201`,
      ),
      await timed('results CSV export', `${home}/export?format=csv`),
      await timed('scenario page (four levers)', `${scenarios}/${ids[0]}?annee=${year}`),
      await timed('scenario list (3 scenarios)', `${scenarios}?annee=${year}`),
      await timed('reuse page', `${home}/reemploi?annee=${year}`),
    ]
    clearInterval(sampler)
    const rss = process.memoryUsage().rss
    return {
      items: itemCount,
      seedMs,
      pages,
      pagesPeakRssMb: Math.max(pagesPeak, rss) / (1024 * 1024),
      peakRssMb: Math.max(peak, rss, process.resourceUsage().maxRSS * 1024) / (1024 * 1024),
    }
  } finally {
    clearInterval(sampler)
    await fresh.dispose()
    removeTempDir(dataDir)
  }
}

async function measureInChild(database: 'sqlite' | 'postgres'): Promise<Measure> {
  const child = spawnNode(fileURLToPath(import.meta.url), { ...process.env, [childVariable]: database }, [
    '--expose-gc',
  ])
  await child.exited
  const last = child.output().split('\n').at(-1) ?? ''
  if (child.process.exitCode !== 0 || !last.startsWith('{'))
    throw new Error(`${database} failed: ${child.output()}`)
  return JSON.parse(last) as Measure
}

/** Milliseconds below a second, seconds above: both readable at a glance. */
const duration = (milliseconds: number) =>
  milliseconds < 1000 ? `${milliseconds.toFixed(0)} ms` : seconds(milliseconds)

export async function run(): Promise<Figure[]> {
  heading(`Footprint pages of a workspace with ${itemCount.toLocaleString('en')} items (app.request)`)
  const figures: Figure[] = []
  const databases: ('sqlite' | 'postgres')[] = benchDatabaseUrl() ? ['sqlite', 'postgres'] : ['sqlite']
  if (databases.length === 1) note('PostgreSQL skipped (set BENCH_DATABASE_URL to measure it)')
  for (const database of databases) {
    const label = database === 'sqlite' ? 'SQLite' : 'PostgreSQL'
    let measure: Measure
    try {
      measure = await measureInChild(database)
    } catch (error) {
      figures.push(
        report({
          bench,
          database: label,
          measure: 'could not run',
          value: (error as Error).message.split('\n')[0] ?? '',
        }),
      )
      if (database === 'postgres') process.exitCode = 1
      continue
    }
    note(`${label}: ${measure.items.toLocaleString('en')} items inserted in ${seconds(measure.seedMs)}`)
    for (const page of measure.pages) {
      const isResults = page.label === 'results page'
      figures.push(
        report({
          bench,
          database: label,
          measure: `${page.label}: cold / median of ${warmRuns} warm`,
          value: `${duration(page.coldMs)} / ${duration(page.warmMedianMs)} (${(page.bytes / 1024).toFixed(0)} kB)`,
          ...(isResults && itemCount === 100_000
            ? { target: `cold ≤ ${seconds(resultsColdTargetMs)}`, met: page.coldMs <= resultsColdTargetMs }
            : {}),
        }),
      )
    }
    figures.push(
      report({
        bench,
        database: label,
        measure: 'peak RSS: while serving the pages / whole process (seeding included)',
        value: `${measure.pagesPeakRssMb.toFixed(0)} MB / ${measure.peakRssMb.toFixed(0)} MB`,
      }),
    )
  }
  return figures
}

const child = process.env[childVariable]
if (isMainModule(import.meta.url)) {
  if (child === 'sqlite' || child === 'postgres') {
    const measure = await measureHere(child)
    console.log(JSON.stringify(measure))
    process.exit(0)
  } else await runAlone(run)
}
