import { z } from 'zod'
import { actionStatuses, milestoneKinds } from '../../../db/schema.js'
import type { ObjectiveStatus } from '../objectives/objective-status.js'
import type { PublicStrategySnapshot } from './public-snapshot.js'

/**
 * The parts of a stored snapshot the public page and the API show, checked item by item when read:
 * a snapshot is JSON written by another version of the code, so a field it lacks must cost one
 * line, never the page. Unknown fields are dropped (nothing reaches the public by accident).
 */
export const objectiveStatuses = [
  'reached',
  'on_track',
  'behind',
  'no_data',
] as const satisfies readonly ObjectiveStatus[]

const yearValueSchema = z.object({ year: z.number().int(), value: z.number() })

export const snapshotObjectiveSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  indicatorId: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  decreeAxis: z.number().int().nullable(),
  baseline: yearValueSchema,
  targets: z.array(yearValueSchema),
  measured: yearValueSchema.nullable(),
  expected: z.number().nullable(),
  status: z.enum(objectiveStatuses),
})

export const snapshotActionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  commitments: z.array(z.string()),
  decreeAxis: z.number().int().nullable(),
  status: z.enum(actionStatuses),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budgetEuros: z.number().nullable(),
  objectiveIds: z.array(z.number().int()),
})

export const snapshotMilestoneSchema = z.object({
  kind: z.enum(milestoneKinds),
  date: z.string(),
  year: z.number().int().nullable(),
  deliberationNumber: z.string().nullable(),
  documentUrl: z.string().nullable(),
})

export type PublishedObjective = PublicStrategySnapshot['objectives'][number]
export type PublishedAction = PublicStrategySnapshot['actions'][number]
export type PublishedMilestone = PublicStrategySnapshot['milestones'][number]

// The schemas and the snapshot type must describe the same objects: this fails to compile otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const inSync: [
  Same<z.infer<typeof snapshotObjectiveSchema>, PublishedObjective>,
  Same<z.infer<typeof snapshotActionSchema>, PublishedAction>,
  Same<z.infer<typeof snapshotMilestoneSchema>, PublishedMilestone>,
] = [true, true, true]
void inSync

/** What the public sees of one published version. */
export interface PublishedContent {
  objectives: PublishedObjective[]
  actions: PublishedAction[]
  milestones: PublishedMilestone[]
  /** Items left out because they did not have the expected shape. */
  skipped: number
}

const envelopeSchema = z.object({
  format: z.literal(1),
  objectives: z.array(z.unknown()).catch([]),
  actions: z.array(z.unknown()).catch([]),
  milestones: z.array(z.unknown()).catch([]),
})

/** The snapshot's content, or null when the text is not a snapshot of a format this code knows. */
export function parseSnapshot(text: string): PublishedContent | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) return null
  let skipped = 0
  const valid = <T>(schema: z.ZodType<T>, items: unknown[]): T[] =>
    items.flatMap((item) => {
      const parsed = schema.safeParse(item)
      if (parsed.success) return [parsed.data]
      skipped++
      return []
    })
  const objectives = valid(snapshotObjectiveSchema, envelope.data.objectives)
  const actions = valid(snapshotActionSchema, envelope.data.actions)
  const milestones = valid(snapshotMilestoneSchema, envelope.data.milestones)
  return { objectives, actions, milestones, skipped }
}
