import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  columnIndex,
  decodeXmlText,
  isDateFormatCode,
  numberText,
  readXlsxSheet,
  serialToIsoDate,
  XlsxError,
} from './read-xlsx.js'
import { writeZip, type ZipWriteEntry } from './zip.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** A minimal workbook around a sheet's XML (and optional shared strings, styles, workbook properties). */
function workbook(sheet: string, parts: { strings?: string; styles?: string; workbookPr?: string } = {}) {
  const entries: ZipWriteEntry[] = [
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${main}" xmlns:r="${rel}">${parts.workbookPr ?? ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet xmlns="${main}"><sheetData>${sheet}</sheetData></worksheet>`,
    },
  ]
  if (parts.strings)
    entries.push({ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${main}">${parts.strings}</sst>` })
  if (parts.styles)
    entries.push({ name: 'xl/styles.xml', data: `<styleSheet xmlns="${main}">${parts.styles}</styleSheet>` })
  return writeZip(entries)
}

function xlsxError(run: () => unknown): XlsxError {
  try {
    run()
  } catch (error) {
    if (error instanceof XlsxError) return error
    throw error
  }
  throw new Error('no XlsxError thrown')
}

describe('readXlsxSheet: a workbook as Excel writes it (fixture made by Python)', () => {
  const sheet = readXlsxSheet(fixture('excel-like.xlsx'))

  it('reads the first sheet of the workbook, whatever its part name', () => {
    expect(sheet.name).toBe('Parc')
    expect(sheet.rows.map((row) => row.line)).toEqual([1, 2, 3, 5, 6, 7])
  })

  it('shared strings, rich text without its phonetic run, entities, numbers, a date, an inline string', () => {
    expect(sheet.rows[0]?.cells).toEqual([
      'type',
      'modele',
      'quantite',
      'site',
      'date_achat',
      'kwh_annuel',
      'duree_vie_ans',
      'reference',
    ])
    expect(sheet.rows[1]?.cells).toEqual([
      'Ordinateur portable',
      'Dell Latitude 5440',
      '25',
      'R&D <Nord>',
      '2024-01-01', // serial 45292, built-in format 14
      '1450.5',
      '5',
      'PC-001',
    ])
  })

  it('cells that skip columns, a date-time in a custom date style, float noise, a formula result', () => {
    expect(sheet.rows[2]?.cells).toEqual(['Écran', '', '3', '', '2024-01-01', '0.3', '', 'E-1'])
  })

  it('a number in a number format is not a date; an empty styled cell is empty', () => {
    expect(sheet.rows[3]?.cells).toEqual(['Serveur', '', '', '', '2020-01-01', '1234.5', '4.5'])
    expect(sheet.rows[4]?.cells).toEqual([])
  })

  it('_xHHHH_ escapes; a duration format ([h]:mm:ss) is not a date', () => {
    expect(sheet.rows[5]?.cells).toEqual([
      'Ordinateur portabel',
      '',
      '2.5',
      'ligne 1\r\nligne 2',
      '',
      '',
      '0.5',
    ])
  })
})

describe('readXlsxSheet: cells', () => {
  it('shared strings, gaps in columns (C then F), and a row without reference', () => {
    const bytes = workbook(
      '<row r="2"><c r="C2" t="s"><v>1</v></c><c r="F2" t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c><c><v>7</v></c></row>',
      { strings: '<si><t>premier</t></si><si><t xml:space="preserve"> second </t></si>' },
    )
    expect(readXlsxSheet(bytes).rows).toEqual([
      { line: 2, cells: ['', '', ' second ', '', '', 'premier'] },
      { line: 3, cells: [' second ', '7'] },
    ])
  })

  it('a date serial in a date style: 45292 → 2024-01-01 (built-in 14 and custom dd/mm/yyyy)', () => {
    const bytes = workbook(
      '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1"><v>45292</v></c><c r="D1" s="3"><v>45292</v></c></row>',
      {
        styles:
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>' +
          '<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>' +
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>',
      },
    )
    expect(readXlsxSheet(bytes).rows[0]?.cells).toEqual(['2024-01-01', '2024-01-01', '45292', '45292'])
  })

  it('the 1904 date system', () => {
    const bytes = workbook('<row r="1"><c r="A1" s="1"><v>43830</v></c></row>', {
      styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      workbookPr: '<workbookPr date1904="1"/>',
    })
    expect(readXlsxSheet(bytes).rows[0]?.cells).toEqual(['2024-01-01'])
  })

  it('numbers with a decimal, negative, tiny; booleans; errors; ISO dates (t="d")', () => {
    const bytes = workbook(
      '<row r="1"><c r="A1"><v>1450.5</v></c><c r="B1"><v>-0.25</v></c><c r="C1"><v>1.5E-7</v></c>' +
        '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c>' +
        '<c r="G1" t="d"><v>2024-03-15T00:00:00</v></c></row>',
    )
    expect(readXlsxSheet(bytes).rows[0]?.cells).toEqual([
      '1450.5',
      '-0.25',
      '0.00000015',
      'TRUE',
      'FALSE',
      '#N/A',
      '2024-03-15',
    ])
  })

  it('inline strings, namespace prefixes, CDATA, character references, comments', () => {
    const bytes = writeZip([
      {
        name: 'xl/workbook.xml',
        data: `<x:workbook xmlns:x="${main}" xmlns:r="${rel}"><x:sheets><x:sheet name="Feuil1" sheetId="1" r:id="r7"/></x:sheets></x:workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships><Relationship Id="r7" Type="${rel}/worksheet" Target="./worksheets/../worksheets/data.xml"/></Relationships>`,
      },
      {
        name: 'xl/worksheets/data.xml',
        data:
          `<?xml version="1.0"?><!-- written by hand --><x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1">` +
          `<x:c r="A1" t="inlineStr"><x:is><x:t>Caf&#233; &#x2014; &quot;x&quot; &apos;y&apos; a &gt; b</x:t></x:is></x:c>` +
          `<x:c r="B1" t="inlineStr"><x:is><x:r><x:t><![CDATA[<b>brut</b>]]></x:t></x:r><x:r><x:t> &amp; fin</x:t></x:r></x:is></x:c>` +
          `<x:c r="C1" t='inlineStr'><x:is><x:t>attr="a>b"</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      },
    ])
    const sheet = readXlsxSheet(bytes)
    expect(sheet.name).toBe('Feuil1')
    expect(sheet.rows[0]?.cells).toEqual(['Café — "x" \'y\' a > b', '<b>brut</b> & fin', 'attr="a>b"'])
  })
})

describe('readXlsxSheet refuses', () => {
  it('a DTD (no entity is ever expanded)', () => {
    const bytes = workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>')
    const withDtd = writeZip([
      {
        name: 'xl/workbook.xml',
        data: '<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook/>',
      },
    ])
    expect(readXlsxSheet(bytes).rows[0]?.cells).toEqual(['&xxe;'])
    const error = xlsxError(() => readXlsxSheet(withDtd))
    expect(error.code).toBe('invalid_xml')
    expect(error.message).toMatch(/DTD/)
  })

  it('a ZIP that is not a workbook, an ODS file, a damaged ZIP', () => {
    expect(xlsxError(() => readXlsxSheet(writeZip([{ name: 'a.txt', data: 'a' }]))).code).toBe('not_xlsx')
    const ods = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
    ])
    expect(xlsxError(() => readXlsxSheet(ods)).code).toBe('ods')
    const bytes = Buffer.from(fixture('excel-like.xlsx'))
    expect(xlsxError(() => readXlsxSheet(bytes.subarray(0, bytes.length - 40))).code).toBe('corrupt')
  })

  it('XML that is not closed', () => {
    const bytes = writeZip([{ name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="a' }])
    expect(xlsxError(() => readXlsxSheet(bytes)).message).toMatch(/xl\/workbook\.xml is not well-formed XML/)
  })
})

describe('the pieces', () => {
  it('column letters → index', () => {
    expect(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD', 'a'].map(columnIndex)).toEqual([
      0, 25, 26, 51, 52, 701, 702, 16383, 0,
    ])
    expect(columnIndex('')).toBe(-1)
    expect(columnIndex('A1')).toBe(-1)
  })

  it('date serials, with the 1900 leap-year bug', () => {
    expect(serialToIsoDate(45292)).toBe('2024-01-01')
    expect(serialToIsoDate(45292.999)).toBe('2024-01-01')
    expect(serialToIsoDate(1)).toBe('1900-01-01')
    expect(serialToIsoDate(59)).toBe('1900-02-28')
    expect(serialToIsoDate(60)).toBe('1900-02-29') // Excel's day that never was: the import says so
    expect(serialToIsoDate(61)).toBe('1900-03-01')
    expect(serialToIsoDate(2958465)).toBe('9999-12-31')
    expect(serialToIsoDate(0)).toBeNull()
    expect(serialToIsoDate(-3)).toBeNull()
    expect(serialToIsoDate(0, true)).toBeNull()
    expect(serialToIsoDate(1, true)).toBe('1904-01-02')
  })

  it('which number formats are dates', () => {
    for (const code of [
      'dd/mm/yyyy',
      'DD/MM/YY',
      'd-mmm-yy',
      'mmm yyyy',
      'yyyy-mm-dd hh:mm',
      '[$-40C]d mmmm yyyy;@',
      'mmmm',
    ])
      expect(isDateFormatCode(code), code).toBe(true)
    for (const code of [
      'General',
      '0.00',
      '#,##0 "jours"',
      '[h]:mm:ss',
      'h:mm AM/PM',
      'mm:ss',
      '[Red]0.0',
      '@',
      '0.00E+00',
      '# ##0,00\\ "kWh"',
    ])
      expect(isDateFormatCode(code), code).toBe(false)
  })

  it('numbers as a spreadsheet shows them', () => {
    expect(numberText('0.30000000000000004')).toBe('0.3')
    expect(numberText('1450.5')).toBe('1450.5')
    expect(numberText('1E-3')).toBe('0.001')
    expect(numberText('12345678901234567')).toBe('12345678901234600')
    expect(numberText('abc')).toBe('abc')
  })

  it('XML text: entities, character references, line ends; unknown entities left as written', () => {
    expect(decodeXmlText('a &lt;b&gt; &amp;amp; &#65;&#x42; &nbsp;\r\nz')).toBe('a <b> &amp; AB &nbsp;\nz')
  })
})
