import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { templateHeader } from '../import/formats.js'
import { readTemplateFile, templateExampleCsv, templateExampleItems } from '../import/template-format.js'
import type { FileInfo, InventoryImport } from '../import/types.js'
import { readXlsxSheet } from './read-xlsx.js'
import { maxXlsxFileBytes, readTemplateXlsx, templateExampleXlsx, toTemplateXlsx } from './template-xlsx.js'
import { writeXlsx, type XlsxValue } from './write-xlsx.js'
import { writeZip } from './zip.js'

const today = '2025-06-30'
const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const csv = (text: string) => Buffer.from(text, 'utf8')

/** The problem of a refused file, and the CSV reader's for the same rows, to compare. */
async function bothRefused(rows: string[][]): Promise<[InventoryImport, InventoryImport]> {
  const xlsx = await readTemplateXlsx(writeXlsx(rows), { today })
  const fromCsv = await readTemplateFile(csv(rows.map((row) => row.join(';')).join('\n')), { today })
  return [xlsx, fromCsv]
}

describe('the template as XLSX: download, then read back', () => {
  it('the example workbook holds the CSV template: header and example rows', async () => {
    const rows = readXlsxSheet(templateExampleXlsx()).rows
    expect(rows[0]?.cells).toEqual(templateHeader('fr'))
    expect(rows).toHaveLength(templateExampleItems.length + 1)
    expect(rows[1]?.cells.slice(0, 3)).toEqual(['Ordinateur portable', 'Dell Latitude 5440', '25'])
    expect(readXlsxSheet(templateExampleXlsx('en')).rows[0]?.cells).toEqual(templateHeader('en'))
  })

  it('reads back to the example items, the same as the CSV template gives', async () => {
    const expected = templateExampleItems.map((item, index) => ({ ...item, line: index + 2 }))
    for (const language of ['fr', 'en'] as const) {
      let file: FileInfo | undefined
      const result = await readTemplateXlsx(templateExampleXlsx(language), {
        today,
        language,
        onFile: (info) => {
          file = info
        },
      })
      expect(result.errors).toEqual([])
      expect(result.fileProblem).toBeNull()
      expect(result.format).toBe('template')
      expect(result.items).toEqual(expected)
      expect(file).toEqual({
        format: 'template',
        encoding: 'utf-8',
        separator: null,
        columns: templateHeader(language),
        ignoredColumns: [],
      })
      const fromCsv = await readTemplateFile(csv(templateExampleCsv(language)), { today })
      expect(result.items).toEqual(fromCsv.items)
    }
  })

  it('reads a path as well as bytes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jalons-template-')), 'modele.xlsx')
    writeFileSync(path, templateExampleXlsx())
    expect((await readTemplateXlsx(path, { today })).items).toHaveLength(templateExampleItems.length)
  })

  it('writes dates as dates and numbers as numbers', () => {
    const [first] = templateExampleItems
    const bytes = toTemplateXlsx(first ? [first] : [])
    const cells = readXlsxSheet(bytes).rows[1]?.cells ?? []
    expect(cells[6]).toBe('2023-03-15') // a date serial in a date style, read back as a date
    expect(cells[2]).toBe('25')
  })
})

describe('readTemplateXlsx: a workbook as Excel writes it (fixture)', () => {
  it('gives the items and row errors the CSV reader would, lines as in the sheet', async () => {
    const result = await readTemplateXlsx(fixturePath('excel-like.xlsx'), { today })
    expect(result.fileProblem).toBeNull()
    expect(result.items.map((item) => [item.line, item.type, item.model, item.quantity, item.site])).toEqual([
      [2, 'laptop', 'Dell Latitude 5440', 25, 'R&D <Nord>'],
      [3, 'monitor', null, 3, null],
      [5, 'server', null, 1, null],
    ])
    expect(result.items[0]).toMatchObject({
      purchaseDate: '2024-01-01',
      annualKwh: 1450.5,
      lifetimeYears: 5,
      reference: 'PC-001',
    })
    expect(result.items[1]).toMatchObject({ purchaseDate: '2024-01-01', annualKwh: 0.3, reference: 'E-1' })
    expect(result.items[2]).toMatchObject({
      purchaseDate: '2020-01-01',
      annualKwh: 1234.5,
      lifetimeYears: 4.5,
    })
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 7, column: 'type', suggestion: 'laptop' }),
      expect.objectContaining({
        line: 7,
        column: 'quantite',
        message: expect.stringMatching(/2\.5.*entier/),
      }),
    ])
  })

  it('skips blank rows; the header may start lower; cells past the header are ignored', async () => {
    const rows: XlsxValue[][] = [
      [],
      [null, null],
      ['type', 'quantite'],
      ['Écran', 2, 'note'],
      [],
      ['Serveur'],
    ]
    const result = await readTemplateXlsx(writeXlsx(rows), { today })
    expect(result.errors).toEqual([])
    expect(result.items.map((item) => [item.line, item.type, item.quantity])).toEqual([
      [4, 'monitor', 2],
      [6, 'server', 1],
    ])
  })
})

describe('readTemplateXlsx refuses a workbook as the CSV reader refuses its CSV', () => {
  it('a first sheet with the wrong header: unknown format, the same message', async () => {
    const [xlsx, fromCsv] = await bothRefused([
      ['nom', 'prix'],
      ['Poste', '3'],
    ])
    expect(xlsx.fileProblem?.code).toBe('unknown_format')
    expect(xlsx.fileProblem?.message).toMatch(/^Format de fichier non reconnu : l’en-tête \(nom, prix\)/)
    expect(xlsx.fileProblem).toEqual(fromCsv.fileProblem)
    expect(xlsx.errors).toEqual(fromCsv.errors)
    expect(xlsx.items).toEqual([])
  })

  it('data without a header, a column twice, another format, a header alone', async () => {
    for (const rows of [
      [
        ['Ordinateur portable', '3'],
        ['Écran', '2'],
      ],
      [
        ['type', 'quantite', 'Quantité'],
        ['Écran', '1', '2'],
      ],
      [
        ['nomEquipementPhysique', 'type'],
        ['PC-1', 'Laptop'],
      ],
      [['type', 'modele']],
    ]) {
      const [xlsx, fromCsv] = await bothRefused(rows)
      expect(xlsx.fileProblem, rows[0]?.join(';')).toEqual(fromCsv.fileProblem)
    }
  })

  it('the messages in English', async () => {
    const result = await readTemplateXlsx(writeXlsx([['nom'], ['x']]), { language: 'en' })
    expect(result.fileProblem?.message).toMatch(/^Unknown file format/)
  })
})

describe('readTemplateXlsx refuses what is not a readable workbook, saying what to do', () => {
  const problemOf = async (bytes: Uint8Array) => (await readTemplateXlsx(bytes, { today })).fileProblem

  it('a CSV file, a PDF, an old XLS, an ODS, another ZIP', async () => {
    expect(await problemOf(csv('type;modele\nPC;Dell\n'))).toMatchObject({
      code: 'wrong_format',
      message: expect.stringMatching(/fichier texte : importez-le comme fichier CSV/),
    })
    expect((await problemOf(csv('%PDF-1.7')))?.code).toBe('pdf')
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    expect(await problemOf(xls)).toMatchObject({ code: 'spreadsheet', message: expect.stringMatching(/XLS/) })
    const ods = writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }])
    expect(await problemOf(ods)).toMatchObject({ code: 'spreadsheet', message: expect.stringMatching(/ODS/) })
    expect((await problemOf(writeZip([{ name: 'a.txt', data: 'a' }])))?.code).toBe('wrong_format')
  })

  it('a damaged workbook', async () => {
    const bytes = Buffer.from(templateExampleXlsx())
    const problem = await problemOf(bytes.subarray(0, bytes.length - 100))
    expect(problem).toMatchObject({
      code: 'binary',
      message: expect.stringMatching(/endommagé ou incomplet/),
    })
  })

  it('an empty file, an empty first sheet, a file too large', async () => {
    expect((await problemOf(new Uint8Array(0)))?.code).toBe('empty')
    expect(await problemOf(writeXlsx([]))).toMatchObject({
      code: 'empty',
      message: expect.stringMatching(/première feuille/),
    })
    const huge = Buffer.alloc(maxXlsxFileBytes + 1)
    huge.write('PK')
    expect((await problemOf(huge))?.code).toBe('too_large')
  })
})
