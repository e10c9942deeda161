import { z } from 'zod'
import { flagCodes } from '../footprint/compute-footprint.js'

export const workspacePathSchema = z.object({
  workspaceId: z.coerce
    .number()
    .int()
    .positive()
    .describe('The workspace the token was created in: any other id answers 404'),
})

export const footprintQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('Reporting year (four digits); the current year when absent'),
  method: z
    .enum(['stock', 'flux'])
    .optional()
    .describe(
      'stock: embodied impacts spread over each device’s lifetime; flux: devices bought in the year count in full. The workspace’s setting when absent',
    ),
})

const value = z.number().nullable()

/** One criterion's figures, as the CLI's --json gives them (null: not available), plus the gap. */
export const footprintFiguresSchema = z
  .object({
    unit: z.string().describe('kgCO2e, L…'),
    manufacturing: value,
    distribution: value,
    use: value,
    endOfLife: value,
    total: value,
    unavailableQuantity: z
      .number()
      .int()
      .describe('Devices whose figure for at least one phase is not available (left out of the sums)'),
  })
  .meta({ id: 'FootprintFigures' })

const perCriterion = z.record(z.string(), footprintFiguresSchema).describe('Criterion id → figures')

export const footprintGroupSchema = z
  .object({
    key: z.string().nullable().describe('Site, service or tag; null for « non renseigné »'),
    items: z.number().int().describe('Inventory lines'),
    quantity: z.number().int().describe('Devices'),
    impacts: perCriterion,
  })
  .meta({ id: 'FootprintGroup' })

const perCapitaSchema = z
  .object({
    count: z.number().describe('Agents (FTE) or inhabitants'),
    values: z.record(z.string(), value).describe('Criterion id → total ÷ count'),
  })
  .nullable()

export const workspaceFootprintSchema = z
  .object({
    workspaceId: z.number().int(),
    method: z.enum(['stock', 'flux']),
    year: z.number().int(),
    factorBase: z.object({ id: z.string(), version: z.string(), title: z.string() }),
    criteria: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string() })),
    counted: z.object({ items: z.number().int(), quantity: z.number().int() }),
    excluded: z.object({
      items: z.number().int(),
      quantity: z.number().int(),
      boughtAfter: z.number().int(),
      retiredBefore: z.number().int(),
      retiredWithoutDate: z.number().int(),
    }),
    totals: perCriterion,
    byType: z
      .record(
        z.string(),
        z.object({ items: z.number().int(), quantity: z.number().int() }).catchall(footprintFiguresSchema),
      )
      .describe('Device type → lines, devices and, per criterion id, its figures (as the CLI’s --json)'),
    bySite: z.array(footprintGroupSchema),
    byService: z.array(footprintGroupSchema),
    byTag: z
      .array(footprintGroupSchema)
      .describe('An item with several tags counts in each: these do not add up to the totals then'),
    perAgent: perCapitaSchema,
    perInhabitant: perCapitaSchema,
    flags: z.array(
      z.object({
        code: z.enum(flagCodes),
        items: z.number().int(),
        quantity: z.number().int(),
        values: z.array(z.string()).describe('The distinct values at fault: types, countries, datacenters'),
      }),
    ),
  })
  .meta({ id: 'WorkspaceFootprint' })

export const frozenResultsSchema = z
  .object({
    workspaceId: z.number().int(),
    results: z.array(
      z.object({
        year: z.number().int(),
        method: z.enum(['stock', 'flux']),
        factorBase: z.object({ id: z.string(), version: z.string() }),
        createdAt: z.string().describe('When the result was frozen (ISO 8601)'),
        totals: perCriterion,
      }),
    ),
  })
  .meta({ id: 'FrozenFootprintResults' })
