import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { populationForThresholds } from '../obligations/evaluate-obligations.js'
import type { WorkspaceContext } from '../workspaces/workspaces.queries.js'
import type { AssessmentContext } from './assessment-context.js'
import { findPreviousSubmitted, levelsOf, storedScores } from './assessments.queries.js'
import { type Distribution, populationBandOf, positionIn } from './peer-statistics.js'
import { groupKey, yearDistributions } from './peers.queries.js'
import { prioritisedRecommendations, type RecommendationItem } from './recommendations.js'
import { type AssessmentScores, type CommitmentScore, scoreAssessment } from './score-assessment.js'

/** A score counts as a strength from two thirds of the scale (level 2 on average). */
export const strengthThreshold = 67

export interface PeerView {
  /** Submitted assessments in the group. */
  count: number
  overall: Distribution | null
  byCommitment: Map<string, Distribution | null>
  position: ReturnType<typeof positionIn> | null
}

export interface Results {
  scores: AssessmentScores
  provisional: boolean
  previous: { year: number; byCommitment: Map<string, number>; overall: number | null } | null
  strengths: CommitmentScore[]
  gaps: CommitmentScore[]
  recommendations: RecommendationItem[]
  peers: {
    group: PeerView & { kind: string; band: string | null }
    national: PeerView
    demo: boolean
  }
}

function peerView(
  distributions: { count: number; byScope: Map<string, Distribution | null> } | undefined,
  commitmentIds: string[],
  overall: number | null,
): PeerView {
  const overallDistribution = distributions?.byScope.get('overall') ?? null
  return {
    count: distributions?.count ?? 0,
    overall: overallDistribution,
    byCommitment: new Map(
      commitmentIds.map((id) => [id, distributions?.byScope.get(`commitment:${id}`) ?? null]),
    ),
    position: overallDistribution && overall !== null ? positionIn(overallDistribution, overall) : null,
  }
}

/** The results page's figures: scores, last year's, strengths and gaps, recommendations, peers. */
export async function buildResults(
  db: Kysely<Database>,
  workspace: WorkspaceContext,
  context: AssessmentContext,
): Promise<Results> {
  const { assessment, referential, facts, tier } = context
  const levels = levelsOf(context.answers)
  const scores = scoreAssessment({ referential, tier, kind: facts.kind }, levels)
  if (assessment.status === 'submitted') {
    // Submitted scores are the frozen ones, even if the method were to change later.
    const stored = await storedScores(db, assessment.id)
    scores.overall = stored.get('overall:') ?? scores.overall
    scores.letter = (assessment.letter as AssessmentScores['letter']) ?? scores.letter
    for (const row of scores.commitments)
      row.score = stored.get(`commitment:${row.commitmentId}`) ?? row.score
    for (const row of scores.ambitions) row.score = stored.get(`ambition:${row.ambitionId}`) ?? row.score
  }
  const previousRow = await findPreviousSubmitted(db, workspace.id, assessment.year)
  let previous: Results['previous'] = null
  if (previousRow) {
    const stored = await storedScores(db, previousRow.id)
    const byCommitment = new Map<string, number>()
    for (const [key, score] of stored)
      if (key.startsWith('commitment:')) byCommitment.set(key.slice(11), score)
    previous = { year: previousRow.year, byCommitment, overall: stored.get('overall:') ?? null }
  }
  const scored = scores.commitments.filter((row) => row.score !== null)
  const strengths = scored
    .filter((row) => (row.score ?? 0) >= strengthThreshold)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .slice(0, 3)
  const gaps = scored
    .filter((row) => (row.score ?? 0) < strengthThreshold)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, 3)
  const territory = await db
    .selectFrom('territories')
    .select('is_demo')
    .where('id', '=', workspace.territoryId)
    .executeTakeFirstOrThrow()
  const demo = territory.is_demo === 1
  const distributions = await yearDistributions(db, assessment.year, demo)
  const band = assessment.population_band ?? populationBandOf(populationForThresholds(facts).value)
  const kind = assessment.peer_kind ?? facts.kind
  const commitmentIds = scores.commitments.map((row) => row.commitmentId)
  return {
    scores,
    provisional: assessment.status !== 'submitted',
    previous,
    strengths,
    gaps,
    recommendations: prioritisedRecommendations(
      { referential, tier, kind: facts.kind },
      levels,
      context.obligationStatuses,
    ),
    peers: {
      group: {
        ...peerView(distributions.groups.get(groupKey(kind, band)), commitmentIds, scores.overall),
        kind,
        band,
      },
      national: peerView(distributions.national, commitmentIds, scores.overall),
      demo,
    },
  }
}
