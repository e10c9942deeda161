/**
 * Readers for the values people type in inventory files. Pure: text in, a value or a problem out
 * (the problem is turned into words by messages.ts). An empty cell (nothing but spaces) reads as
 * null; every reader trims first, including no-break and narrow no-break spaces.
 */

export type ValueProblem =
  | { code: 'not_a_number'; raw: string }
  | { code: 'negative'; raw: string }
  | { code: 'zero'; raw: string }
  | { code: 'fractional'; raw: string }
  | { code: 'bad_date'; raw: string }
  | { code: 'impossible_date'; raw: string; looksAmerican: boolean }
  | { code: 'year_out_of_range'; raw: string }
  | { code: 'not_a_boolean'; raw: string }

export type ValueResult<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem }

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value })
const fail = <T>(problem: ValueProblem): ValueResult<T> => ({ ok: false, problem })

/**
 * Trims a cell; empty → null. A leading apostrophe before = + - @ (how our CSV writer makes such
 * text inert for spreadsheets) is removed, so that what we write reads back as it was.
 */
export function readText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  const text = raw.trim()
  if (text === '') return null
  if (text.charCodeAt(0) === 39 /* ' */ && /^'[=+\-@\t\r]/.test(text)) return text.slice(1)
  return text
}

const plainNumber = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/
// "1 234", "1 234,5", "12 345 678.9": groups of three after spaces (normal, no-break, narrow, thin).
const spaceGrouped = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/
// "1.234,5", "1.234.567": dots between thousands, decimal comma.
const dotGrouped = /^[+-]?\d{1,3}(?:(?:\.\d{3})+,\d+|(?:\.\d{3}){2,})$/
// "1,234.5", "1,234,567": commas between thousands, decimal point (English).
const commaGrouped = /^[+-]?\d{1,3}(?:(?:,\d{3})+\.\d+|(?:,\d{3}){2,})$/

/**
 * A decimal number written the French or the English way: "1,5", "1.5", "1 234,5" (spaces,
 * no-break or narrow no-break spaces between thousands), "1.234,5", "1,234.5". A single comma is
 * always the decimal separator ("1,234" is 1.234), as in a French spreadsheet.
 */
export function readDecimal(raw: string | null | undefined): ValueResult<number | null> {
  const text = raw?.trim() ?? ''
  if (text === '') return ok(null)
  let normalised: string
  if (plainNumber.test(text)) normalised = text.replace(',', '.')
  else if (spaceGrouped.test(text)) normalised = text.replace(/[ \u00a0\u202f\u2009]/g, '').replace(',', '.')
  else if (dotGrouped.test(text)) normalised = text.replaceAll('.', '').replace(',', '.')
  else if (commaGrouped.test(text)) normalised = text.replaceAll(',', '')
  else return fail({ code: 'not_a_number', raw: text })
  const value = Number(normalised)
  if (!Number.isFinite(value)) return fail({ code: 'not_a_number', raw: text })
  return ok(value === 0 ? 0 : value) // no -0
}

const wholeDigits = /^\d+$/

/** A number of devices: a whole number ≥ 1 ("1 200" and "3,0" are fine; -1, 0 and 2,5 are not). */
export function readQuantity(raw: string | null | undefined): ValueResult<number | null> {
  const text = raw?.trim() ?? ''
  if (text === '') return ok(null)
  // The common case, kept quick for large files.
  if (text.length < 10 && wholeDigits.test(text)) {
    const value = Number(text)
    return value === 0 ? fail({ code: 'zero', raw: text }) : ok(value)
  }
  const read = readDecimal(text)
  if (!read.ok) return read
  const value = read.value as number
  if (value < 0) return fail({ code: 'negative', raw: text })
  if (value === 0) return fail({ code: 'zero', raw: text })
  if (!Number.isInteger(value)) return fail({ code: 'fractional', raw: text })
  if (!Number.isSafeInteger(value)) return fail({ code: 'not_a_number', raw: text })
  return ok(value)
}

const frenchDate =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T]+\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/
const isoDate =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/

/** Earliest and latest year accepted: anything outside is a typing error. */
export const minYear = 1900
export const maxYear = 2100

/**
 * A date → `yyyy-mm-dd`. Accepted: `dd/mm/yyyy` (also with `-` or `.`, one-digit day or month, and a
 * time after it, which is dropped), `dd/mm/yy` (00–29 → 2000–2029, 30–99 → 1930–1999: the rule of
 * Excel and LibreOffice, so the file reads as the spreadsheet showed it), `yyyy-mm-dd` and ISO
 * date-times (the date as written, whatever the offset). A date that does not exist (31/02/2024)
 * is refused.
 */
export function readDate(raw: string | null | undefined): ValueResult<string | null> {
  const text = raw?.trim() ?? ''
  if (text === '') return ok(null)
  let day: number
  let month: number
  let year: number
  let match = isoDate.exec(text)
  if (match) {
    year = Number(match[1])
    month = Number(match[2])
    day = Number(match[3])
  } else {
    match = frenchDate.exec(text)
    if (!match) return fail({ code: 'bad_date', raw: text })
    day = Number(match[1])
    month = Number(match[2])
    const yearText = match[3] as string
    year = Number(yearText)
    if (yearText.length === 2) year += year < 30 ? 2000 : 1900
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    // 03/15/2024: a month-first (American) date is the usual cause.
    const looksAmerican = month > 12 && day >= 1 && day <= 12 && !isoDate.test(text)
    return fail({ code: 'impossible_date', raw: text, looksAmerican })
  }
  if (year < minYear || year > maxYear) return fail({ code: 'year_out_of_range', raw: text })
  return ok(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`)
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

const trueWords = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x'])
const falseWords = new Set(['non', 'n', 'no', 'faux', 'false', '0'])

/** oui/non, yes/no, vrai/faux, true/false, 1/0 (any case; "x" is a ticked box). */
export function readBoolean(raw: string | null | undefined): ValueResult<boolean | null> {
  const text = raw?.trim() ?? ''
  if (text === '') return ok(null)
  const folded = text.toLowerCase()
  if (trueWords.has(folded)) return ok(true)
  if (falseWords.has(folded)) return ok(false)
  return fail({ code: 'not_a_boolean', raw: text })
}

/** `yyyy-mm-dd` → `dd/mm/yyyy`, for messages and French files. */
export function frenchDateText(iso: string): string {
  const [year, month, day] = iso.split('-')
  return `${day}/${month}/${year}`
}

/** Today's date in France (`yyyy-mm-dd`): the default "today" of the checks. */
export function todayInFrance(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/** A number written the French way ("1234,5"), for French files: no thousands separator, so it reads back anywhere. */
export function frenchNumberText(value: number): string {
  return String(value).replace('.', ',')
}
