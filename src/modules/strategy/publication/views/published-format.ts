import { formatLongDate, type Locale } from '../../../../i18n/i18n.js'
import type { PublishedObjective } from '../snapshot-schema.js'

const day = /^\d{4}-\d{2}-\d{2}/

/** A stored date in words; as written when it is not a date (a snapshot is data, not a promise). */
export function formatDay(locale: Locale, iso: string): string {
  if (!day.test(iso) || Number.isNaN(Date.parse(iso))) return iso
  return formatLongDate(locale, iso)
}

/** Only web links become links: a snapshot's URL is shown as text otherwise. */
export function isWebLink(url: string | null): url is string {
  if (!url) return false
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * How far the latest measure has gone from the baseline towards the last target, 0 to 100; null
 * without a measure or when the target is the baseline (no way to go).
 */
export function percentOfTheWay(objective: PublishedObjective): number | null {
  const finalTarget = [...objective.targets].sort((a, b) => a.year - b.year).at(-1)
  if (!finalTarget || !objective.measured) return null
  const way = finalTarget.value - objective.baseline.value
  if (way === 0) return null
  const share = (objective.measured.value - objective.baseline.value) / way
  return Math.round(100 * Math.min(1, Math.max(0, share)))
}
