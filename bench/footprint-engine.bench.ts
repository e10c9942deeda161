/**
 * The footprint engine's throughput: `computeFootprint` over 100,000 and 1,000,000 synthetic but
 * typical inventory items (the type mix of a local authority, 40 sites, 25 services, 0–2 of 12
 * tags, dates spread over ten years, a fifth without purchase date, some stored, retired, hosted in
 * a datacenter, measured or abroad), with the bundled default base. Every string is built per item,
 * as a file reader would, so map lookups hash fresh strings as they would in production.
 * Stock method (target ≥ 1,000,000 items/s on the 2-core machine) and flux: the first run (as a
 * one-off import would see it) and the median of the next ones; then the stock method through
 * `createFootprintAccumulator`, fed one item at a time from a generator, as a streaming file reader
 * feeds it (a sync generator: the engine and the generator protocol; an async one: what an async
 * reader adds per item). Peak RSS of the process (the items themselves included). No database.
 * BENCH_FOOTPRINT_ITEMS changes the larger size.
 */
import {
  computeFootprint,
  createFootprintAccumulator,
  type FootprintOptions,
} from '../src/modules/footprint/compute-footprint.js'
import { findFactorBase } from '../src/modules/footprint/factor-bases.js'
import type {
  Datacenter,
  DeviceType,
  InventoryItem,
  ItemStatus,
} from '../src/modules/footprint/inventory-item.js'
import {
  envInteger,
  type Figure,
  heading,
  isMainModule,
  median,
  note,
  report,
  runAlone,
} from './support/report.js'

const bench = 'footprint-engine'
const targetItemsPerSecond = 1_000_000
const year = 2025

/** Small seeded generator (mulberry32): the same inventory on every run. */
function randomGenerator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A local authority's mix, in per cent (sums to 100). */
const typeMix: [DeviceType, number][] = [
  ['laptop', 30],
  ['desktop', 14],
  ['monitor', 22],
  ['smartphone', 16],
  ['tablet', 4],
  ['printer', 4],
  ['video_projector', 2],
  ['display', 1],
  ['server', 2],
  ['network_switch', 2],
  ['firewall', 0.5],
  ['router', 0.5],
  ['storage', 1],
  ['other', 1],
]
const datacenterTypes = new Set<DeviceType>(['server', 'storage', 'network_switch', 'firewall', 'router'])
export const datacenters: Datacenter[] = [
  { shortName: 'DC-Mairie', longName: 'Salle serveur de la mairie', pue: 1.8, country: 'FR' },
  { shortName: 'DC-Mutualise', longName: 'Centre de données mutualisé', pue: 1.4, country: 'FR' },
]

const pad = (value: number) => (value < 10 ? `0${value}` : String(value))

/** Exported for profiling scripts. */
export function generateItems(count: number, seed: number): InventoryItem[] {
  const random = randomGenerator(seed)
  const cumulative: [DeviceType, number][] = []
  let running = 0
  for (const [type, share] of typeMix) {
    running += share / 100
    cumulative.push([type, running])
  }
  const pickType = (): DeviceType => {
    const draw = random()
    for (const [type, upTo] of cumulative) if (draw < upTo) return type
    return 'other'
  }
  const date = (fromYear: number, toYear: number) =>
    `${fromYear + Math.floor(random() * (toYear - fromYear + 1))}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`
  const items: InventoryItem[] = new Array(count)
  for (let index = 0; index < count; index++) {
    const type = pickType()
    const draw = random()
    const status: ItemStatus = draw < 0.9 ? 'in_use' : draw < 0.95 ? 'in_stock' : 'retired'
    const purchaseDate = random() < 0.2 ? null : date(2015, 2025)
    const retirementDate =
      status === 'retired' || random() < 0.05
        ? date(purchaseDate ? Number(purchaseDate.slice(0, 4)) + 1 : 2020, 2026)
        : null
    const tagCount = random() < 0.4 ? 0 : random() < 0.75 ? 1 : 2
    const tags: string[] = []
    for (let k = 0; k < tagCount; k++) tags.push(`étiquette ${1 + Math.floor(random() * 12)}`)
    items[index] = {
      line: index + 2,
      type,
      model: null,
      quantity: random() < 0.9 ? 1 : 2 + Math.floor(random() * 9),
      site: `Site ${1 + Math.floor(random() * 40)}`,
      service: random() < 0.05 ? null : `Service ${1 + Math.floor(random() * 25)}`,
      tags,
      purchaseDate,
      retirementDate,
      status,
      condition: random() < 0.1 ? 'refurbished' : 'new',
      disposal: null,
      datacenter: datacenterTypes.has(type)
        ? (datacenters[random() < 0.5 ? 0 : 1] as Datacenter).shortName.slice(0)
        : null,
      annualKwh: random() < 0.05 ? Math.round(random() * 500) : null,
      country: random() < 0.02 ? 'BE' : 'FR',
      lifetimeYears: random() < 0.1 ? 3 + Math.floor(random() * 6) : null,
    }
  }
  return items
}

/** Rows of an array, one at a time, as a reader yields them. */
function* rows(items: readonly InventoryItem[]): Generator<InventoryItem, void, undefined> {
  for (let index = 0; index < items.length; index++) yield items[index] as InventoryItem
}

async function* asyncRows(items: readonly InventoryItem[]): AsyncGenerator<InventoryItem, void, undefined> {
  for (let index = 0; index < items.length; index++) yield items[index] as InventoryItem
}

const rate = (count: number, milliseconds: number) => Math.round(count / (milliseconds / 1000))
const perSecond = (value: number) => `${value.toLocaleString('en-US')} items/s`
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

function defaultBase() {
  const base = findFactorBase()
  if (!base) throw new Error('the default factor base is not shipped')
  return base
}

/** How the items reach the engine: the array to computeFootprint, or one at a time to an accumulator. */
type Feed = 'array' | 'generator' | 'async generator'

/** The first run (code not yet optimised, strings not yet hashed: a one-off import) and the median of the next. */
async function measure(
  items: readonly InventoryItem[],
  options: FootprintOptions,
  runs: number,
  feed: Feed = 'array',
): Promise<{ first: number; median: number }> {
  const base = defaultBase()
  const times: number[] = []
  for (let run = 0; run <= runs; run++) {
    const started = performance.now()
    if (feed === 'array') computeFootprint(items, datacenters, base, options)
    else {
      const accumulator = createFootprintAccumulator(base, datacenters, options)
      if (feed === 'generator') for (const item of rows(items)) accumulator.add(item)
      else for await (const item of asyncRows(items)) accumulator.add(item)
      accumulator.result()
    }
    times.push(performance.now() - started)
  }
  return { first: times[0] as number, median: median(times.slice(1)) }
}

export async function run(): Promise<Figure[]> {
  heading('Footprint engine (computeFootprint and its accumulator, in memory)')
  const seed = envInteger('BENCH_SEED', 20_260_101, 0, 2 ** 31)
  const largest = envInteger('BENCH_FOOTPRINT_ITEMS', 1_000_000, 1000, 5_000_000)
  const sizes = [...new Set([Math.min(100_000, largest), largest])]
  const figures: Figure[] = []
  const target = `≥ ${perSecond(targetItemsPerSecond)}`

  for (const size of sizes) {
    const generationStarted = performance.now()
    let items: InventoryItem[] | null = generateItems(size, seed)
    const runs = size > 200_000 ? 3 : 7
    note(
      `${size.toLocaleString('en-US')} items generated in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s (seed ${seed}); RSS ${megabytes(process.memoryUsage().rss)}; ${runs} runs per method after a first one`,
    )
    const stock = await measure(items, { method: 'stock', year }, runs)
    const flux = await measure(items, { method: 'flux', year }, runs)
    const generator = await measure(items, { method: 'stock', year }, runs, 'generator')
    const asyncGenerator = await measure(items, { method: 'stock', year }, runs, 'async generator')
    const stockRate = rate(size, stock.median)
    const generatorRate = rate(size, generator.median)
    const count = size.toLocaleString('en-US')
    figures.push(
      report({
        bench,
        database: '-',
        measure: `stock, ${count} items (median ${stock.median.toFixed(0)} ms)`,
        value: perSecond(stockRate),
        target,
        met: stockRate >= targetItemsPerSecond,
      }),
      report({
        bench,
        database: '-',
        measure: `stock, ${count} items, first run (${stock.first.toFixed(0)} ms)`,
        value: perSecond(rate(size, stock.first)),
      }),
      report({
        bench,
        database: '-',
        measure: `flux, ${count} items (median ${flux.median.toFixed(0)} ms)`,
        value: perSecond(rate(size, flux.median)),
      }),
      report({
        bench,
        database: '-',
        measure: `stock, ${count} items, accumulator fed one at a time by a generator (median ${generator.median.toFixed(0)} ms)`,
        value: perSecond(generatorRate),
        target,
        met: generatorRate >= targetItemsPerSecond,
      }),
      report({
        bench,
        database: '-',
        measure: `stock, ${count} items, accumulator fed by an async generator (median ${asyncGenerator.median.toFixed(0)} ms)`,
        value: perSecond(rate(size, asyncGenerator.median)),
      }),
      report({
        bench,
        database: '-',
        measure: `peak RSS of the process after ${count} items`,
        // maxRSS is in kilobytes; it includes the generated items themselves.
        value: megabytes(process.resourceUsage().maxRSS * 1024),
      }),
    )
    items = null
  }
  return figures
}

if (isMainModule(import.meta.url)) await runAlone(run)
