import type { MessageKey, MessageParams } from '../../../i18n/i18n.js'
import type { DeviceFactors } from '../factor-base.schemas.js'

export type DeviceField = 'lifetimeYears' | 'activePowerW' | 'hoursPerDay'

export interface DeviceProblem {
  field: DeviceField
  message: MessageKey
  params?: MessageParams
}

/**
 * The schema's checks on one device's figures, in the visitor's language and tied to the field
 * people typed (factor-base.schemas.ts runs them again afterwards, as the last word). Negative
 * numbers are refused when each value is read.
 */
export function deviceFigureProblems(device: DeviceFactors): DeviceProblem[] {
  const problems: DeviceProblem[] = []
  if (device.lifetimeYears !== null && device.lifetimeYears < 1)
    problems.push({ field: 'lifetimeYears', message: 'factor-bases.value.lifetimeMin' })
  else if (device.factors && device.lifetimeYears === null)
    problems.push({ field: 'lifetimeYears', message: 'factor-bases.value.lifetimeRequired' })
  if (device.hoursPerDay !== null && device.hoursPerDay > 24)
    problems.push({ field: 'hoursPerDay', message: 'factor-bases.value.hoursMax' })
  if ((device.activePowerW === null) !== (device.hoursPerDay === null))
    problems.push({
      field: device.activePowerW === null ? 'activePowerW' : 'hoursPerDay',
      message: 'factor-bases.value.powerAndHours',
    })
  return problems
}
