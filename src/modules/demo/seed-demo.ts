import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { datasetLoad, insertTerritories, recordDatasetLoad } from '../territories/load-territories.js'
import { demoDataset, demoDeclarations, demoTerritories } from './demo-territories.js'

/** Adds the demonstration territories once; returns whether it did. */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  if (await datasetLoad(db, demoDataset.id)) return false
  await db.transaction().execute(async (trx) => {
    const count = await insertTerritories(trx, demoTerritories)
    for (const declaration of demoDeclarations) {
      const territory = await trx
        .selectFrom('territories')
        .select('id')
        .where('kind', '=', 'commune')
        .where('code', '=', declaration.code)
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('territory_declarations')
        .values({
          territory_id: territory.id,
          agents_fte: declaration.agentsFte,
          annual_purchases_cents: declaration.annualPurchasesCents,
          updated_at: new Date().toISOString(),
        })
        .execute()
    }
    await recordDatasetLoad(trx, demoDataset.id, demoDataset.vintage, count)
  })
  return true
}
