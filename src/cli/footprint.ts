import { parseArgs } from 'node:util'
import {
  type CriterionFigures,
  createFootprintAccumulator,
  type FootprintMethod,
  type FootprintResult,
  footprintPhases,
} from '../modules/footprint/compute-footprint.js'
import { findFactorBase, readBundledFactorBases } from '../modules/footprint/factor-bases.js'
import { readInventoryFile, readInventoryRows } from '../modules/footprint/import/read-inventory.js'
import { type FileInfo, ImportFileError, type ImportFormat } from '../modules/footprint/import/types.js'
import type { Datacenter, RowError } from '../modules/footprint/inventory-item.js'

/** What the command writes to; tests pass their own. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
}

export const footprintUsage = `Utilisation : jalons footprint <fichier> [options]

Calcule l'empreinte environnementale d'un inventaire informatique (CSV, XLSX du modèle, JSON PCR-SI),
sans serveur ni base de données.

Options :
  --format template|numecoeval|pcr-si   format attendu (sinon reconnu d'après le fichier)
  --datacenters <fichier.csv>           datacenters au format NumEcoEval (PUE, pays)
  --base <id>[@version]                 base de facteurs (défaut : ademe-negaoctet-2022, la plus récente)
  --method stock|flux                   stock : fabrication répartie sur la durée de vie (défaut) ;
                                        flux : équipements achetés dans l'année comptés en entier
  --year AAAA                           année de calcul (défaut : l'année en cours)
  --json                                un objet JSON au lieu d'un tableau
  --help                                cette aide

Code de sortie : 0 sans erreur ; 1 si le fichier a des erreurs (le calcul porte sur les lignes
valides) ; 2 pour une commande mal formée.`

const formatOfOption: Record<string, readonly ImportFormat[]> = {
  template: ['template'],
  numecoeval: ['numecoeval-equipment'],
  'pcr-si': ['pcr-si'],
}

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      datacenters: { type: 'string' },
      base: { type: 'string' },
      method: { type: 'string' },
      year: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return { help: true as const }
  const [file, ...extra] = positionals
  if (!file) throw new UsageError('indiquez le fichier d’inventaire à calculer')
  if (extra.length > 0) throw new UsageError(`un seul fichier à la fois (reçu aussi : ${extra.join(', ')})`)
  if (values.format !== undefined && !(values.format in formatOfOption))
    throw new UsageError(`--format ${values.format} : formats possibles template, numecoeval, pcr-si`)
  if (values.method !== undefined && values.method !== 'stock' && values.method !== 'flux')
    throw new UsageError(`--method ${values.method} : méthodes possibles stock, flux`)
  const year = values.year === undefined ? new Date().getUTCFullYear() : Number(values.year)
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new UsageError(`--year ${values.year} : une année sur quatre chiffres, par exemple 2025`)
  const [baseId, baseVersion] = (values.base ?? '').split('@')
  const base = findFactorBase(baseId || undefined, baseVersion || undefined)
  if (!base) {
    const known = readBundledFactorBases().map((candidate) => `${candidate.id}@${candidate.version}`)
    throw new UsageError(`--base ${values.base} : bases disponibles ${known.join(', ')}`)
  }
  return {
    help: false as const,
    file,
    format: values.format,
    datacenters: values.datacenters,
    base,
    method: (values.method ?? 'stock') as FootprintMethod,
    year,
    json: values.json,
  }
}

/** The figures of one criterion as the JSON output gives them: numbers, or null when not available. */
function phaseValues(figures: CriterionFigures | undefined) {
  const value = (phase: keyof CriterionFigures) => figures?.[phase].value ?? null
  return {
    manufacturing: value('manufacturing'),
    distribution: value('distribution'),
    use: value('use'),
    endOfLife: value('endOfLife'),
    total: value('total'),
  }
}

export function footprintJson(result: FootprintResult, items: number, errors: RowError[]) {
  const criteria = (impacts: Record<string, CriterionFigures>) =>
    Object.fromEntries(
      result.criteria.map((criterion) => [
        criterion.id,
        { unit: criterion.unit, ...phaseValues(impacts[criterion.id]) },
      ]),
    )
  return {
    method: result.method,
    year: result.year,
    factorBase: { id: result.base.id, version: result.base.version },
    items,
    counted: result.counted,
    excluded: result.excluded,
    totals: criteria(result.total.impacts),
    byType: Object.fromEntries(
      result.byType.map((line) => [
        line.key ?? 'unknown',
        { items: line.items, quantity: line.quantity, ...criteria(line.impacts) },
      ]),
    ),
    flags: result.flags.map((flag) => ({ code: flag.code, items: flag.items, quantity: flag.quantity })),
    errors,
  }
}

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })
const show = (value: number | null | undefined) =>
  value === null || value === undefined ? 'n.d.' : number.format(value)

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? []
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n')
}

function readableReport(
  result: FootprintResult,
  file: string,
  info: FileInfo | undefined,
  items: number,
  errors: RowError[],
) {
  const lines: string[] = []
  lines.push(`Fichier : ${file}${info ? ` (format ${info.format})` : ''}`)
  lines.push(
    `Base : ${result.base.id} ${result.base.version} · méthode ${result.method} · année ${result.year} · ${number.format(items)} lignes lues, ${number.format(result.counted.quantity)} équipements comptés`,
  )
  for (const criterion of result.criteria) {
    lines.push('', `${criterion.label} (${criterion.unit})`)
    const header = ['type', 'quantité', 'fabrication', 'distribution', 'usage', 'fin de vie', 'total']
    const rows = result.byType.map((line) => {
      const figures = line.impacts[criterion.id]
      return [
        line.key ?? '—',
        number.format(line.quantity),
        ...footprintPhases.map((phase) => show(figures?.[phase].value)),
        show(figures?.total.value),
      ]
    })
    const total = result.total.impacts[criterion.id]
    rows.push([
      'total',
      number.format(result.total.quantity),
      ...footprintPhases.map((phase) => show(total?.[phase].value)),
      show(total?.total.value),
    ])
    lines.push(table([header, ...rows]))
  }
  for (const flag of result.flags)
    lines.push(`! ${flag.code} : ${number.format(flag.quantity)} équipement(s)`)
  if (errors.length > 0) {
    lines.push('', `${errors.length} erreur(s) dans le fichier ; le calcul porte sur les lignes valides :`)
    for (const error of errors.slice(0, 20))
      lines.push(
        `  ligne ${error.line}${error.column ? `, colonne ${error.column}` : ''} : ${error.message}${error.suggestion ? ` (type le plus proche : ${error.suggestion})` : ''}`,
      )
    if (errors.length > 20) lines.push(`  … et ${errors.length - 20} autre(s) (--json pour toutes)`)
  }
  return lines.join('\n')
}

/** `jalons footprint`: reads the file (streaming for CSV), computes, prints. Returns the exit code. */
export async function runFootprint(argv: string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parseOptions>
  try {
    options = parseOptions(argv)
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`jalons footprint : ${(error as Error).message}\n\n${footprintUsage}\n`)
      return 2
    }
    throw error
  }
  if (options.help) {
    io.out(`${footprintUsage}\n`)
    return 0
  }
  const errors: RowError[] = []
  let datacenters: Datacenter[] = []
  if (options.datacenters) {
    const read = await readInventoryFile(options.datacenters)
    if (read.format !== null && read.format !== 'numecoeval-datacenter')
      errors.push({
        line: 1,
        column: null,
        message: `${options.datacenters} n’est pas un fichier de datacenters NumEcoEval`,
      })
    datacenters = read.datacenters
    errors.push(
      ...read.errors.map((error) => ({ ...error, message: `${options.datacenters} : ${error.message}` })),
    )
  }
  const readOptions = options.datacenters ? { datacenters } : {}
  let info: FileInfo | undefined
  // Rows are computed as they are read: a million-row file never sits in memory.
  const accumulator = createFootprintAccumulator(options.base, datacenters, {
    method: options.method,
    year: options.year,
  })
  let items = 0
  const expected = options.format ? formatOfOption[options.format] : undefined
  const onFile = (file: FileInfo) => {
    info = file
  }
  // JSON and XLSX are read whole (up to 32 MB); CSV streams, however large.
  if (options.format === 'pcr-si' || /\.(json|xlsx)$/i.test(options.file)) {
    const read = await readInventoryFile(options.file, { ...readOptions, onFile })
    for (const item of read.items) accumulator.add(item)
    items = read.items.length
    errors.push(...read.errors)
  } else {
    try {
      for await (const row of readInventoryRows(options.file, { ...readOptions, onFile })) {
        if (row.item) {
          accumulator.add(row.item)
          items++
        }
        if (row.errors.length > 0) errors.push(...row.errors)
      }
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      errors.push({ line: error.problem.line, column: null, message: error.problem.message })
    }
  }
  if (expected && info && !expected.includes(info.format))
    errors.unshift({
      line: 1,
      column: null,
      message: `le fichier est au format ${info.format}, pas ${options.format}`,
    })
  const result = accumulator.result()
  io.out(
    options.json
      ? `${JSON.stringify(footprintJson(result, items, errors), null, 2)}\n`
      : `${readableReport(result, options.file, info, items, errors)}\n`,
  )
  return errors.length > 0 ? 1 : 0
}
