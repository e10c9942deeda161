import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema.js'
import { inventoryItem } from '../../test-support/inventory-items.js'
import { openTestDatabase, type TestDatabase, testDialects } from '../../test-support/test-databases.js'
import { insertTestWorkspace } from '../../test-support/test-workspaces.js'
import { computeFootprint } from '../footprint/compute-footprint.js'
import {
  defaultFactorBase,
  FactorBaseVersionTaken,
  footprintSettings,
  listFactorBases,
  loadFactorBase,
  publishFactorBase,
  saveFootprintSettings,
} from '../footprint/factor-bases.store.js'
import { computeWorkspaceFootprint } from '../footprint/workspace-footprint.js'
import {
  countItems,
  deleteItem,
  findItem,
  insertItems,
  inventoryFacets,
  listDatacenters,
  listItems,
  saveDatacenter,
  scanBatchSize,
  scanItems,
  updateItem,
} from './inventory.queries.js'

describe.each(testDialects())('inventory storage on %s', (dialect) => {
  let database: TestDatabase
  let db: Kysely<Database>
  let mine: number
  let theirs: number

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    db = database.db
    mine = (await insertTestWorkspace(db, { agents: 400, population: 80_000 })).workspaceId
    theirs = (await insertTestWorkspace(db)).workspaceId
  })
  afterAll(() => database.dispose())

  it('stores items whole and gives them back the same', async () => {
    const item = inventoryItem({
      type: 'server',
      model: 'PowerEdge R750',
      quantity: 3,
      site: 'Hôtel de ville',
      service: 'DSI',
      tags: ['salle serveur', 'critique'],
      purchaseDate: '2021-03-15',
      retirementDate: '2025-06-30',
      status: 'retired',
      condition: 'refurbished',
      disposal: 'reuse_donation',
      datacenter: 'DC1',
      annualKwh: 1234.5,
      country: 'DE',
      lifetimeYears: 6.5,
      reference: 'SRV-001',
    })
    await insertItems(db, mine, [item])
    const page = await listItems(db, mine, { text: 'poweredge' }, 1, 10)
    expect(page.total).toBe(1)
    const stored = page.items[0]
    expect(stored).toEqual({ ...item, id: stored?.id, line: stored?.id })
  })

  it('filters by type, status, site, service, whole tag and text, and paginates', async () => {
    await insertItems(
      db,
      mine,
      Array.from({ length: 25 }, (_, index) =>
        inventoryItem({
          type: index % 2 === 0 ? 'laptop' : 'monitor',
          site: index < 10 ? 'Mairie' : 'Médiathèque',
          tags: index % 5 === 0 ? ['écoles', 'prêt'] : ['écoles-annexe'],
          model: `Modèle ${index}`,
        }),
      ),
    )
    expect((await listItems(db, mine, { type: 'monitor' }, 1, 100)).total).toBe(12)
    expect((await listItems(db, mine, { site: 'Mairie', type: 'laptop' }, 1, 100)).total).toBe(5)
    // "écoles" is a whole tag: "écoles-annexe" does not match it.
    expect((await listItems(db, mine, { tag: 'écoles' }, 1, 100)).total).toBe(5)
    expect((await listItems(db, mine, { tag: 'prêt' }, 1, 100)).total).toBe(5)
    expect((await listItems(db, mine, { status: 'retired' }, 1, 100)).total).toBe(1)
    const second = await listItems(db, mine, {}, 2, 10)
    expect(second.total).toBe(26)
    expect(second.pageCount).toBe(3)
    expect(second.items).toHaveLength(10)
    const facets = await inventoryFacets(db, mine)
    expect(facets.sites).toEqual(['Hôtel de ville', 'Mairie', 'Médiathèque'])
    expect(facets.tags).toEqual(['critique', 'écoles', 'écoles-annexe', 'prêt', 'salle serveur'])
  })

  it('never reads, changes or deletes another workspace’s item', async () => {
    const [item] = (await listItems(db, mine, {}, 1, 1)).items
    const id = item?.id as number
    expect(await findItem(db, theirs, id)).toBeUndefined()
    expect(await updateItem(db, theirs, id, inventoryItem({ quantity: 99 }))).toBe(false)
    expect(await deleteItem(db, theirs, id)).toBe(false)
    expect((await findItem(db, mine, id))?.quantity).toBe(item?.quantity)
    expect((await listItems(db, theirs, {}, 1, 10)).total).toBe(0)
  })

  it('walks a large inventory in id order across batches', async () => {
    const { workspaceId } = await insertTestWorkspace(db)
    const count = scanBatchSize * 2 + 7
    await insertItems(
      db,
      workspaceId,
      Array.from({ length: count }, (_, index) => inventoryItem({ quantity: (index % 3) + 1 })),
    )
    let seen = 0
    let previous = 0
    for await (const item of scanItems(db, workspaceId)) {
      expect(item.id).toBeGreaterThan(previous)
      previous = item.id
      seen++
    }
    expect(seen).toBe(count)
    const quantity = Array.from({ length: count }, (_, index) => (index % 3) + 1).reduce((a, b) => a + b)
    expect(await countItems(db, workspaceId)).toEqual({ items: count, quantity })
  })

  it('computes a workspace’s footprint from the database exactly as from memory', async () => {
    const { workspaceId } = await insertTestWorkspace(db, { agents: 200, population: 50_000 })
    const items = [
      inventoryItem({ type: 'laptop', quantity: 10, purchaseDate: '2023-01-01' }),
      inventoryItem({ type: 'server', datacenter: 'DC1', quantity: 2 }),
      inventoryItem({ type: 'monitor', site: 'Annexe', quantity: 5 }),
    ]
    await insertItems(db, workspaceId, items)
    const datacenter = { shortName: 'DC1', longName: 'Salle principale', pue: 1.6, country: 'FR' }
    await saveDatacenter(db, workspaceId, datacenter)
    expect(await listDatacenters(db, workspaceId)).toEqual([{ ...datacenter, id: expect.any(Number) }])
    const base = await defaultFactorBase(db)
    const fromDb = await computeWorkspaceFootprint(db, workspaceId, { year: 2025 })
    const stored = (await listItems(db, workspaceId, {}, 1, 10)).items
    const inMemory = computeFootprint(stored, [datacenter], base, {
      method: 'stock',
      year: 2025,
      agents: 200,
      inhabitants: 50_000,
    })
    expect(fromDb).toEqual(inMemory)
    expect(fromDb.perAgent?.count).toBe(200)
    expect(fromDb.total.quantity).toBe(17)
  })
})

describe.each(testDialects())('factor bases in the database on %s', (dialect) => {
  let database: TestDatabase
  let db: Kysely<Database>

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    db = database.db
  })
  afterAll(() => database.dispose())

  it('holds the bundled base, and a workspace’s own base is seen by that workspace only', async () => {
    const base = await defaultFactorBase(db)
    expect(base.id).toBe('ademe-negaoctet-2022')
    const one = (await insertTestWorkspace(db)).workspaceId
    const other = (await insertTestWorkspace(db)).workspaceId
    const own = { ...base, id: `espace-${one}-copie`, version: '1', title: 'Notre copie' }
    await publishFactorBase(db, own, 'workspace', { actorId: null, workspaceId: one })
    expect(await loadFactorBase(db, own.id, '1', one)).toEqual(own)
    expect(await loadFactorBase(db, own.id, '1', other)).toBeUndefined()
    expect(await loadFactorBase(db, own.id, '1', null)).toBeUndefined()
    expect((await listFactorBases(db, one)).map((summary) => summary.id)).toContain(own.id)
    expect((await listFactorBases(db, other)).map((summary) => summary.id)).not.toContain(own.id)
    await expect(
      publishFactorBase(db, own, 'workspace', { actorId: null, workspaceId: one }),
    ).rejects.toThrow(FactorBaseVersionTaken)
  })

  it('gives the default base and stock until a workspace chooses, then its choice', async () => {
    const { workspaceId } = await insertTestWorkspace(db)
    const before = await footprintSettings(db, workspaceId)
    expect(before).toMatchObject({ method: 'stock', chosen: false })
    await saveFootprintSettings(db, workspaceId, {
      baseId: before.base.id,
      baseVersion: before.base.version,
      method: 'flux',
    })
    expect(await footprintSettings(db, workspaceId)).toMatchObject({ method: 'flux', chosen: true })
  })
})
