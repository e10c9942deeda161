import { formatNumber, type Locale } from '../../../../i18n/i18n.js'
import type { YearValue } from '../objective-status.js'

/** A value with its unit (« 12,5 tCO2e »), a no-break space between them. */
export function valueText(locale: Locale, value: number, unit: string): string {
  return unit === '' ? formatNumber(locale, value) : `${formatNumber(locale, value)}\u00a0${unit}`
}

/** A year's value (« 12,5 tCO2e (2024) »). */
export function yearValueText(locale: Locale, point: YearValue, unit: string): string {
  return `${valueText(locale, point.value, unit)} (${point.year})`
}
