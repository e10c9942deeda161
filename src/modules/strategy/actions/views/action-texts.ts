import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { ActionStatus } from '../../../../db/schema.js'
import { formatLongDate, type Locale, type MessageKey } from '../../../../i18n/i18n.js'

/** The words of the action pages, shared by the list, the calendar, the action page and the export. */

export const statusKeys: Record<ActionStatus, MessageKey> = {
  a_planifier: 'actions.status.a_planifier',
  planifiee: 'actions.status.planifiee',
  en_cours: 'actions.status.en_cours',
  realisee: 'actions.status.realisee',
  abandonnee: 'actions.status.abandonnee',
}

/** « du 1er avril 2026 au 30 juin 2026 », one side only, or « non datée ». */
export function periodText(
  c: Context<AppEnv>,
  action: { startDate: string | null; endDate: string | null },
): string {
  const t = c.get('t')
  const locale = c.get('locale')
  const { startDate, endDate } = action
  if (startDate && endDate)
    return t('actions.period.fromTo', {
      start: formatLongDate(locale, startDate),
      end: formatLongDate(locale, endDate),
    })
  if (startDate) return t('actions.period.from', { start: formatLongDate(locale, startDate) })
  if (endDate) return t('actions.period.until', { end: formatLongDate(locale, endDate) })
  return t('actions.period.none')
}

/** The member's name or the service; a dash when nobody is named. */
export function ownerText(action: { ownerName: string | null; ownerService: string | null }): string {
  return action.ownerName ?? action.ownerService ?? '—'
}

export const dateText = (locale: Locale, iso: string | null) => (iso ? formatLongDate(locale, iso) : '—')
