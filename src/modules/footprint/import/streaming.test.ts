import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { templateHeader } from './formats.js'
import { readTemplateRows } from './template-format.js'

// A garbage collection on demand, to measure what the reader keeps rather than what it left behind.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

const rowCount = 200_000
const types = [
  'Ordinateur portable',
  'Écran',
  'Poste fixe',
  'Smartphone',
  'Imprimante',
  'Serveur',
  'Tablette',
]
let dir: string
let path: string

/** A realistic row: accents, dates, a decimal comma, quoted text now and then. */
function row(index: number): string {
  const day = String(1 + (index % 28)).padStart(2, '0')
  const month = String(1 + (index % 12)).padStart(2, '0')
  const model = index % 10 === 0 ? `"Modèle ${index % 97}; série ""${index % 7}"""` : `Modèle ${index % 97}`
  return [
    types[index % types.length],
    model,
    1 + (index % 5),
    `Site ${index % 40}`,
    `Service ${index % 25}`,
    index % 3 === 0 ? 'agents|télétravail' : '',
    `${day}/${month}/20${10 + (index % 14)}`,
    '',
    'en service',
    index % 4 === 0 ? 'reconditionné' : 'neuf',
    '',
    '',
    index % 6 === 5 ? `${index % 900},5` : '',
    'France',
    '',
    `REF-${index}`,
  ].join(';')
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalons-import-'))
  path = join(dir, 'inventaire.csv')
  const out = createWriteStream(path)
  out.write(`\uFEFF${templateHeader('fr').join(';')}\r\n`)
  let batch = ''
  for (let index = 0; index < rowCount; index++) {
    batch += `${row(index)}\r\n`
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await once(out, 'drain')
      batch = ''
    }
  }
  out.end(batch)
  await once(out, 'finish')
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('streaming a large template file', () => {
  it(`reads ${rowCount.toLocaleString('en')} rows with bounded memory`, async () => {
    expect(statSync(path).size).toBeGreaterThan(20 * 1024 * 1024)
    collectGarbage()
    const baseline = process.memoryUsage().heapUsed
    let peak = 0
    let keptMidway = 0
    let rows = 0
    let items = 0
    let errors = 0
    let lastLine = 0
    const started = performance.now()
    for await (const result of readTemplateRows(path, { today: '2025-06-30' })) {
      rows++
      if (result.item) items++
      errors += result.errors.length
      lastLine = result.line
      if (rows % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline)
      if (rows === rowCount / 2) {
        collectGarbage()
        keptMidway = process.memoryUsage().heapUsed - baseline
      }
    }
    const elapsed = performance.now() - started
    expect({ rows, items, errors, lastLine }).toEqual({
      rows: rowCount,
      items: rowCount,
      errors: 0,
      lastLine: rowCount + 1,
    })
    // The whole file (20+ MB of text, 200,000 items) would not fit in these bounds.
    expect(peak).toBeLessThan(100 * 1024 * 1024)
    expect(keptMidway).toBeLessThan(20 * 1024 * 1024)
    expect(elapsed).toBeLessThan(10_000)
  })
})
