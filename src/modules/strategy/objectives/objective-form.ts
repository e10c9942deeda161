import { z } from 'zod'
import type { MessageKey, MessageParams } from '../../../i18n/i18n.js'
import { decimalInput } from '../../../lib/decimal-input.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { findIndicator } from '../indicators/indicator-readings.js'
import type { YearValue } from './objective-status.js'

/**
 * The objective form ⇄ an objective. The form has five rows of targets (no JavaScript to add
 * rows): a row left empty is ignored, a row half filled is an error on the missing half. Every
 * message is a catalogue key with its parameters, placed on the field it is about, so the page
 * can link each one to its field.
 */

export const maxTargets = 5
export const targetRows = Array.from({ length: maxTargets }, (_, index) => index + 1)
export const targetYearField = (row: number) => `target${row}Year`
export const targetValueField = (row: number) => `target${row}Value`

export interface ObjectiveInput {
  indicatorId: string
  title: string
  decreeAxis: number | null
  baseline: YearValue
  /** Sorted by year, every year after the baseline's. */
  targets: YearValue[]
  comment: string | null
}

export interface FieldProblem {
  key: MessageKey
  params?: MessageParams
}

export type ParsedObjectiveForm =
  | { ok: true; input: ObjectiveInput }
  | { ok: false; problems: Record<string, FieldProblem> }

const minYear = 2000
const maxYear = 2100
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** A year typed in a field: empty → undefined, otherwise a whole number between 2000 and 2100. */
const yearField = z.preprocess(
  (value) => (text(value) === '' ? undefined : text(value)),
  z
    .string()
    .regex(/^\d{4}$/, 'objectives.error.year')
    .transform(Number)
    .pipe(z.number().min(minYear, 'objectives.error.year').max(maxYear, 'objectives.error.year'))
    .optional(),
)

/** A value typed the French way (« 1 234,5 »): empty → undefined, otherwise a finite number. */
const valueField = z.preprocess(
  decimalInput,
  z
    .string()
    .regex(/^[+-]?(\d+\.?\d*|\.\d+)$/, 'objectives.error.number')
    .transform(Number)
    .pipe(z.number().refine(Number.isFinite, 'objectives.error.number'))
    .optional(),
)

const indicatorField = z.preprocess(text, z.string().min(1, 'objectives.error.indicatorRequired'))
const titleField = z.preprocess(
  text,
  z.string().min(1, 'objectives.error.titleRequired').max(200, 'objectives.error.titleLong'),
)
const axisField = z.preprocess(
  text,
  z.union([
    z.literal('').transform(() => null),
    z
      .string()
      .regex(/^\d{1,2}$/)
      .transform(Number),
  ]),
)
const commentField = z.preprocess(
  text,
  z
    .string()
    .max(2000, 'objectives.error.commentLong')
    .transform((comment) => (comment === '' ? null : comment)),
)

/**
 * Checks a submitted form against the referential in force: the input to save, or every problem
 * found (each field is read on its own, so one bad field never hides another's problem).
 */
export function parseObjectiveForm(
  values: Record<string, string>,
  referential: Referential,
): ParsedObjectiveForm {
  const problems: Record<string, FieldProblem> = {}
  const problem = (field: string, key: MessageKey, params?: MessageParams) => {
    if (!problems[field]) problems[field] = params ? { key, params } : { key }
  }
  const read = <T>(field: string, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(values[field])
    if (parsed.success) return parsed.data
    const message = parsed.error.issues[0]?.message ?? ''
    problem(
      field,
      message.startsWith('objectives.error.') ? (message as MessageKey) : 'objectives.error.invalid',
    )
    return undefined
  }

  const indicatorId = read('indicator', indicatorField)
  if (indicatorId !== undefined && !findIndicator(referential, indicatorId))
    problem('indicator', 'objectives.error.indicatorUnknown', { id: indicatorId })
  const title = read('title', titleField)
  const comment = read('comment', commentField)

  const axisIds = referential.decreeAxes.map((axis) => axis.id)
  const axisRange = { axis: text(values.axis), first: axisIds[0] ?? 1, last: axisIds.at(-1) ?? 6 }
  const axis = axisField.safeParse(values.axis)
  if (!axis.success || (axis.data !== null && !axisIds.includes(axis.data)))
    problem('axis', 'objectives.error.axisUnknown', axisRange)

  const baselineYear = read('baselineYear', yearField)
  const baselineValue = read('baselineValue', valueField)
  if (baselineYear === undefined) problem('baselineYear', 'objectives.error.baselineYearRequired')
  if (baselineValue === undefined) problem('baselineValue', 'objectives.error.baselineValueRequired')

  const targets: YearValue[] = []
  let filled = 0
  for (const row of targetRows) {
    const yearName = targetYearField(row)
    const valueName = targetValueField(row)
    if (text(values[yearName]) === '' && text(values[valueName]) === '') continue
    filled += 1
    const year = read(yearName, yearField)
    const value = read(valueName, valueField)
    if (year === undefined) problem(yearName, 'objectives.error.targetYearRequired', { row })
    if (value === undefined) problem(valueName, 'objectives.error.targetValueRequired', { row })
    if (year === undefined) continue
    if (targets.some((target) => target.year === year))
      problem(yearName, 'objectives.error.targetYearTwice', { year })
    else if (baselineYear !== undefined && year < baselineYear)
      problem(yearName, 'objectives.error.targetBeforeBaseline', { year, baseline: baselineYear })
    else if (baselineYear !== undefined && year === baselineYear)
      problem(yearName, 'objectives.error.targetAtBaseline', { year })
    if (value !== undefined) targets.push({ year, value })
  }
  if (filled === 0) problem(targetYearField(1), 'objectives.error.targetsRequired')

  if (Object.keys(problems).length > 0) return { ok: false, problems }
  return {
    ok: true,
    input: {
      indicatorId: indicatorId as string,
      title: title as string,
      decreeAxis: axis.success ? axis.data : null,
      baseline: { year: baselineYear as number, value: baselineValue as number },
      targets: targets.sort((a, b) => a.year - b.year),
      comment: comment ?? null,
    },
  }
}

/** A number as the form shows it back: French decimal comma, no float noise. */
export const numberText = (value: number) => String(Math.round(value * 1e9) / 1e9).replace('.', ',')

/** The form's values for an objective (edit form): targets in year order, in the first rows. */
export function objectiveFormValues(objective: ObjectiveInput): Record<string, string> {
  const values: Record<string, string> = {
    indicator: objective.indicatorId,
    title: objective.title,
    axis: objective.decreeAxis === null ? '' : String(objective.decreeAxis),
    baselineYear: String(objective.baseline.year),
    baselineValue: numberText(objective.baseline.value),
    comment: objective.comment ?? '',
  }
  objective.targets.forEach((target, index) => {
    values[targetYearField(index + 1)] = String(target.year)
    values[targetValueField(index + 1)] = numberText(target.value)
  })
  return values
}
