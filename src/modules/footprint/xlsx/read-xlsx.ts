/**
 * The first worksheet of an XLSX workbook (Office Open XML, ECMA-376) as rows of cell texts, as a
 * spreadsheet shows them to the readers: shared and inline strings, numbers (15 significant digits,
 * as Excel keeps them), booleans (TRUE/FALSE), cached results of formulas, and numbers in a date
 * style (styles.xml) as `yyyy-mm-dd`. Cells may skip columns and rows: each row's cells are placed
 * by their reference (C7 → third cell of line 7), empty strings filling the gaps.
 *
 * The XML is read by a small tokenizer: elements, attributes, text, CDATA and the five predefined
 * entities and character references. A DTD is refused (no entity of ours or anyone's is expanded).
 */
import { readZip, ZipError, type ZipLimits } from './zip.js'

export type XlsxErrorCode =
  | ZipError['code']
  /** A ZIP archive, but not a workbook (no workbook part, no worksheet). */
  | 'not_xlsx'
  /** An OpenDocument spreadsheet (ODS): a ZIP too, but another format. */
  | 'ods'
  /** A part that is not well-formed XML, or declares a DTD. */
  | 'invalid_xml'

export class XlsxError extends Error {
  readonly code: XlsxErrorCode
  constructor(code: XlsxErrorCode, message: string) {
    super(message)
    this.name = 'XlsxError'
    this.code = code
  }
}

export interface SheetRow {
  /** The row's number in the sheet (1-based), as the spreadsheet shows it. */
  line: number
  /** The cells' texts from column A; '' where a cell is missing or empty. */
  cells: string[]
}

export interface XlsxSheet {
  name: string
  /** The rows the sheet holds, in order (rows missing from the file are not listed). */
  rows: SheetRow[]
}

// ——— XML ———

interface XmlOpen {
  kind: 'open'
  /** Local name (no namespace prefix). */
  name: string
  /** Attributes by local name (r:id → id) and by full name. */
  attributes: Record<string, string>
  selfClosing: boolean
}
type XmlEvent = XmlOpen | { kind: 'close'; name: string } | { kind: 'text'; text: string }

const predefinedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Text with the predefined entities and character references replaced (others are left as written). */
export function decodeXmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return predefinedEntities[name] ?? whole
  })
}

const localName = (name: string) => {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

const invalidXml = (part: string, detail: string) =>
  new XlsxError('invalid_xml', `The part ${part} is not well-formed XML: ${detail}.`)

/** The events of an XML document, in order. */
function* xmlEvents(xml: string, part: string): Generator<XmlEvent> {
  const length = xml.length
  let index = 0
  while (index < length) {
    const open = xml.indexOf('<', index)
    if (open === -1) {
      yield { kind: 'text', text: decodeXmlText(xml.slice(index)) }
      return
    }
    if (open > index) yield { kind: 'text', text: decodeXmlText(xml.slice(index, open)) }
    const next = xml.charCodeAt(open + 1)
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', open + 2)
      if (close === -1) throw invalidXml(part, 'a processing instruction is not closed')
      index = close + 2
      continue
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', open)) {
        const close = xml.indexOf('-->', open + 4)
        if (close === -1) throw invalidXml(part, 'a comment is not closed')
        index = close + 3
        continue
      }
      if (xml.startsWith('<![CDATA[', open)) {
        const close = xml.indexOf(']]>', open + 9)
        if (close === -1) throw invalidXml(part, 'a CDATA section is not closed')
        yield { kind: 'text', text: xml.slice(open + 9, close) }
        index = close + 3
        continue
      }
      throw invalidXml(part, 'document type declarations (DTD) are not accepted')
    }
    // A tag: up to the first '>' outside quotes.
    let end = open + 1
    let quote = 0
    for (; end < length; end++) {
      const code = xml.charCodeAt(end)
      if (quote !== 0) {
        if (code === quote) quote = 0
      } else if (code === 0x22 || code === 0x27) quote = code
      else if (code === 0x3e /* > */) break
    }
    if (end >= length) throw invalidXml(part, 'a tag is not closed')
    if (next === 0x2f /* / */) {
      yield { kind: 'close', name: localName(xml.slice(open + 2, end).trim()) }
      index = end + 1
      continue
    }
    const selfClosing = xml.charCodeAt(end - 1) === 0x2f
    const inner = xml.slice(open + 1, selfClosing ? end - 1 : end)
    const nameMatch = /^[^\s/>]+/.exec(inner)
    if (!nameMatch) throw invalidXml(part, 'a tag has no name')
    const attributes: Record<string, string> = {}
    const attributePattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
    attributePattern.lastIndex = nameMatch[0].length
    for (let match = attributePattern.exec(inner); match; match = attributePattern.exec(inner)) {
      const value = decodeXmlText(match[2] ?? match[3] ?? '')
      const name = match[1] as string
      attributes[name] = value
      attributes[localName(name)] ??= value
    }
    yield { kind: 'open', name: localName(nameMatch[0]), attributes, selfClosing }
    index = end + 1
  }
}

// ——— Strings: Excel escapes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring) ———

export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  )
}

/** The text of rich or plain strings (<si>, <is>): its <t> elements, without phonetic runs (<rPh>). */
class StringCollector {
  private depthInPhonetic = 0
  private inText = false
  private parts: string[] = []

  /** Feeds an event inside the string element. */
  feed(event: XmlEvent): void {
    if (event.kind === 'open') {
      if (event.name === 'rPh') this.depthInPhonetic += event.selfClosing ? 0 : 1
      else if (event.name === 't' && !event.selfClosing) this.inText = true
    } else if (event.kind === 'close') {
      if (event.name === 'rPh') this.depthInPhonetic = Math.max(0, this.depthInPhonetic - 1)
      else if (event.name === 't') this.inText = false
    } else if (this.inText && this.depthInPhonetic === 0) this.parts.push(event.text)
  }

  take(): string {
    const text = decodeExcelEscapes(this.parts.join(''))
    this.parts = []
    this.inText = false
    this.depthInPhonetic = 0
    return text
  }
}

function readSharedStrings(xml: string, part: string): string[] {
  const strings: string[] = []
  const collector = new StringCollector()
  let inItem = false
  for (const event of xmlEvents(xml, part)) {
    if (event.kind === 'open' && event.name === 'si') {
      if (event.selfClosing) strings.push('')
      else inItem = true
    } else if (event.kind === 'close' && event.name === 'si') {
      strings.push(collector.take())
      inItem = false
    } else if (inItem) collector.feed(event)
  }
  return strings
}

// ——— Dates ———

/** Excel's built-in number formats that show a date (14–22: dates, and date-times). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22])

/**
 * True when a number format code shows a date: in its first section, once literals ("…", \x, _x,
 * *x) and bracketed parts ([Red], [$-40C], [h]) are set aside, it has a day or a year, or a month
 * without hours or seconds (m alone after h, or before s, is minutes).
 */
export function isDateFormatCode(code: string): boolean {
  const section = (code.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
  if (section === 'general' || section.trim() === '') return false
  if (/[dy]/.test(section)) return true
  return /m/.test(section) && !/[hs]/.test(section)
}

function readDateStyles(xml: string, part: string): boolean[] {
  const customFormats = new Map<number, string>()
  const styles: boolean[] = []
  let inCellFormats = false
  for (const event of xmlEvents(xml, part)) {
    if (event.kind === 'open') {
      if (event.name === 'numFmt') {
        const id = Number(event.attributes.numFmtId)
        if (Number.isInteger(id)) customFormats.set(id, event.attributes.formatCode ?? '')
      } else if (event.name === 'cellXfs') inCellFormats = !event.selfClosing
      else if (event.name === 'xf' && inCellFormats) {
        const id = Number(event.attributes.numFmtId ?? 0)
        const custom = customFormats.get(id)
        styles.push(custom !== undefined ? isDateFormatCode(custom) : builtInDateFormats.has(id))
      }
    } else if (event.kind === 'close' && event.name === 'cellXfs') inCellFormats = false
  }
  return styles
}

const dayMs = 86_400_000
const lastSerial = 2_958_465 // 9999-12-31

/**
 * An Excel date serial as `yyyy-mm-dd` (a time of day is dropped), or null outside 1900–9999. In
 * the 1900 system Excel counts a 29 February 1900 that never was (serial 60), kept so that the
 * import says that date does not exist; from serial 61 on, day 0 is 1899-12-30.
 */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > lastSerial) return null
  const day = Math.floor(Math.round(serial * dayMs) / dayMs)
  if (!date1904 && day === 60) return '1900-02-29'
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  return new Date(epoch + day * dayMs).toISOString().slice(0, 10)
}

/** A number as a spreadsheet keeps it: 15 significant digits, never in exponent form below 1e21. */
export function numberText(raw: string): string {
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value)) return raw.trim()
  const rounded = Number(value.toPrecision(15))
  const text = String(rounded)
  if (!text.includes('e') || Math.abs(rounded) >= 1e21) return text
  return rounded.toFixed(20).replace(/\.?0+$/, '')
}

// ——— Cells ———

/** Column letters → 0-based index (A → 0, Z → 25, AA → 26, XFD → 16383); -1 when not letters. */
export function columnIndex(letters: string): number {
  let index = 0
  for (const char of letters.toUpperCase()) {
    const code = char.charCodeAt(0)
    if (code < 65 || code > 90) return -1
    index = index * 26 + (code - 64)
  }
  return letters === '' ? -1 : index - 1
}

const maxColumns = 16_384
const maxRows = 1_048_576

interface SheetContext {
  sharedStrings: readonly string[]
  dateStyles: readonly boolean[]
  date1904: boolean
}

function readRows(xml: string, part: string, context: SheetContext): SheetRow[] {
  const rows: SheetRow[] = []
  const collector = new StringCollector()
  let inSheetData = false
  let row: SheetRow | null = null
  let lastLine = 0
  let column = -1
  let cellType = 'n'
  let cellStyle = 0
  let inCell = false
  let inValue = false
  let inInline = false
  let value = ''

  const finishCell = () => {
    const text = cellText(cellType, value, cellStyle, context, collector)
    if (row && text !== '' && column < maxColumns) {
      while (row.cells.length < column) row.cells.push('')
      row.cells[column] = text
    }
    inCell = false
  }

  for (const event of xmlEvents(xml, part)) {
    if (event.kind === 'text') {
      if (inValue) value += event.text
      else if (inInline) collector.feed(event)
      continue
    }
    const { name } = event
    if (event.kind === 'close') {
      if (name === 'sheetData') inSheetData = false
      else if (name === 'row') row = null
      else if (name === 'c' && inCell) finishCell()
      else if (name === 'v') inValue = false
      else if (name === 'is') inInline = false
      else if (inInline) collector.feed(event)
      continue
    }
    if (name === 'sheetData') {
      inSheetData = !event.selfClosing
      continue
    }
    if (!inSheetData) continue
    if (name === 'row') {
      const declared = Number(event.attributes.r)
      lastLine =
        Number.isInteger(declared) && declared > lastLine && declared <= maxRows ? declared : lastLine + 1
      row = { line: lastLine, cells: [] }
      rows.push(row)
      column = -1
      if (event.selfClosing) row = null
    } else if (name === 'c') {
      if (!row) {
        // A cell outside any row: a row of its own (lenient).
        lastLine++
        row = { line: lastLine, cells: [] }
        rows.push(row)
        column = -1
      }
      const reference = /^([A-Za-z]{1,3})(\d*)$/.exec(event.attributes.r ?? '')
      const declared = reference ? columnIndex(reference[1] as string) : -1
      column = declared > column ? declared : column + 1
      cellType = event.attributes.t ?? 'n'
      cellStyle = Number(event.attributes.s ?? 0)
      value = ''
      inCell = true
      inValue = false
      inInline = false
      collector.take()
      if (event.selfClosing) inCell = false
    } else if (inCell && name === 'v') inValue = !event.selfClosing
    else if (inCell && name === 'is') inInline = !event.selfClosing
    else if (inInline) collector.feed(event)
  }
  for (const each of rows)
    while (each.cells.length > 0 && each.cells[each.cells.length - 1] === '') each.cells.pop()
  return rows
}

function cellText(
  type: string,
  raw: string,
  style: number,
  context: SheetContext,
  collector: StringCollector,
): string {
  switch (type) {
    case 's': {
      const index = Number(raw.trim())
      return Number.isInteger(index) ? (context.sharedStrings[index] ?? '') : ''
    }
    case 'inlineStr':
      return collector.take()
    case 'str':
      return decodeExcelEscapes(raw)
    case 'e':
      return raw.trim()
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE'
    case 'd': {
      // ISO 8601 date (strict OOXML, some writers): the date as written.
      const date = /^\s*(\d{4}-\d{2}-\d{2})/.exec(raw)
      return date ? (date[1] as string) : raw.trim()
    }
    default: {
      if (raw.trim() === '') return ''
      if (context.dateStyles[style]) {
        const date = serialToIsoDate(Number(raw), context.date1904)
        if (date !== null) return date
      }
      return numberText(raw)
    }
  }
}

// ——— The package: relationships, workbook, first sheet ———

interface Relationship {
  id: string
  type: string
  target: string
}

function readRelationships(xml: string, part: string): Relationship[] {
  const relationships: Relationship[] = []
  for (const event of xmlEvents(xml, part))
    if (event.kind === 'open' && event.name === 'Relationship' && event.attributes.TargetMode !== 'External')
      relationships.push({
        id: event.attributes.Id ?? '',
        type: event.attributes.Type ?? '',
        target: event.attributes.Target ?? '',
      })
  return relationships
}

/** A relationship target as a part name, relative to the folder of the part it belongs to. */
function resolvePart(from: string, target: string): string {
  const path = target.replaceAll('\\', '/')
  const segments = path.startsWith('/') ? [] : from.split('/').slice(0, -1)
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  return segments.join('/')
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

const ofType = (relationships: readonly Relationship[], suffix: string) =>
  relationships.find((relationship) => relationship.type.endsWith(suffix))

/** Limits on the archive (entries, sizes): see zip.ts. */
export type ReadXlsxOptions = ZipLimits

/** The first worksheet of a workbook. Throws XlsxError when the bytes are not a readable workbook. */
export function readXlsxSheet(bytes: Uint8Array, options: ReadXlsxOptions = {}): XlsxSheet {
  try {
    return readFirstSheet(bytes, options)
  } catch (error) {
    if (error instanceof ZipError) throw new XlsxError(error.code, error.message)
    throw error
  }
}

function readFirstSheet(bytes: Uint8Array, options: ReadXlsxOptions): XlsxSheet {
  const zip = readZip(bytes, options)
  const decoder = new TextDecoder('utf-8')
  const text = (part: string): string | undefined => {
    const data = zip.read(part)
    return data === undefined ? undefined : decoder.decode(data)
  }
  const mimetype = text('mimetype')
  if (mimetype?.includes('opendocument'))
    throw new XlsxError('ods', 'This is an OpenDocument file (ODS), not an XLSX workbook.')

  const packageRels = text('_rels/.rels')
  const officeDocument = packageRels
    ? ofType(readRelationships(packageRels, '_rels/.rels'), '/officeDocument')
    : undefined
  const workbookPart = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml'
  const workbook = text(workbookPart)
  if (workbook === undefined)
    throw new XlsxError('not_xlsx', 'This ZIP archive is not an XLSX workbook (no workbook part).')

  let date1904 = false
  let firstSheet: { name: string; id: string } | null = null
  for (const event of xmlEvents(workbook, workbookPart)) {
    if (event.kind !== 'open') continue
    if (event.name === 'workbookPr') {
      const flag = event.attributes.date1904
      date1904 = flag === '1' || flag === 'true'
    } else if (event.name === 'sheet' && firstSheet === null)
      firstSheet = { name: event.attributes.name ?? '', id: event.attributes.id ?? '' }
  }
  if (firstSheet === null) throw new XlsxError('not_xlsx', 'The workbook has no sheet.')

  const workbookRelsPart = relsOf(workbookPart)
  const workbookRelsXml = text(workbookRelsPart)
  const workbookRels = workbookRelsXml ? readRelationships(workbookRelsXml, workbookRelsPart) : []
  const sheetId = firstSheet.id
  const sheetRel = workbookRels.find((relationship) => relationship.id === sheetId)
  const sheetPart = sheetRel ? resolvePart(workbookPart, sheetRel.target) : 'xl/worksheets/sheet1.xml'
  const sheetXml = text(sheetPart)
  if (sheetXml === undefined)
    throw new XlsxError('not_xlsx', `The workbook's first sheet (${sheetPart}) is missing.`)

  const stringsRel = ofType(workbookRels, '/sharedStrings')
  const stringsPart = stringsRel ? resolvePart(workbookPart, stringsRel.target) : 'xl/sharedStrings.xml'
  const stringsXml = text(stringsPart)
  const stylesRel = ofType(workbookRels, '/styles')
  const stylesPart = stylesRel ? resolvePart(workbookPart, stylesRel.target) : 'xl/styles.xml'
  const stylesXml = text(stylesPart)
  const context: SheetContext = {
    sharedStrings: stringsXml === undefined ? [] : readSharedStrings(stringsXml, stringsPart),
    dateStyles: stylesXml === undefined ? [] : readDateStyles(stylesXml, stylesPart),
    date1904,
  }
  return { name: firstSheet.name, rows: readRows(sheetXml, sheetPart, context) }
}
