/**
 * The demo city's IT inventory, so that a newcomer finds the footprint pages filled in: about 1,200
 * lines and over 2,000 devices over the city's sites and services, two datacenters (the town
 * hall's server room and a hosting provider), refurbished purchases, and devices retired last year
 * and this year with their disposal routes (the reuse rate has something to show). Two type
 * mappings show the workspace's own labels.
 *
 * Deterministic: a seeded generator, never Math.random, so every start (and every test) gives the
 * same inventory for a given day. Dates are drawn up to today, so that none is in the future.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { defaultFactorBase } from '../footprint/factor-bases.store.js'
import { todayInFrance } from '../footprint/import/values.js'
import type { Datacenter, DeviceType, DisposalRoute, InventoryItem } from '../footprint/inventory-item.js'
import { freezeFootprintResult } from '../footprint/results/frozen-results.js'
import { writeStoredScenario } from '../footprint/scenarios/stored-scenario.js'
import {
  insertItems,
  saveDatacenter,
  saveTypeMapping,
  type WorkspaceTypeMapping,
} from '../inventory/inventory.queries.js'
import { datasetLoad, recordDatasetLoad } from '../territories/load-territories.js'
import { demoCityCode } from './demo-territories.js'

export const demoInventoryDataset = { id: 'demo-inventory', vintage: 'demo-inventory-1' } as const

export const demoDatacenters: readonly Datacenter[] = [
  { shortName: 'SALLE-HDV', longName: 'Salle serveurs de l’hôtel de ville', pue: 1.8, country: 'FR' },
  {
    shortName: 'HEBERGEUR',
    longName: 'Hébergeur régional (centre de données mutualisé)',
    pue: 1.3,
    country: 'FR',
  },
]

export const demoTypeMappings: readonly WorkspaceTypeMapping[] = [
  { label: 'Terminal de verbalisation', type: 'smartphone' },
  { label: 'Borne tactile de consultation', type: 'display' },
]

/** mulberry32: a small, well-spread 32-bit generator; the same seed gives the same sequence. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T
  /** A value by weight: [[value, weight], …]. */
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let draw = next() * total
    for (const [value, weight] of entries) {
      draw -= weight
      if (draw < 0) return value
    }
    return (entries.at(-1) as readonly [T, number])[0]
  }
  return { next, int, pick, weighted }
}

const sites = {
  hdv: 'Hôtel de ville',
  ctm: 'Centre technique municipal',
  media: 'Médiathèque',
  ferry: 'École Jules-Ferry',
  michel: 'École Louise-Michel',
  jaures: 'École Jean-Jaurès',
  police: 'Police municipale',
  social: 'Centre communal d’action sociale',
  conservatoire: 'Conservatoire',
} as const

const schools = [sites.ferry, sites.michel, sites.jaures]

interface Family {
  type: DeviceType
  code: string
  lines: number
  models: readonly string[]
  quantity: readonly (readonly [number, number])[]
  sites: readonly (readonly [string, number])[]
  services: readonly (readonly [string, number])[]
  tags: readonly string[]
  /** Share of lines bought refurbished (from 2021, when the city began buying them). */
  refurbished: number
  datacenter?: boolean
  kwh?: readonly [number, number]
}

const officeSites: readonly (readonly [string, number])[] = [
  [sites.hdv, 10],
  [sites.ctm, 4],
  [sites.media, 2],
  [sites.police, 2],
  [sites.social, 2],
  [sites.conservatoire, 1],
]
const officeServices: readonly (readonly [string, number])[] = [
  ['Direction générale', 2],
  ['DSI', 2],
  ['Finances', 3],
  ['Ressources humaines', 3],
  ['Éducation', 3],
  ['Culture', 3],
  ['Services techniques', 5],
  ['Action sociale', 3],
  ['Urbanisme', 2],
  ['Police municipale', 2],
]
const schoolSites: readonly (readonly [string, number])[] = schools.map((site) => [site, 1] as const)
const one: readonly (readonly [number, number])[] = [[1, 1]]

const families: readonly Family[] = [
  {
    type: 'laptop',
    code: 'POR',
    lines: 380,
    models: [
      'Dell Latitude 5440',
      'Lenovo ThinkPad T14',
      'HP EliteBook 840 G8',
      'Dell Latitude 7420',
      'Apple MacBook Air M2',
    ],
    quantity: [
      [1, 20],
      [2, 2],
      [5, 1],
    ],
    sites: officeSites,
    services: officeServices,
    tags: ['agents', 'télétravail', 'élus'],
    refurbished: 0.15,
  },
  {
    type: 'desktop',
    code: 'FIX',
    lines: 220,
    models: ['Dell OptiPlex 7090', 'HP EliteDesk 800 G6', 'Lenovo ThinkCentre M70q'],
    quantity: [
      [1, 12],
      [2, 2],
      [4, 1],
    ],
    sites: [...officeSites, ...schoolSites],
    services: officeServices,
    tags: ['agents', 'accueil du public'],
    refurbished: 0.12,
  },
  {
    type: 'monitor',
    code: 'ECR',
    lines: 260,
    models: ['Dell P2422H', 'iiyama ProLite XUB2493HS', 'HP E24 G5', 'Philips 243V7'],
    quantity: [
      [1, 8],
      [2, 5],
      [4, 1],
    ],
    sites: officeSites,
    services: officeServices,
    tags: ['agents'],
    refurbished: 0.2,
  },
  {
    type: 'smartphone',
    code: 'TEL',
    lines: 150,
    models: ['Samsung Galaxy A54', 'Apple iPhone SE', 'Crosscall Core-X5', 'Fairphone 5'],
    quantity: [
      [1, 10],
      [2, 2],
      [3, 1],
    ],
    sites: [...officeSites, [sites.police, 4]],
    services: officeServices,
    tags: ['mobilité', 'astreinte', 'élus'],
    refurbished: 0.25,
  },
  {
    type: 'tablet',
    code: 'TAB',
    lines: 60,
    models: ['Apple iPad 9', 'Samsung Galaxy Tab A8', 'Lenovo Tab M10'],
    quantity: [
      [1, 3],
      [6, 2],
      [15, 2],
    ],
    sites: [...schoolSites, [sites.media, 1]],
    services: [
      ['Éducation', 4],
      ['Culture', 1],
    ],
    tags: ['écoles', 'classe mobile'],
    refurbished: 0.1,
  },
  {
    type: 'printer',
    code: 'IMP',
    lines: 50,
    models: ['HP LaserJet Pro M404', 'Canon imageRUNNER C3226', 'Brother HL-L5100DN', 'Ricoh IM C3000'],
    quantity: one,
    sites: [...officeSites, ...schoolSites],
    services: officeServices,
    tags: ['impression'],
    refurbished: 0,
  },
  {
    type: 'video_projector',
    code: 'VPR',
    lines: 30,
    models: ['Epson EB-W51', 'BenQ MW560', 'Optoma W371'],
    quantity: one,
    sites: [...schoolSites, [sites.hdv, 1], [sites.conservatoire, 1]],
    services: [
      ['Éducation', 3],
      ['Culture', 1],
      ['Direction générale', 1],
    ],
    tags: ['écoles', 'salles de réunion'],
    refurbished: 0,
  },
  {
    type: 'display',
    code: 'AFF',
    lines: 25,
    models: ['Speechi ENI 75 pouces', 'Samsung Flip 65', 'Philips affichage dynamique 55'],
    quantity: one,
    sites: [...schoolSites, [sites.hdv, 1], [sites.media, 1]],
    services: [
      ['Éducation', 3],
      ['Culture', 1],
      ['Direction générale', 1],
    ],
    tags: ['écoles', 'accueil du public'],
    refurbished: 0,
  },
  {
    type: 'network_switch',
    code: 'SWI',
    lines: 20,
    models: ['Cisco Catalyst 9200', 'HPE Aruba 2930F', 'Netgear GS728TP'],
    quantity: one,
    sites: [...officeSites, ...schoolSites],
    services: [['DSI', 1]],
    tags: ['réseau'],
    refurbished: 0,
    kwh: [150, 400],
  },
  {
    type: 'router',
    code: 'ROU',
    lines: 15,
    models: ['Aruba AP-515', 'Ubiquiti UniFi U6 Pro', 'Cisco ISR 1100'],
    quantity: [
      [1, 3],
      [4, 1],
    ],
    sites: [...officeSites, ...schoolSites],
    services: [['DSI', 1]],
    tags: ['réseau', 'wifi'],
    refurbished: 0,
    kwh: [40, 90],
  },
  {
    type: 'firewall',
    code: 'PAR',
    lines: 2,
    models: ['Fortinet FortiGate 100F', 'Stormshield SN710'],
    quantity: one,
    sites: [[sites.hdv, 1]],
    services: [['DSI', 1]],
    tags: ['réseau', 'sécurité'],
    refurbished: 0,
    datacenter: true,
    kwh: [300, 500],
  },
  {
    type: 'server',
    code: 'SRV',
    lines: 24,
    models: ['Dell PowerEdge R650', 'HPE ProLiant DL380 Gen10'],
    quantity: one,
    sites: [[sites.hdv, 1]],
    services: [['DSI', 1]],
    tags: ['infrastructure'],
    refurbished: 0,
    datacenter: true,
  },
  {
    type: 'storage',
    code: 'STO',
    lines: 4,
    models: ['NetApp AFF A250', 'Dell PowerVault ME5024'],
    quantity: one,
    sites: [[sites.hdv, 1]],
    services: [['DSI', 1]],
    tags: ['infrastructure', 'sauvegarde'],
    refurbished: 0,
    datacenter: true,
  },
]

const disposalShares: readonly (readonly [DisposalRoute, number])[] = [
  ['reuse_transfer', 20],
  ['reuse_sale', 10],
  ['reuse_donation', 20],
  ['reuse_takeback', 15],
  ['recycling', 30],
  ['unknown', 5],
]

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** The demo inventory as of `today` (`yyyy-mm-dd`): pure, the same lines for the same day. */
export function demoInventoryItems(today: string = todayInFrance()): InventoryItem[] {
  const random = generator(20_260_101)
  const thisYear = Number(today.slice(0, 4))
  const dayOfYear = (year: number) => {
    // A day of the year, never after today.
    const last = year === thisYear ? today : `${year}-12-31`
    for (;;) {
      const date = `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`
      if (date <= last) return date
    }
  }
  const items: InventoryItem[] = []
  for (const family of families) {
    for (let index = 1; index <= family.lines; index++) {
      const site = random.weighted(family.sites)
      const service = site === sites.police ? 'Police municipale' : random.weighted(family.services)
      const draw = random.next()
      // About 8 % retired (last year or this year), 3 % in stock, the rest in use.
      const retired = draw < 0.08 && !family.datacenter
      const inStock = !retired && draw < 0.11 && !family.datacenter
      const purchaseYear = retired ? random.int(2015, 2019) : random.int(2015, thisYear)
      const purchaseDate = dayOfYear(purchaseYear)
      const retirementDate = retired ? dayOfYear(random.pick([thisYear - 1, thisYear])) : null
      const refurbished = purchaseYear >= 2021 && random.next() < family.refurbished
      const tags = random.next() < 0.7 ? [random.pick(family.tags)] : []
      if (schools.includes(site as (typeof schools)[number]) && !tags.includes('écoles')) tags.push('écoles')
      const kwh = family.kwh ? random.int(family.kwh[0], family.kwh[1]) : null
      items.push({
        type: family.type,
        model: random.pick(family.models),
        quantity: random.weighted(family.quantity),
        site,
        service,
        tags,
        purchaseDate,
        retirementDate,
        status: retired ? 'retired' : inStock ? 'in_stock' : 'in_use',
        condition: refurbished ? 'refurbished' : 'new',
        disposal: retired ? random.weighted(disposalShares) : null,
        // Servers and storage: two thirds at the hosting provider, the rest in the town hall's room.
        datacenter: family.datacenter
          ? family.type === 'firewall' || random.next() < 0.34
            ? 'SALLE-HDV'
            : 'HEBERGEUR'
          : null,
        annualKwh: kwh,
        country: 'FR',
        // Some lines say how long the city means to keep them (its renewal plan).
        lifetimeYears: family.type === 'laptop' && random.next() < 0.2 ? 6 : null,
        reference: `JSL-${family.code}-${pad(index, 4)}`,
      })
    }
  }
  return items
}

export async function demoWorkspaceId(db: Kysely<Database>): Promise<number | undefined> {
  const city = await db
    .selectFrom('territories')
    .select('id')
    .where('kind', '=', 'commune')
    .where('code', '=', demoCityCode)
    .executeTakeFirst()
  if (!city) return undefined
  const existing = await db
    .selectFrom('workspaces')
    .select('id')
    .where('territory_id', '=', city.id)
    .executeTakeFirst()
  if (existing) return existing.id
  const created = await db
    .insertInto('workspaces')
    .values({ territory_id: city.id, created_at: new Date().toISOString(), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return created.id
}

/**
 * Adds the demo inventory once (recorded as a dataset load); with `reset`, replaces the demo
 * workspace's inventory, datacenters and type mappings by the demo ones. True when it wrote.
 */
export async function seedDemoInventory(
  db: Kysely<Database>,
  options: { reset?: boolean; today?: string } = {},
): Promise<boolean> {
  const loaded = await datasetLoad(db, demoInventoryDataset.id)
  if (loaded && !options.reset) return false
  const workspaceId = await demoWorkspaceId(db)
  if (workspaceId === undefined) return false
  const items = demoInventoryItems(options.today)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('inventory_items').where('workspace_id', '=', workspaceId).execute()
    await trx.deleteFrom('datacenters').where('workspace_id', '=', workspaceId).execute()
    await trx.deleteFrom('type_mappings').where('workspace_id', '=', workspaceId).execute()
    for (const datacenter of demoDatacenters) await saveDatacenter(trx, workspaceId, datacenter)
    for (const mapping of demoTypeMappings) await saveTypeMapping(trx, workspaceId, mapping)
    await insertItems(trx, workspaceId, items)
    await trx.deleteFrom('footprint_scenarios').where('workspace_id', '=', workspaceId).execute()
    await trx.deleteFrom('footprint_results').where('workspace_id', '=', workspaceId).execute()
    await insertDemoScenario(trx, workspaceId)
    if (!loaded)
      await recordDatasetLoad(trx, demoInventoryDataset.id, demoInventoryDataset.vintage, items.length)
  })
  // Last year's footprint frozen, so that the trend shows a frozen year and the list has one.
  const lastYear = Number((options.today ?? todayInFrance()).slice(0, 4)) - 1
  await freezeFootprintResult(db, { workspaceId, year: lastYear, method: 'stock', actorId: null })
  return true
}

/** One saved scenario, so that a newcomer sees a comparison with the baseline at once. */
async function insertDemoScenario(trx: Transaction<Database>, workspaceId: number): Promise<void> {
  const base = await defaultFactorBase(trx)
  const now = new Date().toISOString()
  await trx
    .insertInto('footprint_scenarios')
    .values({
      workspace_id: workspaceId,
      name: 'Sobriété 2027 : garder plus longtemps, acheter reconditionné',
      content: writeStoredScenario({
        scenario: {
          extendLifetime: { laptop: 2, desktop: 2, monitor: 3, smartphone: 1 },
          refurbishedShare: { laptop: 0.3, smartphone: 0.5 },
        },
        fewerShare: { printer: 0.2 },
        base: { id: base.id, version: base.version },
      }),
      created_at: now,
      created_by: null,
      updated_at: now,
    })
    .execute()
}
