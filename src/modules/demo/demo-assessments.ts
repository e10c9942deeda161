import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findAssessment, territoryFactsOf } from '../assessments/assessments.queries.js'
import { saveAnswers } from '../assessments/save-answers.js'
import { startAssessment } from '../assessments/start-assessment.js'
import { submitAssessment } from '../assessments/submit-assessment.js'
import { currentReferential } from '../referential/referential.store.js'
import { questionApplies, territoryTier } from '../referential/territory-tier.js'
import { datasetLoad, insertTerritories, recordDatasetLoad } from '../territories/load-territories.js'
import { demoCityCode } from './demo-territories.js'

/**
 * Self-assessments a newcomer can explore: the demo city submitted last year's and has this year's
 * in draft; seven fictitious peer cities of the same size submitted both years, so that the peer
 * comparison (shown from 5 territories) has something to show. All of them are demo territories:
 * they are compared only among themselves and never enter real figures.
 */
export const demoAssessmentsDataset = { id: 'demo-assessments', vintage: 'demo-assessments-1' } as const

const peerNames = [
  'Marelle-les-Jalons',
  'Pont-du-Jalon',
  'Val-de-Borne',
  'Belle-Borne',
  'Sainte-Balise',
  'Port-Repère',
  'Mont-Repère',
]

const peerTerritories = peerNames.map((name, index) => ({
  kind: 'commune' as const,
  code: `DEMO-PAIR-${index + 1}`,
  name: `${name} (démonstration)`,
  nature: null,
  siren: null,
  populationTotal: 52_000 + index * 6_500,
  populationMunicipal: 51_000 + index * 6_400,
  populationSource: 'Données fictives de démonstration',
  populationVintage: 'démonstration',
  postcodes: [],
  intercommunalityCode: null,
  eptCode: null,
  departementCode: null,
  regionCode: null,
  isDemo: true,
  datasetVintage: demoAssessmentsDataset.vintage,
  extraSearchWords: ['demo', 'démonstration'],
}))

function hashOf(...parts: (string | number)[]): number {
  let hash = 17
  for (const character of parts.join('|')) hash = (hash * 33 + character.charCodeAt(0)) % 1_000_003
  return hash
}

/**
 * A repeatable level in 0–3 for a territory, a year and a question: no randomness in demo data.
 * Each territory has its own profile (stronger on some commitments than others), and this year is
 * a little better than last year, as for a territory that works on it.
 */
function demoLevel(seed: number, year: number, questionId: string): number {
  const commitment = questionId.split('.').slice(0, 2).join('.')
  const profile = hashOf(seed, commitment) % 4
  const noise = (hashOf(seed, questionId) % 3) - 1
  const progress = year === new Date().getUTCFullYear() && hashOf(seed, questionId, year) % 3 === 0 ? 1 : 0
  return Math.max(0, Math.min(3, profile + noise + progress))
}

async function workspaceFor(db: Kysely<Database>, territoryId: number): Promise<number> {
  const existing = await db
    .selectFrom('workspaces')
    .select('id')
    .where('territory_id', '=', territoryId)
    .executeTakeFirst()
  if (existing) return existing.id
  const created = await db
    .insertInto('workspaces')
    .values({ territory_id: territoryId, created_at: new Date().toISOString(), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return created.id
}

async function seedAssessment(
  db: Kysely<Database>,
  input: { territoryId: number; seed: number; year: number; submit: boolean; share: number },
) {
  const workspaceId = await workspaceFor(db, input.territoryId)
  if (await findAssessment(db, workspaceId, input.year)) return
  const referential = await currentReferential(db)
  const facts = await territoryFactsOf(db, input.territoryId)
  const { tier } = territoryTier(referential, facts)
  await startAssessment(db, { workspaceId, year: input.year, actorId: null, referential })
  const questions = referential.ambitions
    .flatMap((ambition) => ambition.commitments.flatMap((commitment) => commitment.questions))
    .filter((question) => questionApplies(question, tier, facts.kind))
  const answered = questions.slice(0, Math.ceil(questions.length * input.share))
  const assessment = await findAssessment(db, workspaceId, input.year)
  if (!assessment) throw new Error('demo assessment vanished')
  await saveAnswers(db, {
    assessment,
    referential,
    actorId: null,
    answers: answered.map((question) => ({
      questionId: question.id,
      level: demoLevel(input.seed, input.year, question.id),
      comment: null,
      evidenceUrl: null,
    })),
  })
  if (input.submit) {
    const fresh = await findAssessment(db, workspaceId, input.year)
    if (fresh) await submitAssessment(db, { assessment: fresh, referential, facts, actorId: null })
  }
}

/** Adds the demo assessments once; with `reset`, puts the demo city's back as new. */
export async function seedDemoAssessments(
  db: Kysely<Database>,
  options: { reset?: boolean } = {},
): Promise<boolean> {
  const city = await db
    .selectFrom('territories')
    .select('id')
    .where('kind', '=', 'commune')
    .where('code', '=', demoCityCode)
    .executeTakeFirst()
  if (!city) return false
  const loaded = await datasetLoad(db, demoAssessmentsDataset.id)
  if (loaded && !options.reset) return false
  const peerCodes = peerTerritories.map((peer) => peer.code)
  const present = await db.selectFrom('territories').select('code').where('code', 'in', peerCodes).execute()
  if (present.length === 0)
    await db.transaction().execute(async (trx) => {
      await insertTerritories(trx, peerTerritories)
    })
  if (options.reset) {
    const workspace = await db
      .selectFrom('workspaces')
      .select('id')
      .where('territory_id', '=', city.id)
      .executeTakeFirst()
    if (workspace) await db.deleteFrom('assessments').where('workspace_id', '=', workspace.id).execute()
  }
  const peers = await db
    .selectFrom('territories')
    .select(['id', 'code'])
    .where('code', 'in', peerCodes)
    .orderBy('code')
    .execute()
  // Each step skips what exists, so an interrupted seeding completes on the next start.
  const thisYear = new Date().getUTCFullYear()
  for (const [index, peer] of peers.entries()) {
    for (const year of [thisYear - 1, thisYear])
      await seedAssessment(db, { territoryId: peer.id, seed: index + 2, year, submit: true, share: 1 })
  }
  await seedAssessment(db, { territoryId: city.id, seed: 1, year: thisYear - 1, submit: true, share: 1 })
  await seedAssessment(db, { territoryId: city.id, seed: 1, year: thisYear, submit: false, share: 0.6 })
  if (!loaded)
    await db
      .transaction()
      .execute((trx) =>
        recordDatasetLoad(trx, demoAssessmentsDataset.id, demoAssessmentsDataset.vintage, peers.length),
      )
  return true
}
