import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { type CsvRecord, CsvRecordParser, CsvSyntaxError, maxRecordLength } from './csv-records.js'
import type { Separator } from './messages.js'

function parseAll(text: string, separator: Separator = ';', chunkSizes: number[] = []): CsvRecord[] {
  const parser = new CsvRecordParser(separator)
  const records: CsvRecord[] = []
  let position = 0
  for (const size of chunkSizes) {
    records.push(...parser.push(text.slice(position, position + size)))
    position += size
  }
  records.push(...parser.push(text.slice(position)))
  records.push(...parser.end())
  return records
}

describe('CsvRecordParser', () => {
  it('splits records and fields, with CRLF or LF, with or without a final line break', () => {
    expect(parseAll('a;b\r\n1;2\r\n3;4')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ])
    expect(parseAll('a,b\n1,2\n', ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ])
    expect(parseAll('a\tb\n1\t2\n', '\t')[1]).toEqual({ line: 2, fields: ['1', '2'] })
  })

  it('reads quoted fields with separators, doubled quotes and line breaks, and counts lines from where a record starts', () => {
    const text = 'type;modele\r\n"Écran";"Dell ""UltraSharp""; 24"\r\n"Écran\r\nincurvé";"a\nb"\r\nTV;x\r\n'
    expect(parseAll(text)).toEqual([
      { line: 1, fields: ['type', 'modele'] },
      { line: 2, fields: ['Écran', 'Dell "UltraSharp"; 24'] },
      { line: 3, fields: ['Écran\r\nincurvé', 'a\nb'] },
      { line: 6, fields: ['TV', 'x'] },
    ])
  })

  it('skips blank lines and lines of empty cells, keeping line numbers', () => {
    expect(parseAll('a;b\n\n   \n;;\n"";\n1;2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 6, fields: ['1', '2'] },
    ])
  })

  it('keeps empty fields', () => {
    expect(parseAll('a;;c;\n')).toEqual([{ line: 1, fields: ['a', '', 'c', ''] }])
    expect(parseAll('"";b\n')).toEqual([{ line: 1, fields: ['', 'b'] }])
  })

  it('is lenient as spreadsheets are: a quote inside an unquoted field is text, text after a closing quote is kept', () => {
    expect(parseAll('Écran 24";2\n')).toEqual([{ line: 1, fields: ['Écran 24"', '2'] }])
    expect(parseAll('"abc"def;2\n')).toEqual([{ line: 1, fields: ['abcdef', '2'] }])
    expect(parseAll(' "abc";2\n')).toEqual([{ line: 1, fields: [' "abc"', '2'] }])
  })

  it('gives the same records whatever the chunks', () => {
    const text = 'a;b\r\n"x""y";"1\r\n2"\r\nÉcran 24";z\r\n"";q\r\nlast;"one"'
    const whole = parseAll(text)
    for (let first = 0; first <= text.length; first++) {
      for (const second of [1, 2, 3, 7]) expect(parseAll(text, ';', [first, second, 1])).toEqual(whole)
    }
  })

  it('refuses a quote never closed, naming the line where the record starts', () => {
    expect(() => parseAll('a;b\n1;2\n"open;3\n4;5\n')).toThrow(CsvSyntaxError)
    try {
      parseAll('a;b\n1;2\n"open;3\n4;5\n')
    } catch (error) {
      expect(error).toMatchObject({ problem: 'unclosed_quote', line: 3 })
    }
  })

  it('refuses a record longer than the limit instead of keeping it all in memory', () => {
    const parser = new CsvRecordParser(';')
    parser.push('a;b\n"')
    expect(() => parser.push('x'.repeat(maxRecordLength + 1))).toThrow(
      expect.objectContaining({ problem: 'record_too_long', line: 2 }),
    )
  })
})

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function randomCsv(next: () => number, separator: Separator): string {
  const pieces = ['a', 'é', 'Écran', ' ', '1,5', ';', ',', '\t', '"', '\n', '\r\n', 'x', '€', '24"']
  const rows: string[] = []
  const rowCount = 1 + Math.floor(next() * 8)
  const newline = next() < 0.5 ? '\n' : '\r\n'
  for (let row = 0; row < rowCount; row++) {
    const fields: string[] = []
    const fieldCount = 1 + Math.floor(next() * 5)
    for (let column = 0; column < fieldCount; column++) {
      let value = ''
      const length = Math.floor(next() * 4)
      for (let index = 0; index < length; index++) value += pieces[Math.floor(next() * pieces.length)]
      const mustQuote = /[";,\t\r\n]/.test(value) || value.includes(separator)
      fields.push(mustQuote || next() < 0.2 ? `"${value.replaceAll('"', '""')}"` : value)
    }
    rows.push(fields.join(separator))
  }
  return rows.join(newline) + (next() < 0.5 ? newline : '')
}

describe('CsvRecordParser against csv-parse (the reference)', () => {
  it('reads 5,000 random RFC 4180 files as csv-parse does, at any chunk boundary', () => {
    const next = random(20261128)
    let comparedLines = 0
    for (let round = 0; round < 5000; round++) {
      const separator = ([';', ',', '\t'] as const)[round % 3] as Separator
      const text = randomCsv(next, separator)
      const reference = (
        parse(text, {
          delimiter: separator,
          relax_column_count: true,
          skip_empty_lines: true,
          info: true,
        }) as unknown as {
          record: string[]
          info: { lines: number }
        }[]
      ).filter(({ record }) => record.some((field) => field.trim() !== ''))
      const cut = Math.floor(next() * text.length)
      const mine = parseAll(text, separator, [cut, Math.floor(next() * 5)])
      expect(
        mine.map((record) => record.fields),
        JSON.stringify(text),
      ).toEqual(reference.map(({ record }) => record))
      // csv-parse counts the line where a record ends; ours is where it starts. (csv-parse counts
      // a carriage return inside quotes as a line of its own: compared on LF-only files.)
      if (!text.includes('\r'))
        expect(
          mine.map((record) => record.line + record.fields.join('').split('\n').length - 1),
          JSON.stringify(text),
        ).toEqual(reference.map(({ info }) => info.lines))
      if (!text.includes('\r')) comparedLines++
    }
    expect(comparedLines).toBeGreaterThan(500)
  })
})
