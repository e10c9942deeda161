import { toCsv } from '../../../lib/csv.js'
import { type FootprintLine, type FootprintResult, footprintPhases } from '../compute-footprint.js'
import type { FactorBase } from '../factor-base.schemas.js'

/**
 * A footprint result as data. JSON: the FootprintResult as computed (or as frozen) plus the factor
 * base it used, named and sourced, so that the figures can be redone. CSV (French spreadsheets: `;`,
 * decimal comma, BOM): a first comment row naming the year, method, base and version, then one row
 * per group, criterion and phase.
 */

export interface ExportOrigin {
  /** When the result is a frozen one: when it was frozen. */
  frozenAt: string | null
}

export function footprintJson(result: FootprintResult, base: FactorBase | undefined, origin: ExportOrigin) {
  return {
    ...result,
    factorBase: {
      id: result.base.id,
      version: result.base.version,
      title: result.base.title,
      source: base?.source ?? null,
      licence: base?.licence ?? null,
    },
    frozenAt: origin.frozenAt,
  }
}

const dimensions = [
  ['total', (result: FootprintResult): FootprintLine[] => [result.total]],
  ['type', (result: FootprintResult) => result.byType],
  ['site', (result: FootprintResult) => result.bySite],
  ['service', (result: FootprintResult) => result.byService],
  ['etiquette', (result: FootprintResult) => result.byTag],
] as const

const phaseNames: Record<(typeof footprintPhases)[number] | 'total', string> = {
  manufacturing: 'fabrication',
  distribution: 'distribution',
  use: 'usage',
  endOfLife: 'fin_de_vie',
  total: 'total',
}

/** Full precision with a decimal comma: the spreadsheet rounds as its user wants. */
const decimal = (value: number | null) => (value === null ? null : String(value).replace('.', ','))

export function footprintCsv(result: FootprintResult, origin: ExportOrigin): string {
  const rows: (string | number | null)[][] = [
    [
      `# Jalons — empreinte ${result.year}, méthode ${result.method}, base ${result.base.id} version ${result.base.version}${origin.frozenAt ? `, bilan figé le ${origin.frozenAt}` : ', calculée à l’export'}`,
    ],
    [
      'dimension',
      'cle',
      'critere',
      'phase',
      'valeur',
      'unite',
      'lignes',
      'equipements',
      'equipements_non_disponibles',
      'base',
      'version_base',
    ],
  ]
  for (const [dimension, linesOf] of dimensions)
    for (const line of linesOf(result))
      for (const criterion of result.criteria)
        for (const phase of [...footprintPhases, 'total' as const]) {
          const figure = line.impacts[criterion.id]?.[phase]
          rows.push([
            dimension,
            dimension === 'total' ? '' : (line.key ?? ''),
            criterion.id,
            phaseNames[phase],
            decimal(figure?.value ?? null),
            criterion.unit,
            line.items,
            line.quantity,
            figure?.unavailableQuantity ?? 0,
            result.base.id,
            result.base.version,
          ])
        }
  return toCsv(rows, { separator: ';', bom: true, inertFormulas: true })
}
