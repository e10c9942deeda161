import { z } from 'zod'
import { dateKey, Period, periodOf } from '../compute-footprint.js'
import { type DeviceType, deviceTypes, type InventoryItem } from '../inventory-item.js'
import type { Scenario } from '../scenarios.js'

/**
 * What `footprint_scenarios.content` holds: the scenario as scenarios.ts defines it, the levers the
 * form offers that the scenario format has no word for, and the base it was made with.
 *
 * « N % fewer devices » is kept as a share, not turned into a number of devices when saved: the
 * devices in use change from year to year, and a share keeps its meaning in every year. It becomes
 * the scenario's `fewerDevices.<type>.remove` for the year computed (scenarioForYear).
 */
export interface StoredScenario {
  scenario: Scenario
  /** Type → share (0–1) of the devices in use to take away, after the per-agent cap if any. */
  fewerShare: Partial<Record<DeviceType, number>>
  base: { id: string; version: string }
}

const storedSchema = z.object({
  scenario: z.record(z.string(), z.unknown()),
  fewerShare: z.record(z.string(), z.number().min(0).max(1)).default({}),
  base: z.object({ id: z.string(), version: z.string() }),
})

/**
 * Reads a stored content back. The scenario itself is left as read: it is checked against the
 * base it is computed with (parseScenario), which may not be the one it was made with.
 */
export function readStoredScenario(content: string): StoredScenario {
  const parsed = storedSchema.parse(JSON.parse(content))
  const fewerShare: StoredScenario['fewerShare'] = {}
  for (const [type, share] of Object.entries(parsed.fewerShare))
    if ((deviceTypes as readonly string[]).includes(type)) fewerShare[type as DeviceType] = share
  return { scenario: parsed.scenario as Scenario, fewerShare, base: parsed.base }
}

export function writeStoredScenario(stored: StoredScenario): string {
  return JSON.stringify(stored)
}

/** The devices of each type in use during the year, as applyScenario counts them for fewerDevices. */
export function devicesInUse(items: Iterable<InventoryItem>, year: number): Map<DeviceType, number> {
  const yearStart = year * 10000 + 101
  const nextYearStart = (year + 1) * 10000 + 101
  const counts = new Map<DeviceType, number>()
  for (const item of items) {
    if (item.status === 'in_stock') continue
    const period = periodOf(
      item.status,
      dateKey(item.purchaseDate),
      dateKey(item.retirementDate),
      yearStart,
      nextYearStart,
    )
    if (period !== Period.Counted) continue
    counts.set(item.type, (counts.get(item.type) ?? 0) + item.quantity)
  }
  return counts
}

export interface YearScenario {
  scenario: Scenario
  /** Type → devices the share takes away in that year (after the per-agent cap). */
  removedByShare: Partial<Record<DeviceType, number>>
}

/**
 * The scenario for a year: each « N % fewer » share becomes a number of devices to remove, N % of the
 * devices of the type in use that year (after the per-agent cap when there is one), rounded to the
 * nearest whole device. Everything else is the stored scenario as it is.
 */
export function scenarioForYear(
  stored: StoredScenario,
  inUse: ReadonlyMap<DeviceType, number>,
  agents: number | null,
): YearScenario {
  const entries = Object.entries(stored.fewerShare) as [DeviceType, number][]
  if (entries.length === 0) return { scenario: stored.scenario, removedByShare: {} }
  const fewer: NonNullable<Scenario['fewerDevices']> = { ...stored.scenario.fewerDevices }
  const removedByShare: YearScenario['removedByShare'] = {}
  for (const [type, share] of entries) {
    if (share <= 0) continue
    const count = inUse.get(type) ?? 0
    const perAgent = fewer[type]?.perAgent
    const cap =
      perAgent !== undefined && agents !== null && agents > 0
        ? Math.min(count, Math.floor(perAgent * agents + 1e-9))
        : count
    const remove = Math.round(share * cap)
    removedByShare[type] = remove
    fewer[type] = { ...fewer[type], remove: (fewer[type]?.remove ?? 0) + remove }
  }
  return { scenario: { ...stored.scenario, fewerDevices: fewer }, removedByShare }
}
