import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { actionStatuses } from '../../../../db/schema.js'
import {
  CsrfField,
  ErrorSummary,
  Field,
  FieldError,
  type FieldErrors,
  SelectField,
  TextAreaField,
} from '../../../../ui/forms.js'
import type { Commitment } from '../../../referential/referential.schemas.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { type ActionFormValues, titleMaxLength } from '../action-form.js'
import { statusKeys } from './action-texts.js'

export interface ActionFormChoices {
  commitments: readonly Commitment[]
  decreeAxes: readonly { id: number; label: string }[]
  members: readonly { id: number; name: string }[]
  objectives: readonly { id: number; title: string }[]
}

/** Create or edit an action: every field of the plan, errors named and linked from the summary. */
export function ActionFormPage({
  c,
  mode,
  action,
  cancel,
  values,
  errors,
  choices,
  currentTitle,
}: {
  c: Context<AppEnv>
  mode: 'create' | 'edit'
  /** Where the form posts. */
  action: string
  /** Where « Annuler » goes. */
  cancel: string
  values: ActionFormValues
  errors: FieldErrors
  choices: ActionFormChoices
  currentTitle?: string
}) {
  const t = c.get('t')
  const french = c.get('locale') === 'fr' ? undefined : 'fr'
  const workspace = c.get('workspace')
  const value = (field: string) => values.single[field] ?? ''
  const labels: Record<string, string> = {
    title: t('actions.field.title'),
    description: t('actions.field.description'),
    commitments: t('actions.field.commitments'),
    decreeAxis: t('actions.field.decreeAxis'),
    owner: t('actions.field.owner'),
    service: t('actions.field.service'),
    startDate: t('actions.field.startDate'),
    endDate: t('actions.field.endDate'),
    status: t('actions.field.status'),
    budget: t('actions.field.budget'),
    objectives: t('actions.field.objectives'),
    isPublic: t('actions.field.isPublic'),
  }
  const describedBy = (field: string, hint?: string) =>
    [hint ?? '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined
  /** The first box of a group carries the group's id: the error summary's link lands on it. */
  const boxId = (group: string, index: number) => (index === 0 ? group : `${group}-${index + 1}`)
  const title =
    mode === 'create'
      ? t('actions.form.createTitle')
      : t('actions.form.editTitle', { title: currentTitle ?? '' })

  return (
    <>
      <h1>{title}</h1>
      <StrategyNav c={c} current="actions" />
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField c={c} />
        <Field
          name="title"
          label={labels.title as string}
          value={value('title')}
          error={errors.title}
          hint={t('actions.field.titleHint', { maximum: titleMaxLength })}
          required
        />
        <TextAreaField
          name="description"
          label={labels.description as string}
          value={value('description')}
          error={errors.description}
          rows={5}
        />

        <fieldset aria-describedby={describedBy('commitments', 'commitments-hint')}>
          <legend>{labels.commitments}</legend>
          <p class="hint" id="commitments-hint">
            {t('actions.field.commitmentsHint')}
          </p>
          <FieldError name="commitments" error={errors.commitments} />
          <div class="checkbox-list">
            {choices.commitments.map((commitment, index) => (
              <span class="scenario-checkbox-row">
                <input
                  type="checkbox"
                  id={boxId('commitments', index)}
                  name="commitments"
                  value={commitment.id}
                  checked={values.commitments.includes(commitment.id)}
                />
                <label for={boxId('commitments', index)}>
                  {commitment.id} · <span lang={french}>{commitment.title}</span>
                </label>
              </span>
            ))}
          </div>
        </fieldset>

        <SelectField
          name="decreeAxis"
          label={labels.decreeAxis as string}
          value={value('decreeAxis')}
          error={errors.decreeAxis}
          choices={[
            { value: '', label: t('actions.field.decreeAxisNone') },
            ...choices.decreeAxes.map((axis) => ({
              value: String(axis.id),
              label: `${axis.id}. ${axis.label}`,
            })),
          ]}
        />

        <fieldset>
          <legend>{t('actions.field.ownerLegend')}</legend>
          <p class="hint">{t('actions.field.ownerHint')}</p>
          <SelectField
            name="owner"
            label={labels.owner as string}
            value={value('owner')}
            error={errors.owner}
            choices={[
              { value: '', label: t('actions.field.ownerNone') },
              ...choices.members.map((member) => ({ value: String(member.id), label: member.name })),
            ]}
          />
          <Field
            name="service"
            label={labels.service as string}
            value={value('service')}
            error={errors.service}
          />
        </fieldset>

        <Field
          name="startDate"
          type="date"
          label={labels.startDate as string}
          value={value('startDate')}
          error={errors.startDate}
          hint={t('actions.field.dateHint')}
        />
        <Field
          name="endDate"
          type="date"
          label={labels.endDate as string}
          value={value('endDate')}
          error={errors.endDate}
          hint={t('actions.field.dateHint')}
        />
        <SelectField
          name="status"
          label={labels.status as string}
          value={value('status')}
          error={errors.status}
          choices={actionStatuses.map((status) => ({ value: status, label: t(statusKeys[status]) }))}
        />
        <Field
          name="budget"
          label={labels.budget as string}
          value={value('budget')}
          error={errors.budget}
          hint={t('actions.field.budgetHint')}
          inputmode="decimal"
        />

        <fieldset aria-describedby={describedBy('objectives')}>
          <legend>{labels.objectives}</legend>
          <FieldError name="objectives" error={errors.objectives} />
          {choices.objectives.length === 0 ? (
            <p>
              {t('actions.field.objectivesNone')}{' '}
              <a href={`/espace/${workspace.id}/strategie/objectifs`}>{t('actions.field.objectivesLink')}</a>
            </p>
          ) : (
            <div class="checkbox-list">
              {choices.objectives.map((objective, index) => (
                <span class="scenario-checkbox-row">
                  <input
                    type="checkbox"
                    id={boxId('objectives', index)}
                    name="objectives"
                    value={String(objective.id)}
                    checked={values.objectives.includes(String(objective.id))}
                  />
                  <label for={boxId('objectives', index)}>{objective.title}</label>
                </span>
              ))}
            </div>
          )}
        </fieldset>

        <div class="scenario-checkbox">
          <span class="scenario-checkbox-row">
            <input
              type="checkbox"
              id="isPublic"
              name="isPublic"
              value="1"
              checked={value('isPublic') === '1'}
              aria-describedby="isPublic-hint"
            />
            <label for="isPublic">{labels.isPublic}</label>
          </span>
          <span class="hint" id="isPublic-hint">
            {t('actions.field.isPublicHint')}
          </span>
        </div>

        <button type="submit">{t('actions.form.save')}</button>
      </form>
      <p>
        <a href={cancel}>{t('actions.form.cancel')}</a>
      </p>
    </>
  )
}
