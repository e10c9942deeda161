import { describe, expect, it } from 'vitest'
import { type TerritoryKind, territoryKinds } from '../../db/schema.js'
import { readBundledReferentials } from '../referential/bundled-referentials.js'
import {
  type Question,
  type Referential,
  referentialSchema,
  type TierId,
} from '../referential/referential.schemas.js'
import {
  type AssessmentScores,
  letterFor,
  letterThresholds,
  scoreAssessment,
  unansweredQuestions,
} from './score-assessment.js'

const bundled = readBundledReferentials().at(-1) as Referential

const levelTexts: Question['levels'] = ['rien', 'un peu', 'beaucoup', 'tout']

function question(id: string, tier: TierId, kinds?: TerritoryKind[]): Question {
  return {
    id,
    text: `Question ${id}`,
    tier,
    ...(kinds ? { kinds: kinds as Question['kinds'] } : {}),
    levels: levelTexts,
    recommendation: { id: `R-${id}`, text: `Faire ${id}`, priority: 'recommande' },
  }
}

/** A referential of the project's format with the given ambitions, checked by the real schema. */
function referentialWith(ambitions: { id: string; commitments: { id: string; questions: Question[] }[] }[]) {
  return referentialSchema.parse({
    ...structuredClone(bundled),
    version: 'test-1',
    ambitions: ambitions.map((ambition) => ({
      id: ambition.id,
      title: `Ambition ${ambition.id}`,
      commitments: ambition.commitments.map((commitment) => ({
        id: commitment.id,
        title: `Engagement ${commitment.id}`,
        summary: 'Résumé',
        decreeAxes: [1],
        questions: commitment.questions,
        indicators: [],
      })),
    })),
  })
}

/**
 * Tiny referential for the hand-computed examples:
 * A1.E1: Q1 (S), Q2 (M), Q3 (L, communes and EPCI only)
 * A1.E2: Q1 (S), Q2 (S), Q3 (S, départements only)
 * A2.E1: Q1 (M), Q2 (S)
 * A2.E2: Q1 (L)
 */
const tiny = referentialWith([
  {
    id: 'A1',
    commitments: [
      {
        id: 'A1.E1',
        questions: [
          question('A1.E1.Q1', 'S'),
          question('A1.E1.Q2', 'M'),
          question('A1.E1.Q3', 'L', ['commune', 'epci']),
        ],
      },
      {
        id: 'A1.E2',
        questions: [
          question('A1.E2.Q1', 'S'),
          question('A1.E2.Q2', 'S'),
          question('A1.E2.Q3', 'S', ['departement']),
        ],
      },
    ],
  },
  {
    id: 'A2',
    commitments: [
      { id: 'A2.E1', questions: [question('A2.E1.Q1', 'M'), question('A2.E1.Q2', 'S')] },
      { id: 'A2.E2', questions: [question('A2.E2.Q1', 'L')] },
    ],
  },
])

const levels = (entries: Record<string, number | null>) => new Map(Object.entries(entries))

describe('scoreAssessment: hand-computed examples', () => {
  const answers = levels({ 'A1.E1.Q1': 1, 'A1.E1.Q2': 0, 'A1.E2.Q1': 3, 'A1.E2.Q2': 0, 'A2.E1.Q1': 3 })

  it('a commune of tier M: non-applicable questions are left out, unanswered ones count 0', () => {
    const scores = scoreAssessment({ referential: tiny, tier: 'M', kind: 'commune' }, answers)
    // A1.E1: Q1 + Q2 apply (Q3 is L): 100 × 1 / 6 = 16.67 → 17
    // A1.E2: Q1 + Q2 apply (Q3 is for départements): 100 × 3 / 6 = 50
    // A2.E1: Q1 + Q2 apply, Q2 unanswered = 0: 100 × 3 / 6 = 50
    // A2.E2: only an L question: no score, and it weighs nothing
    expect(scores.commitments).toEqual([
      { commitmentId: 'A1.E1', ambitionId: 'A1', score: 17, applicable: 2, answered: 2, notApplicable: 1 },
      { commitmentId: 'A1.E2', ambitionId: 'A1', score: 50, applicable: 2, answered: 2, notApplicable: 1 },
      { commitmentId: 'A2.E1', ambitionId: 'A2', score: 50, applicable: 2, answered: 1, notApplicable: 0 },
      { commitmentId: 'A2.E2', ambitionId: 'A2', score: null, applicable: 0, answered: 0, notApplicable: 1 },
    ])
    // A1 = mean(16.67, 50) = 33.33 → 33 (rounding each commitment first would give mean(17, 50) = 33.5 → 34)
    // A2 = mean(50) = 50 (the empty A2.E2 is not a 0)
    expect(scores.ambitions).toEqual([
      { ambitionId: 'A1', score: 33 },
      { ambitionId: 'A2', score: 50 },
    ])
    // overall = mean(16.67, 50, 50) = 38.89 → 39 → D (20–39)
    expect(scores.overall).toBe(39)
    expect(scores.letter).toBe('D')
  })

  it('the same answers for a commune of tier S', () => {
    const scores = scoreAssessment({ referential: tiny, tier: 'S', kind: 'commune' }, answers)
    // A1.E1: Q1 only: 100 × 1 / 3 = 33.33 → 33; A1.E2: 50; A2.E1: Q2 only, unanswered: 0
    expect(scores.commitments.map((row) => row.score)).toEqual([33, 50, 0, null])
    // A1 = mean(33.33, 50) = 41.67 → 42; A2 = 0; overall = mean(33.33, 50, 0) = 27.78 → 28
    expect(scores.ambitions.map((row) => row.score)).toEqual([42, 0])
    expect(scores.overall).toBe(28)
    expect(scores.letter).toBe('D')
  })

  it('a commune of tier L answers A1.E1.Q3 and A2.E2; a département does not', () => {
    const all3 = levels({
      'A1.E1.Q1': 3,
      'A1.E1.Q2': 3,
      'A1.E1.Q3': 3,
      'A1.E2.Q1': 3,
      'A1.E2.Q2': 3,
      'A1.E2.Q3': 0,
      'A2.E1.Q1': 3,
      'A2.E1.Q2': 3,
      'A2.E2.Q1': 2,
    })
    const commune = scoreAssessment({ referential: tiny, tier: 'L', kind: 'commune' }, all3)
    // A2.E2 = 100 × 2 / 3 = 66.67 → 67; A2 = mean(100, 66.67) = 83.33 → 83; overall = (300 + 66.67) / 4 = 91.67 → 92
    expect(commune.commitments.map((row) => row.score)).toEqual([100, 100, 100, 67])
    expect(commune.ambitions.map((row) => row.score)).toEqual([100, 83])
    expect(commune.overall).toBe(92)
    expect(commune.letter).toBe('A')
    // A département of tier L (not possible by the tier rule, but the scoring does not care):
    // A1.E1.Q3 is for communes and EPCI only; A1.E2.Q3 (0) applies: A1.E2 = 100 × 6 / 9 = 66.67
    const departement = scoreAssessment({ referential: tiny, tier: 'L', kind: 'departement' }, all3)
    expect(departement.commitments.map((row) => [row.score, row.applicable])).toEqual([
      [100, 2],
      [67, 3],
      [100, 2],
      [67, 1],
    ])
  })

  it('nothing applicable: every score and the letter are null', () => {
    const onlyL = referentialWith([
      { id: 'A1', commitments: [{ id: 'A1.E1', questions: [question('A1.E1.Q1', 'L')] }] },
    ])
    expect(
      scoreAssessment({ referential: onlyL, tier: 'M', kind: 'commune' }, levels({ 'A1.E1.Q1': 3 })),
    ).toEqual({
      commitments: [
        {
          commitmentId: 'A1.E1',
          ambitionId: 'A1',
          score: null,
          applicable: 0,
          answered: 0,
          notApplicable: 1,
        },
      ],
      ambitions: [{ ambitionId: 'A1', score: null }],
      overall: null,
      letter: null,
    })
  })

  it('no answer at all: 0 and E, not null', () => {
    const scores = scoreAssessment({ referential: tiny, tier: 'S', kind: 'region' }, new Map())
    expect(scores.overall).toBe(0)
    expect(scores.letter).toBe('E')
  })

  it('refuses a level outside 0–3 on an applicable question', () => {
    for (const bad of [4, -1, 1.5, Number.NaN, 30])
      expect(() =>
        scoreAssessment({ referential: tiny, tier: 'M', kind: 'commune' }, levels({ 'A1.E1.Q2': bad })),
      ).toThrow(RangeError)
  })

  it('unansweredQuestions lists the applicable questions without a level, in order', () => {
    const partial = levels({ 'A1.E1.Q1': 2, 'A1.E2.Q2': null, 'A2.E1.Q1': 0, 'A2.E2.Q1': 1 })
    expect(unansweredQuestions({ referential: tiny, tier: 'M', kind: 'commune' }, partial)).toEqual([
      'A1.E1.Q2',
      'A1.E2.Q1',
      'A1.E2.Q2',
      'A2.E1.Q2',
    ])
    expect(unansweredQuestions({ referential: tiny, tier: 'L', kind: 'departement' }, partial)).toEqual([
      'A1.E1.Q2',
      'A1.E2.Q1',
      'A1.E2.Q2',
      'A1.E2.Q3',
      'A2.E1.Q2',
    ])
  })
})

describe('letterFor', () => {
  it('follows the thresholds on the rounded score', () => {
    expect([0, 19, 20, 39, 40, 59, 60, 79, 80, 100].map(letterFor)).toEqual([
      'E',
      'E',
      'D',
      'D',
      'C',
      'C',
      'B',
      'B',
      'A',
      'A',
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// Properties, over random answer sets, tiers and kinds.

/** mulberry32: a small seeded generator, so that a failure can be replayed. */
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

/**
 * The bundled referential with kinds given to some questions (it has none), so that the kinds
 * rule is exercised too, plus a commitment that only communes and EPCI of tier L are asked.
 */
const propertyReferential: Referential = (() => {
  const copy = structuredClone(bundled)
  const kindSets: TerritoryKind[][] = [
    ['commune', 'epci'],
    ['departement', 'region'],
    ['epci', 'ept', 'special'],
  ]
  let index = 0
  for (const ambition of copy.ambitions)
    for (const commitment of ambition.commitments)
      for (const q of commitment.questions) {
        if (index % 4 === 3) q.kinds = kindSets[index % kindSets.length] as Question['kinds']
        index++
      }
  const last = copy.ambitions.at(-1)
  last?.commitments.push({
    id: `${last.id}.E9`,
    title: 'Engagement de test',
    summary: 'Seulement pour les grandes communes et EPCI',
    decreeAxes: [1],
    questions: [
      question(`${last.id}.E9.Q1`, 'L', ['commune', 'epci']),
      question(`${last.id}.E9.Q2`, 'L', ['commune']),
    ],
    indicators: [],
  })
  return referentialSchema.parse(copy)
})()

const allQuestions = propertyReferential.ambitions.flatMap((ambition) =>
  ambition.commitments.flatMap((commitment) => commitment.questions),
)
const tiers: TierId[] = ['S', 'M', 'L']
const tierRank: Record<TierId, number> = { S: 0, M: 1, L: 2 }
/** Written out here rather than taken from questionApplies, which is what is being checked. */
const applies = (q: Question, tier: TierId, kind: TerritoryKind) =>
  tierRank[q.tier] <= tierRank[tier] && (q.kinds === undefined || q.kinds.includes(kind))

interface Case {
  tier: TierId
  kind: TerritoryKind
  levels: Map<string, number | null>
}

function randomCases(seed: number, count: number): { cases: Case[]; random: () => number } {
  const random = randomGenerator(seed)
  const cases: Case[] = []
  for (let n = 0; n < count; n++) {
    const tier = tiers[Math.floor(random() * 3)] as TierId
    const kind = territoryKinds[Math.floor(random() * territoryKinds.length)] as TerritoryKind
    // A fifth of the sets are complete; the others leave a random share absent or null. Each set
    // leans towards low or high levels, so that every letter occurs.
    const complete = random() < 0.2
    const fill = complete ? 1 : random()
    const lean = random()
    const answers = new Map<string, number | null>()
    for (const q of allQuestions) {
      if (random() > fill) continue
      if (!complete && random() < 0.1) answers.set(q.id, null)
      else answers.set(q.id, Math.min(3, Math.floor(((random() + lean) / 2) * 3 + random() * 1.2)))
    }
    cases.push({ tier, kind, levels: answers })
  }
  return { cases, random }
}

const { cases, random } = randomCases(20_260_501, 600)
const contextOf = (c: Case) => ({ referential: propertyReferential, tier: c.tier, kind: c.kind })
const allScores = (scores: AssessmentScores) => [
  ...scores.commitments.map((row) => row.score),
  ...scores.ambitions.map((row) => row.score),
  scores.overall,
]

describe('scoreAssessment: properties over 600 random answer sets', () => {
  it('the random cases cover every tier and kind, full and partial sets', () => {
    for (const tier of tiers) expect(cases.some((c) => c.tier === tier)).toBe(true)
    for (const kind of territoryKinds) expect(cases.some((c) => c.kind === kind)).toBe(true)
    expect(cases.some((c) => unansweredQuestions(contextOf(c), c.levels).length === 0)).toBe(true)
    expect(cases.some((c) => scoreAssessment(contextOf(c), c.levels).letter === 'A')).toBe(true)
    expect(cases.some((c) => scoreAssessment(contextOf(c), c.levels).letter === 'E')).toBe(true)
  })

  it('every score is null or an integer within 0–100; null exactly when nothing applies', () => {
    for (const c of cases) {
      const scores = scoreAssessment(contextOf(c), c.levels)
      for (const score of allScores(scores)) {
        if (score === null) continue
        expect(Number.isInteger(score)).toBe(true)
        expect(score).toBeGreaterThanOrEqual(0)
        expect(score).toBeLessThanOrEqual(100)
      }
      for (const row of scores.commitments) {
        const commitment = propertyReferential.ambitions
          .flatMap((ambition) => ambition.commitments)
          .find((candidate) => candidate.id === row.commitmentId)
        const applicable = commitment?.questions.filter((q) => applies(q, c.tier, c.kind)) ?? []
        expect(row.applicable).toBe(applicable.length)
        expect(row.score === null).toBe(applicable.length === 0)
        const sum = applicable.reduce((total, q) => total + (c.levels.get(q.id) ?? 0), 0)
        if (applicable.length > 0) expect(row.score).toBe(Math.round((100 * sum) / (3 * applicable.length)))
      }
    }
  })

  it('the letter matches letterThresholds', () => {
    for (const c of cases) {
      const { overall, letter } = scoreAssessment(contextOf(c), c.levels)
      if (overall === null) {
        expect(letter).toBeNull()
        continue
      }
      const index = letterThresholds.findIndex((threshold) => threshold.letter === letter)
      expect(index).toBeGreaterThanOrEqual(0)
      expect(overall).toBeGreaterThanOrEqual(letterThresholds[index]?.min as number)
      // Below the next letter up.
      if (index > 0) expect(overall).toBeLessThan(letterThresholds[index - 1]?.min as number)
    }
  })

  it('raising any single answer never lowers any score', () => {
    let raised = 0
    for (const c of cases) {
      const before = scoreAssessment(contextOf(c), c.levels)
      const q = allQuestions[Math.floor(random() * allQuestions.length)] as Question
      const current = c.levels.get(q.id) ?? null
      const floor = current === null ? 0 : current + 1
      if (floor > 3) continue
      const higher = floor + Math.floor(random() * (4 - floor))
      const after = scoreAssessment(contextOf(c), new Map(c.levels).set(q.id, higher))
      const pairs = allScores(before).map((score, index) => [score, allScores(after)[index]] as const)
      for (const [old, now] of pairs) {
        if (old === null) expect(now).toBeNull()
        else expect(now).toBeGreaterThanOrEqual(old)
      }
      if (applies(q, c.tier, c.kind) && higher > (current ?? 0)) raised++
    }
    expect(raised).toBeGreaterThan(100)
  })

  it('a raise of an applicable question from 0 to 3 raises its commitment score', () => {
    for (const c of cases.slice(0, 100)) {
      const q = allQuestions.find((candidate) => applies(candidate, c.tier, c.kind)) as Question
      const low = scoreAssessment(contextOf(c), new Map(c.levels).set(q.id, 0))
      const high = scoreAssessment(contextOf(c), new Map(c.levels).set(q.id, 3))
      const commitmentId = q.id.split('.').slice(0, 2).join('.')
      const scoreOf = (scores: AssessmentScores) =>
        scores.commitments.find((row) => row.commitmentId === commitmentId)?.score as number
      expect(scoreOf(high)).toBeGreaterThan(scoreOf(low))
    }
  })

  it('changing or removing the answer of a non-applicable question changes nothing', () => {
    let checked = 0
    for (const c of cases) {
      const outside = allQuestions.filter((q) => !applies(q, c.tier, c.kind))
      if (outside.length === 0) continue
      const q = outside[Math.floor(random() * outside.length)] as Question
      const before = scoreAssessment(contextOf(c), c.levels)
      const changed = new Map(c.levels).set(q.id, ((c.levels.get(q.id) ?? 0) + 1) % 4)
      const removed = new Map(c.levels)
      removed.delete(q.id)
      expect(scoreAssessment(contextOf(c), changed)).toEqual(before)
      expect(scoreAssessment(contextOf(c), removed)).toEqual(before)
      expect(unansweredQuestions(contextOf(c), changed)).toEqual(unansweredQuestions(contextOf(c), c.levels))
      checked++
    }
    expect(checked).toBeGreaterThan(300)
  })

  it('unansweredQuestions lists exactly the applicable questions without a level', () => {
    for (const c of cases) {
      const expected = allQuestions
        .filter((q) => applies(q, c.tier, c.kind))
        .filter((q) => c.levels.get(q.id) === undefined || c.levels.get(q.id) === null)
        .map((q) => q.id)
      expect(unansweredQuestions(contextOf(c), c.levels)).toEqual(expected)
    }
  })

  it('a level outside 0–3 on any applicable question throws', () => {
    for (const c of cases.slice(0, 200)) {
      const applicable = allQuestions.filter((q) => applies(q, c.tier, c.kind))
      const q = applicable[Math.floor(random() * applicable.length)] as Question
      const bad = [4, -1, 2.5, 7][Math.floor(random() * 4)] as number
      expect(() => scoreAssessment(contextOf(c), new Map(c.levels).set(q.id, bad))).toThrow(RangeError)
    }
  })
})
