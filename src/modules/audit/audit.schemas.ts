import { z } from 'zod'
import { pageNumber } from '../territories/territories.schemas.js'

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

export const auditQuerySchema = z.object({
  personne: optional(z.coerce.number().int().positive()),
  objet: optional(z.string().regex(/^[a-z_]{1,40}$/)),
  du: optional(z.iso.date()),
  au: optional(z.iso.date()),
  page: pageNumber,
})
