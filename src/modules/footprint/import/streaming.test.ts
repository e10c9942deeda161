import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSyntheticTemplate } from '../../../test-support/synthetic-inventory.js'
import { readTemplateRows } from './template-format.js'

// A garbage collection on demand, to measure what the reader keeps rather than what it left behind.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

const rowCount = 200_000
let dir: string
let path: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalons-import-'))
  path = join(dir, 'inventaire.csv')
  await writeSyntheticTemplate(path, rowCount)
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
    expect({ rows, items, errors, lastLine }).toEqual({
      rows: rowCount,
      items: rowCount,
      errors: 0,
      lastLine: rowCount + 1,
    })
    // The whole file (20+ MB of text, 200,000 items) would not fit in these bounds.
    expect(peak).toBeLessThan(100 * 1024 * 1024)
    expect(keptMidway).toBeLessThan(20 * 1024 * 1024)
  })
})
