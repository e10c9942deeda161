import { type CsvValue, toCsv } from '../../lib/csv.js'
import type { Referential } from './referential.schemas.js'

/**
 * The referential as one spreadsheet: a row per question, then a row per indicator, in the
 * referential's order. Column names are French (the file is for French-speaking users of a
 * spreadsheet); a column that does not concern a row's type is left empty. Lists hold their items
 * separated by « | », which appears in no text of the referential.
 */
export const referentialCsvColumns = [
  'type',
  'ambition',
  'engagement',
  'id',
  'texte_ou_nom',
  'palier',
  'types_de_territoire',
  'niveau_0',
  'niveau_1',
  'niveau_2',
  'niveau_3',
  'obligation',
  'recommandation_id',
  'recommandation',
  'priorite',
  'priorite_si_non_soumis',
  'unite',
  'definition',
  'mesures',
  'source',
  'references_legales',
  'references',
  'calcul',
  'question_liee',
] as const

type Column = (typeof referentialCsvColumns)[number]
type Row = Partial<Record<Column, CsvValue>>

const list = (items: readonly string[] | undefined) => (items && items.length > 0 ? items.join(' | ') : '')

export function referentialCsvRows(referential: Referential): CsvValue[][] {
  const questions: Row[] = []
  const indicators: Row[] = []
  for (const ambition of referential.ambitions)
    for (const commitment of ambition.commitments) {
      const place = { ambition: ambition.id, engagement: commitment.id }
      for (const question of commitment.questions)
        questions.push({
          type: 'question',
          ...place,
          id: question.id,
          texte_ou_nom: question.text,
          palier: question.tier,
          types_de_territoire: list(question.kinds),
          niveau_0: question.levels[0],
          niveau_1: question.levels[1],
          niveau_2: question.levels[2],
          niveau_3: question.levels[3],
          obligation: question.obligation,
          recommandation_id: question.recommendation.id,
          recommandation: question.recommendation.text,
          priorite: question.recommendation.priority,
          priorite_si_non_soumis: question.recommendation.priorityIfExempt,
        })
      for (const indicator of commitment.indicators)
        indicators.push({
          type: 'indicateur',
          ...place,
          id: indicator.id,
          texte_ou_nom: indicator.name,
          palier: indicator.tier,
          types_de_territoire: list(indicator.kinds),
          unite: indicator.unit,
          definition: indicator.definition,
          mesures: list(indicator.measures?.map((measure) => `${measure.label} (${measure.unit})`)),
          source: indicator.source,
          references_legales: list(indicator.legalRefs),
          references: list(indicator.references),
          calcul: indicator.computedFrom,
          question_liee: indicator.fromQuestion,
        })
    }
  return [
    [...referentialCsvColumns],
    ...[...questions, ...indicators].map((row) => referentialCsvColumns.map((column) => row[column])),
  ]
}

/** UTF-8 with a byte order mark and `;` between fields: what a French spreadsheet opens right away. */
export function referentialCsv(referential: Referential): string {
  return toCsv(referentialCsvRows(referential), { separator: ';', bom: true, inertFormulas: true })
}
