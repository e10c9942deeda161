import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { templateExampleXlsx } from '../xlsx/template-xlsx.js'
import { readInventoryFile, readInventoryRows } from './read-inventory.js'
import type { ImportRow } from './types.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)
const today = '2025-06-30'

describe('readInventoryFile: the file tells its format', () => {
  it.each([
    ['template-valid.csv', 'template', 6, 0],
    ['template-windows1252.csv', 'template', 2, 0],
    ['numecoeval-equipment.csv', 'numecoeval-equipment', 6, 1],
    ['pcr-si.json', 'pcr-si', 3, 8],
  ] as const)('%s → %s', async (name, format, items, errors) => {
    const result = await readInventoryFile(fixture(name), { today })
    expect(result.format).toBe(format)
    expect(result.items).toHaveLength(items)
    expect(result.errors).toHaveLength(errors)
  })

  it('reads a datacenter file into datacenters', async () => {
    const result = await readInventoryFile(fixture('numecoeval-datacenters.csv'), { today })
    expect(result.format).toBe('numecoeval-datacenter')
    expect(result.items).toEqual([])
    expect(result.datacenters.map((datacenter) => datacenter.shortName)).toEqual(['DC1', 'DC2'])
    expect(result.errors).toHaveLength(4)
  })

  it('reads a stream once, even after sniffing it', async () => {
    const stream = Readable.from([
      Buffer.from('type;quantite\n'),
      Buffer.from('PC;2\n'),
      Buffer.from('TV;1\n'),
    ])
    const result = await readInventoryFile(stream, { today })
    expect(result.items.map((item) => [item.type, item.quantity])).toEqual([
      ['desktop', 2],
      ['display', 1],
    ])
  })

  it('gives a refused file as one error', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    const result = await readInventoryFile(xls)
    expect(result.fileProblem?.code).toBe('spreadsheet')
    expect(result.errors).toEqual([{ line: 1, column: null, message: result.fileProblem?.message }])
  })

  it('reads the template filled in as an XLSX workbook, and refuses a damaged one', async () => {
    const workbook = templateExampleXlsx('fr')
    const result = await readInventoryFile(workbook, { today })
    expect(result.format).toBe('template')
    expect(result.errors).toEqual([])
    expect(result.items.length).toBeGreaterThan(0)
    const damaged = await readInventoryFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))
    expect(damaged.fileProblem).not.toBeNull()
    expect(damaged.items).toEqual([])
  })
})

describe('readInventoryRows', () => {
  it('streams the template and NumEcoEval equipment files', async () => {
    for (const name of ['template-valid.csv', 'numecoeval-equipment.csv']) {
      const rows: ImportRow[] = []
      for await (const row of readInventoryRows(fixture(name), { today })) rows.push(row)
      expect(rows.length).toBeGreaterThan(5)
    }
  })

  it('refuses a datacenter file, which holds no items', async () => {
    const read = async () => {
      for await (const _row of readInventoryRows(fixture('numecoeval-datacenters.csv'))) {
        // nothing
      }
    }
    await expect(read()).rejects.toThrow(
      'Ce fichier est au format NumEcoEval (centres de données), alors que ce format-ci est attendu : modèle Jalons ou NumEcoEval (équipements physiques).',
    )
  })
})
