import type { Locale } from '../../../../i18n/i18n.js'
import { formatComputed, formatGiven } from '../../../footprint/results/format-figures.js'

/**
 * A value as the pages print it: a computed one rounded as the footprint pages round theirs (three
 * significant digits; more would pretend to a precision the factors lack), an entered one as typed.
 */
export function formatReading(
  locale: Locale,
  reading: { value: number; origin: 'entered' | 'computed' },
): string {
  return reading.origin === 'computed'
    ? formatComputed(locale, reading.value)
    : formatGiven(locale, reading.value)
}

export function withUnit(text: string, unit: string): string {
  return `${text}\u00a0${unit}`
}

/** The indicator pages' addresses. */
export const indicatorsPath = (workspaceId: number) => `/espace/${workspaceId}/strategie/indicateurs`
export const indicatorPath = (workspaceId: number, indicatorId: string) =>
  `${indicatorsPath(workspaceId)}/${encodeURIComponent(indicatorId)}`
export const evidencePath = (workspaceId: number, indicatorId: string, year: number) =>
  `${indicatorPath(workspaceId, indicatorId)}/${year}/preuve`
