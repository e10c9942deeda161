import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { MessageKey, MessageParams } from '../../../i18n/i18n.js'
import { withQuery } from '../../../ui/components.js'
import { findItem, listDatacenters } from '../../inventory/inventory.queries.js'
import { type FootprintResult, footprintPhases, prepareFootprint } from '../compute-footprint.js'
import { type Explanation, explainGroup, explainItem, explainPerCapita } from '../explain-figure.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { footprintSettings, loadFactorBase } from '../factor-bases.store.js'
import { computeWorkspaceYear } from './compute-workspace-footprints.js'
import { findFrozenResult } from './frozen-results.js'
import type { ExplanationQuery } from './results-query.js'
import type { ExplanationContext } from './views/explanation.page.js'
import { explanationHref, type FigureAddress } from './views/result-labels.js'

export type ExplainOutcome =
  | { kind: 'explained'; explanation: Explanation; context: ExplanationContext }
  | { kind: 'notFound'; message: MessageKey; params?: MessageParams }
  | { kind: 'badCriterion'; criteria: string[] }

/**
 * The figure a query names, explained. A group or per-capita figure is explained from the year's
 * result: computed now with the workspace's base, or, with `bilan=1`, the frozen result's stored
 * JSON (a base version never changes, so the explanation is the one of the figure as frozen). An
 * item's figure is always explained live: the inventory is not frozen with the result.
 */
export async function explainFigure(
  db: Kysely<Database>,
  workspaceId: number,
  query: ExplanationQuery,
  options: { currentYear: number; resultsHref: string },
): Promise<ExplainOutcome> {
  const year = query.annee ?? options.currentYear
  const settings = await footprintSettings(db, workspaceId)
  const method = query.methode ?? settings.method
  const criterionId = query.critere ?? 'climate'
  const phase = query.phase ?? 'total'
  const frozenRow = query.bilan ? await findFrozenResult(db, workspaceId, year, method) : undefined
  if (query.bilan && !frozenRow)
    return { kind: 'notFound', message: 'footprint.frozen.notFound', params: { year } }
  // A frozen result names its base; the workspace's current one only stands in for the device
  // names if that version were ever unreachable.
  const base: FactorBase = frozenRow
    ? ((await loadFactorBase(db, frozenRow.baseId, frozenRow.baseVersion, workspaceId)) ?? settings.base)
    : settings.base
  const criteria = (frozenRow?.result.criteria ?? base.criteria).map((criterion) => criterion.id)
  if (!criteria.includes(criterionId)) return { kind: 'badCriterion', criteria }

  const address: FigureAddress = { year, method, frozen: frozenRow !== undefined }
  const context = (partHrefs: (string | undefined)[], baseUsed = base): ExplanationContext => ({
    year,
    method,
    base: { id: baseUsed.id, version: baseUsed.version, title: baseUsed.title },
    frozen: frozenRow !== undefined,
    backHref: frozenRow
      ? `${options.resultsHref}/bilans/${year}/${method}`
      : withQuery(options.resultsHref, { annee: year, methode: method }),
    partHrefs,
  })
  const phaseHrefs = (figure: Parameters<typeof explanationHref>[2]) =>
    footprintPhases.map((each) => explanationHref(workspaceId, address, { ...figure, phase: each }))

  if (query.element !== undefined) {
    const item = await findItem(db, workspaceId, query.element)
    if (!item) return { kind: 'notFound', message: 'footprint.explanation.itemNotFound' }
    const datacenters = await listDatacenters(db, workspaceId)
    const prepared = prepareFootprint(base, datacenters, { method, year })
    const explanation = explainItem(prepared, item, phase, criterionId)
    return {
      kind: 'explained',
      explanation,
      context: context(phase === 'total' ? phaseHrefs({ criterion: criterionId, item: item.id }) : []),
    }
  }

  const result: FootprintResult =
    frozenRow?.result ?? (await computeWorkspaceYear(db, workspaceId, { year, method, base }))
  const resultBase = { id: result.base.id, version: result.base.version, title: result.base.title }

  if (query.par !== undefined) {
    const per = query.par === 'agent' ? 'agent' : 'inhabitant'
    if ((per === 'agent' ? result.perAgent : result.perInhabitant) === null)
      return {
        kind: 'notFound',
        message: per === 'agent' ? 'footprint.perAgent.missing' : 'footprint.perInhabitant.missing',
      }
    return {
      kind: 'explained',
      explanation: explainPerCapita(result, per, criterionId),
      context: { ...context([]), base: resultBase },
    }
  }

  const dimension = query.dimension ?? 'total'
  const key = dimension === 'total' || !query.cle ? null : query.cle
  const groups =
    dimension === 'total'
      ? [result.total]
      : dimension === 'type'
        ? result.byType
        : dimension === 'site'
          ? result.bySite
          : dimension === 'service'
            ? result.byService
            : result.byTag
  if (!groups.some((group) => dimension === 'total' || group.key === key))
    return { kind: 'notFound', message: 'footprint.explanation.groupNotFound', params: { year } }
  const explanation = explainGroup(result, base, dimension, key, phase, criterionId)
  const partHrefs =
    phase === 'total'
      ? phaseHrefs({ criterion: criterionId, dimension, key })
      : dimension === 'total'
        ? explanation.parts.map((_, index) => {
            const type = result.total.types[index]?.key
            return type
              ? explanationHref(workspaceId, address, {
                  criterion: criterionId,
                  phase,
                  dimension: 'type',
                  key: type,
                })
              : undefined
          })
        : []
  return { kind: 'explained', explanation, context: { ...context(partHrefs), base: resultBase } }
}
