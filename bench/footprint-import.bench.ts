import { createReadStream, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse'
import { runFootprint } from '../src/cli/footprint.js'
import { openCsv } from '../src/modules/footprint/import/source.js'
import { readTemplateRows } from '../src/modules/footprint/import/template-format.js'
import { writeSyntheticTemplate } from '../src/test-support/synthetic-inventory.js'
import { makeTempDir, removeTempDir, spawnNode } from './support/processes.js'
import { type Figure, heading, isMainModule, note, report, runAlone, seconds } from './support/report.js'

const bench = 'footprint-import'
const sizes = [10_000, 100_000, 1_000_000]
const targets: Record<number, number> = { 100000: 1_500, 1000000: 10_000 }
const rssTargetMb = 200
/** The issue's targets for import + compute (the database import comes with the pages). */
const footprintTargets: Record<number, number> = { 100000: 3_000, 1000000: 20_000 }
const footprintRssTargetMb = 400
const childVariable = 'JALONS_BENCH_IMPORT_CHILD'
const fileVariable = 'JALONS_BENCH_IMPORT_FILE'

type Reader = 'csv-parse' | 'records' | 'reader' | 'footprint'
interface Measure {
  rows: number
  items: number
  errors: number
  ms: number
  peakRssMb: number
}

const generate = (path: string, rows: number) => writeSyntheticTemplate(path, rows, { lifecycle: true })

/** In the child: reads the file one way and prints the measure as one JSON line. */
async function measureHere(reader: Reader, path: string): Promise<Measure> {
  const started = performance.now()
  let rows = 0
  let items = 0
  let errors = 0
  if (reader === 'csv-parse') {
    const parser = createReadStream(path).pipe(
      parse({
        delimiter: ';',
        bom: true,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }),
    )
    for await (const _record of parser) rows++
    rows-- // the header
  } else if (reader === 'records') {
    const opened = await openCsv(path, {}, ['template'])
    for await (const batch of opened.batches) rows += batch.length
  } else if (reader === 'footprint') {
    // The whole command line path: read, compute as rows arrive, print the JSON result.
    let output = ''
    const code = await runFootprint([path, '--json', '--year', '2025'], {
      out: (text) => {
        output += text
      },
      err: () => {},
    })
    const result = JSON.parse(output) as { items: number; errors: unknown[] }
    rows = result.items + result.errors.length
    items = result.items
    errors = result.errors.length
    if (code !== 0 && errors === 0) throw new Error(`jalons footprint exited with ${code}`)
  } else {
    for await (const result of readTemplateRows(path, { today: '2026-01-01' })) {
      rows++
      if (result.item) items++
      errors += result.errors.length
    }
  }
  const ms = performance.now() - started
  return { rows, items, errors, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }
}

async function measureInChild(reader: Reader, path: string): Promise<Measure> {
  const child = spawnNode(fileURLToPath(import.meta.url), {
    ...process.env,
    [childVariable]: reader,
    [fileVariable]: path,
  })
  await child.exited
  const last = child.output().split('\n').at(-1) ?? ''
  if (child.process.exitCode !== 0 || !last.startsWith('{'))
    throw new Error(`${reader} on ${path} failed: ${child.output()}`)
  return JSON.parse(last) as Measure
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`

export async function run(): Promise<Figure[]> {
  heading('Reading inventory files (template CSV): csv-parse alone vs our reader producing items')
  const figures: Figure[] = []
  const dir = makeTempDir('jalons-bench-import-')
  try {
    for (const size of sizes) {
      const path = join(dir, `inventaire-${size}.csv`)
      const generating = performance.now()
      await generate(path, size)
      const megabytes = statSync(path).size / (1024 * 1024)
      note(
        `${size.toLocaleString('en')} rows: ${megabytes.toFixed(1)} MB, generated in ${seconds(performance.now() - generating)}`,
      )
      const label = `${size.toLocaleString('en')} rows`
      const reference = await measureInChild('csv-parse', path)
      figures.push(
        report({
          bench,
          database: '-',
          measure: `(a) csv-parse alone, ${label}`,
          value: `${seconds(reference.ms)}, ${rate(reference.rows, reference.ms)}, peak RSS ${reference.peakRssMb.toFixed(0)} MB`,
        }),
      )
      const records = await measureInChild('records', path)
      figures.push(
        report({
          bench,
          database: '-',
          measure: `(a') our CSV layer alone, ${label}`,
          value: `${seconds(records.ms)}, ${rate(records.rows, records.ms)}, peak RSS ${records.peakRssMb.toFixed(0)} MB`,
        }),
      )
      const ours = await measureInChild('reader', path)
      if (ours.rows !== size || ours.items !== size)
        note(`reader: ${ours.rows} rows, ${ours.items} items, ${ours.errors} errors`)
      const whole = await measureInChild('footprint', path)
      const wholeTarget = footprintTargets[size]
      figures.push(
        report({
          bench,
          database: '-',
          measure: `(c) jalons footprint --json (read + compute + print), ${label}`,
          value: `${seconds(whole.ms)}, ${rate(whole.rows, whole.ms)}, peak RSS ${whole.peakRssMb.toFixed(0)} MB`,
          target: `${wholeTarget === undefined ? '' : `≤ ${seconds(wholeTarget)}, `}RSS ≤ ${footprintRssTargetMb} MB`,
          met:
            (wholeTarget === undefined || whole.ms <= wholeTarget) && whole.peakRssMb <= footprintRssTargetMb,
        }),
      )
      const target = targets[size]
      const met = (target === undefined || ours.ms <= target) && ours.peakRssMb <= rssTargetMb
      figures.push(
        report({
          bench,
          database: '-',
          measure: `(b) our reader → items, ${label}`,
          value: `${seconds(ours.ms)}, ${rate(ours.rows, ours.ms)}, peak RSS ${ours.peakRssMb.toFixed(0)} MB`,
          target: `${target === undefined ? '' : `≤ ${seconds(target)}, `}RSS ≤ ${rssTargetMb} MB`,
          met,
        }),
      )
    }
  } finally {
    removeTempDir(dir)
  }
  return figures
}

const childReader = process.env[childVariable]
const childFile = process.env[fileVariable]
if (isMainModule(import.meta.url)) {
  if (
    (childReader === 'csv-parse' ||
      childReader === 'records' ||
      childReader === 'reader' ||
      childReader === 'footprint') &&
    childFile
  ) {
    console.log(JSON.stringify(await measureHere(childReader, childFile)))
  } else await runAlone(run)
}
