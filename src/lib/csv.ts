/** A cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined

export interface CsvOptions {
  /** `;` for French spreadsheets (the comma is their decimal separator), `,` elsewhere. */
  separator?: ',' | ';' | '\t'
  /** Start with a byte order mark, so that spreadsheets read the file as UTF-8 rather than Windows-1252. */
  bom?: boolean
  /**
   * Text typed by people could start like a spreadsheet formula (=, +, -, @, tab, carriage
   * return): such text cells get a leading apostrophe, so that opening the file never runs
   * anything (CSV injection). Numbers are left as they are.
   */
  inertFormulas?: boolean
}

/**
 * Writes rows as CSV (RFC 4180): lines end with CRLF; a field holding the separator, a double quote,
 * a line break or leading/trailing spaces is quoted, with its double quotes doubled.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ','
  const field = (value: CsvValue): string => {
    if (value === null || value === undefined) return ''
    const text =
      options.inertFormulas && typeof value === 'string' && /^[=+\-@\t\r]/.test(value)
        ? `'${value}`
        : String(value)
    const needsQuotes =
      text.includes(separator) ||
      text.includes('"') ||
      text.includes('\n') ||
      text.includes('\r') ||
      text !== text.trim()
    return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text
  }
  const body = rows.map((row) => row.map(field).join(separator)).join('\r\n')
  return `${options.bom ? '\uFEFF' : ''}${body}${rows.length > 0 ? '\r\n' : ''}`
}
