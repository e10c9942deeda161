/**
 * What a file is, from its first bytes: encoding, CSV or JSON, separator, header, format, or why
 * it cannot be read, in words naming the likely cause.
 */
import { isUtf8 } from 'node:buffer'
import { type CsvRecord, CsvRecordParser, CsvSyntaxError } from './csv-records.js'
import { decodeWindows1252 } from './decode.js'
import {
  bindColumns,
  type CsvFormat,
  columnsOf,
  detectCsvFormat,
  expectedColumns,
  templateHeader,
} from './formats.js'
import { importMessages, type Separator } from './messages.js'
import { createTypeMapper } from './type-mapping.js'
import type { FileProblem, FileProblemCode, Language, TextEncoding } from './types.js'

/** How many bytes the readers give to sniff (the whole file when it is smaller). */
export const sniffSampleSize = 64 * 1024

export interface CsvSniff {
  ok: true
  kind: 'csv'
  encoding: TextEncoding
  bomLength: number
  /** 'cr' for old Mac files whose lines end with a carriage return alone. */
  newline: 'lf' | 'cr'
  separator: Separator
  header: string[]
  headerLine: number
  /** Records before the data: the header, and Excel's "sep=;" line when there is one. */
  recordsBeforeData: number
  format: CsvFormat
}

export interface JsonSniff {
  ok: true
  kind: 'json'
  encoding: TextEncoding
  bomLength: number
}

export type SniffResult = CsvSniff | JsonSniff | { ok: false; problem: FileProblem }

export interface SniffOptions {
  /** True when the sample is the whole file (then a header-only file is told apart). */
  complete?: boolean
  language?: Language
}

const separators: readonly Separator[] = [';', ',', '\t']
const defaultMapper = createTypeMapper()

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

export function sniff(sample: Uint8Array, options: SniffOptions = {}): SniffResult {
  const complete = options.complete ?? true
  const t = importMessages(options.language)
  const problem = (code: FileProblemCode, message: string, line = 1): SniffResult => ({
    ok: false,
    problem: { code, message, line },
  })

  if (sample.length === 0) return problem('empty', t.empty())
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04]) || startsWith(sample, [0x50, 0x4b, 0x05, 0x06])) {
    const text = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1')
    const kind = text.includes('opendocument.spreadsheet')
      ? 'ods'
      : text.includes('[Content_Types].xml') || text.includes('xl/')
        ? 'xlsx'
        : 'zip'
    return {
      ok: false,
      problem: { code: 'spreadsheet', message: t.spreadsheet(kind), line: 1, spreadsheet: kind },
    }
  }
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return {
      ok: false,
      problem: { code: 'spreadsheet', message: t.spreadsheet('xls'), line: 1, spreadsheet: 'xls' },
    }
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46])) return problem('pdf', t.pdf())

  const { encoding, bomLength } = detectEncoding(sample, complete)
  if (encoding === null) return problem('binary', t.binary())
  let text = decodeSample(sample.subarray(bomLength), encoding, complete)
  if (text.trim() === '') return problem('empty', t.empty())
  const first = text.trimStart()[0]
  if (first === '{' || first === '[') return { ok: true, kind: 'json', encoding, bomLength }

  const newline = text.includes('\r') && !text.includes('\n') ? 'cr' : 'lf'
  if (newline === 'cr') text = text.replaceAll('\r', '\n')

  // Excel's "sep=;" first line names the separator; the header follows it.
  const declared = /^sep=([;,\t])[ \t]*\r?\n/i.exec(text)?.[1] as Separator | undefined
  const skipped = declared ? 1 : 0
  const candidates = (declared ? [declared] : separators).map((separator) => ({
    separator,
    records: firstRecords(text, separator, complete).slice(skipped),
  }))
  const scored = candidates
    .filter((candidate) => (candidate.records[0]?.fields.length ?? 0) > 1)
    .map((candidate) => {
      const headerCount = candidate.records[0]?.fields.length ?? 0
      const rows = candidate.records.slice(1)
      const matching = rows.filter((record) => record.fields.length === headerCount).length
      return { ...candidate, headerCount, consistent: rows.length === 0 || matching / rows.length >= 0.8 }
    })
    .sort((a, b) => Number(b.consistent) - Number(a.consistent) || b.headerCount - a.headerCount)
  const chosen = scored[0]
  if (!chosen) {
    const headerText = text.split('\n', 1)[0]?.replace(/\r$/, '').trim() ?? ''
    const likely = ['|', ':', '/', '#'].find((candidate) => headerText.includes(candidate)) ?? null
    return problem('single_column', t.singleColumn(headerText, likely))
  }
  const headerRecord = chosen.records[0] as CsvRecord
  const header = headerRecord.fields.map((name) => name.trim())
  const headerLine = headerRecord.line
  const format = detectCsvFormat(header)
  if (format === null) {
    const firstCell = header.find((cell) => cell !== '') ?? ''
    // A device type and a number (a quantity, a date) on the first line: data, not a header.
    const looksLikeData =
      header.some((cell) => cell !== '' && defaultMapper.map(cell).ok) &&
      header.some((cell) => /^\d/.test(cell))
    if (looksLikeData)
      return problem('header_missing', t.headerMissing(firstCell, templateHeader('fr').join(';')), headerLine)
    return problem(
      'unknown_format',
      t.unknownFormat(
        header.filter((cell) => cell !== ''),
        expectedColumns,
      ),
      headerLine,
    )
  }
  const binding = bindColumns(header, columnsOf(format))
  if (binding.duplicate) {
    const { name, first: firstIndex, second } = binding.duplicate
    return problem('duplicate_column', t.duplicateColumn(name, firstIndex, second), headerLine)
  }
  if (binding.missing.length > 0)
    return problem('missing_columns', t.missingColumns(format, binding.missing), headerLine)
  if (complete && chosen.records.length === 1) return problem('header_only', t.headerOnly(), headerLine)
  return {
    ok: true,
    kind: 'csv',
    encoding,
    bomLength,
    newline,
    separator: chosen.separator,
    header,
    headerLine,
    recordsBeforeData: skipped + 1,
    format,
  }
}

/** The encoding, or null for a binary file. */
function detectEncoding(
  sample: Uint8Array,
  complete: boolean,
): { encoding: TextEncoding | null; bomLength: number } {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 }
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 }
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 }
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  if (sample.length >= 4) {
    if (sample[0] !== 0 && sample[1] === 0 && sample[2] !== 0 && sample[3] === 0)
      return { encoding: 'utf-16le', bomLength: 0 }
    if (sample[0] === 0 && sample[1] !== 0 && sample[2] === 0 && sample[3] !== 0)
      return { encoding: 'utf-16be', bomLength: 0 }
  }
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return { encoding: null, bomLength: 0 }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++
  }
  if (controls > sample.length / 20) return { encoding: null, bomLength: 0 }
  // A sample cut in the middle of a character is still UTF-8.
  let end = sample.length
  if (!complete) {
    for (let back = 1; back <= Math.min(3, sample.length); back++) {
      const byte = sample[sample.length - back] as number
      if ((byte & 0xc0) !== 0x80) {
        if (byte >= 0xc0) end = sample.length - back
        break
      }
    }
  }
  return { encoding: isUtf8(sample.subarray(0, end)) ? 'utf-8' : 'windows-1252', bomLength: 0 }
}

function decodeSample(bytes: Uint8Array, encoding: TextEncoding, complete: boolean): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes)
  return new TextDecoder(encoding).decode(bytes, { stream: !complete })
}

/** The header and up to 20 records after it, for one separator; fewer if the sample's quotes are broken. */
function firstRecords(text: string, separator: Separator, complete: boolean): CsvRecord[] {
  const parser = new CsvRecordParser(separator)
  const records: CsvRecord[] = []
  try {
    records.push(...parser.push(text))
    if (complete) records.push(...parser.end())
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
  }
  return records.slice(0, 21)
}
