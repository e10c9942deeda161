import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { milestoneKinds } from '../../../../db/schema.js'
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  SelectField,
  TextAreaField,
} from '../../../../ui/forms.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { type MilestoneField, maxCommentLength } from '../milestone-form.js'

/** Adding or editing a milestone: one form, the annual review's year asked only when it applies. */
export function MilestoneFormPage({
  c,
  mode,
  action,
  values,
  errors,
}: {
  c: Context<AppEnv>
  mode: 'create' | 'edit'
  action: string
  values: Partial<Record<MilestoneField, string>>
  errors: FieldErrors
}) {
  const t = c.get('t')
  const labels: Record<MilestoneField, string> = {
    type: t('milestones.field.type'),
    date: t('milestones.field.date'),
    annee: t('milestones.field.year'),
    deliberation: t('milestones.field.deliberation'),
    document: t('milestones.field.document'),
    commentaire: t('milestones.field.comment'),
  }
  const title = mode === 'create' ? t('milestones.form.createTitle') : t('milestones.form.editTitle')
  return (
    <>
      <h1>{title}</h1>
      <StrategyNav c={c} current="milestones" />
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form method="post" action={action} class="stack">
        <CsrfField c={c} />
        <SelectField
          name="type"
          label={labels.type}
          value={values.type ?? ''}
          error={errors.type}
          choices={[
            { value: '', label: t('milestones.form.chooseType') },
            ...milestoneKinds.map((kind) => ({ value: kind, label: t(`reen.kind.${kind}`) })),
          ]}
        />
        <Field
          name="date"
          type="date"
          label={labels.date}
          hint={t('milestones.form.dateHint')}
          value={values.date}
          error={errors.date}
          required
        />
        <Field
          name="annee"
          label={labels.annee}
          hint={t('milestones.form.yearHint')}
          value={values.annee}
          error={errors.annee}
          inputmode="numeric"
        />
        <Field
          name="deliberation"
          label={labels.deliberation}
          hint={t('milestones.form.deliberationHint')}
          value={values.deliberation}
          error={errors.deliberation}
        />
        <Field
          name="document"
          label={labels.document}
          hint={t('milestones.form.documentHint')}
          value={values.document}
          error={errors.document}
        />
        <TextAreaField
          name="commentaire"
          label={labels.commentaire}
          value={values.commentaire ?? ''}
          error={errors.commentaire}
          maxlength={maxCommentLength}
          rows={3}
        />
        <div class="actions">
          <button type="submit">
            {mode === 'create' ? t('milestones.form.create') : t('milestones.form.save')}
          </button>
          <a href={`/espace/${c.get('workspace').id}/strategie/jalons`}>{t('milestones.form.cancel')}</a>
        </div>
      </form>
    </>
  )
}

/** Deleting a milestone: a confirmation page first (no JavaScript dialog). */
export function DeleteMilestonePage({
  c,
  label,
  date,
  action,
}: {
  c: Context<AppEnv>
  label: string
  date: string
  action: string
}) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('milestones.delete.title', { milestone: label })}</h1>
      <StrategyNav c={c} current="milestones" />
      <p>{t('milestones.delete.question', { milestone: label, date })}</p>
      <form method="post" action={action} class="actions">
        <CsrfField c={c} />
        <button type="submit">{t('milestones.delete.confirm')}</button>
        <a href={`/espace/${c.get('workspace').id}/strategie/jalons`}>{t('milestones.form.cancel')}</a>
      </form>
    </>
  )
}
