import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqliteConnectionInTransaction } from '../../../db/database.js'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { openTestDatabase, type TestDatabase, testDialects } from '../../../test-support/test-databases.js'
import { insertTestWorkspace } from '../../../test-support/test-workspaces.js'
import type { InventoryItem } from '../../footprint/inventory-item.js'
import { insertItems, scanItems } from '../inventory.queries.js'
import { insertItemsBulk } from './bulk-insert.js'

/** Varied items: every optional field set or not, decimals, quotes, accents, long text. */
function items(count: number): InventoryItem[] {
  return Array.from({ length: count }, (_, index) =>
    inventoryItem({
      type: index % 3 === 0 ? 'server' : 'laptop',
      model: index % 4 === 0 ? null : `Modèle "${index}" l'été ${'x'.repeat(index % 50)}`,
      quantity: 1 + (index % 7),
      site: index % 5 === 0 ? null : `Site ${index % 3}`,
      service: index % 2 === 0 ? 'DSI' : null,
      tags: index % 3 === 0 ? ['agents', 'télétravail'] : [],
      purchaseDate: index % 6 === 0 ? null : '2021-03-04',
      retirementDate: index % 9 === 0 ? '2024-01-02' : null,
      status: index % 9 === 0 ? 'retired' : 'in_use',
      condition: index % 4 === 1 ? 'refurbished' : 'new',
      disposal: index % 9 === 0 ? 'recycling' : null,
      datacenter: index % 3 === 0 ? 'DC1' : null,
      annualKwh: index % 5 === 1 ? 1450.25 + index : null,
      country: index % 11 === 0 ? 'DE' : 'FR',
      lifetimeYears: index % 8 === 0 ? 6.5 : null,
      reference: index % 2 === 0 ? `REF-${index}` : null,
    }),
  )
}

describe.each(testDialects())('bulk insert of imported items on %s', (dialect) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(dialect)
  })
  afterAll(async () => {
    await database.dispose()
  })

  const stored = async (workspaceId: number) => {
    const rows: unknown[] = []
    for await (const { id: _id, line: _line, ...item } of scanItems(database.db, workspaceId)) rows.push(item)
    return rows
  }

  it('stores exactly what insertItems stores, across statement boundaries (80 rows on SQLite)', async () => {
    const list = items(243)
    const viaKysely = (await insertTestWorkspace(database.db)).workspaceId
    const viaBulk = (await insertTestWorkspace(database.db)).workspaceId
    await insertItems(database.db, viaKysely, list, null)
    await database.db.transaction().execute((trx) => insertItemsBulk(trx, viaBulk, list, 7))
    const expected = await stored(viaKysely)
    expect(expected).toHaveLength(243)
    expect(await stored(viaBulk)).toEqual(expected)
    const importIds = await database.db
      .selectFrom('inventory_items')
      .select('import_id')
      .distinct()
      .where('workspace_id', '=', viaBulk)
      .execute()
    expect(importIds).toEqual([{ import_id: 7 }])
    // SQLite's direct path (the connection the transaction holds) stores the same rows too.
    const direct = sqliteConnectionInTransaction(database.db)
    if (direct) {
      const viaDirect = (await insertTestWorkspace(database.db)).workspaceId
      await database.db.transaction().execute((trx) => insertItemsBulk(trx, viaDirect, list, 7, direct))
      expect(await stored(viaDirect)).toEqual(expected)
    } else expect(dialect).toBe('postgres')
  })

  it('inserts nothing for no items, and rolls back with its transaction', async () => {
    const { workspaceId } = await insertTestWorkspace(database.db)
    await insertItemsBulk(database.db, workspaceId, [], null)
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertItemsBulk(trx, workspaceId, items(100), null)
        await insertItemsBulk(trx, workspaceId, items(100), null, sqliteConnectionInTransaction(database.db))
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect(await stored(workspaceId)).toEqual([])
  })
})
