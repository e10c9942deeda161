import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readXlsxSheet } from './read-xlsx.js'
import { columnLetters, isoDateToSerial, writeXlsx, xmlText } from './write-xlsx.js'
import { readZip } from './zip.js'

const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import xml.dom.minidom'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

const partText = (bytes: Uint8Array, name: string) =>
  Buffer.from(readZip(bytes).read(name) as Uint8Array).toString('utf8')

describe('writeXlsx', () => {
  const tricky = [
    'R&D <Nord> "quoted" \'single\'',
    '  leading and trailing spaces  ',
    'line 1\r\nline 2\nline 3',
    'tab\there',
    'control \u0001\u001f chars',
    'literal _x0041_ stays',
    '=SUM(A1:A2)',
    'emoji 🖥️ and lone \ud800 surrogate',
  ]

  it('writes the parts of a workbook, with their content types', () => {
    const bytes = writeXlsx([['a']])
    expect(readZip(bytes).entries.map((entry) => entry.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
    ])
    const types = partText(bytes, '[Content_Types].xml')
    expect(types).toContain(
      'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"',
    )
    expect(types).toContain('PartName="/xl/worksheets/sheet1.xml"')
    expect(types).toContain('PartName="/xl/styles.xml"')
  })

  it('reads back: text of every kind, numbers, booleans, dates, gaps', () => {
    const rows = [
      ['header', 'number', 'date', 'boolean'],
      ...tricky.map((text, index) => [text, index + 0.5, { date: '2024-01-01' }, index % 2 === 0]),
      [null, 1450.5, undefined, ''],
    ]
    const read = readXlsxSheet(writeXlsx(rows)).rows
    expect(read[0]).toEqual({ line: 1, cells: ['header', 'number', 'date', 'boolean'] })
    tricky.forEach((text, index) => {
      expect(read[index + 1]?.cells).toEqual([
        text, // even the lone surrogate, which UTF-8 cannot hold: written as _xD800_
        String(index + 0.5),
        '2024-01-01',
        index % 2 === 0 ? 'TRUE' : 'FALSE',
      ])
    })
    expect(read.at(-1)).toEqual({ line: tricky.length + 2, cells: ['', '1450.5'] })
  })

  it('dates as date serials in the built-in date style; a date Excel cannot hold as text', () => {
    const sheet = partText(
      writeXlsx([['d'], [{ date: '2024-01-01' }], [{ date: '1899-05-01' }]]),
      'xl/worksheets/sheet1.xml',
    )
    expect(sheet).toContain('<c r="A2" s="2"><v>45292</v></c>')
    expect(sheet).toContain('<c r="A3" t="inlineStr"><is><t>1899-05-01</t></is></c>')
    expect(partText(writeXlsx([['d']]), 'xl/styles.xml')).toContain('<xf numFmtId="14"')
  })

  it('the header bold and frozen; the sheet named', () => {
    const bytes = writeXlsx([['type'], ['PC']], { sheetName: 'Inventaire: 2024/[1]' })
    const sheet = partText(bytes, 'xl/worksheets/sheet1.xml')
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">')
    expect(sheet).toContain('state="frozen"')
    expect(readXlsxSheet(bytes).name).toBe('Inventaire  2024  1')
  })

  it.skipIf(!hasPython)('every part is well-formed XML for an independent parser', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jalons-xlsx-')), 'tricky.xlsx')
    writeFileSync(path, writeXlsx([['a', 'b'], ...tricky.map((text) => [text, 1])]))
    const script =
      'import sys, zipfile, xml.dom.minidom\nz = zipfile.ZipFile(sys.argv[1])\n' +
      'for name in z.namelist(): xml.dom.minidom.parseString(z.read(name))\nprint(len(z.namelist()))'
    expect(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim()).toBe('6')
  })

  it('refuses more columns than a sheet holds', () => {
    expect(() => writeXlsx([new Array(16_385).fill('x')])).toThrow(RangeError)
  })
})

describe('the pieces', () => {
  it('column letters', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ])
  })

  it('ISO dates → serials', () => {
    expect(isoDateToSerial('2024-01-01')).toBe(45292)
    expect(isoDateToSerial('1900-03-01')).toBe(61)
    expect(isoDateToSerial('1900-02-28')).toBeNull()
    expect(isoDateToSerial('2024-02-30')).toBeNull()
    expect(isoDateToSerial('01/01/2024')).toBeNull()
  })

  it('XML text escapes', () => {
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c')
    expect(xmlText('\r\u0001_x0041_')).toBe('_x000D__x0001__x005F_x0041_')
  })
})
