/**
 * CSV text → records, fed chunk by chunk (RFC 4180 as spreadsheets write it): fields separated by
 * one separator, records by CRLF or LF; a field in double quotes may hold separators, line breaks
 * and doubled quotes. Lenient where spreadsheets are: a quote inside an unquoted field is kept as
 * text (`Écran 24"`), text after a closing quote is kept (`"abc"def` → `abcdef`).
 *
 * Lines with no quote (nearly all of them) are split with String.split: this reader is several
 * times faster than a general parser, which matters for million-row files (see
 * docs/decisions/012-csv-reading.md). Blank lines and lines of empty cells are skipped.
 */
import type { Separator } from './messages.js'

export interface CsvRecord {
  /** Line where the record starts (1-based). */
  line: number
  fields: string[]
}

export type CsvSyntaxProblem = 'unclosed_quote' | 'record_too_long'

/** A problem that stops the reading: what and where. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvSyntaxProblem,
    readonly line: number,
  ) {
    super(`${problem} at line ${line}`)
    this.name = 'CsvSyntaxError'
  }
}

/** The longest record kept waiting for its end (a quote left open would otherwise swallow the file). */
export const maxRecordLength = 1024 * 1024

const QUOTE = 34
const LF = 10
const CR = 13

export class CsvRecordParser {
  private buffer = ''
  private line = 1
  private readonly separator: Separator
  private readonly separatorCode: number

  constructor(separator: Separator) {
    this.separator = separator
    this.separatorCode = separator.charCodeAt(0)
  }

  /** Adds text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text
    return this.drain(false)
  }

  /** The end of the text: returns the last records. Throws CsvSyntaxError on an unclosed quote. */
  end(): CsvRecord[] {
    return this.drain(true)
  }

  private drain(final: boolean): CsvRecord[] {
    const records: CsvRecord[] = []
    const buffer = this.buffer
    const length = buffer.length
    let position = 0
    let nextQuote = buffer.indexOf('"')
    while (position < length) {
      let newline = buffer.indexOf('\n', position)
      if (nextQuote !== -1 && nextQuote < position) nextQuote = buffer.indexOf('"', position)
      if (nextQuote === -1 || (newline !== -1 && nextQuote > newline)) {
        // Quick path: a line without quotes.
        if (newline === -1) {
          if (!final) break
          newline = length
        }
        const end = newline > position && buffer.charCodeAt(newline - 1) === CR ? newline - 1 : newline
        if (end > position) {
          const fields = buffer.slice(position, end).split(this.separator)
          if (!isBlank(fields)) records.push({ line: this.line, fields })
        }
        this.line++
        position = newline + 1
        continue
      }
      // A line with quotes: read field by field, across line breaks inside quotes.
      const parsed = this.readQuoted(buffer, position, final)
      if (parsed === null) break
      if (!isBlank(parsed.fields)) records.push({ line: this.line, fields: parsed.fields })
      this.line += parsed.lines
      position = parsed.next
    }
    this.buffer = position >= length ? '' : buffer.slice(position)
    if (!final && this.buffer.length > maxRecordLength) throw new CsvSyntaxError('record_too_long', this.line)
    return records
  }

  /**
   * One record from `start`. Returns null when the text ends before the record does (more is
   * coming), the fields, how many line breaks it spanned (its own included) and where the next
   * record starts.
   */
  private readQuoted(
    buffer: string,
    start: number,
    final: boolean,
  ): { fields: string[]; lines: number; next: number } | null {
    const length = buffer.length
    const separatorCode = this.separatorCode
    const fields: string[] = []
    let lines = 0
    let index = start
    for (;;) {
      // One field starts at `index`.
      let field = ''
      if (buffer.charCodeAt(index) === QUOTE) {
        index++
        for (;;) {
          const close = buffer.indexOf('"', index)
          if (close === -1) {
            if (!final) return null
            throw new CsvSyntaxError('unclosed_quote', this.line)
          }
          const part = buffer.slice(index, close)
          field += part
          lines += countLineFeeds(part)
          if (close + 1 >= length && !final) return null // the next chunk may bring a second quote
          if (buffer.charCodeAt(close + 1) === QUOTE) {
            field += '"'
            index = close + 2
            continue
          }
          index = close + 1
          break
        }
      }
      // Unquoted text (a whole field, or what follows a closing quote) up to a separator or line end.
      let stop = index
      while (stop < length) {
        const code = buffer.charCodeAt(stop)
        if (code === separatorCode || code === LF) break
        stop++
      }
      if (stop >= length && !final) return null
      let textEnd = stop
      if (
        (stop >= length || buffer.charCodeAt(stop) === LF) &&
        textEnd > index &&
        buffer.charCodeAt(textEnd - 1) === CR
      )
        textEnd--
      if (textEnd > index) field += buffer.slice(index, textEnd)
      fields.push(field)
      if (stop >= length) return { fields, lines: lines + 1, next: length }
      if (buffer.charCodeAt(stop) === LF) return { fields, lines: lines + 1, next: stop + 1 }
      index = stop + 1 // past the separator
    }
  }
}

function countLineFeeds(text: string): number {
  let count = 0
  let at = text.indexOf('\n')
  while (at !== -1) {
    count++
    at = text.indexOf('\n', at + 1)
  }
  return count
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false
  return true
}
