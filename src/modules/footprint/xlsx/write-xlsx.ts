/**
 * Rows → a one-sheet XLSX workbook that Excel and LibreOffice open without repair: the six parts a
 * workbook needs, strings written inline (no shared strings table), numbers as numbers, dates as
 * real dates (Excel's built-in short date format 14, which each spreadsheet shows in its locale:
 * dd/mm/yyyy in French), the first row bold and frozen when it is a header.
 */
import { writeZip } from './zip.js'

/** A date cell: `yyyy-mm-dd`. */
export interface XlsxDate {
  date: string
}

export type XlsxValue = string | number | boolean | XlsxDate | null | undefined

export interface XlsxWriteOptions {
  /** The sheet's name (default "Sheet1"); at most 31 characters, without : \ / ? * [ ]. */
  sheetName?: string
  /** The first row is a header: bold, and frozen when scrolling (default true). */
  header?: boolean
  /** The parts' modification time in the ZIP archive (default: the DOS epoch, for identical bytes). */
  modified?: Date
}

/** Excel's limits on a cell's text and on a sheet. */
export const maxCellText = 32_767
const maxRows = 1_048_576
const maxColumns = 16_384

const mainNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const relationshipNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const packageRelationshipNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships'
const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = ''
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  return letters
}

/**
 * Text as XML character data: markup escaped, characters XML 1.0 cannot hold (controls, lone
 * surrogates) and carriage returns (which XML readers turn into line feeds) as Excel's _xHHHH_, and
 * an underscore that would read as such an escape escaped itself (_x005F_).
 */
export function xmlText(text: string): string {
  let out = ''
  let from = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    let replacement: string | null = null
    if (code === 0x26) replacement = '&amp;'
    else if (code === 0x3c) replacement = '&lt;'
    else if (code === 0x3e) replacement = '&gt;'
    else if (code === 0x5f /* _ */ && /^x[0-9A-Fa-f]{4}_/.test(text.slice(index + 1, index + 7)))
      replacement = '_x005F_'
    else if (cannotBeXml(text, index, code))
      replacement = `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`
    if (replacement === null) continue
    out += text.slice(from, index) + replacement
    from = index + 1
  }
  return from === 0 ? text : out + text.slice(from)
}

/** Controls but tab and line feed, the carriage return, U+FFFE/U+FFFF, and lone surrogates. */
function cannotBeXml(text: string, index: number, code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a
  if (code === 0xfffe || code === 0xffff) return true
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1)
    return !(next >= 0xdc00 && next <= 0xdfff)
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = index > 0 ? text.charCodeAt(index - 1) : 0
    return !(previous >= 0xd800 && previous <= 0xdbff)
  }
  return false
}

const attribute = (text: string) => xmlText(text).replaceAll('"', '&quot;')

/** Days since 1899-12-30 (Excel's 1900 date system, from 1900-03-01 on); null for a date it cannot hold. */
export function isoDateToSerial(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const time = Date.UTC(year, month - 1, day)
  const check = new Date(time)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null
  const serial = (time - Date.UTC(1899, 11, 30)) / 86_400_000
  return serial >= 61 && year <= 9999 ? serial : null
}

// Styles: 0 normal, 1 bold (header), 2 date (built-in format 14, the locale's short date).
const styleBold = 1
const styleDate = 2

function cellXml(reference: string, value: XlsxValue, bold: boolean): string {
  const style = bold ? ` s="${styleBold}"` : ''
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return `<c r="${reference}"${style}><v>${value}</v></c>`
    return inlineString(reference, String(value), style)
  }
  if (typeof value === 'boolean') return `<c r="${reference}"${style} t="b"><v>${value ? 1 : 0}</v></c>`
  if (typeof value === 'object') {
    const serial = isoDateToSerial(value.date)
    if (serial === null) return inlineString(reference, value.date, style)
    return `<c r="${reference}" s="${bold ? styleBold : styleDate}"><v>${serial}</v></c>`
  }
  return inlineString(reference, value, style)
}

function inlineString(reference: string, text: string, style: string): string {
  const kept = text.length > maxCellText ? text.slice(0, maxCellText) : text
  const space = /^\s|\s$/.test(kept) ? ' xml:space="preserve"' : ''
  return `<c r="${reference}"${style} t="inlineStr"><is><t${space}>${xmlText(kept)}</t></is></c>`
}

/** A column's width in characters: its longest text, between 8 and 60. */
function widths(rows: readonly (readonly XlsxValue[])[]): number[] {
  const result: number[] = []
  for (const row of rows)
    row.forEach((value, index) => {
      const text =
        value === null || value === undefined ? '' : typeof value === 'object' ? '00/00/0000' : String(value)
      const longest = Math.max(...text.split('\n').map((line) => line.length))
      result[index] = Math.max(result[index] ?? 8, Math.min(60, longest + 2))
    })
  return result
}

function sheetXml(rows: readonly (readonly XlsxValue[])[], header: boolean): string {
  const columnCount = Math.max(1, ...rows.map((row) => row.length))
  const parts: string[] = [
    xmlDeclaration,
    `<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipNamespace}">`,
  ]
  parts.push(`<dimension ref="A1:${columnLetters(columnCount - 1)}${Math.max(1, rows.length)}"/>`)
  parts.push('<sheetViews><sheetView workbookViewId="0">')
  if (header && rows.length > 1)
    parts.push('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
  parts.push('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>')
  const columnWidths = widths(rows)
  if (columnWidths.length > 0) {
    parts.push('<cols>')
    columnWidths.forEach((width, index) => {
      parts.push(`<col min="${index + 1}" max="${index + 1}" width="${width ?? 8}" customWidth="1"/>`)
    })
    parts.push('</cols>')
  }
  parts.push('<sheetData>')
  rows.forEach((row, rowIndex) => {
    const line = rowIndex + 1
    const bold = header && rowIndex === 0
    parts.push(`<row r="${line}">`)
    row.forEach((value, columnIndex) => {
      parts.push(cellXml(`${columnLetters(columnIndex)}${line}`, value, bold))
    })
    parts.push('</row>')
  })
  parts.push(
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  )
  parts.push('</worksheet>')
  return parts.join('')
}

const contentTypesXml = `${xmlDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>`

const packageRelsXml = `${xmlDeclaration}<Relationships xmlns="${packageRelationshipNamespace}">\
<Relationship Id="rId1" Type="${relationshipNamespace}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>`

const workbookRelsXml = `${xmlDeclaration}<Relationships xmlns="${packageRelationshipNamespace}">\
<Relationship Id="rId1" Type="${relationshipNamespace}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${relationshipNamespace}/styles" Target="styles.xml"/>\
</Relationships>`

const workbookXml = (sheetName: string) =>
  `${xmlDeclaration}<workbook xmlns="${mainNamespace}" xmlns:r="${relationshipNamespace}">\
<bookViews><workbookView/></bookViews>\
<sheets><sheet name="${attribute(sheetName)}" sheetId="1" r:id="rId1"/></sheets>\
</workbook>`

const font = (bold: boolean) =>
  `<font>${bold ? '<b/>' : ''}<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`

const stylesXml = `${xmlDeclaration}<styleSheet xmlns="${mainNamespace}">\
<fonts count="2">${font(false)}${font(true)}</fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`

/** A sheet name Excel accepts: forbidden characters replaced, at most 31 characters, not blank. */
function sheetNameOf(name: string | undefined): string {
  const cleaned = (name ?? 'Sheet1')
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim()
  return cleaned === '' ? 'Sheet1' : cleaned
}

/** The workbook's bytes. Throws RangeError beyond Excel's 1,048,576 rows or 16,384 columns. */
export function writeXlsx(
  rows: readonly (readonly XlsxValue[])[],
  options: XlsxWriteOptions = {},
): Uint8Array {
  if (rows.length > maxRows) throw new RangeError(`An XLSX sheet holds at most ${maxRows} rows.`)
  if (rows.some((row) => row.length > maxColumns))
    throw new RangeError(`An XLSX sheet holds at most ${maxColumns} columns.`)
  return writeZip(
    [
      { name: '[Content_Types].xml', data: contentTypesXml },
      { name: '_rels/.rels', data: packageRelsXml },
      { name: 'xl/workbook.xml', data: workbookXml(sheetNameOf(options.sheetName)) },
      { name: 'xl/_rels/workbook.xml.rels', data: workbookRelsXml },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows, options.header ?? true) },
      { name: 'xl/styles.xml', data: stylesXml },
    ],
    options.modified ? { modified: options.modified } : {},
  )
}
