import type { DocumentKind } from '../../../db/schema.js'
import type { PublicStrategySnapshot } from '../publication/public-snapshot.js'
import type { DocumentData } from './document-data.js'

/**
 * What the public page and the API will show of a published version, frozen with it: objectives
 * with their status that day, PUBLIC actions only, milestones without their internal comment.
 */
export function publicSnapshot(
  data: DocumentData,
  document: { kind: DocumentKind; version: number; year: number; title: string; publishedAt: string },
): PublicStrategySnapshot {
  return {
    format: 1,
    territory: {
      kind: data.territory.kind,
      code: data.territory.code,
      name: data.territory.name,
      population: data.territory.population,
    },
    document,
    objectives: data.objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      indicatorId: objective.indicatorId,
      indicatorName: objective.indicatorName,
      unit: objective.unit,
      decreeAxis: objective.decreeAxis,
      baseline: { year: objective.baseline.year, value: objective.baseline.value },
      targets: objective.targets.map((target) => ({ year: target.year, value: target.value })),
      measured: objective.measured
        ? { year: objective.measured.year, value: objective.measured.value }
        : null,
      expected: objective.expected,
      status: objective.status,
    })),
    actions: data.actions.public
      .filter((action) => action.isPublic)
      .map((action) => ({
        id: action.id,
        title: action.title,
        description: action.description,
        commitments: [...action.commitments],
        decreeAxis: action.decreeAxis,
        status: action.status,
        startDate: action.startDate,
        endDate: action.endDate,
        budgetEuros: action.budgetEuros,
        objectiveIds: [...action.objectiveIds],
      })),
    milestones: data.reen.milestones.map((milestone) => ({
      kind: milestone.kind,
      date: milestone.date,
      year: milestone.year,
      deliberationNumber: milestone.deliberationNumber,
      documentUrl: milestone.documentUrl,
    })),
  }
}
