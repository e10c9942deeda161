import type { ActionStatus } from '../../../db/schema.js'
import { toCsv } from '../../../lib/csv.js'
import { writeXlsx, type XlsxValue } from '../../footprint/xlsx/write-xlsx.js'
import type { ActionRecord } from './actions.queries.js'

/**
 * The listed actions as a file: CSV for French spreadsheets (`;`, decimal comma, BOM, formulas
 * made inert, as the other exports) or a one-sheet XLSX (dates as dates, budgets as numbers).
 * Column names and values are French whatever the page's language: a file is read by tools too.
 */

export const actionExportFormats = ['csv', 'xlsx'] as const
export type ActionExportFormat = (typeof actionExportFormats)[number]

export const actionExportHeader = [
  'id',
  'titre',
  'description',
  'engagements',
  'axe',
  'responsable',
  'début',
  'fin',
  'statut',
  'budget',
  'objectifs',
  'public',
  'recommandation',
] as const

const statusWords: Record<ActionStatus, string> = {
  a_planifier: 'à planifier',
  planifiee: 'planifiée',
  en_cours: 'en cours',
  realisee: 'réalisée',
  abandonnee: 'abandonnée',
}

export type ExportedAction = ActionRecord & { objectiveIds: number[] }

/**
 * One action's line, in the header's order; dates and budgets as each format writes them (the
 * other cells are the same in both).
 */
function exportLine<Cell>(
  action: ExportedAction,
  date: (iso: string | null) => Cell,
  budget: (euros: number | null) => Cell,
): (Cell | string | number | null)[] {
  return [
    action.id,
    action.title,
    action.description ?? '',
    action.commitments.join('|'),
    action.decreeAxis,
    action.ownerName ?? action.ownerService ?? '',
    date(action.startDate),
    date(action.endDate),
    statusWords[action.status],
    budget(action.budgetEuros),
    action.objectiveIds.join('|'),
    action.isPublic ? 'oui' : 'non',
    action.recommendationId ?? '',
  ]
}

export function actionsCsv(actions: readonly ExportedAction[]): string {
  const rows = actions.map((action) =>
    exportLine(
      action,
      (iso) => iso ?? '',
      (euros) => (euros === null ? '' : String(euros).replace('.', ',')),
    ),
  )
  return toCsv([[...actionExportHeader], ...rows], { separator: ';', bom: true, inertFormulas: true })
}

export function actionsXlsx(actions: readonly ExportedAction[]): Uint8Array {
  const rows: XlsxValue[][] = actions.map((action) =>
    exportLine<XlsxValue>(
      action,
      (iso) => (iso ? { date: iso } : null),
      (euros) => euros,
    ),
  )
  return writeXlsx([[...actionExportHeader], ...rows], { sheetName: 'Feuille de route' })
}
