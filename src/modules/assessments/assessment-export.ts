import { toCsv } from '../../lib/csv.js'
import type { WorkspaceContext } from '../workspaces/workspaces.queries.js'
import type { AssessmentContext } from './assessment-context.js'
import { levelsOf } from './assessments.queries.js'
import { scoreAssessment } from './score-assessment.js'

/**
 * The assessment as data: every question of its referential version with the answer given (or
 * "non applicable"), plus the scores. Same content in JSON and in CSV (one row per question).
 */
export function assessmentJson(workspace: WorkspaceContext, context: AssessmentContext) {
  const { assessment, referential, tier, facts } = context
  const scores = scoreAssessment({ referential, tier, kind: facts.kind }, levelsOf(context.answers))
  return {
    territory: {
      kind: workspace.territoryKind,
      code: workspace.territoryCode,
      name: workspace.territoryName,
    },
    year: assessment.year,
    status: assessment.status,
    submittedAt: assessment.submitted_at,
    referential: { id: referential.id, version: referential.version },
    tier,
    scores: {
      overall: assessment.score ?? scores.overall,
      letter: assessment.letter ?? scores.letter,
      ambitions: scores.ambitions,
      commitments: scores.commitments,
    },
    answers: referential.ambitions.flatMap((ambition) =>
      ambition.commitments.flatMap((commitment) =>
        commitment.questions.map((question) => {
          const answer = context.answers.get(question.id)
          return {
            commitment: commitment.id,
            question: question.id,
            text: question.text,
            applicable: context.applies(question.id),
            level: answer?.level ?? null,
            levelLabel:
              answer?.level === null || answer?.level === undefined
                ? null
                : (referential.maturityScale[answer.level]?.label ?? null),
            comment: answer?.comment ?? null,
            evidenceUrl: answer?.evidenceUrl ?? null,
          }
        }),
      ),
    ),
  }
}

/** French spreadsheet habits: `;`, UTF-8 with a BOM so that Excel reads the accents. */
export function assessmentCsv(workspace: WorkspaceContext, context: AssessmentContext): string {
  const data = assessmentJson(workspace, context)
  const header = [
    'annee',
    'version_referentiel',
    'engagement',
    'question',
    'texte',
    'applicable',
    'niveau',
    'libelle_niveau',
    'commentaire',
    'preuve',
  ]
  const rows = data.answers.map((answer) => [
    String(data.year),
    data.referential.version,
    answer.commitment,
    answer.question,
    answer.text,
    answer.applicable ? 'oui' : 'non',
    answer.level === null ? '' : String(answer.level),
    answer.levelLabel ?? '',
    answer.comment ?? '',
    answer.evidenceUrl ?? '',
  ])
  return toCsv([header, ...rows], { separator: ';', bom: true, inertFormulas: true })
}
