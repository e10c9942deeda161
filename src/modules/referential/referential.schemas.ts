import { z } from 'zod'
import { territoryKinds } from '../../db/schema.js'
import { applicabilityRuleSchema, obligationSchema } from '../obligations/obligations.schemas.js'

/**
 * The referential's file format. Keys are English and camelCase, texts French. A file that does
 * not match is refused whole, with every problem and its path (see parse-referential.ts).
 */

const text = z.string().trim().min(1)
const tierId = z.enum(['S', 'M', 'L'])
export type TierId = z.infer<typeof tierId>
export const tierOrder: Record<TierId, number> = { S: 0, M: 1, L: 2 }

export const priorities = ['obligatoire', 'fortement_recommande', 'recommande', 'facultatif'] as const
export type Priority = (typeof priorities)[number]

export const computedFromValues = [
  'footprint',
  'inventory_reuse',
  'assessment',
  'action_plan',
  'audits',
  'registers',
  'inclusion',
  'none',
] as const

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date au format AAAA-MM-JJ')

const questionSchema = z
  .object({
    id: z.string().regex(/^A\d\.E\d\.Q\d+$/, 'identifiant de la forme A1.E1.Q1'),
    text,
    /** Smallest size tier the question is asked of: below it, the question is « non applicable ». */
    tier: tierId,
    /** Kinds of territory the question is meant for; every kind when absent. */
    kinds: z.array(z.enum(territoryKinds)).nonempty().optional(),
    /** What each level 0 to 3 means for this question. */
    levels: z.tuple([text, text, text, text]),
    obligation: z.string().optional(),
    recommendation: z
      .object({
        /** Stable across versions while the question keeps its id: the action plan links to it. */
        id: z.string().regex(/^R-A\d\.E\d\.Q\d+$/),
        text,
        priority: z.enum(priorities),
        /** Priority when the linked obligation does not apply to the territory. */
        priorityIfExempt: z.enum(priorities).optional(),
      })
      .strict(),
  })
  .strict()

const measureSchema = z.object({ id: z.string().min(1), label: text, unit: text }).strict()
const targetSchema = z
  .object({
    from: isoDate.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    measure: z.string().optional(),
    obligation: z.string().optional(),
  })
  .strict()
  .refine((target) => target.min !== undefined || target.max !== undefined, 'min ou max attendu')

const indicatorSchema = z
  .object({
    id: z.string().regex(/^\d+\.\d+$/, 'identifiant de la forme 4.1'),
    name: text,
    definition: text,
    unit: text,
    measures: z.array(measureSchema).nonempty().optional(),
    targets: z.array(targetSchema).nonempty().optional(),
    source: text,
    tier: tierId,
    legalRefs: z.array(text),
    references: z.array(text).optional(),
    computedFrom: z.enum(computedFromValues),
    fromQuestion: z.string().optional(),
    kinds: z.array(z.enum(territoryKinds)).nonempty().optional(),
    requiredMetadata: z.array(z.string().min(1)).nonempty().optional(),
  })
  .strict()

const commitmentSchema = z
  .object({
    id: z.string().regex(/^A\d\.E\d$/, 'identifiant de la forme A1.E1'),
    title: text,
    summary: text,
    decreeAxes: z.array(z.number().int()),
    questions: z.array(questionSchema).nonempty(),
    indicators: z.array(indicatorSchema),
  })
  .strict()

const ambitionSchema = z
  .object({
    id: z.string().regex(/^A\d$/, 'identifiant de la forme A1'),
    title: text,
    commitments: z.array(commitmentSchema).nonempty(),
  })
  .strict()

const baseReferentialSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Never reused: a published version is immutable. */
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, 'lettres, chiffres, points et tirets'),
    title: text,
    source: text,
    maturityScale: z
      .array(z.object({ level: z.number().int(), label: text, description: text }).strict())
      .length(4),
    sizeTiers: z
      .array(
        z.object({ id: tierId, label: text, description: text, criteria: applicabilityRuleSchema }).strict(),
      )
      .length(3),
    decreeAxes: z.array(z.object({ id: z.number().int().positive(), label: text }).strict()).nonempty(),
    obligations: z.array(obligationSchema),
    ambitions: z.array(ambitionSchema).nonempty(),
  })
  .strict()

type Issue = { path: (string | number)[]; message: string }

/** Checks what a schema cannot: unique ids, and every reference pointing to something that exists. */
function crossReferenceIssues(referential: z.infer<typeof baseReferentialSchema>): Issue[] {
  const issues: Issue[] = []
  const seen = new Map<string, string>()
  const unique = (id: string, path: (string | number)[]) => {
    const where = path.join('.')
    const earlier = seen.get(id)
    if (earlier)
      issues.push({ path: [...path, 'id'], message: `identifiant « ${id} » déjà utilisé (${earlier})` })
    else seen.set(id, where)
  }
  referential.maturityScale.forEach((step, index) => {
    if (step.level !== index)
      issues.push({
        path: ['maturityScale', index, 'level'],
        message: `niveau ${index} attendu à cette place`,
      })
  })
  ;(['S', 'M', 'L'] as const).forEach((tier, index) => {
    if (referential.sizeTiers[index]?.id !== tier)
      issues.push({ path: ['sizeTiers', index, 'id'], message: `palier ${tier} attendu à cette place` })
  })
  const obligationIds = new Set(referential.obligations.map((obligation) => obligation.id))
  referential.obligations.forEach((obligation, index) => {
    unique(`obligation:${obligation.id}`, ['obligations', index])
  })
  const axisIds = new Set(referential.decreeAxes.map((axis) => axis.id))
  const questionIds = new Set<string>()
  for (const ambition of referential.ambitions)
    for (const commitment of ambition.commitments)
      for (const question of commitment.questions) questionIds.add(question.id)

  referential.ambitions.forEach((ambition, a) => {
    const ambitionPath = ['ambitions', a]
    unique(ambition.id, ambitionPath)
    ambition.commitments.forEach((commitment, c) => {
      const commitmentPath = [...ambitionPath, 'commitments', c]
      unique(commitment.id, commitmentPath)
      if (!commitment.id.startsWith(`${ambition.id}.`))
        issues.push({ path: [...commitmentPath, 'id'], message: `doit commencer par « ${ambition.id}. »` })
      commitment.decreeAxes.forEach((axis, x) => {
        if (!axisIds.has(axis))
          issues.push({
            path: [...commitmentPath, 'decreeAxes', x],
            message: `axe du décret ${axis} inconnu`,
          })
      })
      commitment.questions.forEach((question, q) => {
        const questionPath = [...commitmentPath, 'questions', q]
        unique(question.id, questionPath)
        if (!question.id.startsWith(`${commitment.id}.`))
          issues.push({ path: [...questionPath, 'id'], message: `doit commencer par « ${commitment.id}. »` })
        if (question.obligation && !obligationIds.has(question.obligation))
          issues.push({
            path: [...questionPath, 'obligation'],
            message: `obligation « ${question.obligation} » inconnue`,
          })
        if (question.recommendation.id !== `R-${question.id}`)
          issues.push({
            path: [...questionPath, 'recommendation', 'id'],
            message: `« R-${question.id} » attendu (l’identifiant suit celui de la question)`,
          })
      })
      commitment.indicators.forEach((indicator, i) => {
        const indicatorPath = [...commitmentPath, 'indicators', i]
        unique(`indicator:${indicator.id}`, indicatorPath)
        if (indicator.fromQuestion && !questionIds.has(indicator.fromQuestion))
          issues.push({
            path: [...indicatorPath, 'fromQuestion'],
            message: `question « ${indicator.fromQuestion} » inconnue`,
          })
        const measureIds = new Set(indicator.measures?.map((measure) => measure.id) ?? [])
        indicator.targets?.forEach((target, t) => {
          if (target.obligation && !obligationIds.has(target.obligation))
            issues.push({
              path: [...indicatorPath, 'targets', t, 'obligation'],
              message: `obligation « ${target.obligation} » inconnue`,
            })
          if (target.measure && !measureIds.has(target.measure))
            issues.push({
              path: [...indicatorPath, 'targets', t, 'measure'],
              message: `mesure « ${target.measure} » inconnue pour cet indicateur`,
            })
        })
      })
    })
  })
  return issues
}

/**
 * The cross-reference checks run even when the shape has problems (zod would skip them), so that
 * a writer sees a wrong level count and an unknown obligation in the same pass. A file too broken
 * to walk (a list missing, say) gets its shape problems only.
 */
export const referentialSchema = baseReferentialSchema.superRefine(
  (referential, context) => {
    let issues: Issue[]
    try {
      issues = crossReferenceIssues(referential)
    } catch {
      return
    }
    for (const issue of issues) context.addIssue({ code: 'custom', ...issue })
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
)

export type Referential = z.infer<typeof referentialSchema>
export type Ambition = Referential['ambitions'][number]
export type Commitment = Ambition['commitments'][number]
export type Question = Commitment['questions'][number]
export type Indicator = Commitment['indicators'][number]
export type Recommendation = Question['recommendation']
