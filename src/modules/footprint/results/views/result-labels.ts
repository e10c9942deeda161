import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { MessageKey } from '../../../../i18n/i18n.js'
import { withQuery } from '../../../../ui/components.js'
import type { FigurePhase, FootprintMethod } from '../../compute-footprint.js'
import type { GroupDimension } from '../../explain-figure.js'
import type { Criterion } from '../../factor-base.schemas.js'
import { deviceTypeLabels } from '../../import/type-mapping.js'
import { type DeviceType, deviceTypes } from '../../inventory-item.js'

/** Names on the results pages, in the visitor's language. */

const knownCriteria: Record<string, MessageKey> = {
  climate: 'footprint.criterion.climate',
  water: 'footprint.criterion.water',
}

/** The two criteria of the default base have their names in the catalogue; others keep the base's. */
export function criterionLabel(c: Context<AppEnv>, criterion: Criterion): string {
  const key = knownCriteria[criterion.id]
  return key ? c.get('t')(key) : criterion.label
}

export function phaseLabel(c: Context<AppEnv>, phase: FigurePhase): string {
  return c.get('t')(`footprint.phase.${phase}` as MessageKey)
}

export function methodLabel(c: Context<AppEnv>, method: FootprintMethod): string {
  return c.get('t')(`footprint.method.${method}` as MessageKey)
}

export function typeLabel(c: Context<AppEnv>, type: string): string {
  return (deviceTypes as readonly string[]).includes(type)
    ? deviceTypeLabels[type as DeviceType][c.get('locale')]
    : type
}

/** A group's name: its type in words, or the site, service or tag as written; « non renseigné » for null. */
export function groupLabel(c: Context<AppEnv>, dimension: GroupDimension, key: string | null): string {
  if (dimension === 'total') return c.get('t')('footprint.total.whole')
  if (key === null) return c.get('t')('footprint.group.none')
  return dimension === 'type' ? typeLabel(c, key) : key
}

export interface FigureAddress {
  year: number
  method: FootprintMethod
  /** A frozen result's figure: explained from its stored JSON. */
  frozen: boolean
}

/** The explanation page's address for one figure. */
export function explanationHref(
  workspaceId: number,
  address: FigureAddress,
  figure: {
    criterion: string
    phase?: FigurePhase
    dimension?: GroupDimension
    key?: string | null
    item?: number
    per?: 'agent' | 'habitant'
  },
): string {
  return withQuery(`/espace/${workspaceId}/empreinte/explication`, {
    annee: address.year,
    methode: address.method,
    critere: figure.criterion,
    phase: figure.phase,
    dimension: figure.dimension,
    element: figure.item,
    par: figure.per,
    bilan: address.frozen ? '1' : undefined,
    // « non renseigné » is an empty key, which withQuery would leave out: written here.
  }).concat(
    figure.dimension !== undefined && figure.dimension !== 'total'
      ? `&cle=${encodeURIComponent(figure.key ?? '')}`
      : '',
  )
}
