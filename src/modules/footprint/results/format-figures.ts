import type { Locale } from '../../../i18n/i18n.js'

/**
 * Figures for people: the rounding of the explanations (explain-figure.ts formatFigure: whole
 * numbers from 100 up, three significant digits below, since more would pretend to a precision the
 * factors lack), in the visitor's locale, and large amounts in a larger unit (kgCO2e → tCO2e,
 * L → m³) so that a total reads at a glance.
 */

const whole: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
}
const threeDigits: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }),
  en: new Intl.NumberFormat('en-GB', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }),
}
const exact: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
}
const percent: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }),
}

/** A computed figure, rounded as the explanations round it. */
export function formatComputed(locale: Locale, value: number): string {
  if (Number.isInteger(value)) return exact[locale].format(value)
  return Math.abs(value) >= 100 ? whole[locale].format(value) : threeDigits[locale].format(value)
}

/** An input as given (26,5 ; 0,0461). */
export function formatGiven(locale: Locale, value: number): string {
  return exact[locale].format(value)
}

export function formatShare(locale: Locale, share: number): string {
  return percent[locale].format(share)
}

/** Units shown one step larger from 1,000 of the base unit. */
const largerUnits: Record<string, string> = { kgCO2e: 'tCO2e', L: 'm³' }

/** A figure with its unit, in the larger unit when it reaches 1,000 (1 234 kgCO2e → 1,23 tCO2e). */
export function formatAmount(locale: Locale, value: number, unit: string): string {
  const larger = largerUnits[unit]
  if (larger && Math.abs(value) >= 1000) return `${formatComputed(locale, value / 1000)} ${larger}`
  return `${formatComputed(locale, value)} ${unit}`
}
