/**
 * HTTP throughput of a territory's public strategy page on SQLite, as bench/territory-page does:
 * the built server (node dist/src/server.js) and a bare Hono hello-world run as two child
 * processes, autocannon runs here. The territory (Lyon) has published a strategy of 50 objectives
 * and 200 public actions (written into the database before the server starts), plus two earlier
 * versions. Also: the page's weight against the page budget, and the cost of rendering it when
 * the page cache cannot help (in this process, through the app). Target: ≥ 1,000 requests/s.
 * BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS override.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createApp } from '../src/app.js'
import { prepareDatabase } from '../src/bootstrap.js'
import { loadConfig } from '../src/config.js'
import { actionStatuses } from '../src/db/schema.js'
import { ecoIndex } from '../src/lib/ecoindex.js'
import type { ObjectiveStatus } from '../src/modules/strategy/objectives/objective-status.js'
import {
  insertPublishedDocument,
  testAction,
  testObjective,
  testSnapshot,
  workspaceOf,
} from '../src/modules/strategy/publication/test-publications.js'
import {
  helloFigure,
  measurePage,
  pageFigures,
  pageLoadSettings,
  startServer,
} from './support/page-throughput.js'
import {
  type Child,
  freePort,
  helloScript,
  makeTempDir,
  removeTempDir,
  requireBuilt,
  serverEnv,
  serverScript,
  stopChild,
} from './support/processes.js'
import {
  type Figure,
  heading,
  isMainModule,
  median,
  ms,
  note,
  report,
  runAlone,
  seconds,
} from './support/report.js'

const bench = 'public-strategy-page'
const targetRps = 1000
/** The page budget of every page (tests/e2e/support/audit.ts): 15 requests, 150 kB on the wire. */
const budget = { requests: 15, bytes: 150 * 1024 }
const territory = { kind: 'commune', code: '69123', name: 'Lyon', population: 522_250 } as const
const pagePath = '/territoires/commune/69123/strategie'
const objectiveCount = 50
const actionCount = 200

const objectiveStatuses: ObjectiveStatus[] = ['on_track', 'behind', 'reached', 'no_data']

/** A published strategy of the size the issue names, with varied statuses, dates and budgets. */
function largeSnapshot() {
  const objectives = Array.from({ length: objectiveCount }, (_, index) => {
    const status = objectiveStatuses[index % objectiveStatuses.length] as ObjectiveStatus
    return testObjective(index + 1, {
      title: `Objectif ${index + 1} : réduire l’impact du numérique sur l’axe ${(index % 6) + 1}`,
      decreeAxis: (index % 6) + 1,
      status,
      measured: status === 'no_data' ? null : { year: 2025, value: 100 - (index % 30) },
    })
  })
  const actions = Array.from({ length: actionCount }, (_, index) =>
    testAction(index + 1, {
      title: `Action ${index + 1} : allonger la durée de vie du matériel du service ${index % 12}`,
      description:
        index % 3 === 0
          ? null
          : 'Recenser le matériel, le reconditionner avec une entreprise d’insertion locale et former les agents.',
      commitments: index % 2 === 0 ? ['A2.E1'] : ['A1.E2', 'A3.E1'],
      decreeAxis: (index % 6) + 1,
      status: actionStatuses[index % actionStatuses.length] as (typeof actionStatuses)[number],
      startDate: `202${5 + (index % 3)}-0${1 + (index % 9)}-01`,
      endDate: index % 4 === 0 ? null : `202${6 + (index % 3)}-12-31`,
      budgetEuros: index % 5 === 0 ? null : 1000 * (index % 40),
      objectiveIds: [(index % objectiveCount) + 1],
    }),
  )
  return testSnapshot(territory, { objectives, actions })
}

/** Elements as the EcoIndex counts them (every element; the page has no <svg>). */
const elementCount = (html: string) => (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length

export async function run(): Promise<Figure[]> {
  heading('Public strategy page throughput (SQLite, HTTP, autocannon)')
  requireBuilt(serverScript)
  requireBuilt(helloScript)
  const settings = pageLoadSettings()

  const dataDir = makeTempDir('jalons-bench-strategy-')
  const children: Child[] = []
  const figures: Figure[] = []
  try {
    const serverSettings = { NODE_ENV: 'production', DATA_DIR: dataDir }
    const preparing = performance.now()
    const config = loadConfig(serverEnv({ ...serverSettings, PORT: '0' }))
    const { handle } = await prepareDatabase(config)
    try {
      const { workspaceId } = await workspaceOf(handle.db, territory)
      const snapshot = largeSnapshot()
      for (const [kind, title, publishedAt] of [
        ['programme_travail', 'Programme de travail 2023', '2023-03-20T10:00:00.000Z'],
        ['bilan_annuel', 'Bilan annuel 2024', '2024-10-01T10:00:00.000Z'],
        ['strategie', 'Stratégie numérique responsable 2025', '2025-06-30T10:00:00.000Z'],
      ] as const)
        await insertPublishedDocument(handle.db, {
          workspaceId,
          kind,
          title,
          publishedAt,
          snapshot,
          html: `<!DOCTYPE html><html lang="fr"><body>${'<p>…</p>'.repeat(5000)}</body></html>`,
        })
      note(
        `data folder prepared in ${seconds(performance.now() - preparing)}: Lyon, ${objectiveCount} objectives, ${actionCount} public actions, 3 versions`,
      )

      // Rendering cost without the page cache: a distinct query string makes each request a miss.
      const app = createApp({ db: handle.db, dialect: handle.dialect, config })
      const timings: number[] = []
      for (let index = 0; index < 300; index++) {
        const started = performance.now()
        const response = await app.request(`${pagePath}?n=${index}`)
        await response.text()
        if (response.status !== 200)
          throw new Error(`${pagePath} answered HTTP ${response.status} in process`)
        if (index >= 50) timings.push(performance.now() - started)
      }
      figures.push(
        report({
          bench,
          database: 'SQLite',
          measure: 'page rendered without the cache (in process, median of 250)',
          value: ms(median(timings)),
        }),
      )
    } finally {
      await handle.close()
    }

    const jalons = await startServer(
      serverScript,
      serverEnv({ ...serverSettings, PORT: String(await freePort()) }),
      '/healthz',
    )
    children.push(jalons.child)
    const hello = await startServer(helloScript, serverEnv({ PORT: String(await freePort()) }), '/')
    children.push(hello.child)

    const helloResult = (await measurePage('hello world', `${hello.base}/`, hello.child, settings)).result
    const { result, body } = await measurePage(
      'public strategy page (Lyon)',
      `${jalons.base}${pagePath}`,
      jalons.child,
      settings,
    )
    if (!body.includes('Action 1 :')) throw new Error('the page does not show the published actions')

    // The page's weight as the browser test weighs it: the HTML, the stylesheet, the icon.
    const stylesheet = readFileSync(fileURLToPath(new URL('../../public/app.css', import.meta.url)))
    const favicon = readFileSync(fileURLToPath(new URL('../../public/favicon.svg', import.meta.url)))
    const htmlBytes = Buffer.byteLength(body)
    const totalBytes = htmlBytes + stylesheet.byteLength + favicon.byteLength
    const elements = elementCount(body)
    const eco = ecoIndex({ domElements: elements, requests: 3, sizeKb: totalBytes / 1000 })
    figures.push(
      ...pageFigures(bench, 'public strategy page', result, helloResult, targetRps),
      helloFigure(bench, helloResult),
      report({
        bench,
        database: '-',
        measure: 'public strategy page weight: HTML + stylesheet + icon, uncompressed (3 requests)',
        value: `${(htmlBytes / 1024).toFixed(1)} + ${(stylesheet.byteLength / 1024).toFixed(1)} + ${(favicon.byteLength / 1024).toFixed(1)} kB = ${(totalBytes / 1024).toFixed(1)} kB`,
        target: `≤ ${budget.bytes / 1024} kB, ≤ ${budget.requests} requests`,
        met: totalBytes <= budget.bytes,
      }),
      report({
        bench,
        database: '-',
        measure: 'public strategy page elements, EcoIndex (estimated from the above)',
        value: `${elements} elements, ${eco.score} ${eco.grade}`,
        target: 'grade A',
        met: eco.grade === 'A',
      }),
    )
    return figures
  } finally {
    for (const child of children) await stopChild(child)
    removeTempDir(dataDir)
  }
}

if (isMainModule(import.meta.url)) await runAlone(run)
