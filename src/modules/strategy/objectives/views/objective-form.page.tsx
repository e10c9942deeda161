import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { CsrfField, ErrorSummary, FieldError, type FieldErrors, TextAreaField } from '../../../../ui/forms.js'
import type { Referential } from '../../../referential/referential.schemas.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { targetRows, targetValueField, targetYearField } from '../objective-form.js'

export interface ObjectiveFormProps {
  c: Context<AppEnv>
  mode: 'create' | 'edit'
  action: string
  values: Record<string, string>
  errors: FieldErrors
  referential: Referential
  /** Where « Annuler » leads: the objective (edit) or the list (create). */
  cancelHref: string
  /** The objective's title as saved, for the edit page's heading. */
  currentTitle?: string
}

/** Create or edit an objective: an indicator, a baseline and up to five targets, no JavaScript. */
export function ObjectiveFormPage(props: ObjectiveFormProps) {
  const { c, values, errors, referential } = props
  const t = c.get('t')
  const french = c.get('locale') === 'fr' ? undefined : 'fr'
  const title =
    props.mode === 'create'
      ? t('objectives.form.createTitle')
      : t('objectives.form.editTitle', { title: props.currentTitle ?? '' })
  const labels: Record<string, string> = {
    indicator: t('objectives.field.indicator'),
    title: t('objectives.field.title'),
    axis: t('objectives.field.axis'),
    baselineYear: t('objectives.field.baselineYear'),
    baselineValue: t('objectives.field.baselineValue'),
    comment: t('objectives.field.comment'),
  }
  for (const row of targetRows) {
    labels[targetYearField(row)] = t('objectives.field.targetYear', { row })
    labels[targetValueField(row)] = t('objectives.field.targetValue', { row })
  }
  const described = (field: string, hint?: string) =>
    [hint ?? '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined
  const invalid = (field: string) => (errors[field] ? 'true' : undefined)
  const TextInput = ({
    field,
    hint,
    numeric,
  }: {
    field: string
    hint?: string
    numeric?: 'year' | 'value'
  }) => (
    <input
      id={field}
      name={field}
      type="text"
      value={values[field] ?? ''}
      inputmode={numeric === 'year' ? 'numeric' : numeric === 'value' ? 'decimal' : undefined}
      size={numeric ? 8 : undefined}
      maxlength={numeric === 'year' ? 4 : numeric ? 24 : 200}
      aria-invalid={invalid(field)}
      aria-describedby={described(field, hint)}
    />
  )

  return (
    <>
      <h1>{title}</h1>
      <StrategyNav c={c} current="objectives" />
      <p class="lead">{t('objectives.form.lead')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form method="post" action={props.action} class="stack" novalidate>
        <CsrfField c={c} />
        <div class="field">
          <label for="indicator">{labels.indicator}</label>
          <span class="hint" id="indicator-hint">
            {t('objectives.form.indicatorHint')}
          </span>
          <FieldError name="indicator" error={errors.indicator} />
          <select
            id="indicator"
            name="indicator"
            aria-invalid={invalid('indicator')}
            aria-describedby={described('indicator', 'indicator-hint')}
          >
            <option value="">{t('objectives.form.indicatorChoose')}</option>
            {referential.ambitions.flatMap((ambition) =>
              ambition.commitments
                .filter((commitment) => commitment.indicators.length > 0)
                .map((commitment) => (
                  <optgroup label={`${commitment.id} — ${commitment.title}`} lang={french}>
                    {commitment.indicators.map((indicator) => (
                      <option value={indicator.id} selected={values.indicator === indicator.id}>
                        {`${indicator.id} — ${indicator.name} (${indicator.unit})`}
                      </option>
                    ))}
                  </optgroup>
                )),
            )}
          </select>
        </div>

        <div class="field">
          <label for="title">{labels.title}</label>
          <span class="hint" id="title-hint">
            {t('objectives.form.titleHint')}
          </span>
          <FieldError name="title" error={errors.title} />
          <TextInput field="title" hint="title-hint" />
        </div>

        <div class="field">
          <label for="axis">{labels.axis}</label>
          <span class="hint" id="axis-hint">
            {t('objectives.form.axisHint')}
          </span>
          <FieldError name="axis" error={errors.axis} />
          <select
            id="axis"
            name="axis"
            aria-invalid={invalid('axis')}
            aria-describedby={described('axis', 'axis-hint')}
          >
            <option value="">{t('objectives.form.axisNone')}</option>
            {referential.decreeAxes.map((axis) => (
              <option value={String(axis.id)} selected={values.axis === String(axis.id)} lang={french}>
                {`${axis.id} — ${axis.label}`}
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          <legend>{t('objectives.form.baselineLegend')}</legend>
          <p class="hint" id="baseline-hint">
            {t('objectives.form.baselineHint')}
          </p>
          <div class="field">
            <label for="baselineYear">{labels.baselineYear}</label>
            <FieldError name="baselineYear" error={errors.baselineYear} />
            <TextInput field="baselineYear" hint="baseline-hint" numeric="year" />
          </div>
          <div class="field">
            <label for="baselineValue">{labels.baselineValue}</label>
            <FieldError name="baselineValue" error={errors.baselineValue} />
            <TextInput field="baselineValue" hint="baseline-hint" numeric="value" />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('objectives.form.targetsLegend')}</legend>
          <p class="hint" id="targets-hint">
            {t('objectives.form.targetsHint')}
          </p>
          <table class="lever-table">
            <caption class="visually-hidden">{t('objectives.form.targetsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('objectives.form.targetRow')}</th>
                <th scope="col">{t('objectives.form.targetYearColumn')}</th>
                <th scope="col">{t('objectives.form.targetValueColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {targetRows.map((row) => (
                <tr>
                  <th scope="row">{t('objectives.form.targetNumber', { row })}</th>
                  {[targetYearField(row), targetValueField(row)].map((field, index) => (
                    <td>
                      <label class="visually-hidden" for={field}>
                        {labels[field]}
                      </label>
                      <TextInput
                        field={field}
                        hint={row === 1 ? 'targets-hint' : undefined}
                        numeric={index === 0 ? 'year' : 'value'}
                      />
                      <FieldError name={field} error={errors[field]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>

        <TextAreaField
          name="comment"
          label={labels.comment as string}
          value={values.comment}
          error={errors.comment}
          rows={3}
          maxlength={2000}
        />

        <div class="actions">
          <button type="submit">{t('objectives.form.save')}</button>
          <a href={props.cancelHref}>{t('objectives.form.cancel')}</a>
        </div>
      </form>
    </>
  )
}
