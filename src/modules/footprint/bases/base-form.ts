/**
 * The edit form of a workspace's own base: field names, the values it starts with, and reading it
 * back. Pure. Numbers are typed the French way or the English way ("1 234,5", "1234.5"); an empty
 * field is « non publié » (null).
 */
import { z } from 'zod'
import type { Locale, Translate } from '../../../i18n/i18n.js'
import type { FieldErrors } from '../../../ui/forms.js'
import {
  type DeviceFactors,
  type EmbodiedPhase,
  embodiedPhases,
  type FactorBase,
  factorBaseSchema,
} from '../factor-base.schemas.js'
import { deviceTypeLabels } from '../import/type-mapping.js'
import { readDecimal, readText } from '../import/values.js'
import { type DeviceType, deviceTypes } from '../inventory-item.js'
import { deviceFigureProblems } from './device-checks.js'
import { csvNumber } from './factor-base-csv.js'

export const deviceField = (type: DeviceType, field: string) => `d-${type}-${field}`
export const factorField = (type: DeviceType, phase: EmbodiedPhase, criterion: string) =>
  `d-${type}-${phase}-${criterion}`
/** Option ids hold dashes: their place in the (immutable) base names the field instead. */
export const electricityField = (index: number, criterion: string) => `e-${index}-${criterion}`

const numberFields = ['lifetimeYears', 'activePowerW', 'hoursPerDay'] as const
const textFields = ['source', 'licence'] as const
/** Longest text kept from a source or licence field. */
export const maxSourceLength = 2000

const numberText = (locale: Locale, value: number | null) =>
  locale === 'fr' ? csvNumber(value) : csvNumber(value).replace(',', '.')

/** The form's fields filled with a base's figures, as the visitor writes numbers. */
export function baseFormValues(base: FactorBase, locale: Locale): Record<string, string> {
  const values: Record<string, string> = {}
  for (const type of deviceTypes) {
    const device = base.devices[type]
    for (const field of numberFields) values[deviceField(type, field)] = numberText(locale, device[field])
    for (const field of textFields) values[deviceField(type, field)] = device[field] ?? ''
    for (const phase of embodiedPhases)
      for (const criterion of base.criteria)
        values[factorField(type, phase, criterion.id)] = numberText(
          locale,
          device.factors?.[phase][criterion.id] ?? null,
        )
  }
  base.electricity.options.forEach((option, index) => {
    for (const criterion of base.criteria)
      values[electricityField(index, criterion.id)] = numberText(locale, option.perKwh[criterion.id] ?? null)
  })
  return values
}

/** What each field is called in an error message: the type (or option) and the field. */
export function baseFormLabels(base: FactorBase, t: Translate, locale: Locale): Record<string, string> {
  const labels: Record<string, string> = {}
  const phaseLabel = (phase: EmbodiedPhase) => t(`factor-bases.phase.${phase}`)
  for (const type of deviceTypes) {
    const typeLabel = deviceTypeLabels[type][locale]
    for (const field of [...numberFields, ...textFields])
      labels[deviceField(type, field)] = `${typeLabel} — ${t(`factor-bases.field.${field}`)}`
    for (const phase of embodiedPhases)
      for (const criterion of base.criteria)
        labels[factorField(type, phase, criterion.id)] =
          `${typeLabel} — ${criterion.label}, ${phaseLabel(phase)} (${criterion.unit})`
  }
  base.electricity.options.forEach((option, index) => {
    for (const criterion of base.criteria)
      labels[electricityField(index, criterion.id)] =
        `${t('factor-bases.field.electricity', { option: option.id })} — ${criterion.label} (${criterion.unit}/kWh)`
  })
  return labels
}

export type BaseFormResult = { ok: true; base: FactorBase } | { ok: false; errors: FieldErrors }

/**
 * Reads the submitted figures over `start` and gives the new base (with `target`'s id, version and
 * title), checked whole by the factor base schema. Every problem is returned, keyed by field.
 */
export function readBaseForm(
  values: Record<string, string | undefined>,
  start: FactorBase,
  target: { id: string; version: string; title: string },
  t: Translate,
  locale: Locale,
): BaseFormResult {
  const errors: FieldErrors = {}
  const readNumber = (name: string): number | null | undefined => {
    const raw = values[name] ?? ''
    const read = readDecimal(raw)
    if (!read.ok) {
      errors[name] = t('factor-bases.value.notANumber', { value: read.problem.raw })
      return undefined
    }
    if (read.value !== null && read.value < 0) {
      errors[name] = t('factor-bases.value.negative', { value: raw.trim() })
      return undefined
    }
    return read.value
  }

  const devices = {} as Record<DeviceType, DeviceFactors>
  for (const type of deviceTypes) {
    const device: DeviceFactors = structuredClone(start.devices[type])
    for (const field of numberFields) {
      const value = readNumber(deviceField(type, field))
      if (value !== undefined) device[field] = value
    }
    for (const field of textFields) {
      const text = readText(values[deviceField(type, field)])
      if (text && text.length > maxSourceLength)
        errors[deviceField(type, field)] = t('factor-bases.value.tooLong', { max: maxSourceLength })
      if (text) device[field] = text
      else delete device[field]
    }
    const figures = {} as Record<EmbodiedPhase, Record<string, number | null>>
    for (const phase of embodiedPhases) {
      figures[phase] = {}
      for (const criterion of start.criteria) {
        const value = readNumber(factorField(type, phase, criterion.id))
        figures[phase][criterion.id] = value ?? null
      }
    }
    const all = embodiedPhases.flatMap((phase) => Object.values(figures[phase]))
    // Nothing published in any phase: the type has no factors (counted, flagged « sans facteur »).
    device.factors = all.every((value) => value === null) ? null : figures
    for (const problem of deviceFigureProblems(device)) {
      const name = deviceField(type, problem.field)
      errors[name] ??= t(problem.message, problem.params)
    }
    devices[type] = device
  }
  const options = start.electricity.options.map((option, index) => {
    const perKwh: Record<string, number | null> = {}
    for (const criterion of start.criteria) {
      const value = readNumber(electricityField(index, criterion.id))
      perKwh[criterion.id] = value ?? null
    }
    return { ...structuredClone(option), perKwh }
  })
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const candidate = {
    ...structuredClone(start),
    ...target,
    devices,
    electricity: { ...structuredClone(start.electricity), options },
  }
  const checked = checkFactorBase(candidate, locale)
  if (checked.ok) return checked
  for (const issue of checked.issues) errors[fieldOfIssue(issue.path, start) ?? ''] ??= issue.message
  return { ok: false, errors }
}

/** The schema as the last word on a base built from a form or a file, in the visitor's language. */
export function checkFactorBase(
  candidate: unknown,
  locale: Locale,
): { ok: true; base: FactorBase } | { ok: false; issues: { path: PropertyKey[]; message: string }[] } {
  const parsed = factorBaseSchema.safeParse(candidate, {
    error: (locale === 'fr' ? z.locales.fr() : z.locales.en()).localeError,
  })
  if (parsed.success) return { ok: true, base: parsed.data as FactorBase }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
  }
}

/** The form field a schema problem is about, when it is about one. */
function fieldOfIssue(path: readonly PropertyKey[], base: FactorBase): string | undefined {
  const [section, key, field, phase, criterion] = path.map(String)
  if (section === 'devices' && (deviceTypes as readonly string[]).includes(key ?? '')) {
    const type = key as DeviceType
    if (field === 'factors' && phase && criterion) return factorField(type, phase as EmbodiedPhase, criterion)
    if (field) return deviceField(type, field)
  }
  if (
    section === 'electricity' &&
    key === 'options' &&
    field !== undefined &&
    phase === 'perKwh' &&
    criterion
  ) {
    const index = Number(field)
    if (base.electricity.options[index]) return electricityField(index, criterion)
  }
  return undefined
}
