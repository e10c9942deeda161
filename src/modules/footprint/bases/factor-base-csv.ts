/**
 * A factor base's device figures as a flat CSV, and back. The same format goes both ways: what
 * `factorBaseCsv` writes, a workspace can edit in a spreadsheet and import as its own base.
 *
 * One row per device type; the columns are the YAML format's own keys (docs/footprint-method.md),
 * so that the CSV, the YAML and the JSON name a figure the same way:
 * `type;label;lifetimeYears;activePowerW;hoursPerDay;climate.manufacturing (kgCO2e);…` — one column
 * per criterion × phase, the unit in brackets (read back without it). `;` and a decimal comma, with
 * a byte order mark, as French spreadsheets expect. An empty cell is « non publié » (null).
 *
 * The CSV holds the device figures only: everything else (criteria, electricity, avoided impacts,
 * sources and licences) comes from the base the import starts from, and so do the types and columns
 * the file leaves out.
 */
import { isUtf8 } from 'node:buffer'
import type { Translate } from '../../../i18n/i18n.js'
import { type CsvValue, toCsv } from '../../../lib/csv.js'
import { foldForSearch } from '../../../lib/text.js'
import {
  type DeviceFactors,
  type EmbodiedPhase,
  embodiedPhases,
  type FactorBase,
} from '../factor-base.schemas.js'
import { CsvRecordParser, CsvSyntaxError } from '../import/csv-records.js'
import { decodeWindows1252 } from '../import/decode.js'
import { deviceTypeLabels } from '../import/type-mapping.js'
import { readDecimal, readText } from '../import/values.js'
import { type DeviceType, deviceTypes } from '../inventory-item.js'
import { deviceFigureProblems } from './device-checks.js'

/** A problem in an imported file: where (line, column as headed in the file) and why. */
export interface CsvLineError {
  line: number
  column: string | null
  message: string
}

const fixedColumns = ['type', 'label', 'lifetimeYears', 'activePowerW', 'hoursPerDay'] as const
type FixedColumn = (typeof fixedColumns)[number]
const numericColumns = ['lifetimeYears', 'activePowerW', 'hoursPerDay'] as const

export const factorColumn = (criterion: string, phase: EmbodiedPhase) => `${criterion}.${phase}`

/** A number in full, never in exponent form ("1e-7" → "0.0000001"): digits exactly as JavaScript prints them. */
function plainDecimal(value: number): string {
  const text = String(value)
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign = '', head = '', tail = '', exponent = '0'] = match
  const digits = head + tail
  const point = 1 + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** A figure as the CSV writes it: in full, with a decimal comma (read back exactly by readDecimal). */
export function csvNumber(value: number | null): string {
  return value === null ? '' : plainDecimal(value).replace('.', ',')
}

export function factorBaseCsv(base: FactorBase): string {
  const header: string[] = [...fixedColumns]
  for (const criterion of base.criteria)
    for (const phase of embodiedPhases)
      header.push(`${factorColumn(criterion.id, phase)} (${criterion.unit})`)
  const rows: CsvValue[][] = [header]
  for (const type of deviceTypes) {
    const device = base.devices[type]
    const row: CsvValue[] = [
      type,
      device.label,
      csvNumber(device.lifetimeYears),
      csvNumber(device.activePowerW),
      csvNumber(device.hoursPerDay),
    ]
    for (const criterion of base.criteria)
      for (const phase of embodiedPhases) row.push(csvNumber(device.factors?.[phase][criterion.id] ?? null))
    rows.push(row)
  }
  return toCsv(rows, { separator: ';', bom: true, inertFormulas: true })
}

/** Bytes of an uploaded file → text: UTF-8 (BOM or not), else Windows-1252 as Excel saves it. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  const text = isUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes)
  return text.replace(/^\uFEFF/, '')
}

/** The separator the header line uses the most (`;` when it holds none). */
function detectSeparator(text: string): ';' | ',' | '\t' {
  const end = text.indexOf('\n')
  const first = end === -1 ? text : text.slice(0, end)
  const count = (separator: string) => first.split(separator).length - 1
  const counts = [
    [';', count(';')],
    [',', count(',')],
    ['\t', count('\t')],
  ] as const
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a))
  return best[1] === 0 ? ';' : best[0]
}

/** A type written as its id, or as its French or English label (as our inventory exports write it). */
const typeByName = new Map<string, DeviceType>()
for (const type of deviceTypes) {
  typeByName.set(foldForSearch(type), type)
  for (const label of Object.values(deviceTypeLabels[type])) typeByName.set(foldForSearch(label), type)
}

type Column =
  | { kind: 'fixed'; field: FixedColumn; name: string }
  | { kind: 'factor'; criterion: string; phase: EmbodiedPhase; name: string }

export type DevicesFromCsv =
  | {
      ok: true
      devices: Record<DeviceType, DeviceFactors>
      /** The types the file gave a row for, with that row's line. */
      lines: Map<DeviceType, number>
      /** Field → column name as headed in the file, for problems found later. */
      columnNames: Map<string, string>
    }
  | { ok: false; errors: CsvLineError[] }

/**
 * Reads the CSV over the starting base's devices. Pure. Every problem is collected (each with its
 * line and column); on any problem, nothing comes back but the problems.
 */
export function readDevicesCsv(text: string, start: FactorBase, t: Translate): DevicesFromCsv {
  const errors: CsvLineError[] = []
  const parser = new CsvRecordParser(detectSeparator(text))
  let records: ReturnType<CsvRecordParser['push']>
  try {
    records = [...parser.push(text), ...parser.end()]
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return {
        ok: false,
        errors: [{ line: error.line, column: null, message: t('factor-bases.csv.unclosedQuote') }],
      }
    throw error
  }
  const [header, ...rows] = records
  if (!header) return { ok: false, errors: [{ line: 1, column: null, message: t('factor-bases.csv.empty') }] }

  const criteria = new Set(start.criteria.map((criterion) => criterion.id))
  const columns: (Column | null)[] = []
  const columnNames = new Map<string, string>()
  const seen = new Set<string>()
  for (const cell of header.fields) {
    const name = cell.trim()
    // The unit in brackets is for people; the key is what comes before it.
    const key = name.replace(/\s*\([^)]*\)\s*$/, '')
    if (key === '') {
      columns.push(null)
      continue
    }
    let column: Column | null = null
    if ((fixedColumns as readonly string[]).includes(key))
      column = { kind: 'fixed', field: key as FixedColumn, name }
    else {
      const match = /^([a-z][a-zA-Z0-9]*)\.([a-zA-Z]+)$/.exec(key)
      const phase = match?.[2] as EmbodiedPhase | undefined
      if (match && phase && embodiedPhases.includes(phase) && criteria.has(match[1] as string))
        column = { kind: 'factor', criterion: match[1] as string, phase, name }
    }
    if (!column) {
      errors.push({
        line: header.line,
        column: name,
        message: t('factor-bases.csv.unknownColumn', {
          column: name,
          expected: [
            ...fixedColumns,
            ...[...criteria].flatMap((id) => embodiedPhases.map((p) => factorColumn(id, p))),
          ].join(', '),
        }),
      })
      columns.push(null)
      continue
    }
    const fieldKey = column.kind === 'fixed' ? column.field : factorColumn(column.criterion, column.phase)
    if (seen.has(fieldKey))
      errors.push({
        line: header.line,
        column: name,
        message: t('factor-bases.csv.duplicateColumn', { column: name }),
      })
    seen.add(fieldKey)
    columnNames.set(fieldKey, name)
    columns.push(column)
  }
  const typeIndex = columns.findIndex((column) => column?.kind === 'fixed' && column.field === 'type')
  if (typeIndex === -1)
    errors.push({ line: header.line, column: null, message: t('factor-bases.csv.noTypeColumn') })
  if (rows.length === 0)
    errors.push({ line: header.line, column: null, message: t('factor-bases.csv.noRows') })
  if (errors.length > 0) return { ok: false, errors }

  const devices = structuredClone(start.devices)
  const lines = new Map<DeviceType, number>()
  for (const record of rows) {
    const rawType = readText(record.fields[typeIndex]) ?? ''
    const type = typeByName.get(foldForSearch(rawType))
    const typeColumn = columnNames.get('type') ?? 'type'
    const earlier = type ? lines.get(type) : undefined
    if (!type)
      errors.push({
        line: record.line,
        column: typeColumn,
        message: rawType
          ? t('factor-bases.csv.unknownType', { type: rawType, types: deviceTypes.join(', ') })
          : t('factor-bases.csv.noType'),
      })
    else if (earlier !== undefined)
      errors.push({
        line: record.line,
        column: typeColumn,
        message: t('factor-bases.csv.duplicateType', { type, line: earlier }),
      })
    else lines.set(type, record.line)
    // A row whose type is unknown or repeated still has its values checked, so that one pass
    // reports every problem; it is read into a throwaway entry.
    const kept = type !== undefined && earlier === undefined
    if (
      record.fields.length > columns.length &&
      record.fields.slice(columns.length).some((f) => f.trim() !== '')
    )
      errors.push({
        line: record.line,
        column: null,
        message: t('factor-bases.csv.tooManyFields', {
          count: record.fields.length,
          expected: columns.length,
        }),
      })

    const device = kept ? devices[type] : structuredClone(start.devices[type ?? 'other'])
    const figures = device.factors
      ? structuredClone(device.factors)
      : Object.fromEntries(
          embodiedPhases.map((phase) => [phase, Object.fromEntries([...criteria].map((id) => [id, null]))]),
        )
    let factorsGiven = false
    columns.forEach((column, index) => {
      if (!column || (column.kind === 'fixed' && column.field === 'type')) return
      const raw = record.fields[index] ?? ''
      if (column.kind === 'fixed' && column.field === 'label') {
        const label = readText(raw)
        if (label) device.label = label
        return
      }
      const read = readDecimal(raw)
      if (!read.ok) {
        errors.push({
          line: record.line,
          column: column.name,
          message: t('factor-bases.value.notANumber', { value: read.problem.raw }),
        })
        return
      }
      if (read.value !== null && read.value < 0) {
        errors.push({
          line: record.line,
          column: column.name,
          message: t('factor-bases.value.negative', { value: raw.trim() }),
        })
        return
      }
      if (column.kind === 'factor') {
        factorsGiven = true
        ;(figures[column.phase] as Record<string, number | null>)[column.criterion] = read.value
      } else device[column.field as (typeof numericColumns)[number]] = read.value
    })
    if (factorsGiven) {
      const all = embodiedPhases.flatMap((phase) =>
        Object.values(figures[phase] as Record<string, number | null>),
      )
      // Nothing published in any phase: the type has no factors (counted, flagged « sans facteur »).
      device.factors = all.every((value) => value === null)
        ? null
        : (figures as NonNullable<DeviceFactors['factors']>)
    }
    if (kept)
      for (const problem of deviceFigureProblems(device))
        errors.push({
          line: record.line,
          column: columnNames.get(problem.field) ?? null,
          message: t(problem.message, problem.params),
        })
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, devices, lines, columnNames }
}
