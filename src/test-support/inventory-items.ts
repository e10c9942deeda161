import type { InventoryItem } from '../modules/footprint/inventory-item.js'

/** An inventory line with every field at its plain default (a laptop in use in France, no dates); tests set only what they are about. */
export function inventoryItem(overrides: Partial<InventoryItem> = {}): InventoryItem {
  return {
    type: 'laptop',
    model: null,
    quantity: 1,
    site: null,
    service: null,
    tags: [],
    purchaseDate: null,
    retirementDate: null,
    status: 'in_use',
    condition: 'new',
    disposal: null,
    datacenter: null,
    annualKwh: null,
    country: 'FR',
    lifetimeYears: null,
    reference: null,
    ...overrides,
  }
}
