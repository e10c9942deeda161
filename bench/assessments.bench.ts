/**
 * Yearly assessments at national scale: every territory has submitted its assessment.
 *
 * Seeding (not measured, but timed): a fresh database, a synthetic referential version with
 * exactly 50 questions (the bundled one plus 8 questions, published with publishReferential),
 * BENCH_ASSESSMENT_TERRITORIES (35,000) synthetic territories (is_demo 0; kinds and population
 * bands spread, a third with a declared number of agents), one workspace and one draft assessment
 * each, and 50 answers per assessment (seeded random levels 0–3), inserted in batches inside one
 * transaction.
 *
 * Measured:
 * (a) scoring: what submission does, for every draft of the year at once, in one transaction:
 *     read the territories' facts and the 1.75 million answers (one JSON object per assessment),
 *     compute the tier, the peer group and scoreAssessment for each, insert the scores (13 rows
 *     each, as submitAssessment does) and mark them submitted, a chunk of rows per statement;
 * (b) peer aggregates: computeYearDistributions (national + every kind × population band group),
 *     after an untimed `analyze` on PostgreSQL (what autovacuum does after such a change);
 * (c) the total, against the target ≤ 2 s per database.
 * Memory: peak RSS and heap sampled every 5 ms during (a) and (b), and the process's max RSS.
 * SQLite; and PostgreSQL when BENCH_DATABASE_URL is set.
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import { isPostgres } from '../src/db/dialect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import type { Database, TerritoryKind } from '../src/db/schema.js'
import { insertUser } from '../src/modules/accounts/accounts.queries.js'
import { populationBandOf } from '../src/modules/assessments/peer-statistics.js'
import { computeYearDistributions } from '../src/modules/assessments/peers.queries.js'
import {
  type AssessmentScores,
  freezeScores,
  scoreAssessment,
} from '../src/modules/assessments/score-assessment.js'
import {
  populationForThresholds,
  type TerritoryFacts,
} from '../src/modules/obligations/evaluate-obligations.js'
import { readBundledReferentials } from '../src/modules/referential/bundled-referentials.js'
import {
  type Question,
  type Referential,
  referentialSchema,
  type TierId,
} from '../src/modules/referential/referential.schemas.js'
import {
  ensureBundledReferentials,
  publishReferential,
} from '../src/modules/referential/referential.store.js'
import { territoryTier } from '../src/modules/referential/territory-tier.js'
import { type BenchDatabase, onEachDatabase } from './support/databases.js'
import {
  envInteger,
  type Figure,
  heading,
  isMainModule,
  ms,
  note,
  report,
  runAlone,
  seconds,
} from './support/report.js'

const bench = 'assessments'
const targetMs = 2_000
const year = 2026
const questionCount = 50

type Db = Kysely<Database>

/** Small seeded generator (mulberry32): the same data on every run and on both databases. */
function randomGenerator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// ---------------------------------------------------------------------------------------------
// Seeding.

/** The bundled referential plus 8 questions (tiers and kinds varied): exactly 50, still valid. */
function syntheticReferential(): Referential {
  const copy = structuredClone(readBundledReferentials().at(-1) as Referential)
  copy.version = 'bench-50'
  const extra: { tier: TierId; kinds?: TerritoryKind[] }[] = [
    { tier: 'S' },
    { tier: 'M' },
    { tier: 'L' },
    { tier: 'S', kinds: ['commune', 'epci'] },
    { tier: 'M' },
    { tier: 'S', kinds: ['departement', 'region'] },
    { tier: 'L', kinds: ['commune'] },
    { tier: 'S' },
  ]
  const commitments = copy.ambitions.flatMap((ambition) => ambition.commitments)
  extra.forEach((shape, index) => {
    const commitment = commitments[index % commitments.length]
    if (!commitment) throw new Error('no commitment')
    const id = `${commitment.id}.Q${commitment.questions.length + 1}`
    const question: Question = {
      id,
      text: `Question de banc d’essai ${index + 1}`,
      tier: shape.tier,
      ...(shape.kinds ? { kinds: shape.kinds as Question['kinds'] } : {}),
      levels: ['Rien', 'Engagé', 'Formalisé', 'Piloté'],
      recommendation: { id: `R-${id}`, text: 'Recommandation de banc d’essai', priority: 'recommande' },
    }
    commitment.questions.push(question)
  })
  const referential = referentialSchema.parse(copy)
  const count = referential.ambitions.flatMap((a) => a.commitments.flatMap((c) => c.questions)).length
  if (count !== questionCount) throw new Error(`the synthetic referential has ${count} questions`)
  return referential
}

const kindWeights: [TerritoryKind, number][] = [
  ['commune', 0.88],
  ['epci', 0.05],
  ['ept', 0.01],
  ['special', 0.005],
  ['departement', 0.03],
  ['region', 0.025],
]

function pickKind(draw: number): TerritoryKind {
  let cumulated = 0
  for (const [kind, weight] of kindWeights) {
    cumulated += weight
    if (draw < cumulated) return kind
  }
  return 'commune'
}

async function insertInBatches<T>(
  count: number,
  batchSize: number,
  make: (index: number) => T,
  insert: (rows: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < count; start += batchSize) {
    const rows: T[] = []
    for (let index = start; index < Math.min(count, start + batchSize); index++) rows.push(make(index))
    await insert(rows)
  }
}

type SqlType = 'integer' | 'text' | 'double precision'

/**
 * Inserts many rows in one statement, with one parameter per column on PostgreSQL (arrays through
 * unnest) and one per statement on SQLite (JSON through json_each). Kysely's multi-row VALUES
 * spends more time building and binding tens of thousands of parameters than the database
 * spends inserting.
 */
async function bulkInsert(
  trx: Transaction<Database>,
  table: keyof Database,
  columns: readonly (readonly [string, SqlType])[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const names = sql.join(columns.map(([name]) => sql.ref(name)))
  if (isPostgres(trx)) {
    const arrays = sql.join(
      columns.map(([, type], index) => sql`${rows.map((row) => row[index])}::${sql.raw(type)}[]`),
    )
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`.execute(trx)
  } else {
    const values = sql.join(columns.map((_, index) => sql`value->>${sql.lit(index)}`))
    await sql`insert into ${sql.table(table)} (${names}) select ${values} from json_each(${JSON.stringify(rows)})`.execute(
      trx,
    )
  }
}

const bulkRows = 20_000

interface Seeded {
  referential: Referential
  seedMs: number
}

async function seed(db: Db, territories: number, seedValue: number): Promise<Seeded> {
  const started = performance.now()
  const random = randomGenerator(seedValue)
  const actorId = await insertUser(db, {
    email: 'bench-operator@example.org',
    name: 'Bench',
    passwordHash: 'not-a-real-hash',
    platformRole: 'operator',
  })
  const referential = syntheticReferential()
  await publishReferential(db, referential, actorId)
  const questionIds = referential.ambitions.flatMap((a) =>
    a.commitments.flatMap((c) => c.questions.map((q) => q.id)),
  )
  const at = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    // Territories: log-uniform populations from 50 to 3 million, so every band is filled.
    await insertInBatches(
      territories,
      1_000,
      (index) => {
        const population = Math.round(50 * 60_000 ** random())
        return {
          kind: pickKind(random()),
          code: `B${index}`,
          name: `Territoire ${index}`,
          nature: null,
          siren: null,
          population_total: population,
          population_municipal: population,
          population_source: 'banc d’essai',
          population_vintage: 'bench',
          postcodes: null,
          intercommunality_id: null,
          ept_id: null,
          departement_id: null,
          region_id: null,
          is_demo: 0,
          dataset_vintage: 'bench',
        }
      },
      (rows) => trx.insertInto('territories').values(rows).execute(),
    )
    const territoryIds = (
      await trx.selectFrom('territories').select('id').where('is_demo', '=', 0).orderBy('id').execute()
    ).map((row) => row.id)
    // A third of the territories declared their number of agents.
    const declaring = territoryIds.filter(() => random() < 1 / 3)
    await insertInBatches(
      declaring.length,
      2_000,
      (index) => ({
        territory_id: declaring[index] as number,
        agents_fte: Math.round(5 * 400 ** random()),
        annual_purchases_cents: null,
        updated_at: at,
      }),
      (rows) => trx.insertInto('territory_declarations').values(rows).execute(),
    )
    await insertInBatches(
      territoryIds.length,
      2_000,
      (index) => ({ territory_id: territoryIds[index] as number, created_at: at, created_by: null }),
      (rows) => trx.insertInto('workspaces').values(rows).execute(),
    )
    const workspaceIds = (await trx.selectFrom('workspaces').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    )
    await insertInBatches(
      workspaceIds.length,
      1_000,
      (index) => ({
        workspace_id: workspaceIds[index] as number,
        year,
        referential_version: referential.version,
        status: 'draft' as const,
        created_at: at,
        created_by: actorId,
        updated_at: at,
        submitted_at: null,
        submitted_by: null,
        tier: null,
        peer_kind: null,
        population_band: null,
        score: null,
        letter: null,
      }),
      (rows) => trx.insertInto('assessments').values(rows).execute(),
    )
    const assessmentIds = (await trx.selectFrom('assessments').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    )
    // 50 answers each. Each assessment leans low or high, so that scores and letters spread.
    const leans = assessmentIds.map(() => random())
    await insertInBatches(
      assessmentIds.length * questionCount,
      bulkRows,
      (index) => {
        const assessment = Math.floor(index / questionCount)
        const lean = leans[assessment] as number
        const level = Math.min(3, Math.floor(lean * 3 + random() * 1.5))
        return [assessmentIds[assessment], questionIds[index % questionCount], level, at, actorId]
      },
      (rows) =>
        bulkInsert(
          trx,
          'assessment_answers',
          [
            ['assessment_id', 'integer'],
            ['question_id', 'text'],
            ['level', 'integer'],
            ['updated_at', 'text'],
            ['updated_by', 'integer'],
          ],
          rows,
        ),
    )
  })
  if (isPostgres(db)) await sql`analyze`.execute(db)
  return { referential, seedMs: performance.now() - started }
}

// ---------------------------------------------------------------------------------------------
// (a) Scoring in bulk, as submission does one by one.

interface ScoringTimings {
  readMs: number
  /** Parsing the answers, the tier, the peer group and scoreAssessment. */
  computeMs: number
  scoreAssessmentMs: number
  writeMs: number
  totalMs: number
  scored: number
  answers: number
  letters: Map<string, number>
}

interface Submission {
  id: number
  tier: TierId
  kind: TerritoryKind
  band: string | null
  scores: AssessmentScores
}

async function scoreAll(db: Db, referential: Referential): Promise<ScoringTimings> {
  const started = performance.now()
  const result = await db.transaction().execute(async (trx) => {
    // One row per assessment, with its territory's facts and its answers as one JSON object
    // (a correlated subquery: no sort of 1.75 million rows for a GROUP BY). One row per answer
    // would mean 1.75 million row objects, seconds in the driver alone. PostgreSQL hands the
    // json already parsed, SQLite a string.
    type AnswerObject = string | Record<string, number | null> | null
    const answerObject = isPostgres(trx)
      ? sql<AnswerObject>`json_object_agg(assessment_answers.question_id, assessment_answers.level)`
      : sql<AnswerObject>`json_group_object(assessment_answers.question_id, assessment_answers.level)`
    const drafts = await trx
      .selectFrom('assessments')
      .innerJoin('workspaces', 'workspaces.id', 'assessments.workspace_id')
      .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
      .leftJoin('territory_declarations as declarations', 'declarations.territory_id', 'territories.id')
      .select((eb) => [
        'assessments.id',
        'territories.kind',
        'territories.population_total',
        'territories.population_municipal',
        'declarations.agents_fte',
        'declarations.annual_purchases_cents',
        eb
          .selectFrom('assessment_answers')
          .select(answerObject.as('answers'))
          .whereRef('assessment_answers.assessment_id', '=', 'assessments.id')
          .as('answers'),
      ])
      .where('assessments.year', '=', year)
      .where('assessments.status', '=', 'draft')
      .execute()
    const read = performance.now()

    let answers = 0
    let scoringMs = 0
    const submissions: Submission[] = drafts.map((draft) => {
      const object: Record<string, number | null> =
        typeof draft.answers === 'string' ? JSON.parse(draft.answers) : (draft.answers ?? {})
      const levels = new Map<string, number | null>()
      for (const questionId in object) levels.set(questionId, object[questionId] ?? null)
      answers += levels.size
      const facts: TerritoryFacts = {
        kind: draft.kind,
        populationTotal: draft.population_total,
        populationMunicipal: draft.population_municipal,
        agentsFte: draft.agents_fte ?? null,
        annualPurchasesEur: draft.annual_purchases_cents == null ? null : draft.annual_purchases_cents / 100,
      }
      const { tier } = territoryTier(referential, facts)
      const before = performance.now()
      const scores = scoreAssessment({ referential, tier, kind: facts.kind }, levels)
      scoringMs += performance.now() - before
      return {
        id: draft.id,
        tier,
        kind: facts.kind,
        band: populationBandOf(populationForThresholds(facts).value),
        scores,
      }
    })
    const scored = performance.now()

    await writeScores(trx, submissions)
    return { submissions, answers, read, scored, scoringMs }
  })
  const done = performance.now()
  const letters = new Map<string, number>()
  for (const submission of result.submissions) {
    const letter = submission.scores.letter ?? '-'
    letters.set(letter, (letters.get(letter) ?? 0) + 1)
  }
  return {
    readMs: result.read - started,
    computeMs: result.scored - result.read,
    scoreAssessmentMs: result.scoringMs,
    writeMs: done - result.scored,
    totalMs: done - started,
    scored: result.submissions.length,
    answers: result.answers,
    letters,
  }
}

/**
 * Writes what submitAssessment writes, for many assessments at once: draft → submitted with the
 * frozen tier, peer group, score, letter and every scope's score as JSON (one row per assessment). Each statement carries a
 * chunk of rows as one parameter (PostgreSQL arrays, SQLite JSON): Kysely's multi-row VALUES
 * spent more time building and binding parameters than the database spent inserting.
 */
async function writeScores(trx: Transaction<Database>, submissions: Submission[]): Promise<void> {
  const at = new Date().toISOString()
  const postgres = isPostgres(trx)
  const chunk = bulkRows
  for (let start = 0; start < submissions.length; start += chunk) {
    const part = submissions.slice(start, start + chunk)
    if (postgres)
      await sql`
        update assessments set status = 'submitted', submitted_at = ${at}, updated_at = ${at},
          tier = v.tier, peer_kind = v.kind, population_band = v.band, score = v.score, letter = v.letter,
          scores = v.scores
        from unnest(
          ${part.map((s) => s.id)}::integer[], ${part.map((s) => s.tier)}::text[], ${part.map((s) => s.kind)}::text[],
          ${part.map((s) => s.band)}::text[], ${part.map((s) => s.scores.overall)}::double precision[],
          ${part.map((s) => s.scores.letter)}::text[], ${part.map((s) => JSON.stringify(freezeScores(s.scores)))}::text[])
          as v(id, tier, kind, band, score, letter, scores)
        where assessments.id = v.id and assessments.status = 'draft'`.execute(trx)
    else
      await sql`
        update assessments set status = 'submitted', submitted_at = ${at}, updated_at = ${at},
          tier = v.value->>1, peer_kind = v.value->>2, population_band = v.value->>3,
          score = v.value->>4, letter = v.value->>5, scores = v.value->>6
        from json_each(${JSON.stringify(part.map((s) => [s.id, s.tier, s.kind, s.band, s.scores.overall, s.scores.letter, JSON.stringify(freezeScores(s.scores))]))}) as v
        where assessments.id = v.value->>0 and assessments.status = 'draft'`.execute(trx)
  }
}

// ---------------------------------------------------------------------------------------------
// Memory.

function memorySampler() {
  let rss = 0
  let heap = 0
  const sample = () => {
    const usage = process.memoryUsage()
    rss = Math.max(rss, usage.rss)
    heap = Math.max(heap, usage.heapUsed)
  }
  sample()
  const timer = setInterval(sample, 5)
  return {
    sample,
    stop() {
      clearInterval(timer)
      sample()
      return { rss, heap }
    },
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

// ---------------------------------------------------------------------------------------------

async function measure(
  open: () => Promise<BenchDatabase>,
  territories: number,
  seedValue: number,
): Promise<Figure[]> {
  const database = await open()
  const { label } = database
  const { db } = database.handle
  try {
    await migrateToLatest(db, database.schema ? { schema: database.schema } : {})
    await ensureBundledReferentials(db)
    const { referential, seedMs } = await seed(db, territories, seedValue)
    note(
      `[${label}] seeded ${territories} territories, workspaces and assessments, ${territories * questionCount} answers in ${seconds(seedMs)}`,
    )
    global.gc?.()
    const memory = memorySampler()
    const cpuAtStart = process.cpuUsage()
    const scoring = await scoreAll(db, referential)
    const scoringCpu = process.cpuUsage(cpuAtStart)
    memory.sample()
    // PostgreSQL plans from its statistics: after 455,000 new rows they are refreshed, as
    // autovacuum would within a minute (stale, it sorts 350,000 rows on disk). Not timed.
    if (isPostgres(db)) await sql`analyze`.execute(db)
    const peersCpuAtStart = process.cpuUsage()
    const peersStarted = performance.now()
    const distributions = await computeYearDistributions(db, year, false)
    const peersMs = performance.now() - peersStarted
    const peersCpu = process.cpuUsage(peersCpuAtStart)
    const peak = memory.stop()
    const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000

    // The work measured must be the work asked for.
    if (scoring.scored !== territories || scoring.answers !== territories * questionCount)
      throw new Error(`scored ${scoring.scored} assessments from ${scoring.answers} answers`)
    if (distributions.national.count !== territories)
      throw new Error(`the national figures hold ${distributions.national.count} assessments`)
    const { stored } = await db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('stored'))
      .where('scores', 'is not', null)
      .executeTakeFirstOrThrow()

    const again = performance.now()
    await computeYearDistributions(db, year, false)
    const peersAgainMs = performance.now() - again

    const overall = distributions.national.byScope.get('overall')
    const shown = [...distributions.groups.values()].filter((group) => group.byScope.get('overall')).length
    note(
      `[${label}] scoring: read ${ms(scoring.readMs)}, compute ${ms(scoring.computeMs)} (of which scoreAssessment × ${scoring.scored} ${ms(scoring.scoreAssessmentMs)}), write ${scoring.scored} updates (${Number(stored)} with their scores) ${ms(scoring.writeMs)}`,
    )
    note(
      `[${label}] CPU time of this process (without ${database.schema ? 'the PostgreSQL server' : 'other processes'}): (a) ${ms(cpuMs(scoringCpu))}, (b) ${ms(cpuMs(peersCpu))}`,
    )
    note(
      `[${label}] letters ${[...scoring.letters]
        .sort()
        .map(([letter, count]) => `${letter} ${count}`)
        .join(
          ', ',
        )}; national overall q1 ${overall?.q1} / median ${overall?.median} / q3 ${overall?.q3}; ${distributions.groups.size} groups, ${shown} shown (≥ 5); second run of (b) ${ms(peersAgainMs)}`,
    )
    const totalMs = scoring.totalMs + peersMs
    return [
      report({
        bench,
        database: label,
        measure: `(a) score ${scoring.scored} assessments × ${questionCount} answers (read, score, write)`,
        value: seconds(scoring.totalMs),
      }),
      report({
        bench,
        database: label,
        measure: `(b) computeYearDistributions (national + ${distributions.groups.size} groups)`,
        value: seconds(peersMs),
      }),
      report({
        bench,
        database: label,
        measure: '(c) scoring + peer aggregates',
        value: seconds(totalMs),
        target: `≤ ${seconds(targetMs)}`,
        met: totalMs <= targetMs,
      }),
      report({
        bench,
        database: label,
        measure: 'memory peak during (a) + (b): RSS / heap used',
        value: `${mb(peak.rss)} / ${mb(peak.heap)} (process max RSS ${mb(process.resourceUsage().maxRSS * 1024)})`,
      }),
    ]
  } finally {
    await database.dispose()
  }
}

export async function run(): Promise<Figure[]> {
  heading('Assessments: scoring every territory and the peer aggregates of a year')
  const territories = envInteger('BENCH_ASSESSMENT_TERRITORIES', 35_000, 10, 200_000)
  const seedValue = envInteger('BENCH_SEED', 20_260_101, 0, 2 ** 31)
  note(`${territories} territories × ${questionCount} questions, seed ${seedValue} (BENCH_SEED)`)
  return onEachDatabase(bench, (open) => measure(open, territories, seedValue))
}

if (isMainModule(import.meta.url)) await runAlone(run)
