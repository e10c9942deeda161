import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../../ui/forms.js'
import { embodiedPhases, type FactorBase } from '../../factor-base.schemas.js'
import { deviceTypeLabels } from '../../import/type-mapping.js'
import { deviceTypes } from '../../inventory-item.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import { baseFormLabels, deviceField, electricityField, factorField } from '../base-form.js'
import { editBasePath, phaseKeys, workspaceBasePath } from './base-parts.js'

/**
 * The figures of a workspace's own base as a form: every device type (lifetime, power, hours,
 * each criterion × phase) and each electricity option's factor. Saving publishes the next version.
 */
export function EditBasePage({
  c,
  base,
  nextVersion,
  values,
  errors,
}: {
  c: Context<AppEnv>
  base: FactorBase
  nextVersion: string
  values: Record<string, string>
  errors: FieldErrors
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const labels = baseFormLabels(base, t, locale)
  const decimal = (name: string, label: string, hint?: string) => (
    <Field
      name={name}
      label={label}
      value={values[name]}
      error={errors[name]}
      inputmode="decimal"
      {...(hint ? { hint } : {})}
    />
  )
  return (
    <>
      <h1>{t('factor-bases.edit.title', { title: base.title, version: base.version })}</h1>
      <FootprintNav c={c} current="bases" />
      <p>
        <a href={workspaceBasePath(workspace.id, base.id, base.version)}>{t('factor-bases.edit.back')}</a>
      </p>
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <p>{t('factor-bases.edit.intro', { version: base.version, next: nextVersion })}</p>
      <p>{t('factor-bases.edit.numbers')}</p>
      <form method="post" action={editBasePath(workspace.id, base.id, base.version)} class="stack base-form">
        <CsrfField c={c} />
        {deviceTypes.map((type) => (
          <fieldset class="base-fields">
            <legend>
              {deviceTypeLabels[type][locale]} <code>{type}</code>
            </legend>
            {decimal(deviceField(type, 'lifetimeYears'), t('factor-bases.field.lifetimeYears'))}
            {decimal(deviceField(type, 'activePowerW'), t('factor-bases.field.activePowerW'))}
            {decimal(deviceField(type, 'hoursPerDay'), t('factor-bases.field.hoursPerDay'))}
            {base.criteria.flatMap((criterion) =>
              embodiedPhases.map((phase) =>
                decimal(
                  factorField(type, phase, criterion.id),
                  `${criterion.label}, ${t(phaseKeys[phase])} (${criterion.unit})`,
                ),
              ),
            )}
            <Field
              name={deviceField(type, 'source')}
              label={t('factor-bases.field.source')}
              hint={t('factor-bases.edit.sourceHint')}
              value={values[deviceField(type, 'source')]}
              error={errors[deviceField(type, 'source')]}
            />
            <Field
              name={deviceField(type, 'licence')}
              label={t('factor-bases.field.licence')}
              value={values[deviceField(type, 'licence')]}
              error={errors[deviceField(type, 'licence')]}
            />
          </fieldset>
        ))}
        {base.electricity.options.map((option, index) => (
          <fieldset class="base-fields">
            <legend>
              {t('factor-bases.field.electricity', { option: option.id })} —{' '}
              <span lang="fr">{option.label}</span>
            </legend>
            {base.criteria.map((criterion) =>
              decimal(electricityField(index, criterion.id), `${criterion.label} (${criterion.unit}/kWh)`),
            )}
          </fieldset>
        ))}
        <button type="submit">{t('factor-bases.edit.submit', { version: nextVersion })}</button>
      </form>
    </>
  )
}
