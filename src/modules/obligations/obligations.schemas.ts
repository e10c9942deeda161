import { z } from 'zod'
import { territoryKinds } from '../../db/schema.js'

/**
 * Machine-readable applicability. Keys are AND-combined, except `orMinAgents` which is OR-combined
 * with `minPopulation`. Thresholds follow the wording of the texts: « plus de N habitants » is strict.
 */
export const applicabilityRuleSchema = z
  .object({
    all: z.literal(true).optional(),
    kinds: z.array(z.enum(territoryKinds)).nonempty().optional(),
    /** Population strictly above N. */
    minPopulation: z.number().int().positive().optional(),
    /** Staff (FTE) at least N (strictly above N when agentsStrict). */
    minAgents: z.number().positive().optional(),
    orMinAgents: z.number().positive().optional(),
    agentsStrict: z.boolean().optional(),
    /** Annual purchases strictly above N euros. */
    minPurchasesEur: z.number().positive().optional(),
    /** Kinds the text does not name but that may be concerned: the status is "to confirm" for them. */
    reviewKinds: z.array(z.enum(territoryKinds)).nonempty().optional(),
    reviewNote: z.string().optional(),
  })
  .strict()

export type ApplicabilityRule = z.infer<typeof applicabilityRuleSchema>

const dateOrText = z.string().min(1)

export const obligationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    legalRef: z.string().min(1),
    appliesTo: z.string().min(1),
    rule: applicabilityRuleSchema,
    /** ISO date when the text sets one; words otherwise ("En vigueur"). */
    deadline: dateOrText,
    milestones: z.array(z.object({ id: z.string(), label: z.string(), deadline: dateOrText })).optional(),
    target: z.string().min(1),
    /** Yearly legal targets as percentages, for the obligations that have them. */
    yearlyTargets: z.array(z.object({ from: z.number().int(), percent: z.number() })).optional(),
    notes: z.string().optional(),
  })
  .strict()

export type Obligation = z.infer<typeof obligationSchema>
