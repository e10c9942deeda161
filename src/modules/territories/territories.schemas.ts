import { z } from 'zod'
import { territoryKinds } from '../../db/schema.js'
import { decimalInput } from '../../lib/decimal-input.js'

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value)

export const pageNumber = z.preprocess(
  emptyToUndefined,
  z.coerce.number().int().min(1).max(100_000).default(1),
)

export const searchQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  type: z.preprocess(emptyToUndefined, z.enum(territoryKinds).optional()),
  page: pageNumber,
})

/** Shortest query worth running: one letter matches thousands of territories. */
export const minimumQueryLength = 2

export const territoryPathSchema = z.object({
  kind: z.enum(territoryKinds),
  code: z.string().regex(/^[0-9A-Za-z-]{1,20}$/),
})

export const declaredFiguresQuerySchema = z.object({
  agents: z.preprocess(decimalInput, z.coerce.number().min(0).max(10_000_000).optional()),
  achats: z.preprocess(decimalInput, z.coerce.number().min(0).max(1_000_000_000_000).optional()),
})

export const territoryPageQuerySchema = declaredFiguresQuerySchema.extend({ page: pageNumber })

export const membersPageSize = 20
export const searchPageSize = 20
