import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { listDatacenters, type StoredDatacenter, scanItems } from '../../inventory/inventory.queries.js'
import type { FootprintMethod, FootprintResult } from '../compute-footprint.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { type FootprintSettings, footprintSettings } from '../factor-bases.store.js'
import type { DeviceType, InventoryItem } from '../inventory-item.js'
import { compareScenario, parseScenario, type Scenario, type ScenarioComparison } from '../scenarios.js'
import { type WorkspaceHeadcount, workspaceHeadcount } from '../workspace-footprint.js'
import { devicesInUse, type StoredScenario, scenarioForYear } from './stored-scenario.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * What a comparison needs from a workspace: its inventory, read once, its datacenters, headcount,
 * and the base and method it computes with.
 *
 * The inventory is held in memory (about 480 bytes an item: some 50 MB for 100,000), not streamed
 * into two accumulators: applyScenario needs the whole inventory (« fewer devices » takes the
 * largest lines first) and compareScenario applies the refurbished lever to the items after the
 * engine, so a one-pass stream would have to rewrite both. Reading it once with scanItems (keyset
 * batches) and computing every scenario of the page from the same array keeps the database work
 * to one pass whatever the number of scenarios.
 */
export interface ScenarioInputs {
  items: InventoryItem[]
  datacenters: StoredDatacenter[]
  headcount: WorkspaceHeadcount
  base: FactorBase
  method: FootprintMethod
  /** Devices in use per type, per year asked (for the « N % fewer » lever). */
  inUse: (year: number) => ReadonlyMap<DeviceType, number>
}

/** `known`: the settings and headcount the caller has read already (not read again). */
export async function loadScenarioInputs(
  db: Db,
  workspaceId: number,
  known?: { settings: FootprintSettings; headcount: WorkspaceHeadcount },
): Promise<ScenarioInputs> {
  const [settings, datacenters, headcount] = await Promise.all([
    known?.settings ?? footprintSettings(db, workspaceId),
    listDatacenters(db, workspaceId),
    known?.headcount ?? workspaceHeadcount(db, workspaceId),
  ])
  const items: InventoryItem[] = []
  for await (const item of scanItems(db, workspaceId)) items.push(item)
  const inUseByYear = new Map<number, ReadonlyMap<DeviceType, number>>()
  return {
    items,
    datacenters,
    headcount,
    base: settings.base,
    method: settings.method,
    inUse: (year) => {
      let counts = inUseByYear.get(year)
      if (!counts) {
        counts = devicesInUse(items, year)
        inUseByYear.set(year, counts)
      }
      return counts
    },
  }
}

export type StoredComparison =
  | {
      ok: true
      comparison: ScenarioComparison
      /** The scenario as computed for the year (the « N % fewer » shares turned into devices). */
      scenario: Scenario
      removedByShare: Partial<Record<DeviceType, number>>
    }
  | {
      ok: false
      /** The scenario no longer fits the base it is computed with (in French, with their paths). */
      problems: string[]
      /** It asks for devices per agent and the workspace has declared no agents. */
      agentsMissing: boolean
    }

/** A stored scenario against the baseline, for a year, with the workspace's current base. */
export function compareStoredScenario(
  inputs: ScenarioInputs,
  stored: StoredScenario,
  year: number,
): StoredComparison {
  const checked = parseScenario(stored.scenario, inputs.base)
  if (!checked.success)
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => `${issue.path.join('.')} : ${issue.message}`),
      agentsMissing: false,
    }
  const agents = inputs.headcount.agents
  const needsAgents = Object.values(checked.data.fewerDevices ?? {}).some(
    (rule) => rule?.perAgent !== undefined,
  )
  if (needsAgents && (agents === null || agents <= 0)) return { ok: false, problems: [], agentsMissing: true }
  const { scenario, removedByShare } = scenarioForYear(
    { ...stored, scenario: checked.data },
    inputs.inUse(year),
    agents,
  )
  const comparison = compareScenario(
    inputs.items,
    inputs.datacenters,
    inputs.base,
    {
      method: inputs.method,
      year,
      agents,
      inhabitants: inputs.headcount.inhabitants,
    },
    scenario,
  )
  return { ok: true, comparison, scenario, removedByShare }
}

/** The criterion the headline figures use: climate when the base has it, else its first. */
export function headlineCriterion(result: FootprintResult) {
  return result.criteria.find((criterion) => criterion.id === 'climate') ?? result.criteria[0]
}
