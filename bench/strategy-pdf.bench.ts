/**
 * The strategy document of a large action plan, from the data to the PDF.
 *
 * Seeding (not measured): a fresh SQLite database, a territory of 60,000 inhabitants and 800
 * agents with its workspace, a 2,000-line inventory (so the diagnosis has a footprint), a submitted
 * self-assessment, a value for each of the referential's 49 indicators in the year and the year
 * before, 50 objectives, BENCH_STRATEGY_ACTIONS (200) actions — two thirds public, every status,
 * budgets, services, dates, linked objectives —, the free texts and three milestones.
 *
 * Measured, 3 runs each (the first one cold): building the strategy's HTML (collecting the data:
 * footprint, readings, objectives with their status, actions; then rendering), printing it to PDF
 * with the machine's Chromium, and the two together against the target ≤ 5 s. Then the PDF's size
 * and page count. BENCH_STRATEGY_PDF_OUT=<file> keeps the last PDF (and its HTML), to look at.
 */
import { writeFileSync } from 'node:fs'
import { actionStatuses } from '../src/db/schema.js'
import { chromiumAvailable, pdfPageCount, printPdf } from '../src/lib/print-pdf.js'
import type { DeviceType } from '../src/modules/footprint/inventory-item.js'
import { insertItemsBulk } from '../src/modules/inventory/imports/bulk-insert.js'
import { currentReferential } from '../src/modules/referential/referential.store.js'
import { collectDocumentData } from '../src/modules/strategy/documents/document-data.js'
import { renderDocumentHtml } from '../src/modules/strategy/documents/render-document.js'
import { referentialIndicators } from '../src/modules/strategy/indicators/referential-indicators.js'
import {
  insertAction,
  insertIndicatorValue,
  insertObjective,
} from '../src/modules/strategy/test-strategy-data.js'
import { inventoryItem } from '../src/test-support/inventory-items.js'
import { insertTestWorkspace } from '../src/test-support/test-workspaces.js'
import { freshSqlite, migrateWithBundledData } from './support/databases.js'
import {
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

const bench = 'strategy-pdf'
const actionCount = envInteger('BENCH_STRATEGY_ACTIONS', 200, 1, 5000)
const runs = 3
const targetMs = 5_000
const year = 2025
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export async function run(): Promise<Figure[]> {
  heading(`Strategy document of a workspace with ${actionCount} actions and 49 indicators (HTML, then PDF)`)
  if (!chromiumAvailable(chromiumPath)) {
    note(`Chromium not found at ${chromiumPath}: set CHROMIUM_PATH`)
    return [report({ bench, database: 'SQLite', measure: 'could not run', value: 'no Chromium' })]
  }
  const database = await freshSqlite()
  try {
    const { db } = database.handle
    await migrateWithBundledData(database)
    const referential = await currentReferential(db)
    const { workspaceId, territoryId } = await insertTestWorkspace(db, { population: 60_000, agents: 800 })
    const types: DeviceType[] = ['laptop', 'desktop', 'monitor', 'smartphone', 'printer', 'tablet']
    await db.transaction().execute((trx) =>
      insertItemsBulk(
        trx,
        workspaceId,
        Array.from({ length: 2_000 }, (_, index) =>
          inventoryItem({
            type: types[index % types.length],
            quantity: 1 + (index % 4),
            site: `Site ${index % 12}`,
            service: `Service ${index % 9}`,
            purchaseDate: `20${17 + (index % 8)}-0${1 + (index % 9)}-15`,
          }),
        ),
        null,
      ),
    )

    const commitments = referential.ambitions.flatMap((ambition) => ambition.commitments)
    await db
      .insertInto('assessments')
      .values({
        workspace_id: workspaceId,
        year,
        referential_version: referential.version,
        status: 'submitted',
        created_at: `${year}-03-01T10:00:00Z`,
        created_by: null,
        updated_at: `${year}-03-20T10:00:00Z`,
        submitted_at: `${year}-03-20T10:00:00Z`,
        submitted_by: null,
        tier: 'L',
        peer_kind: 'commune',
        population_band: '50k-100k',
        score: 54,
        letter: 'C',
        scores: JSON.stringify({
          ambition: {},
          commitment: Object.fromEntries(
            commitments.map((commitment, index) => [commitment.id, 30 + index * 7]),
          ),
        }),
      })
      .execute()

    const indicators = referentialIndicators(referential)
    for (const [index, { indicator }] of indicators.entries())
      for (const valueYear of [year - 1, year])
        await insertIndicatorValue(db, workspaceId, {
          indicatorId: indicator.id,
          year: valueYear,
          value: 10 + index + (valueYear === year ? 3 : 0),
          source: `Tableau de bord du service ${index % 7}`,
        })
    const objectiveIds: number[] = []
    for (let index = 0; index < 50; index++) {
      const { indicator } = indicators[index % indicators.length] as (typeof indicators)[number]
      objectiveIds.push(
        await insertObjective(db, workspaceId, {
          indicatorId: indicator.id,
          title: `Objectif ${index + 1} : ${indicator.name}`,
          baseline: { year: year - 2, value: 10 + (index % indicators.length) },
          targets: [
            { year: year + 1, value: 20 + index },
            { year: year + 5, value: 40 + index },
          ],
          decreeAxis: 1 + (index % 6),
        }),
      )
    }
    for (let index = 0; index < actionCount; index++)
      await insertAction(db, workspaceId, {
        title: `Action ${index + 1} : réduire l’empreinte du poste de travail, lot ${index % 17}`,
        description:
          index % 3 === 0
            ? 'Allonger la durée de vie des équipements par la réparation et le réemploi.'
            : null,
        isPublic: index % 3 !== 2,
        status: actionStatuses[index % actionStatuses.length],
        budgetEuros: index % 4 === 0 ? null : 1_000 * (index % 50),
        ownerService: index % 5 === 0 ? null : `Direction ${index % 9}`,
        commitments: [(commitments[index % commitments.length] as (typeof commitments)[number]).id],
        decreeAxis: 1 + (index % 6),
        startDate: `${year - 1 + (index % 3)}-${String(1 + (index % 12)).padStart(2, '0')}-01`,
        endDate: index % 2 === 0 ? `${year + 1 + (index % 3)}-06-30` : null,
        objectiveIds: [objectiveIds[index % objectiveIds.length] as number],
      })
    const now = new Date().toISOString()
    for (const [section, body] of Object.entries({
      introduction: `## Notre ambition\nUn numérique **sobre**, inclusif et durable.\n\n${'Le territoire s’engage dans une démarche de long terme. '.repeat(20)}`,
      governance:
        '## Pilotage\n- Un comité de pilotage d’élus, deux fois par an\n- Un référent par direction',
      means: 'Une équipe de deux personnes à temps plein.',
      past_actions: '- Reconditionnement des ordinateurs depuis 2019',
    }))
      await db
        .insertInto('strategy_texts')
        .values({ workspace_id: workspaceId, section, body, updated_by: null, updated_at: now })
        .execute()
    for (const [kind, date, milestoneYear] of [
      ['programme_travail', '2022-12-12', null],
      ['strategie', '2024-12-16', null],
      ['bilan_annuel', `${year}-11-20`, year],
    ] as const)
      await db
        .insertInto('strategy_milestones')
        .values({
          workspace_id: workspaceId,
          kind,
          date,
          year: milestoneYear,
          deliberation_number: `${date.slice(0, 4)}-42`,
          document_url: null,
          comment: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute()

    const workspace = { id: workspaceId, territoryId }
    const htmlTimes: number[] = []
    const pdfTimes: number[] = []
    let html = ''
    let pdf: Buffer = Buffer.alloc(0)
    for (let attempt = 0; attempt < runs; attempt++) {
      const started = performance.now()
      html = renderDocumentHtml(await collectDocumentData(db, workspace, 'strategie', year), null)
      const built = performance.now()
      pdf = await printPdf(html, { chromiumPath })
      htmlTimes.push(built - started)
      pdfTimes.push(performance.now() - built)
    }
    const out = process.env.BENCH_STRATEGY_PDF_OUT
    if (out) {
      writeFileSync(out, pdf)
      writeFileSync(`${out}.html`, html)
      note(`PDF kept at ${out}, its HTML at ${out}.html`)
    }
    const totals = htmlTimes.map((time, index) => time + (pdfTimes[index] as number))
    const list = (times: number[]) => times.map((time) => seconds(time)).join(', ')
    const worst = Math.max(...totals)
    return [
      report({
        bench,
        database: 'SQLite',
        measure: `strategy HTML built (${runs} runs)`,
        value: list(htmlTimes),
      }),
      report({
        bench,
        database: 'SQLite',
        measure: `PDF printed by Chromium (${runs} runs)`,
        value: list(pdfTimes),
      }),
      report({
        bench,
        database: 'SQLite',
        measure: `HTML + PDF, slowest of ${runs} (median ${seconds(median(totals))})`,
        value: seconds(worst),
        target: `≤ ${seconds(targetMs)}`,
        met: worst <= targetMs,
      }),
      report({
        bench,
        database: 'SQLite',
        measure: 'document size',
        value: `HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} kB, PDF ${(pdf.length / 1024).toFixed(0)} kB, ${pdfPageCount(pdf)} pages`,
      }),
    ]
  } finally {
    await database.dispose()
  }
}

if (isMainModule(import.meta.url)) await runAlone(run)
