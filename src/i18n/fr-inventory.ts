/** The inventory's pages: items, datacenters, type mapping, exports (French, the reference). */
export const frInventory = {
  'inventory.placeholder': '',
}
