import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { listDatacenters, scanItems } from '../inventory/inventory.queries.js'
import {
  createFootprintAccumulator,
  type ElectricityFactors,
  type FootprintMethod,
  type FootprintResult,
} from './compute-footprint.js'
import type { FactorBase } from './factor-base.schemas.js'
import { footprintSettings } from './factor-bases.store.js'

type Db = Kysely<Database> | Transaction<Database>

/** The denominators of the per-agent and per-inhabitant figures, with where they come from. */
export interface WorkspaceHeadcount {
  /** Agents (FTE) declared on the territory page; null when not declared. */
  agents: number | null
  /** The territory's population (total when known, else municipal); null when unknown. */
  inhabitants: number | null
  populationSource: string | null
}

export async function workspaceHeadcount(db: Db, workspaceId: number): Promise<WorkspaceHeadcount> {
  const row = await db
    .selectFrom('workspaces')
    .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
    .leftJoin('territory_declarations', 'territory_declarations.territory_id', 'territories.id')
    .select([
      'territory_declarations.agents_fte',
      'territories.population_total',
      'territories.population_municipal',
      'territories.population_source',
    ])
    .where('workspaces.id', '=', workspaceId)
    .executeTakeFirst()
  return {
    agents: row?.agents_fte ?? null,
    inhabitants: row?.population_total ?? row?.population_municipal ?? null,
    populationSource: row?.population_source ?? null,
  }
}

export interface WorkspaceFootprintOptions {
  year: number
  /** The workspace's setting when absent. */
  method?: FootprintMethod
  /** The workspace's base when absent. */
  base?: FactorBase
  electricityFactors?: ElectricityFactors
}

/**
 * A workspace's footprint for a year, computed from its stored inventory: items are streamed from
 * the database into the engine's accumulator, so memory stays bounded whatever the inventory size.
 */
export async function computeWorkspaceFootprint(
  db: Db,
  workspaceId: number,
  options: WorkspaceFootprintOptions,
): Promise<FootprintResult> {
  const settings = options.base && options.method ? null : await footprintSettings(db, workspaceId)
  const base = options.base ?? (settings as NonNullable<typeof settings>).base
  const method = options.method ?? (settings as NonNullable<typeof settings>).method
  const [datacenters, headcount] = await Promise.all([
    listDatacenters(db, workspaceId),
    workspaceHeadcount(db, workspaceId),
  ])
  const accumulator = createFootprintAccumulator(base, datacenters, {
    method,
    year: options.year,
    agents: headcount.agents,
    inhabitants: headcount.inhabitants,
    ...(options.electricityFactors ? { electricityFactors: options.electricityFactors } : {}),
  })
  for await (const item of scanItems(db, workspaceId, { forEngine: true })) accumulator.add(item)
  return accumulator.result()
}
