import { availableParallelism, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCleanups } from './processes.js'

/** One printed figure. `met` is set when the figure has a target. */
export interface Figure {
  bench: string
  database: string
  measure: string
  value: string
  target?: string
  met?: boolean
}

/** Prints one figure as it is measured, and returns it for the summary. */
export function report(figure: Figure): Figure {
  const target = figure.target ? `  (target ${figure.target}: ${figure.met ? 'MET' : 'MISSED'})` : ''
  console.log(`  [${figure.database}] ${figure.measure}: ${figure.value}${target}`)
  return figure
}

export function note(text: string): void {
  console.log(`  ${text}`)
}

export function heading(text: string): void {
  console.log(`\n== ${text}`)
  console.log(`  ${machineLoad()}`)
}

/** The figures depend on what else runs: shown with each bench. */
export function machineLoad(): string {
  const [one, five] = loadavg()
  return `machine: ${availableParallelism()} cores, load average ${one?.toFixed(2)} (1 min) ${five?.toFixed(2)} (5 min)`
}

/** Value at the given percentile (0–100) of an ascending list, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

export const ms = (value: number) => `${value.toFixed(2)} ms`
export const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`

/** The PostgreSQL URL for the PostgreSQL figures, if any. */
export function benchDatabaseUrl(): string | undefined {
  const url = process.env.BENCH_DATABASE_URL?.trim()
  if (!url) return undefined
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error('BENCH_DATABASE_URL must start with postgres:// or postgresql://')
  return url
}

/** A positive integer from the environment, within bounds, or the default. */
export function envInteger(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (!raw) return fallback
  const value = Number.parseInt(raw, 10)
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be an integer in [${min}, ${max}]`)
  return value
}

/**
 * Runs the PostgreSQL part of a bench: its failure (database unreachable…) is one printed figure,
 * so the SQLite figures of the same bench are kept.
 */
export async function postgresFigures(bench: string, measure: () => Promise<Figure[]>): Promise<Figure[]> {
  try {
    return await measure()
  } catch (error) {
    const message = ((error as Error)?.message ?? String(error)).split('\n')[0] ?? ''
    process.exitCode = 1
    return [report({ bench, database: 'PostgreSQL', measure: 'could not run', value: message })]
  }
}

/** Prints figures as a table. */
export function printTable(figures: readonly Figure[]): void {
  const header = ['bench', 'db', 'measure', 'value', 'target', 'met']
  const rows = figures.map((figure) => [
    figure.bench,
    figure.database,
    figure.measure,
    figure.value,
    figure.target ?? '',
    figure.met === undefined ? '' : figure.met ? 'yes' : 'NO',
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  for (const row of rows) console.log(line(row))
}

/** True when this module is the script node was started with (`node dist/bench/<name>.js`). */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1]
  return script !== undefined && resolve(script) === fileURLToPath(moduleUrl)
}

/** Runs one bench on its own: prints its figures, cleans up, exit code 1 only if it could not run. */
export async function runAlone(run: () => Promise<Figure[]>): Promise<void> {
  try {
    const figures = await run()
    console.log('')
    printTable(figures)
  } catch (error) {
    console.error(`bench failed: ${(error as Error)?.stack ?? String(error)}`)
    process.exitCode = 1
  } finally {
    await runCleanups()
  }
}
