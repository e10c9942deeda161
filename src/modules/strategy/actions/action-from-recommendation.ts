import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { Commitment, Question, Referential } from '../../referential/referential.schemas.js'
import {
  currentReferential,
  listReferentialVersions,
  loadReferential,
} from '../../referential/referential.store.js'
import { indexReferential } from '../../referential/referential-index.js'
import type { ActionInput } from './actions.queries.js'

export const recommendationTitleMaxLength = 160

/**
 * A title of at most `max` characters: the text itself when short enough, else cut at the last
 * word boundary that leaves room for « … » (a single word longer than that is cut inside).
 */
export function titleFromText(text: string, max = recommendationTitleMaxLength): string {
  const clean = text.trim().replace(/\s+/g, ' ')
  if (clean.length <= max) return clean
  const room = clean.slice(0, max - 1)
  const boundary = room.lastIndexOf(' ')
  const cut = (boundary > 0 ? room.slice(0, boundary) : room).replace(/[\s,;:.—–-]+$/, '')
  return `${cut}…`
}

interface FoundRecommendation {
  question: Question
  commitment: Commitment
}

/** A question's recommendation is « R-<question id> » (the referential's schema checks it). */
function findIn(referential: Referential, id: string): FoundRecommendation | undefined {
  const place = indexReferential(referential).questions.get(id.slice('R-'.length))
  return place && { question: place.question, commitment: place.commitment }
}

/**
 * A recommendation by its stable id: in the current referential, else in the latest earlier
 * version that has it (a results page of an older year shows that version's recommendations).
 */
export async function findRecommendation(
  db: Kysely<Database>,
  id: string,
): Promise<FoundRecommendation | undefined> {
  if (!/^R-A\d\.E\d\.Q\d+$/.test(id)) return undefined
  const current = await currentReferential(db)
  const found = findIn(current, id)
  if (found) return found
  for (const summary of await listReferentialVersions(db)) {
    if (summary.version === current.version) continue
    const referential = await loadReferential(db, summary.version)
    const earlier = referential ? findIn(referential, id) : undefined
    if (earlier) return earlier
  }
  return undefined
}

/** The action a recommendation becomes: to plan, in its commitment and the commitment's first axis. */
export function actionFromRecommendation({ question, commitment }: FoundRecommendation): ActionInput {
  const text = question.recommendation.text
  const title = titleFromText(text)
  return {
    title,
    // The whole text only when the title had to be cut: said twice, it would show twice everywhere.
    description: title === text ? null : text,
    commitments: [commitment.id],
    decreeAxis: commitment.decreeAxes[0] ?? null,
    ownerUserId: null,
    ownerService: null,
    startDate: null,
    endDate: null,
    status: 'a_planifier',
    budgetEuros: null,
    isPublic: false,
    objectiveIds: [],
  }
}
