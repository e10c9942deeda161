import { z } from 'zod'
import { pageNumber, territoryPathSchema } from '../../territories/territories.schemas.js'

export const publicStrategyQuerySchema = z.object({
  /** Page of the objectives table. */
  objectifs: pageNumber,
  /** Page of the public actions table. */
  actions: pageNumber,
})

export const publishedDocumentPathSchema = territoryPathSchema.extend({
  documentId: z.coerce.number().int().positive().max(2_147_483_647),
})

/** Rows a table of the public page shows at once: keeps the page within its budget (EcoIndex A). */
export const publicObjectivesPageSize = 10
export const publicActionsPageSize = 10

export const publicStrategyPath = (territory: { kind: string; code: string }) =>
  `/territoires/${territory.kind}/${encodeURIComponent(territory.code)}/strategie`

export const publishedDocumentPath = (territory: { kind: string; code: string }, documentId: number) =>
  `${publicStrategyPath(territory)}/documents/${documentId}`
