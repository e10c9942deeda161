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

function cells(action: ExportedAction) {
  return {
    id: action.id,
    title: action.title,
    description: action.description ?? '',
    commitments: action.commitments.join('|'),
    axis: action.decreeAxis,
    owner: action.ownerName ?? action.ownerService ?? '',
    status: statusWords[action.status],
    objectives: action.objectiveIds.join('|'),
    isPublic: action.isPublic ? 'oui' : 'non',
    recommendation: action.recommendationId ?? '',
  }
}

export function actionsCsv(actions: readonly ExportedAction[]): string {
  const rows = actions.map((action) => {
    const cell = cells(action)
    return [
      cell.id,
      cell.title,
      cell.description,
      cell.commitments,
      cell.axis,
      cell.owner,
      action.startDate ?? '',
      action.endDate ?? '',
      cell.status,
      action.budgetEuros === null ? '' : String(action.budgetEuros).replace('.', ','),
      cell.objectives,
      cell.isPublic,
      cell.recommendation,
    ]
  })
  return toCsv([[...actionExportHeader], ...rows], { separator: ';', bom: true, inertFormulas: true })
}

export function actionsXlsx(actions: readonly ExportedAction[]): Uint8Array {
  const rows: XlsxValue[][] = actions.map((action) => {
    const cell = cells(action)
    return [
      cell.id,
      cell.title,
      cell.description,
      cell.commitments,
      cell.axis,
      cell.owner,
      action.startDate ? { date: action.startDate } : null,
      action.endDate ? { date: action.endDate } : null,
      cell.status,
      action.budgetEuros,
      cell.objectives,
      cell.isPublic,
      cell.recommendation,
    ]
  })
  return writeXlsx([[...actionExportHeader], ...rows], { sheetName: 'Feuille de route' })
}
