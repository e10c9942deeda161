/**
 * Opening a file: bytes as a stream (never the whole file in memory), sniffing its start, then
 * records one by one.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { type CsvRecord, CsvRecordParser } from './csv-records.js'
import { ChunkDecoder } from './decode.js'
import { bindColumns, type ColumnBinding, type CsvFormat, columnsOf } from './formats.js'
import { importMessages } from './messages.js'
import { type CsvSniff, type JsonSniff, sniff, sniffSampleSize } from './sniff.js'
import {
  type FileInfo,
  ImportFileError,
  type ImportFormat,
  type ImportSource,
  type ReadOptions,
} from './types.js'

const readChunkSize = 256 * 1024

/** The source's bytes, chunk by chunk. */
export async function* byteChunks(source: ImportSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let start = 0; start < source.length; start += readChunkSize)
      yield source.subarray(start, start + readChunkSize)
    return
  }
  if (typeof source === 'string' || source instanceof URL) {
    yield* createReadStream(source, { highWaterMark: readChunkSize }) as AsyncIterable<Uint8Array>
    return
  }
  if (source instanceof Blob) {
    yield* Readable.fromWeb(source.stream() as import('node:stream/web').ReadableStream<Uint8Array>)
    return
  }
  for await (const chunk of source) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
}

export interface Opened<S> {
  sniffed: S
  /** The first bytes (the whole file when small). */
  sample: Uint8Array
  /** True when the sample is the whole file. */
  complete: boolean
  /** The chunks after the sample. */
  rest: AsyncIterator<Uint8Array>
}

/** Reads the first bytes and sniffs them; throws ImportFileError when the file cannot be read. */
export async function openSource(
  source: ImportSource,
  options: ReadOptions,
): Promise<Opened<CsvSniff | JsonSniff>> {
  const iterator = byteChunks(source)[Symbol.asyncIterator]()
  const chunks: Uint8Array[] = []
  let size = 0
  let complete = false
  try {
    while (size < sniffSampleSize) {
      const next = await iterator.next()
      if (next.done) {
        complete = true
        break
      }
      chunks.push(next.value)
      size += next.value.length
    }
  } catch (error) {
    await iterator.return?.(undefined)
    throw error
  }
  const sample = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks)
  const sniffed = sniff(sample, { complete, language: options.language })
  if (!sniffed.ok) {
    await iterator.return?.(undefined)
    throw new ImportFileError(sniffed.problem)
  }
  return { sniffed, sample, complete, rest: iterator }
}

export interface OpenedCsv extends Opened<CsvSniff> {
  file: FileInfo
  /** Which header cell feeds which field. */
  binding: ColumnBinding<string>
  /**
   * The data records (not the header), a batch per chunk read, so that a million rows do not cost a
   * million awaits here. Throws CsvSyntaxError on broken quotes.
   */
  batches: AsyncGenerator<CsvRecord[]>
}

/** Opens a CSV file of one of the expected formats (ImportFileError otherwise). */
export async function openCsv(
  source: ImportSource,
  options: ReadOptions,
  expected: readonly CsvFormat[],
): Promise<OpenedCsv> {
  const opened = await openSource(source, options)
  const { sniffed } = opened
  const found: ImportFormat = sniffed.kind === 'json' ? 'pcr-si' : sniffed.format
  if (sniffed.kind === 'json' || !expected.includes(sniffed.format)) {
    await opened.rest.return?.(undefined)
    const t = importMessages(options.language)
    throw new ImportFileError({ code: 'wrong_format', message: t.wrongFormat(found, expected), line: 1 })
  }
  const binding = bindColumns<string>(sniffed.header, columnsOf(sniffed.format))
  const file: FileInfo = {
    format: sniffed.format,
    encoding: sniffed.encoding,
    separator: sniffed.separator,
    columns: sniffed.header,
    ignoredColumns: binding.ignored,
  }
  options.onFile?.(file)
  return { ...opened, sniffed, file, binding, batches: csvBatches({ ...opened, sniffed }) }
}

async function* csvBatches(opened: Opened<CsvSniff>): AsyncGenerator<CsvRecord[]> {
  const { sniffed, sample, complete, rest } = opened
  const decoder = new ChunkDecoder(sniffed.encoding)
  const parser = new CsvRecordParser(sniffed.separator)
  const convert =
    sniffed.newline === 'cr' ? (text: string) => text.replaceAll('\r', '\n') : (text: string) => text
  let toSkip = sniffed.recordsBeforeData
  const data = (records: CsvRecord[]): CsvRecord[] => {
    if (toSkip === 0 || records.length === 0) return records
    const skipped = Math.min(toSkip, records.length)
    toSkip -= skipped
    return records.slice(skipped)
  }
  try {
    yield data(parser.push(convert(decoder.decode(sample.subarray(sniffed.bomLength), complete))))
    if (!complete) {
      for (;;) {
        const next = await rest.next()
        if (next.done) break
        yield data(parser.push(convert(decoder.decode(next.value))))
      }
      yield data(parser.push(convert(decoder.decode(new Uint8Array(0), true))))
    }
    yield data(parser.end())
  } finally {
    await rest.return?.(undefined)
  }
}
