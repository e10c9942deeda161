import { z } from 'zod'
import { deviceTypes, itemStatuses } from '../footprint/inventory-item.js'
import { pageNumber } from '../territories/territories.schemas.js'
import { exportFormats } from './export-inventory.js'

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())
const text = optional(z.string().trim().max(200))

/** The list's filters (French names: they show in the address bar) and page. */
export const inventoryQuerySchema = z.object({
  type: optional(z.enum(deviceTypes)),
  statut: optional(z.enum(itemStatuses)),
  site: text,
  service: text,
  etiquette: text,
  texte: text,
  page: pageNumber,
})
export type InventoryQuery = z.infer<typeof inventoryQuerySchema>

export const exportQuerySchema = z.object({ format: z.enum(exportFormats) })

/** Path ids: a row id, or the 404 every other miss gets. */
export const rowId = z.coerce.number().int().positive().max(2_147_483_647)
