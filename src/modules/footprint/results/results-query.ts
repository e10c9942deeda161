import { z } from 'zod'

/**
 * The results pages' query parameters (French names, as in the addresses people share). Each bad
 * parameter is named on the 400 page (lib/parse-query.ts).
 */

export const firstFootprintYear = 1990
export const lastFootprintYear = 2100

const yearParam = z.coerce.number().int().min(firstFootprintYear).max(lastFootprintYear)
const methodParam = z.enum(['stock', 'flux'])
/** Groups shown in the « top 10 » chart. */
export const contributorDimensions = ['site', 'service', 'type'] as const
export type ContributorDimension = (typeof contributorDimensions)[number]

export const resultsQuerySchema = z.object({
  annee: yearParam.optional(),
  methode: methodParam.optional(),
  contributeurs: z.enum(contributorDimensions).optional(),
})

export const figurePhases = ['manufacturing', 'distribution', 'use', 'endOfLife', 'total'] as const
export const groupDimensions = ['total', 'type', 'site', 'service', 'tag'] as const

/**
 * Names one figure: a group's (dimension + cle; an empty cle is « non renseigné »), one inventory
 * item's (element) or a per-capita figure (par). `bilan=1` reads the frozen result of the year and
 * method instead of computing it.
 */
export const explanationQuerySchema = z
  .object({
    annee: yearParam.optional(),
    methode: methodParam.optional(),
    critere: z
      .string()
      .regex(/^[A-Za-z][\w-]{0,63}$/)
      .optional(),
    phase: z.enum(figurePhases).optional(),
    dimension: z.enum(groupDimensions).optional(),
    cle: z.string().max(300).optional(),
    element: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    par: z.enum(['agent', 'habitant']).optional(),
    bilan: z.enum(['1']).optional(),
  })
  .superRefine((query, context) => {
    // One figure at a time: a per-capita or item figure has no group, and the other way round.
    if (query.element !== undefined && (query.par !== undefined || query.dimension !== undefined))
      context.addIssue({ code: 'custom', path: ['element'], message: 'explanation.query.oneFigure' })
    if (query.par !== undefined && query.dimension !== undefined)
      context.addIssue({ code: 'custom', path: ['par'], message: 'explanation.query.oneFigure' })
    if (query.cle !== undefined && (query.dimension === undefined || query.dimension === 'total'))
      context.addIssue({ code: 'custom', path: ['cle'], message: 'explanation.query.keyWithoutGroup' })
    if (query.par !== undefined && query.phase !== undefined && query.phase !== 'total')
      context.addIssue({ code: 'custom', path: ['phase'], message: 'explanation.query.perCapitaTotal' })
    if (query.element !== undefined && query.bilan !== undefined)
      context.addIssue({ code: 'custom', path: ['bilan'], message: 'explanation.query.itemLive' })
  })

export type ExplanationQuery = z.infer<typeof explanationQuerySchema>

export const exportQuerySchema = z.object({
  annee: yearParam.optional(),
  methode: methodParam.optional(),
  format: z.enum(['csv', 'json']),
  bilan: z.enum(['1']).optional(),
})

export const freezeFormSchema = z.object({ annee: yearParam, methode: methodParam })

export const frozenPathSchema = z.object({ year: yearParam, method: methodParam })
