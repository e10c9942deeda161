import type { FactorBase } from './factor-base.schemas.js'
import { type DeviceType, deviceTypes } from './inventory-item.js'

/**
 * Refurbished devices: the share of a new device's manufacturing that buying it refurbished avoids,
 * derived from the base's MiNumEco figures (docs/footprint-method.md, « Refurbished devices »).
 * Used by the engine (items with `condition: 'refurbished'`), its explanations and the scenarios'
 * refurbishedShare lever, so that all three apply the same ratio. Pure, no I/O; it imports nothing
 * from the engine (the engine imports it).
 */

export interface RefurbishedRatio {
  type: DeviceType
  /** Share of the new device's manufacturing figure avoided, applied to every criterion. */
  ratio: number
  /** `base`: from the base's figure for the type; `default`: the smallest ratio of the base. */
  origin: 'base' | 'default'
  /** The type whose figure gave the ratio: `type` itself, or the one the default was taken from. */
  from: DeviceType
  /** The criterion of the figure it was derived from (MiNumEco publishes climate only). */
  criterion: string
  /** How it was obtained, in words (« 54,9 kgCO2e évités ÷ 170 kgCO2e de fabrication »). */
  basis: string
}

const frenchNumber = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 4 })

/**
 * The ratios derivable from the base: a refurbished figure (avoided per device) ÷ the new device's
 * manufacturing figure for the same criterion. Manufacturing, not the whole embodied impact: buying
 * refurbished avoids making a device; it is still shipped and will still reach its end of life.
 */
export function derivedRefurbishedRatios(base: FactorBase): RefurbishedRatio[] {
  const ratios: RefurbishedRatio[] = []
  for (const avoided of base.avoidedImpacts) {
    if (avoided.kind !== 'refurbished') continue
    const type = avoided.type as DeviceType
    const manufacturing = base.devices[type]?.factors?.manufacturing[avoided.criterion] ?? null
    if (manufacturing === null || manufacturing <= 0) continue
    if (ratios.some((ratio) => ratio.type === type)) continue
    const unit = base.criteria.find((criterion) => criterion.id === avoided.criterion)?.unit ?? ''
    ratios.push({
      type,
      ratio: Math.min(1, avoided.perUnit / manufacturing),
      origin: 'base',
      from: type,
      criterion: avoided.criterion,
      basis: `${frenchNumber(avoided.perUnit)} ${unit} évités par équipement reconditionné (${avoided.id}) ÷ ${frenchNumber(manufacturing)} ${unit} de fabrication d’un neuf`,
    })
  }
  return ratios
}

function ratioFor(derived: readonly RefurbishedRatio[], type: DeviceType): RefurbishedRatio | null {
  const own = derived.find((ratio) => ratio.type === type)
  if (own) return own
  const smallest = derived.reduce<RefurbishedRatio | null>(
    (best, ratio) => (best === null || ratio.ratio < best.ratio ? ratio : best),
    null,
  )
  if (smallest === null) return null
  return {
    type,
    ratio: smallest.ratio,
    origin: 'default',
    from: smallest.type,
    criterion: smallest.criterion,
    basis: `pas de chiffre pour ce type : le plus petit ratio de la base (${smallest.type} : ${smallest.basis}), hypothèse prudente`,
  }
}

/**
 * The ratio for a type: the base's own when it has one, otherwise the smallest of the base's (a
 * cautious default); null when the base publishes no refurbished figure at all.
 */
export function refurbishedRatioFor(base: FactorBase, type: DeviceType): RefurbishedRatio | null {
  return ratioFor(derivedRefurbishedRatios(base), type)
}

/** refurbishedRatioFor for every device type, in the order of `deviceTypes` (derived once). */
export function refurbishedRatiosByType(base: FactorBase): (RefurbishedRatio | null)[] {
  const derived = derivedRefurbishedRatios(base)
  return deviceTypes.map((type) => ratioFor(derived, type))
}
