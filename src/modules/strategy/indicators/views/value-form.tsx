import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import {
  CsrfField,
  ErrorSummary,
  Field,
  FieldError,
  type FieldErrors,
  TextAreaField,
} from '../../../../ui/forms.js'
import type { Indicator } from '../../../referential/referential.schemas.js'
import { evidenceAccept, maxEvidenceBytes } from '../evidence-file.js'
import { firstValueYear, lastValueYear, maxCommentLength, valueFields } from '../indicator-value-form.js'
import type { IndicatorValueRow } from '../indicator-values.queries.js'

/**
 * Entering (or correcting) one year's value: multipart, since it may carry an evidence file. The
 * year's current file, if any, is kept unless replaced or explicitly removed.
 */
export function ValueForm({
  c,
  indicator,
  action,
  form,
  entered,
}: {
  c: Context<AppEnv>
  indicator: Indicator
  action: string
  form: { values: Record<string, string>; errors: FieldErrors }
  entered: ReadonlyMap<number, IndicatorValueRow>
}) {
  const t = c.get('t')
  const { values, errors } = form
  const current = entered.get(Number(values[valueFields.year]))
  const labels = {
    [valueFields.year]: t('indicators.form.year'),
    [valueFields.value]: t('indicators.form.value', { unit: indicator.unit }),
    [valueFields.source]: t('indicators.form.source'),
    [valueFields.comment]: t('indicators.form.comment'),
    [valueFields.url]: t('indicators.form.url'),
    [valueFields.file]: t('indicators.form.file'),
  }
  const describedBy = (field: string, hint: boolean) =>
    [hint ? `${field}-hint` : '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined

  return (
    <section aria-labelledby="saisie-heading" id="saisie" class="panel">
      <h2 id="saisie-heading">{t('indicators.form.heading')}</h2>
      <p>{t('indicators.form.lead')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField c={c} />
        <Field
          name={valueFields.year}
          label={labels[valueFields.year] as string}
          hint={t('indicators.form.yearHint', { min: firstValueYear, max: lastValueYear() })}
          value={values[valueFields.year]}
          error={errors[valueFields.year]}
          inputmode="numeric"
          required
        />
        <Field
          name={valueFields.value}
          label={labels[valueFields.value] as string}
          hint={t('indicators.form.valueHint')}
          value={values[valueFields.value]}
          error={errors[valueFields.value]}
          inputmode="decimal"
          required
        />
        <Field
          name={valueFields.source}
          label={labels[valueFields.source] as string}
          hint={t('indicators.form.sourceHint')}
          value={values[valueFields.source]}
          error={errors[valueFields.source]}
        />
        <TextAreaField
          name={valueFields.comment}
          label={labels[valueFields.comment] as string}
          value={values[valueFields.comment]}
          error={errors[valueFields.comment]}
          rows={3}
          maxlength={maxCommentLength}
        />
        <Field
          name={valueFields.url}
          label={labels[valueFields.url] as string}
          hint={t('indicators.form.urlHint')}
          value={values[valueFields.url]}
          error={errors[valueFields.url]}
        />
        <div class="field">
          <label for={valueFields.file}>{labels[valueFields.file]}</label>
          <span class="hint" id={`${valueFields.file}-hint`}>
            {t('indicators.form.fileHint', { size: maxEvidenceBytes / 1024 / 1024 })}
          </span>
          <FieldError name={valueFields.file} error={errors[valueFields.file]} />
          <input
            id={valueFields.file}
            name={valueFields.file}
            type="file"
            accept={evidenceAccept}
            aria-invalid={errors[valueFields.file] ? 'true' : undefined}
            aria-describedby={describedBy(valueFields.file, true)}
          />
        </div>
        {current?.evidence_file_path ? (
          <div class="scenario-checkbox">
            <p>{t('indicators.form.currentFile', { name: current.evidence_file_name ?? '' })}</p>
            <span class="scenario-checkbox-row">
              <input
                type="checkbox"
                id={valueFields.removeFile}
                name={valueFields.removeFile}
                value="1"
                checked={values[valueFields.removeFile] === '1'}
              />
              <label for={valueFields.removeFile}>{t('indicators.form.removeFile')}</label>
            </span>
          </div>
        ) : null}
        <button type="submit">{t('indicators.form.submit')}</button>
      </form>
    </section>
  )
}
