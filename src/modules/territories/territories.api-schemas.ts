import { z } from 'zod'
import { territoryKinds } from '../../db/schema.js'
import { decimalInput } from '../../lib/decimal-input.js'
import { pageNumber } from './territories.schemas.js'

export const apiSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .describe('Name, INSEE code, SIREN or postcode; prefix match, accents and case ignored'),
  kind: z.enum(territoryKinds).optional().describe('Only territories of this kind'),
  page: pageNumber.describe('Page number, from 1'),
})

export const apiTerritoryPathSchema = z.object({
  kind: z.enum(territoryKinds).describe('Kind of territory: codes collide across kinds'),
  code: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,20}$/)
    .describe('INSEE code (commune, département, région) or SIREN (EPCI, EPT)'),
})

export const apiTerritoryQuerySchema = z.object({
  agents: z
    .preprocess(decimalInput, z.coerce.number().min(0).max(10_000_000).optional())
    .describe('Estimate: staff in FTE, instead of the declared figure'),
  purchases: z
    .preprocess(decimalInput, z.coerce.number().min(0).max(1_000_000_000_000).optional())
    .describe('Estimate: annual purchases in euros (excl. VAT), instead of the declared figure'),
})

const population = z.object({
  total: z.number().int().nullable().describe('Population totale'),
  municipal: z.number().int().nullable().describe('Population municipale'),
})

export const territorySummarySchema = z
  .object({
    kind: z.enum(territoryKinds),
    code: z.string(),
    name: z.string(),
    nature: z.string().nullable().describe('CC, CA, CU, METRO, MET69 or EPT'),
    population,
    isDemo: z.boolean().describe('Fictitious demonstration territory'),
    url: z.string().describe('API URL of the territory'),
  })
  .meta({ id: 'TerritorySummary' })

export const searchResponseSchema = z
  .object({
    query: z.string(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    total: z.number().int(),
    items: z.array(territorySummarySchema),
  })
  .meta({ id: 'TerritorySearch' })

const checkSchema = z.object({
  criterion: z.enum(['all', 'kind', 'population', 'agents', 'purchases']),
  operator: z.enum(['>', '>=', 'in']),
  threshold: z.union([z.number(), z.array(z.string()), z.null()]),
  actual: z.union([z.number(), z.string(), z.null()]),
  met: z.boolean().nullable().describe('null: cannot tell until a figure is declared'),
  group: z.number().int().describe('Checks of one group are OR-combined; groups are AND-combined'),
})

export const obligationStatusSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    titleEn: z.string(),
    legalRef: z.string(),
    appliesTo: z.string(),
    deadline: z.string().describe('ISO date, or words when the text sets no single date'),
    milestones: z.array(z.object({ id: z.string(), label: z.string(), deadline: z.string() })),
    target: z.string(),
    status: z.enum(['applies', 'not_applicable', 'to_confirm']),
    missing: z
      .array(z.enum(['agents', 'purchases']))
      .describe('Figures to declare to settle a to_confirm status'),
    populationBasis: z.enum(['total', 'municipal']).nullable(),
    note: z.string().nullable(),
    checks: z.array(checkSchema),
  })
  .meta({ id: 'ObligationStatus' })

const figures = z.object({ agentsFte: z.number().nullable(), annualPurchasesEur: z.number().nullable() })

export const territoryResponseSchema = z
  .object({
    kind: z.enum(territoryKinds),
    code: z.string(),
    name: z.string(),
    nature: z.string().nullable(),
    siren: z.string().nullable(),
    isDemo: z.boolean(),
    population: population.extend({ source: z.string(), vintage: z.string() }),
    postcodes: z.array(z.string()),
    datasetVintage: z.string(),
    parents: z.array(territorySummarySchema),
    membersCount: z.number().int(),
    declared: figures.describe('Figures declared by the territory'),
    usedForObligations: figures
      .extend({ estimated: z.boolean() })
      .describe('Figures the statuses were computed with'),
    obligations: z.array(obligationStatusSchema),
  })
  .meta({ id: 'Territory' })
