import { z } from 'zod'
import { documentKinds, territoryKinds } from '../../db/schema.js'
import {
  snapshotActionSchema,
  snapshotMilestoneSchema,
  snapshotObjectiveSchema,
} from '../strategy/publication/snapshot-schema.js'

export const publishedDocumentSchema = z
  .object({
    id: z.number().int(),
    kind: z
      .enum(documentKinds)
      .describe('programme_travail: work programme; strategie: the strategy; bilan_annuel: annual review'),
    version: z.number().int().describe('1, 2, … per kind; a correction is a new version'),
    year: z.number().int().describe('The year the document covers'),
    title: z.string(),
    publishedAt: z.string().describe('When it was published (ISO 8601)'),
    htmlUrl: z.string().describe('The document exactly as published (standalone HTML)'),
    pdfUrl: z.string().describe('The same document as PDF (503 when the server cannot print it)'),
  })
  .meta({ id: 'PublishedStrategyDocument' })

const publishedObjectiveSchema = snapshotObjectiveSchema
  .extend({
    indicatorId: z.string().describe('Indicator of the referential the objective is set on'),
    unit: z.string().describe('Unit of the indicator (from the referential’s catalogue)'),
    decreeAxis: z.number().int().nullable().describe('Axis 1–6 of art. D2311-15-1 CGCT, when tied to one'),
    measured: z
      .object({ year: z.number().int(), value: z.number() })
      .nullable()
      .describe('Latest measure after the baseline, when published'),
    expected: z.number().nullable().describe('The linear trajectory’s value in the measured year'),
    status: snapshotObjectiveSchema.shape.status.describe(
      'reached: the last target is met; on_track: at or beyond the trajectory; behind; no_data: no measure yet',
    ),
  })
  .meta({ id: 'PublishedObjective' })

const publishedActionSchema = snapshotActionSchema
  .extend({
    commitments: z.array(z.string()).describe('Commitment ids of the referential (A1.E1 …)'),
    status: snapshotActionSchema.shape.status.describe(
      'a_planifier: to plan; planifiee: planned; en_cours: in progress; realisee: done; abandonnee: abandoned',
    ),
    startDate: z.string().nullable().describe('ISO date'),
    endDate: z.string().nullable().describe('ISO date'),
    budgetEuros: z.number().nullable(),
    objectiveIds: z.array(z.number().int()).describe('Ids of the objectives (in `objectives`) it serves'),
  })
  .meta({ id: 'PublishedAction' })

const publishedMilestoneSchema = snapshotMilestoneSchema
  .extend({
    kind: snapshotMilestoneSchema.shape.kind.describe(
      'programme_travail: work programme; strategie: adoption of the strategy; bilan_annuel: annual review',
    ),
    date: z.string().describe('ISO date of the deliberation or presentation'),
    year: z.number().int().nullable().describe('The year an annual review covers'),
  })
  .meta({ id: 'PublishedMilestone' })

export const territoryStrategySchema = z
  .object({
    territory: z.object({
      kind: z.enum(territoryKinds),
      code: z.string(),
      name: z.string(),
      url: z.string().describe('API URL of the territory'),
      pageUrl: z.string().describe('The public strategy page of the territory'),
    }),
    published: z.boolean().describe('Whether the territory has at least one version public'),
    documents: z.array(publishedDocumentSchema).describe('Public versions, newest first'),
    source: z
      .object({
        documentId: z.number().int(),
        kind: z.enum(documentKinds),
        version: z.number().int(),
        publishedAt: z.string(),
      })
      .nullable()
      .describe(
        'The version the objectives, actions and milestones below were frozen with: the newest public one. Null when nothing is published',
      ),
    objectives: z.array(publishedObjectiveSchema).describe('As published, with their status then'),
    actions: z.array(publishedActionSchema).describe('The public actions of the roadmap, as published'),
    milestones: z.array(publishedMilestoneSchema).describe('REEN milestones, as published'),
  })
  .meta({ id: 'TerritoryStrategy' })
