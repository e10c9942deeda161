import type { Kysely, Selectable, Transaction } from 'kysely'
import { withSqliteConnection } from '../../db/database.js'
import type { Database, DatacentersTable, InventoryItemsTable } from '../../db/schema.js'
import { offsetOf, type Page, toPage } from '../../lib/pagination.js'
import { defaultTypeMapping, type TypeMappingTable } from '../footprint/import/type-mapping.js'
import type {
  Datacenter,
  DeviceType,
  DisposalRoute,
  InventoryItem,
  ItemCondition,
  ItemStatus,
} from '../footprint/inventory-item.js'

type Db = Kysely<Database> | Transaction<Database>

/** An inventory line as stored: the engine's item plus its row id. */
export interface StoredItem extends InventoryItem {
  id: number
}

type ItemRow = Omit<InventoryItemsTable, 'id'> & { id: number }

const tagSeparator = '|'

export function itemFromRow(row: ItemRow): StoredItem {
  return {
    id: row.id,
    // The line number shown in flags and explanations is the row id: stable, and findable.
    line: row.id,
    type: row.type as DeviceType,
    model: row.model,
    quantity: row.quantity,
    site: row.site,
    service: row.service,
    tags: row.tags ? row.tags.split(tagSeparator) : [],
    purchaseDate: row.purchase_date,
    retirementDate: row.retirement_date,
    status: row.status as ItemStatus,
    condition: row.condition as ItemCondition,
    disposal: row.disposal as DisposalRoute | null,
    datacenter: row.datacenter,
    annualKwh: row.annual_kwh,
    country: row.country,
    lifetimeYears: row.lifetime_years,
    reference: row.reference,
  }
}

export function rowFromItem(
  workspaceId: number,
  item: InventoryItem,
  importId: number | null,
  now: string,
): Omit<InventoryItemsTable, 'id'> {
  return {
    workspace_id: workspaceId,
    type: item.type,
    model: item.model,
    quantity: item.quantity,
    site: item.site,
    service: item.service,
    tags: item.tags.length > 0 ? item.tags.join(tagSeparator) : null,
    purchase_date: item.purchaseDate,
    retirement_date: item.retirementDate,
    status: item.status,
    condition: item.condition,
    disposal: item.disposal,
    datacenter: item.datacenter,
    annual_kwh: item.annualKwh,
    country: item.country,
    lifetime_years: item.lifetimeYears,
    reference: item.reference ?? null,
    import_id: importId,
    updated_at: now,
  }
}

/**
 * Rows per INSERT statement: 20 columns × 1,000 rows stays under SQLite's 32,766 bound parameters
 * and PostgreSQL's 65,535, and is large enough that a million rows is a thousand statements.
 */
const insertBatchSize = 1000

/** Inserts items in batches; call inside a transaction so that a failure leaves nothing behind. */
export async function insertItems(
  db: Db,
  workspaceId: number,
  items: readonly InventoryItem[],
  importId: number | null = null,
): Promise<void> {
  const now = new Date().toISOString()
  for (let start = 0; start < items.length; start += insertBatchSize) {
    const rows = items
      .slice(start, start + insertBatchSize)
      .map((item) => rowFromItem(workspaceId, item, importId, now))
    await db.insertInto('inventory_items').values(rows).execute()
  }
}

export async function insertItem(db: Db, workspaceId: number, item: InventoryItem): Promise<number> {
  const row = await db
    .insertInto('inventory_items')
    .values(rowFromItem(workspaceId, item, null, new Date().toISOString()))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Updates one item of this workspace; false when the item is not the workspace's. */
export async function updateItem(
  db: Db,
  workspaceId: number,
  id: number,
  item: InventoryItem,
): Promise<boolean> {
  const {
    workspace_id: _ignored,
    import_id: _kept,
    ...values
  } = rowFromItem(workspaceId, item, null, new Date().toISOString())
  const result = await db
    .updateTable('inventory_items')
    .set(values)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function deleteItem(db: Db, workspaceId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('inventory_items')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function deleteAllItems(db: Db, workspaceId: number): Promise<number> {
  const result = await db
    .deleteFrom('inventory_items')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function findItem(db: Db, workspaceId: number, id: number): Promise<StoredItem | undefined> {
  const row = await db
    .selectFrom('inventory_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? itemFromRow(row) : undefined
}

export interface ItemFilter {
  type?: DeviceType
  status?: ItemStatus
  site?: string
  service?: string
  tag?: string
  /** Part of the model or reference, case-insensitive. */
  text?: string
}

function filtered(db: Db, workspaceId: number, filter: ItemFilter) {
  let query = db.selectFrom('inventory_items').where('workspace_id', '=', workspaceId)
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.site) query = query.where('site', '=', filter.site)
  if (filter.service) query = query.where('service', '=', filter.service)
  if (filter.tag) {
    const tag = filter.tag
    // Tags are stored joined by '|': match a whole tag, wherever it stands.
    query = query.where((eb) =>
      eb.or([
        eb('tags', '=', tag),
        eb('tags', 'like', `${escapeLike(tag)}${tagSeparator}%`),
        eb('tags', 'like', `%${tagSeparator}${escapeLike(tag)}`),
        eb('tags', 'like', `%${tagSeparator}${escapeLike(tag)}${tagSeparator}%`),
      ]),
    )
  }
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text.toLowerCase())}%`
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['model']), 'like', pattern),
        eb(eb.fn('lower', ['reference']), 'like', pattern),
      ]),
    )
  }
  return query
}

// '%' and '_' in a user's text match themselves only; the backslash escape works on both databases
// with an explicit ESCAPE, which Kysely does not add, so they are replaced by the one-character
// wildcard instead: a little wider, never narrower.
function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '_')
}

/** A page of the items a filter selects; `quantity` is the devices of all of them (every page). */
export async function listItems(
  db: Db,
  workspaceId: number,
  filter: ItemFilter,
  page: number,
  pageSize: number,
): Promise<Page<StoredItem> & { quantity: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, workspaceId, filter)
      .selectAll()
      .orderBy('id')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    filtered(db, workspaceId, filter)
      .select((eb) => [eb.fn.countAll<number>().as('items'), eb.fn.sum<number>('quantity').as('quantity')])
      .executeTakeFirstOrThrow(),
  ])
  return {
    ...toPage(rows.map(itemFromRow), page, pageSize, Number(count.items)),
    quantity: Number(count.quantity ?? 0),
  }
}

export async function countItems(db: Db, workspaceId: number): Promise<{ items: number; quantity: number }> {
  const row = await db
    .selectFrom('inventory_items')
    .select((eb) => [eb.fn.countAll<number>().as('items'), eb.fn.sum<number>('quantity').as('quantity')])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()
  return { items: Number(row.items), quantity: Number(row.quantity ?? 0) }
}

/** The distinct sites, services and tags of a workspace, for the filters' choices. */
export async function inventoryFacets(
  db: Db,
  workspaceId: number,
): Promise<{ sites: string[]; services: string[]; tags: string[] }> {
  const distinct = async (column: 'site' | 'service' | 'tags') =>
    (
      await db
        .selectFrom('inventory_items')
        .select(column)
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .where(column, 'is not', null)
        .orderBy(column)
        .limit(500)
        .execute()
    ).map((row) => row[column] as string)
  const [sites, services, tagLists] = await Promise.all([
    distinct('site'),
    distinct('service'),
    distinct('tags'),
  ])
  const tags = [...new Set(tagLists.flatMap((list) => list.split(tagSeparator)))].sort((a, b) =>
    a.localeCompare(b, 'fr'),
  )
  return { sites, services, tags }
}

/** Rows read per query when walking a whole inventory: bounded memory for a million items. */
export const scanBatchSize = 5000

/**
 * The columns holding an item's own fields, in one order for reading (`itemFromValues`) and for
 * the bulk insert of imports.
 */
export const itemFieldColumns = [
  'type',
  'model',
  'quantity',
  'site',
  'service',
  'tags',
  'purchase_date',
  'retirement_date',
  'status',
  'condition',
  'disposal',
  'datacenter',
  'annual_kwh',
  'country',
  'lifetime_years',
  'reference',
] as const satisfies readonly (keyof InventoryItemsTable)[]

/** The columns an item is read from, in the order of `itemFromValues`. */
const itemColumns = ['id', ...itemFieldColumns] as const

type ItemValues = [
  number,
  string,
  string | null,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string | null,
  string | null,
  number | null,
  string,
  number | null,
  string | null,
]

function itemFromValues(values: ItemValues): StoredItem {
  return {
    id: values[0],
    line: values[0],
    type: values[1] as DeviceType,
    model: values[2],
    quantity: values[3],
    site: values[4],
    service: values[5],
    tags: values[6] ? values[6].split(tagSeparator) : [],
    purchaseDate: values[7],
    retirementDate: values[8],
    status: values[9] as ItemStatus,
    condition: values[10] as ItemCondition,
    disposal: values[11] as DisposalRoute | null,
    datacenter: values[12],
    annualKwh: values[13],
    country: values[14],
    lifetimeYears: values[15],
    reference: values[16],
  }
}

/** Free-text columns the engine never reads: left out of its scans (a million rows read in 2.4 s instead of 4.2 s). */
const notForEngine = new Set<string>(['model', 'disposal', 'reference'])

const scanSql = (forEngine: boolean) =>
  `select ${itemColumns
    .map((column) => (forEngine && notForEngine.has(column) ? `null as ${column}` : column))
    .join(', ')} from inventory_items where workspace_id = ? and id > ? order by id limit ?`
const scanSqlAll = scanSql(false)
const scanSqlForEngine = scanSql(true)

/** One batch of a workspace's items after the id `after`, as value arrays (SQLite) or rows (Kysely). */
async function scanBatch(
  db: Db,
  workspaceId: number,
  after: number,
  forEngine: boolean,
): Promise<StoredItem[]> {
  const raw = db.isTransaction
    ? undefined
    : withSqliteConnection(db as Kysely<Database>, (connection) =>
        (
          connection
            .prepare(forEngine ? scanSqlForEngine : scanSqlAll)
            .raw(true)
            .all(workspaceId, after, scanBatchSize) as ItemValues[]
        ).map(itemFromValues),
      )
  if (raw) return raw
  const columns = forEngine ? itemColumns.filter((column) => !notForEngine.has(column)) : itemColumns
  const rows: Record<string, unknown>[] = await db
    .selectFrom('inventory_items')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(scanBatchSize)
    .execute()
  return rows.map((row) =>
    itemFromValues(itemColumns.map((column) => row[column] ?? null) as unknown as ItemValues),
  )
}

/**
 * Every item of a workspace in id order, read in batches by keyset (never OFFSET), so that walking
 * a million items keeps memory bounded and each query cheap. On SQLite the batches are read as
 * arrays of values rather than objects: half the time on a million lines. With `forEngine`, the
 * free texts the footprint engine never reads (model, disposal route, reference) come back null.
 */
export async function* scanItems(
  db: Db,
  workspaceId: number,
  options: { forEngine?: boolean } = {},
): AsyncGenerator<StoredItem> {
  const forEngine = options.forEngine === true
  let after = 0
  for (;;) {
    const items = await scanBatch(db, workspaceId, after, forEngine)
    for (const item of items) yield item
    if (items.length < scanBatchSize) return
    after = (items.at(-1) as StoredItem).id
  }
}

// -- Datacenters --------------------------------------------------------------------------------

export interface StoredDatacenter extends Datacenter {
  id: number
}

export async function listDatacenters(db: Db, workspaceId: number): Promise<StoredDatacenter[]> {
  const rows = await db
    .selectFrom('datacenters')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('short_name')
    .execute()
  return rows.map(datacenterFromRow)
}

function datacenterFromRow(row: Selectable<DatacentersTable>): StoredDatacenter {
  return {
    id: row.id,
    shortName: row.short_name,
    longName: row.long_name,
    pue: row.pue,
    country: row.country,
  }
}

/** Adds or replaces a datacenter by its short name (the name items refer to); gives its id. */
export async function saveDatacenter(db: Db, workspaceId: number, datacenter: Datacenter): Promise<number> {
  const row = await db
    .insertInto('datacenters')
    .values({
      workspace_id: workspaceId,
      short_name: datacenter.shortName,
      long_name: datacenter.longName,
      pue: datacenter.pue,
      country: datacenter.country,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'short_name']).doUpdateSet({
        long_name: datacenter.longName,
        pue: datacenter.pue,
        country: datacenter.country,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteDatacenter(db: Db, workspaceId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('datacenters')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

// -- Type mapping -------------------------------------------------------------------------------

export interface WorkspaceTypeMapping {
  label: string
  type: DeviceType
}

export async function listTypeMappings(db: Db, workspaceId: number): Promise<WorkspaceTypeMapping[]> {
  const rows = await db
    .selectFrom('type_mappings')
    .select(['label', 'type'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('label')
    .execute()
  return rows.map((row) => ({ label: row.label, type: row.type as DeviceType }))
}

export async function saveTypeMapping(
  db: Db,
  workspaceId: number,
  mapping: WorkspaceTypeMapping,
): Promise<void> {
  await db
    .insertInto('type_mappings')
    .values({ workspace_id: workspaceId, label: mapping.label, type: mapping.type })
    .onConflict((oc) => oc.columns(['workspace_id', 'label']).doUpdateSet({ type: mapping.type }))
    .execute()
}

export async function deleteTypeMapping(db: Db, workspaceId: number, label: string): Promise<boolean> {
  const result = await db
    .deleteFrom('type_mappings')
    .where('workspace_id', '=', workspaceId)
    .where('label', '=', label)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/**
 * The type table a workspace's imports use: its own entries first (on a tie they win over the
 * default table's), then the default table.
 */
export async function workspaceTypeMapping(db: Db, workspaceId: number): Promise<TypeMappingTable> {
  const own = await listTypeMappings(db, workspaceId)
  return [...own.map((mapping) => ({ pattern: mapping.label, type: mapping.type })), ...defaultTypeMapping]
}

// -- Added for the inventory pages --------------------------------------------------------------

/**
 * How many lines name this datacenter (its short name, in any case, as the imports compare names):
 * a datacenter in use stays.
 */
export async function countItemsInDatacenter(
  db: Db,
  workspaceId: number,
  shortName: string,
): Promise<number> {
  const row = await db
    .selectFrom('inventory_items')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['datacenter']), '=', shortName.toLowerCase()))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * How many lines name each datacenter, in one query (the datacenters page): keyed by the name as
 * `countItemsInDatacenter` compares it, so `counts.get(shortName.toLowerCase()) ?? 0` is its count.
 */
export async function countItemsPerDatacenter(db: Db, workspaceId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('inventory_items')
    .select((eb) => [eb.fn<string>('lower', ['datacenter']).as('name'), eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('datacenter', 'is not', null)
    .groupBy((eb) => eb.fn('lower', ['datacenter']))
    .execute()
  return new Map(rows.map((row) => [row.name, Number(row.count)]))
}

export async function findDatacenter(
  db: Db,
  workspaceId: number,
  id: number,
): Promise<StoredDatacenter | undefined> {
  const row = await db
    .selectFrom('datacenters')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && datacenterFromRow(row)
}
