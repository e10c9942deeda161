/**
 * Territory search latency: 1,000 random but realistic queries (prefixes of real names as typed,
 * with or without accents and capitals, INSEE codes, SIREN, postcodes, whole or partial), each run
 * through searchTerritories on a loaded database, as the search page does (folded, first page of 20).
 * SQLite; and PostgreSQL when BENCH_DATABASE_URL is set. Target: p95 ≤ 20 ms.
 */
import { foldForSearch } from '../src/lib/text.js'
import { searchTerritories } from '../src/modules/territories/territories.queries.js'
import { minimumQueryLength, searchPageSize } from '../src/modules/territories/territories.schemas.js'
import { type BenchDatabase, migrateAndLoad, onEachDatabase } from './support/databases.js'
import {
  envInteger,
  type Figure,
  heading,
  isMainModule,
  ms,
  note,
  percentile,
  report,
  runAlone,
} from './support/report.js'

const bench = 'search'
const targetP95Ms = 20
const warmUpQueries = 50
/** Bound on the measured loop, whatever the number of queries. */
const maxMeasureMs = 120_000

/** Small seeded generator (mulberry32): the same queries on every run and on both databases. */
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

interface Source {
  name: string
  code: string
  siren: string | null
  postcodes: string | null
}

type QueryKind = 'name' | 'name-plain' | 'later-word' | 'insee' | 'siren' | 'postcode'

interface Query {
  kind: QueryKind
  typed: string
  folded: string
}

/** What a person types without accents or capitals: "saint-etienne". */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

function buildQueries(sources: readonly Source[], count: number, seed: number): Query[] {
  const random = randomGenerator(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const prefix = (text: string) => text.slice(0, Math.min(text.length, between(2, 12)))
  const whole = () => random() < 0.7
  const withSiren = sources.filter((source) => source.siren)
  const withPostcodes = sources.filter((source) => source.postcodes)
  const queries: Query[] = []
  for (let attempt = 0; queries.length < count && attempt < count * 20; attempt++) {
    const draw = random()
    let kind: QueryKind
    let typed: string
    if (draw < 0.45) {
      kind = 'name'
      typed = prefix(pick(sources).name)
    } else if (draw < 0.6) {
      kind = 'name-plain'
      typed = prefix(plain(pick(sources).name))
    } else if (draw < 0.7) {
      kind = 'later-word'
      const words = pick(sources)
        .name.split(/[\s'’-]+/)
        .filter((word) => word.length >= 2)
      typed = prefix(
        words.length > 1 ? (words.slice(1).find((word) => word.length > 3) ?? pick(words)) : pick(words),
      )
    } else if (draw < 0.8) {
      kind = 'insee'
      const code = pick(sources).code
      typed = whole() ? code : code.slice(0, between(2, code.length))
    } else if (draw < 0.88) {
      kind = 'siren'
      const siren = pick(withSiren).siren as string
      typed = whole() ? siren : siren.slice(0, between(3, 8))
    } else {
      kind = 'postcode'
      const postcode = pick((pick(withPostcodes).postcodes as string).split(' '))
      typed = whole() ? postcode : postcode.slice(0, between(2, 4))
    }
    const folded = foldForSearch(typed)
    // The search page does not run shorter queries.
    if (folded.length >= minimumQueryLength) queries.push({ kind, typed, folded })
  }
  return queries
}

interface Timed {
  query: Query
  ms: number
  total: number
}

async function measure(open: () => Promise<BenchDatabase>, count: number, seed: number): Promise<Figure[]> {
  const database = await open()
  const { label } = database
  try {
    const { loadMs } = await migrateAndLoad(database)
    const { db } = database.handle
    const sources = await db
      .selectFrom('territories')
      .select(['name', 'code', 'siren', 'postcodes'])
      .where('is_demo', '=', 0)
      .orderBy('id')
      .execute()
    note(
      `[${label}] territories loaded in ${(loadMs / 1000).toFixed(2)} s; ${sources.length} names to draw from`,
    )
    const search = (query: Query) =>
      searchTerritories(db, { folded: query.folded, page: 1, pageSize: searchPageSize })

    for (const query of buildQueries(sources, warmUpQueries, seed + 1)) await search(query)

    const queries = buildQueries(sources, count, seed)
    const timed: Timed[] = []
    const started = performance.now()
    for (const query of queries) {
      if (performance.now() - started > maxMeasureMs) {
        note(`[${label}] stopped after ${timed.length} queries (time bound ${maxMeasureMs / 1000} s)`)
        break
      }
      const before = performance.now()
      const page = await search(query)
      timed.push({ query, ms: performance.now() - before, total: page.total })
    }
    const sorted = timed.map((entry) => entry.ms).sort((a, b) => a - b)
    const p95 = percentile(sorted, 95)
    const byKind = new Map<QueryKind, number[]>()
    for (const entry of timed)
      byKind.set(entry.query.kind, [...(byKind.get(entry.query.kind) ?? []), entry.ms])
    for (const [kind, times] of byKind) {
      const kindSorted = times.sort((a, b) => a - b)
      note(
        `[${label}] ${kind.padEnd(10)} ${String(times.length).padStart(4)} queries  p50 ${ms(percentile(kindSorted, 50))}  p95 ${ms(percentile(kindSorted, 95))}  max ${ms(kindSorted.at(-1) ?? Number.NaN)}`,
      )
    }
    const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 5)
    note(
      `[${label}] slowest: ${slowest.map((entry) => `"${entry.query.typed}" (${entry.total} matches) ${ms(entry.ms)}`).join(', ')}`,
    )
    return [
      report({
        bench,
        database: label,
        measure: `${timed.length} queries p50 / p99 / max`,
        value: `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 99))} / ${ms(sorted.at(-1) ?? Number.NaN)}`,
      }),
      report({
        bench,
        database: label,
        measure: `${timed.length} queries p95`,
        value: ms(p95),
        target: `≤ ${targetP95Ms} ms`,
        met: p95 <= targetP95Ms,
      }),
    ]
  } finally {
    await database.dispose()
  }
}

export async function run(): Promise<Figure[]> {
  heading('Territory search latency (searchTerritories, direct calls)')
  const count = envInteger('BENCH_SEARCH_QUERIES', 1000, 10, 100_000)
  const seed = envInteger('BENCH_SEED', 20_260_101, 0, 2 ** 31)
  note(`${count} queries, seed ${seed} (BENCH_SEED), after ${warmUpQueries} warm-up queries`)
  return onEachDatabase(bench, (open) => measure(open, count, seed))
}

if (isMainModule(import.meta.url)) await runAlone(run)
