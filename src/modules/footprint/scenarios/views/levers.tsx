import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { FactorBase } from '../../factor-base.schemas.js'
import { deviceTypeLabels } from '../../import/type-mapping.js'
import { type DeviceType, deviceTypes } from '../../inventory-item.js'
import { refurbishedRatioFor } from '../../scenarios.js'
import type { StoredScenario } from '../stored-scenario.js'
import { formatFigure, formatRatio, formatShareRatio } from './figures.js'

/** Where a refurbished ratio comes from: the base's avoided-impact entry behind it. */
export function refurbishedSource(base: FactorBase, type: DeviceType) {
  const ratio = refurbishedRatioFor(base, type)
  if (!ratio) return null
  const avoided = base.avoidedImpacts.find(
    (entry) => entry.kind === 'refurbished' && entry.type === ratio.from,
  )
  return { ratio, source: avoided?.source ?? base.source, published: avoided?.published ?? null }
}

/**
 * A scenario's levers in words, one per line, in the inventory's type order; with the year's
 * figures (devices the « N % fewer » shares take away) when a comparison gives them.
 */
export function leverTexts(
  c: Context<AppEnv>,
  stored: StoredScenario,
  base: FactorBase,
  removedByShare?: Partial<Record<DeviceType, number>>,
): string[] {
  const t = c.get('t')
  const locale = c.get('locale')
  const { scenario } = stored
  const label = (type: DeviceType) => deviceTypeLabels[type][locale]
  const lines: string[] = []
  for (const type of deviceTypes) {
    const years = scenario.extendLifetime?.[type]
    if (years !== undefined)
      lines.push(t('scenarios.lever.extend', { type: label(type), years: formatFigure(locale, years) }))
    const share = scenario.refurbishedShare?.[type]
    if (share !== undefined) {
      const found = refurbishedSource(base, type)
      lines.push(
        found
          ? t('scenarios.lever.refurbished', {
              type: label(type),
              percent: formatFigure(locale, share * 100),
              ratio: formatShareRatio(locale, found.ratio.ratio),
              source: found.source,
            })
          : t('scenarios.lever.refurbishedNoRatio', {
              type: label(type),
              percent: formatFigure(locale, share * 100),
            }),
      )
    }
    const perAgent = scenario.fewerDevices?.[type]?.perAgent
    if (perAgent !== undefined)
      lines.push(t('scenarios.lever.perAgent', { type: label(type), count: formatFigure(locale, perAgent) }))
    const fewer = stored.fewerShare[type]
    if (fewer !== undefined) {
      const removed = removedByShare?.[type]
      lines.push(
        removed === undefined
          ? t('scenarios.lever.fewer', { type: label(type), percent: formatFigure(locale, fewer * 100) })
          : t('scenarios.lever.fewerYear', {
              type: label(type),
              percent: formatFigure(locale, fewer * 100),
              count: formatFigure(locale, removed),
            }),
      )
    }
  }
  if (scenario.electricityOption !== undefined) {
    const option = base.electricity.options.find((candidate) => candidate.id === scenario.electricityOption)
    const climate = option?.perKwh.climate
    lines.push(
      t('scenarios.lever.electricityOption', {
        label: option?.label ?? scenario.electricityOption,
        factor: climate === null || climate === undefined ? '—' : formatRatio(locale, climate),
      }),
    )
  }
  if (scenario.electricityFactor !== undefined)
    lines.push(
      t('scenarios.lever.electricityFactor', { factor: formatRatio(locale, scenario.electricityFactor) }),
    )
  if (lines.length === 0) lines.push(t('scenarios.lever.none'))
  return lines
}

export function LeverList(props: {
  c: Context<AppEnv>
  stored: StoredScenario
  base: FactorBase
  removedByShare?: Partial<Record<DeviceType, number>>
}) {
  return (
    <ul class="levers-list">
      {leverTexts(props.c, props.stored, props.base, props.removedByShare).map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  )
}
