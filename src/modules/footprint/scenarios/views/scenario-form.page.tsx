import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber } from '../../../../i18n/i18n.js'
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../ui/forms.js'
import type { FactorBase } from '../../factor-base.schemas.js'
import { deviceTypeLabels } from '../../import/type-mapping.js'
import type { DeviceType } from '../../inventory-item.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import type { StoredComparison } from '../compare-stored-scenario.js'
import { fieldId, type LeverField, screenPerAgentField } from '../scenario-form.js'
import { ComparisonDetails } from './comparison.js'
import { formatRatio, formatShareRatio } from './figures.js'
import { refurbishedSource } from './levers.js'

export interface ScenarioFormProps {
  c: Context<AppEnv>
  mode: 'create' | 'edit'
  /** The form's action (with `?annee=` when a year was chosen, for the preview). */
  action: string
  values: Record<string, string>
  errors: FieldErrors
  /** Fields whose message comes from the scenario schema (French whatever the page's language). */
  schemaErrors: Set<string>
  base: FactorBase
  types: DeviceType[]
  agents: number | null
  year: number
  preview: StoredComparison | null
  /** The scenario's name when editing (for the title). */
  currentName?: string
}

const columns: { lever: LeverField; key: 'extend' | 'refurbished' | 'fewer' | 'perAgent' }[] = [
  { lever: 'extend', key: 'extend' },
  { lever: 'refurbished', key: 'refurbished' },
  { lever: 'fewer', key: 'fewer' },
  { lever: 'perAgent', key: 'perAgent' },
]

/** Create or edit a scenario: every lever of the scenario format, a preview, and saving. */
export function ScenarioFormPage(props: ScenarioFormProps) {
  const { c, values, errors, base, types, agents } = props
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const agentsKnown = agents !== null && agents > 0
  const shown = columns.filter((column) => column.lever !== 'perAgent' || agentsKnown)
  const columnLabel = {
    extend: t('scenarios.form.extend'),
    refurbished: t('scenarios.form.refurbished'),
    fewer: t('scenarios.form.fewer'),
    perAgent: t('scenarios.form.perAgent'),
  }
  const labels: Record<string, string> = {
    name: t('scenarios.form.name'),
    electricity: t('scenarios.form.electricity'),
    electricityFactor: t('scenarios.form.electricityFactor'),
    [screenPerAgentField]: t('scenarios.form.screenPerAgent'),
  }
  for (const type of types)
    for (const column of columns)
      labels[fieldId(column.lever, type)] =
        `${deviceTypeLabels[type][locale]}${t('ui.colon')}${columnLabel[column.key]}`
  const errorLang = (field: string) => (props.schemaErrors.has(field) && locale !== 'fr' ? 'fr' : undefined)
  const french = locale === 'fr' ? undefined : 'fr'
  const defaultOption = base.electricity.options.find(
    (option) => option.id === base.electricity.countries[base.electricity.fallbackCountry],
  )
  const title =
    props.mode === 'create'
      ? t('scenarios.form.createTitle')
      : t('scenarios.form.editTitle', { name: props.currentName ?? '' })
  const described = (field: string, hint?: string) =>
    [hint ?? '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined
  const FieldError = ({ field }: { field: string }) =>
    errors[field] ? (
      <span class="field-error" id={`${field}-error`} lang={errorLang(field)}>
        {errors[field]}
      </span>
    ) : null

  return (
    <>
      <h1>{title}</h1>
      <FootprintNav c={c} current="scenarios" />
      <p class="lead">{t('scenarios.form.lead')}</p>
      <p class="meta">
        {t('scenarios.form.baseUsed', { id: base.id, version: base.version })}
        {' · '}
        <a href={`/espace/${workspace.id}/empreinte/bases`}>{t('scenarios.form.baseLink')}</a>
      </p>
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form method="post" action={props.action} class="stack scenario-form" novalidate>
        <CsrfField c={c} />
        <div class="field">
          <label for="name">{labels.name}</label>
          <span class="hint" id="name-hint">
            {t('scenarios.form.nameHint')}
          </span>
          <FieldError field="name" />
          <input
            id="name"
            name="name"
            type="text"
            value={values.name ?? ''}
            maxlength={120}
            aria-invalid={errors.name ? 'true' : undefined}
            aria-describedby={described('name', 'name-hint')}
          />
        </div>

        <fieldset>
          <legend>{t('scenarios.form.leversLegend')}</legend>
          <p class="hint" id="levers-hint">
            {t('scenarios.form.leversHint')}
          </p>
          <div class="table-scroll">
            <table class="lever-table">
              <caption>{t('scenarios.form.leversCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scenarios.table.type')}</th>
                  {shown.map((column) => (
                    <th scope="col">{columnLabel[column.key]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {types.map((type) => {
                  const source = refurbishedSource(base, type)
                  return (
                    <tr>
                      <th scope="row">{deviceTypeLabels[type][locale]}</th>
                      {shown.map((column) => {
                        const id = fieldId(column.lever, type)
                        const hintId = column.lever === 'refurbished' && source ? `${id}-hint` : undefined
                        return (
                          <td>
                            <label class="visually-hidden" for={id}>
                              {labels[id]}
                            </label>
                            <input
                              id={id}
                              name={id}
                              type="text"
                              inputmode="decimal"
                              size={5}
                              class="lever-input"
                              value={values[id] ?? ''}
                              aria-invalid={errors[id] ? 'true' : undefined}
                              aria-describedby={described(id, hintId)}
                            />
                            {hintId && source ? (
                              <span class="hint" id={hintId}>
                                {t('scenarios.form.ratioHint', {
                                  ratio: formatShareRatio(locale, source.ratio.ratio),
                                })}
                              </span>
                            ) : null}
                            <FieldError field={id} />
                          </td>
                        )
                      })}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          {agentsKnown ? (
            <div class="scenario-checkbox">
              <FieldError field={screenPerAgentField} />
              <span class="scenario-checkbox-row">
                <input
                  type="checkbox"
                  id={screenPerAgentField}
                  name={screenPerAgentField}
                  value="1"
                  checked={values[screenPerAgentField] === '1'}
                  aria-invalid={errors[screenPerAgentField] ? 'true' : undefined}
                  aria-describedby={described(screenPerAgentField, `${screenPerAgentField}-hint`)}
                />
                <label for={screenPerAgentField}>{labels[screenPerAgentField]}</label>
              </span>
              <span class="hint" id={`${screenPerAgentField}-hint`}>
                {t('scenarios.form.screenPerAgentHint', { agents: formatNumber(locale, agents) })}
              </span>
            </div>
          ) : (
            <p class="hint">
              {t('scenarios.form.noAgents')}{' '}
              <a href={`/espace/${workspace.id}`}>{t('scenarios.form.declareAgents')}</a>
            </p>
          )}
          <details>
            <summary>{t('scenarios.form.ratiosSummary')}</summary>
            <ul>
              {types.map((type) => {
                const source = refurbishedSource(base, type)
                return (
                  <li>
                    {deviceTypeLabels[type][locale]}
                    {t('ui.colon')}
                    {source ? (
                      <>
                        {formatShareRatio(locale, source.ratio.ratio)} —{' '}
                        <span lang={french}>
                          {source.ratio.basis}. {t('scenarios.form.source')}
                          {t('ui.colon')}
                          {source.source}
                        </span>
                      </>
                    ) : (
                      t('scenarios.form.noRatio')
                    )}
                  </li>
                )
              })}
            </ul>
          </details>
        </fieldset>

        <fieldset>
          <legend>{t('scenarios.form.electricityLegend')}</legend>
          <div class="field">
            <label for="electricity">{labels.electricity}</label>
            <FieldError field="electricity" />
            <select
              id="electricity"
              name="electricity"
              aria-invalid={errors.electricity ? 'true' : undefined}
              aria-describedby={described('electricity')}
            >
              <option value="">
                {t('scenarios.form.electricityDefault', { label: defaultOption?.label ?? '—' })}
              </option>
              {base.electricity.options.map((option) => (
                <option value={option.id} selected={values.electricity === option.id}>
                  {option.label} —{' '}
                  {option.perKwh.climate === null || option.perKwh.climate === undefined
                    ? t('scenarios.notAvailable')
                    : `${formatRatio(locale, option.perKwh.climate)} kgCO2e/kWh`}
                </option>
              ))}
            </select>
          </div>
          <details>
            <summary>{t('scenarios.form.electricitySources')}</summary>
            <dl class="sources">
              {base.electricity.options.map((option) => (
                <>
                  <dt lang={french}>{option.label}</dt>
                  <dd lang={french}>
                    {option.source}
                    {option.note ? ` ${option.note}` : ''}
                  </dd>
                </>
              ))}
            </dl>
          </details>
          <div class="field">
            <label for="electricityFactor">{labels.electricityFactor}</label>
            <span class="hint" id="electricityFactor-hint">
              {t('scenarios.form.electricityFactorHint')}
            </span>
            <FieldError field="electricityFactor" />
            <input
              id="electricityFactor"
              name="electricityFactor"
              type="text"
              inputmode="decimal"
              value={values.electricityFactor ?? ''}
              aria-invalid={errors.electricityFactor ? 'true' : undefined}
              aria-describedby={described('electricityFactor', 'electricityFactor-hint')}
            />
          </div>
        </fieldset>

        <div class="actions">
          <button type="submit" name="action" value="preview" class="secondary">
            {t('scenarios.form.preview')}
          </button>
          <button type="submit" name="action" value="save">
            {t('scenarios.form.save')}
          </button>
        </div>
      </form>

      {props.preview ? (
        <section aria-labelledby="preview-heading" class="preview">
          <h2 id="preview-heading">{t('scenarios.form.previewTitle', { year: props.year })}</h2>
          <p>{t('scenarios.form.previewNotSaved')}</p>
          {props.preview.ok ? (
            <ComparisonDetails c={c} comparison={props.preview.comparison} id="preview" />
          ) : (
            <ComparisonProblems c={c} comparison={props.preview} />
          )}
        </section>
      ) : null}
    </>
  )
}

/** Why a scenario cannot be computed (base changed, agents no longer declared). */
export function ComparisonProblems({
  c,
  comparison,
}: {
  c: Context<AppEnv>
  comparison: Extract<StoredComparison, { ok: false }>
}) {
  const t = c.get('t')
  const french = c.get('locale') === 'fr' ? undefined : 'fr'
  return (
    <div class="notice" role="status">
      {comparison.agentsMissing ? <p>{t('scenarios.view.agentsMissing')}</p> : null}
      {comparison.problems.length > 0 ? (
        <>
          <p>{t('scenarios.view.invalidForBase')}</p>
          <ul>
            {comparison.problems.map((problem) => (
              <li lang={french}>{problem}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
