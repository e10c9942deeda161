import type { MessageKey, Translate } from '../../../i18n/i18n.js'
import { decimalInput } from '../../../lib/decimal-input.js'
import type { FieldErrors } from '../../../ui/forms.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { type DeviceType, deviceTypes } from '../inventory-item.js'
import { parseScenario, type Scenario } from '../scenarios.js'
import type { StoredScenario } from './stored-scenario.js'

/**
 * The scenario form ⇄ a stored scenario. The form speaks in percentages and French numbers
 * (« 0,5 », « 30 ») and names its fields per type (`extend-laptop`, `refurbished-monitor`,
 * `fewer-printer`, `perAgent-smartphone`); the scenario speaks in shares and paths. Our own checks
 * come first, with messages in the visitor's language; the scenario schema for the base
 * (scenarioSchemaFor, through parseScenario) then has the last word, and any problem it still
 * finds is shown in its own (French) words on the field its path names.
 */

export const leverFields = ['extend', 'refurbished', 'fewer', 'perAgent'] as const
export type LeverField = (typeof leverFields)[number]

export const fieldId = (lever: LeverField, type: DeviceType) => `${lever}-${type}`

/** « Un écran par agent »: the one-click form of fewerDevices.monitor.perAgent = 1. */
export const screenPerAgentField = 'screenPerAgent'

export type ParsedScenarioForm =
  | { ok: true; name: string; stored: Omit<StoredScenario, 'base'> }
  | { ok: false; errors: FieldErrors; schemaErrors: Set<string> }

type Problem = { key: MessageKey; params?: Record<string, string | number> }

function readNumber(value: string | undefined): number | undefined | 'invalid' {
  const prepared = decimalInput(value ?? '')
  if (prepared === undefined) return undefined
  const number = Number(prepared)
  return Number.isFinite(number) ? number : 'invalid'
}

const wholeMonths = (years: number) => Math.abs(years * 12 - Math.round(years * 12)) < 1e-6

/** The schema's paths → the form's fields. */
function fieldOfPath(path: readonly PropertyKey[], values: Record<string, string>): string {
  const [first, second, third] = path.map(String)
  if (first === 'extendLifetime' && second) return fieldId('extend', second as DeviceType)
  if (first === 'refurbishedShare' && second) return fieldId('refurbished', second as DeviceType)
  if (first === 'refurbishedShare')
    return deviceTypes.map((type) => fieldId('refurbished', type)).find((id) => values[id]) ?? ''
  if (first === 'fewerDevices' && second && third === 'perAgent')
    return fieldId('perAgent', second as DeviceType)
  if (first === 'fewerDevices' && second) return fieldId('fewer', second as DeviceType)
  if (first === 'electricityOption') return 'electricity'
  if (first === 'electricityFactor') return 'electricityFactor'
  if (first === 'name') return 'name'
  return ''
}

export function parseScenarioForm(
  values: Record<string, string>,
  base: FactorBase,
  options: { agents: number | null; nameRequired: boolean; t: Translate },
): ParsedScenarioForm {
  const problems: Record<string, Problem> = {}
  const scenario: Scenario = {}
  const extendLifetime: NonNullable<Scenario['extendLifetime']> = {}
  const refurbishedShare: NonNullable<Scenario['refurbishedShare']> = {}
  const fewerDevices: NonNullable<Scenario['fewerDevices']> = {}
  const fewerShare: StoredScenario['fewerShare'] = {}
  const agentsKnown = options.agents !== null && options.agents > 0

  const name = (values.name ?? '').trim()
  if (name.length > 120) problems.name = { key: 'scenarios.error.nameLong' }
  else if (name === '' && options.nameRequired) problems.name = { key: 'scenarios.error.nameRequired' }

  for (const type of deviceTypes) {
    const extend = readNumber(values[fieldId('extend', type)])
    if (extend === 'invalid') problems[fieldId('extend', type)] = { key: 'scenarios.error.number' }
    else if (extend !== undefined) {
      if (extend < 0) problems[fieldId('extend', type)] = { key: 'scenarios.error.yearsNegative' }
      else if (extend > 20) problems[fieldId('extend', type)] = { key: 'scenarios.error.yearsMax' }
      else if (!wholeMonths(extend))
        problems[fieldId('extend', type)] = { key: 'scenarios.error.yearsMonths' }
      // 0 years more is no lever at all: left out rather than refused.
      else if (extend > 0) extendLifetime[type] = extend
    }

    const percent = (lever: 'refurbished' | 'fewer') => {
      const read = readNumber(values[fieldId(lever, type)])
      if (read === 'invalid') problems[fieldId(lever, type)] = { key: 'scenarios.error.number' }
      else if (read !== undefined && (read < 0 || read > 100))
        problems[fieldId(lever, type)] = { key: 'scenarios.error.percent' }
      else if (read !== undefined && read > 0) return read / 100
      return undefined
    }
    const refurbished = percent('refurbished')
    if (refurbished !== undefined) refurbishedShare[type] = refurbished
    const fewer = percent('fewer')
    if (fewer !== undefined) fewerShare[type] = fewer

    const perAgentId = fieldId('perAgent', type)
    let perAgent = readNumber(values[perAgentId])
    if (type === 'monitor' && values[screenPerAgentField] === '1') {
      if (perAgent !== undefined && perAgent !== 'invalid' && perAgent !== 1)
        problems[screenPerAgentField] = { key: 'scenarios.error.screenPerAgentConflict' }
      perAgent = 1
    }
    if (perAgent === 'invalid') problems[perAgentId] = { key: 'scenarios.error.number' }
    else if (perAgent !== undefined) {
      const field =
        type === 'monitor' && values[screenPerAgentField] === '1' ? screenPerAgentField : perAgentId
      if (!agentsKnown) problems[field] = { key: 'scenarios.error.noAgents' }
      else if (perAgent < 0) problems[field] = { key: 'scenarios.error.perAgentNegative' }
      else fewerDevices[type] = { perAgent }
    }
  }

  const option = (values.electricity ?? '').trim()
  if (option !== '') {
    if (!base.electricity.options.some((candidate) => candidate.id === option))
      problems.electricity = { key: 'scenarios.error.electricityUnknown', params: { option } }
    else scenario.electricityOption = option
  }
  const factor = readNumber(values.electricityFactor)
  if (factor === 'invalid') problems.electricityFactor = { key: 'scenarios.error.number' }
  else if (factor !== undefined) {
    if (factor < 0 || factor > 2) problems.electricityFactor = { key: 'scenarios.error.factorRange' }
    else if (option !== '') problems.electricityFactor = { key: 'scenarios.error.electricityBoth' }
    else scenario.electricityFactor = factor
  }

  if (name !== '') scenario.name = name
  if (Object.keys(extendLifetime).length > 0) scenario.extendLifetime = extendLifetime
  if (Object.keys(refurbishedShare).length > 0) scenario.refurbishedShare = refurbishedShare
  if (Object.keys(fewerDevices).length > 0) scenario.fewerDevices = fewerDevices

  const errors: FieldErrors = {}
  for (const [field, problem] of Object.entries(problems))
    errors[field] = options.t(problem.key, problem.params)
  // The scenario format's own checks for this base: the authority on what may be saved.
  const schemaErrors = new Set<string>()
  const checked = parseScenario(scenario, base)
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const field = fieldOfPath(issue.path, values)
      if (errors[field] !== undefined) continue
      errors[field] = issue.message
      schemaErrors.add(field)
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors, schemaErrors }
  return { ok: true, name, stored: { scenario: checked.data as Scenario, fewerShare } }
}

const numberText = (value: number) => String(Math.round(value * 1e6) / 1e6).replace('.', ',')

/** The form's values for a stored scenario (edit form). */
export function scenarioFormValues(name: string, stored: StoredScenario): Record<string, string> {
  const values: Record<string, string> = { name }
  const { scenario } = stored
  for (const [type, years] of Object.entries(scenario.extendLifetime ?? {}))
    values[fieldId('extend', type as DeviceType)] = numberText(years)
  for (const [type, share] of Object.entries(scenario.refurbishedShare ?? {}))
    values[fieldId('refurbished', type as DeviceType)] = numberText(share * 100)
  for (const [type, share] of Object.entries(stored.fewerShare))
    values[fieldId('fewer', type as DeviceType)] = numberText(share * 100)
  for (const [type, rule] of Object.entries(scenario.fewerDevices ?? {})) {
    if (rule?.perAgent === undefined) continue
    if (type === 'monitor' && rule.perAgent === 1) values[screenPerAgentField] = '1'
    else values[fieldId('perAgent', type as DeviceType)] = numberText(rule.perAgent)
  }
  if (scenario.electricityOption !== undefined) values.electricity = scenario.electricityOption
  if (scenario.electricityFactor !== undefined)
    values.electricityFactor = numberText(scenario.electricityFactor)
  return values
}

/** The device types a scenario names, for the form to offer them even when the inventory has none. */
export function typesOfScenario(stored: StoredScenario): DeviceType[] {
  const named = new Set<string>([
    ...Object.keys(stored.scenario.extendLifetime ?? {}),
    ...Object.keys(stored.scenario.refurbishedShare ?? {}),
    ...Object.keys(stored.scenario.fewerDevices ?? {}),
    ...Object.keys(stored.fewerShare),
  ])
  return deviceTypes.filter((type) => named.has(type))
}
