import { z } from 'zod'
import { actionStatuses } from '../../../db/schema.js'
import type { ActionFilter } from './actions.queries.js'

/**
 * The list's filters as query parameters (?engagement=&statut=&responsable=&annee=): an empty
 * value means « all »; a value that cannot be a filter is a 400 naming its parameter.
 * « responsable » is a member's user id (digits) or a service's exact text.
 */

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

export const yearSchema = z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional())

export function actionFilterSchema(commitmentIds: readonly string[]) {
  return z.object({
    engagement: z.preprocess(blank, z.enum(commitmentIds as [string, ...string[]]).optional()),
    statut: z.preprocess(blank, z.enum(actionStatuses).optional()),
    responsable: z.preprocess(blank, z.string().trim().max(120).optional()),
    annee: yearSchema,
  })
}

export type ActionFilterQuery = z.infer<ReturnType<typeof actionFilterSchema>>

export const filterParameters = ['engagement', 'statut', 'responsable', 'annee'] as const

export function filterOf(query: ActionFilterQuery): ActionFilter {
  const owner = query.responsable
  return {
    commitment: query.engagement,
    status: query.statut,
    owner:
      owner === undefined ? undefined : /^\d+$/.test(owner) ? { userId: Number(owner) } : { service: owner },
    year: query.annee,
  }
}

/** The filters as they go back into links (exports, calendar), empty ones left out. */
export function filterParams(query: ActionFilterQuery): Record<string, string | number | undefined> {
  return {
    engagement: query.engagement,
    statut: query.statut,
    responsable: query.responsable,
    annee: query.annee,
  }
}

export const hasFilter = (query: ActionFilterQuery) =>
  filterParameters.some((name) => query[name] !== undefined)
