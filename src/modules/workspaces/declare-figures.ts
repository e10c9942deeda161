import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.js'
import { decimalInput } from '../../lib/decimal-input.js'
import { recordAudit } from '../audit/record-audit.js'

const figure = (max: number) =>
  z.preprocess(
    decimalInput,
    z.coerce
      .number({ error: 'form.number.invalid' })
      .min(0, 'form.number.invalid')
      .max(max, 'form.number.invalid')
      .optional(),
  )

export const declaredFiguresSchema = z.object({
  agents: figure(10_000_000),
  purchases: figure(1_000_000_000_000),
})

/** Saves the staff and purchasing figures a territory declares, with their audit entry, atomically. */
export async function declareFigures(
  db: Kysely<Database>,
  input: {
    workspaceId: number
    territoryId: number
    actorId: number
    agents: number | undefined
    purchasesEur: number | undefined
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('territory_declarations')
      .select(['agents_fte', 'annual_purchases_cents'])
      .where('territory_id', '=', input.territoryId)
      .executeTakeFirst()
    const values = {
      agents_fte: input.agents ?? null,
      annual_purchases_cents: input.purchasesEur === undefined ? null : Math.round(input.purchasesEur * 100),
      updated_at: new Date().toISOString(),
    }
    await trx
      .insertInto('territory_declarations')
      .values({ territory_id: input.territoryId, ...values })
      .onConflict((conflict) => conflict.column('territory_id').doUpdateSet(values))
      .execute()
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'declared_figures',
      entityId: input.territoryId,
      action: before ? 'update' : 'create',
      before: before ?? undefined,
      after: { agents_fte: values.agents_fte, annual_purchases_cents: values.annual_purchases_cents },
    })
  })
}
