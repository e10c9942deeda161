/**
 * The inventory's vocabulary, shared by the file readers, the engine, the CLI and (later) the
 * pages. Dates are ISO `yyyy-mm-dd` strings; quantities are whole numbers ≥ 1.
 */

export const deviceTypes = [
  'laptop',
  'desktop',
  'monitor',
  'smartphone',
  'tablet',
  'printer',
  'video_projector',
  'display',
  'network_switch',
  'router',
  'firewall',
  'server',
  'storage',
  'other',
] as const
export type DeviceType = (typeof deviceTypes)[number]

export const itemStatuses = ['in_use', 'in_stock', 'retired'] as const
export type ItemStatus = (typeof itemStatuses)[number]

export const itemConditions = ['new', 'refurbished'] as const
export type ItemCondition = (typeof itemConditions)[number]

/** Where a retired device went (REEN art. 16: the first four count as reuse). */
export const disposalRoutes = [
  'reuse_transfer',
  'reuse_sale',
  'reuse_donation',
  'reuse_takeback',
  'recycling',
  'unknown',
] as const
export type DisposalRoute = (typeof disposalRoutes)[number]

export interface InventoryItem {
  /** Where the item came from in its file (1-based line, header = line 1), for messages. */
  line?: number
  type: DeviceType
  model: string | null
  quantity: number
  site: string | null
  service: string | null
  tags: string[]
  purchaseDate: string | null
  retirementDate: string | null
  status: ItemStatus
  condition: ItemCondition
  disposal: DisposalRoute | null
  /** Short name of the datacenter hosting the item (servers, storage, network). */
  datacenter: string | null
  /** Measured yearly consumption, when known; otherwise the engine uses power × hours. */
  annualKwh: number | null
  /** ISO 3166-1 alpha-2 country of use; 'FR' by default. */
  country: string
  /** Lifetime given by the file (PCR-SI); otherwise dates, then the type's default. */
  lifetimeYears: number | null
  /**
   * The item's own name or identifier in its file (NumEcoEval `nomEquipementPhysique`, PCR-SI `id`,
   * the template's `reference`), kept so that exports give it back. Optional: absent means none.
   */
  reference?: string | null
}

export interface Datacenter {
  shortName: string
  longName: string | null
  /** Power usage effectiveness, ≥ 1. */
  pue: number
  /** ISO 3166-1 alpha-2 country. */
  country: string
}

/** A problem with one row of an imported file: what and where, in words for a person. */
export interface RowError {
  line: number
  column: string | null
  message: string
  /** For an unknown type: the closest known type. */
  suggestion?: DeviceType
}
