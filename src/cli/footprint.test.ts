import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { templateExampleXlsx } from '../modules/footprint/xlsx/template-xlsx.js'
import { runFootprint } from './footprint.js'

const fixtures = join(import.meta.dirname, '../modules/footprint/import/fixtures')
const folder = mkdtempSync(join(tmpdir(), 'jalons-cli-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function run(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await runFootprint(argv, { out: (text) => (out += text), err: (text) => (err += text) })
  return { code, out, err }
}

/** One laptop, five years of service from 2021: the README's oracle. */
function oneLaptop(): string {
  const file = join(folder, 'one-laptop.csv')
  writeFileSync(
    file,
    'type;quantite;date_achat;date_retrait;statut\nOrdinateur portable;1;01/01/2021;01/01/2026;réformé\n',
  )
  return file
}

describe('jalons footprint', () => {
  it('sums the laptop oracle over its five years of life: 191.8 kgCO2e', async () => {
    const file = oneLaptop()
    let total = 0
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
      const { code, out } = await run(file, '--json', '--year', String(year))
      expect(code).toBe(0)
      const result = JSON.parse(out) as { totals: { climate: { total: number | null } } }
      total += result.totals.climate.total ?? 0
    }
    expect(total).toBeCloseTo(191.8, 1)
  })

  it('prints the documented JSON object', async () => {
    const { code, out } = await run(join(fixtures, 'template-valid.csv'), '--json', '--year', '2025')
    expect(code).toBe(0)
    const result = JSON.parse(out)
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['method', 'factorBase', 'items', 'totals', 'byType', 'errors']),
    )
    expect(result.method).toBe('stock')
    expect(result.factorBase).toEqual({ id: 'ademe-negaoctet-2022', version: '2022.1' })
    expect(Object.keys(result.totals.climate)).toEqual([
      'unit',
      'manufacturing',
      'distribution',
      'use',
      'endOfLife',
      'total',
    ])
    expect(result.totals.climate.unit).toBe('kgCO2e')
    const sumOfTypes = Object.values(result.byType as Record<string, { climate: { total: number } }>).reduce(
      (sum, line) => sum + (line.climate.total ?? 0),
      0,
    )
    expect(sumOfTypes).toBeCloseTo(result.totals.climate.total, 6)
    expect(result.errors).toEqual([])
  })

  it('computes the valid rows of a file with errors, lists every error, and exits with 1', async () => {
    const { code, out } = await run(join(fixtures, 'template-errors.csv'), '--json')
    expect(code).toBe(1)
    const result = JSON.parse(out) as { errors: { line: number; column: string | null; message: string }[] }
    expect(result.errors.length).toBeGreaterThan(5)
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        line: 8,
        column: 'date_achat',
        message: expect.stringContaining('31/02/2024'),
      }),
    )
    const table = await run(join(fixtures, 'template-errors.csv'))
    expect(table.code).toBe(1)
    expect(table.out).toContain('erreur(s) dans le fichier')
    expect(table.out).toContain('ligne 8, colonne date_achat')
  })

  it('reads NumEcoEval with its datacenters and PCR-SI JSON, naming the file of each error', async () => {
    const numEcoEval = await run(
      join(fixtures, 'numecoeval-equipment.csv'),
      '--datacenters',
      join(fixtures, 'numecoeval-datacenters.csv'),
      '--format',
      'numecoeval',
      '--json',
    )
    // Both fixtures hold bad rows on purpose (PUE below 1, unknown datacenter, unknown type).
    expect(numEcoEval.code).toBe(1)
    const fromNumEcoEval = JSON.parse(numEcoEval.out)
    expect(fromNumEcoEval.items).toBeGreaterThan(0)
    expect(fromNumEcoEval.errors).toContainEqual(
      expect.objectContaining({
        column: 'pue',
        message: expect.stringMatching(/^.*numecoeval-datacenters\.csv : Le PUE/),
      }),
    )
    expect(fromNumEcoEval.errors).toContainEqual(
      expect.objectContaining({
        column: 'nomCourtDatacenter',
        message: expect.stringContaining('« DC9 » absent'),
      }),
    )
    const pcrSi = await run(join(fixtures, 'pcr-si.json'), '--format', 'pcr-si', '--method', 'flux', '--json')
    expect(pcrSi.code).toBe(1)
    const fromPcrSi = JSON.parse(pcrSi.out)
    expect(fromPcrSi.method).toBe('flux')
    expect(fromPcrSi.errors).toContainEqual(
      expect.objectContaining({ column: 'items[4].type', suggestion: 'laptop' }),
    )
  })

  it('reads the template filled in as an XLSX workbook', async () => {
    const file = join(folder, 'modele.xlsx')
    writeFileSync(file, templateExampleXlsx('fr'))
    const { code, out } = await run(file, '--json', '--year', '2025')
    expect(JSON.parse(out).errors).toEqual([])
    expect(code).toBe(0)
    expect(JSON.parse(out).items).toBeGreaterThan(0)
  })

  it('says when the file is not in the announced format', async () => {
    const { code, out } = await run(join(fixtures, 'template-valid.csv'), '--format', 'numecoeval', '--json')
    expect(code).toBe(1)
    expect(JSON.parse(out).errors[0].message).toContain('pas numecoeval')
  })

  it('refuses a malformed command with its usage and exit code 2', async () => {
    for (const argv of [
      [],
      ['a.csv', '--method', 'mean'],
      ['a.csv', '--year', '25'],
      ['a.csv', '--base', 'nope'],
      ['a.csv', '--colour'],
    ]) {
      const { code, err } = await run(...argv)
      expect(code, argv.join(' ')).toBe(2)
      expect(err).toContain('Utilisation : jalons footprint')
    }
  })

  it('reports an empty file as one clear error', async () => {
    const file = join(folder, 'empty.csv')
    writeFileSync(file, '')
    const { code, out } = await run(file, '--json')
    expect(code).toBe(1)
    expect(JSON.parse(out).errors[0].message).toMatch(/vide/)
  })
})
