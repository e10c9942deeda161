import type { frInventory } from './fr-inventory.js'

/** The inventory's pages: items, datacenters, type mapping, exports in English. */
export const enInventory: Record<keyof typeof frInventory, string> = {
  'inventory.placeholder': '',
}
