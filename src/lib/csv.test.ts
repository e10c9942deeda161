import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.js'

describe('toCsv', () => {
  it('joins plain fields with the separator and ends every line with CRLF', () => {
    expect(
      toCsv(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        { separator: ';' },
      ),
    ).toBe('a;b\r\nc;d\r\n')
  })

  it('quotes a field holding the separator, and only then', () => {
    expect(toCsv([['Loi REEN ; décret', 'a,b']], { separator: ';' })).toBe('"Loi REEN ; décret";a,b\r\n')
    expect(toCsv([['Loi REEN ; décret', 'a,b']], { separator: ',' })).toBe('Loi REEN ; décret,"a,b"\r\n')
  })

  it('doubles the double quotes inside a quoted field', () => {
    expect(toCsv([['le « bon » mot', 'dit "non"']], { separator: ';' })).toBe(
      'le « bon » mot;"dit ""non"""\r\n',
    )
  })

  it('quotes fields with line breaks, keeping the break inside the field', () => {
    expect(
      toCsv([
        ['ligne 1\nligne 2', 'x\r\ny'],
        ['z', ''],
      ]),
    ).toBe('"ligne 1\nligne 2","x\r\ny"\r\nz,\r\n')
  })

  it('quotes leading or trailing spaces, which spreadsheets would otherwise drop', () => {
    expect(toCsv([[' a', 'b ']])).toBe('" a","b "\r\n')
  })

  it('writes numbers as they are and missing values as empty fields', () => {
    expect(toCsv([[1, 2.5, null, undefined, 'fin']], { separator: ';' })).toBe('1;2.5;;;fin\r\n')
  })

  it('starts with a byte order mark when asked, for spreadsheets to read UTF-8', () => {
    const csv = toCsv([['é']], { bom: true })
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1)).toBe('é\r\n')
    expect(toCsv([['é']]).charCodeAt(0)).not.toBe(0xfeff)
  })

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('')
    expect(toCsv([], { bom: true })).toBe('\uFEFF')
  })

  it('neutralises text that a spreadsheet would run as a formula, when asked, and leaves numbers alone', () => {
    const rows = [['=HYPERLINK("http://evil.example")', '+33 1 23', '@SUM(A1)', 'plain', -4]]
    expect(toCsv(rows, { separator: ';', inertFormulas: true })).toBe(
      `"'=HYPERLINK(""http://evil.example"")";'+33 1 23;'@SUM(A1);plain;-4\r\n`,
    )
    expect(toCsv([['=1+1']], { separator: ';' })).toBe('=1+1\r\n')
  })
})
