import type { Locale } from '../../../../i18n/i18n.js'

/**
 * Figures as the pages print them: three significant digits below 100 (1,34 · 12,3), whole units
 * above (1 235), the visitor's way (1 234,5 in French). Tests format the expected figures with the
 * same function, so a page and a direct computation can be compared as text.
 */
const formats = new Map<string, Intl.NumberFormat>()

function formatter(locale: Locale, digits: number, style: 'decimal' | 'fixed' = 'decimal') {
  const key = `${locale}-${digits}-${style}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      maximumFractionDigits: digits,
      ...(style === 'fixed' ? { minimumFractionDigits: digits } : {}),
    })
    formats.set(key, format)
  }
  return format
}

export function formatFigure(locale: Locale, value: number): string {
  const size = Math.abs(value)
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3
  // « -0 » after rounding reads as a sign error: a figure that rounds to zero is written 0.
  const text = formatter(locale, digits).format(value)
  return /^[-−]0([.,]0*)?$/.test(text) ? '0' : text
}

/** A percentage already × 100, with one decimal (12,3). */
export function formatPercent(locale: Locale, percent: number): string {
  const text = formatter(locale, 1, 'fixed').format(percent)
  return /^[-−]0([.,]0*)?$/.test(text) ? formatter(locale, 1, 'fixed').format(0) : text
}

/** A ratio or factor as given (up to four decimals): 0,323 · 0,0461. */
export function formatRatio(locale: Locale, value: number): string {
  return formatter(locale, 4).format(value)
}

/** A share of manufacturing avoided, to three decimals as the method writes it: 0,323. */
export function formatShareRatio(locale: Locale, value: number): string {
  return formatter(locale, 3).format(value)
}
