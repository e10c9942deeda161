import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatBudget, formatLongDate } from '../../../../i18n/i18n.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField, ErrorSummary, type FieldErrors, TextAreaField } from '../../../../ui/forms.js'
import type { Commitment } from '../../../referential/referential.schemas.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import type { ActionDetails } from '../actions.queries.js'
import { dateText, ownerText, statusKeys } from './action-texts.js'

/** Line breaks typed in a text, kept (each line its own line, never markup). */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/)
  return (
    <>
      {lines.map((line, index) => (
        <>
          {index > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  )
}

/** One action: its facts, its objectives, its progress notes (newest first) and the note form. */
export function ActionPage({
  c,
  action,
  commitments,
  decreeAxisLabel,
  objectives,
  notice,
  noteValue = '',
  noteErrors = {},
}: {
  c: Context<AppEnv>
  action: ActionDetails
  /** The action's commitments as the referential names them (an id it no longer has: id only). */
  commitments: { id: string; commitment: Commitment | undefined }[]
  decreeAxisLabel: string | null
  objectives: { id: number; title: string }[]
  notice: string | undefined
  noteValue?: string
  noteErrors?: FieldErrors
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const french = locale === 'fr' ? undefined : 'fr'
  const workspace = c.get('workspace')
  const base = `/espace/${workspace.id}/strategie`
  const path = `${base}/actions/${action.id}`
  const canEdit = canInWorkspace(workspace.role, 'strategy.edit')
  return (
    <>
      <h1>{action.title}</h1>
      <StrategyNav c={c} current="actions" />
      <Notice text={notice} />
      <ErrorSummary c={c} errors={noteErrors} labels={{ body: t('actions.note.label') }} />
      <p>
        <a href={`${base}/actions`}>{t('actions.view.back')}</a>
      </p>
      {canEdit ? (
        <ul class="inline-list">
          <li>
            <a href={`${path}/modifier`}>{t('actions.view.edit')}</a>
          </li>
          <li>
            <a href={`${path}/supprimer`}>{t('actions.view.delete')}</a>
          </li>
        </ul>
      ) : null}
      <dl class="facts">
        <dt>{t('actions.field.status')}</dt>
        <dd>{t(statusKeys[action.status])}</dd>
        <dt>{t('actions.table.visibility')}</dt>
        <dd>{t(action.isPublic ? 'actions.visibility.public' : 'actions.visibility.internal')}</dd>
        <dt>{t('actions.table.owner')}</dt>
        <dd>{ownerText(action)}</dd>
        <dt>{t('actions.field.startDate')}</dt>
        <dd>{dateText(locale, action.startDate)}</dd>
        <dt>{t('actions.field.endDate')}</dt>
        <dd>{dateText(locale, action.endDate)}</dd>
        <dt>{t('actions.table.budget')}</dt>
        <dd>{action.budgetEuros === null ? '—' : formatBudget(locale, action.budgetEuros)}</dd>
        <dt>{t('actions.table.commitments')}</dt>
        <dd>
          {commitments.length === 0
            ? '—'
            : commitments.map((entry, index) => (
                <>
                  {index > 0 ? <br /> : null}
                  {entry.id}
                  {entry.commitment ? (
                    <>
                      {' · '}
                      <span lang={french}>{entry.commitment.title}</span>
                    </>
                  ) : null}
                </>
              ))}
        </dd>
        <dt>{t('actions.field.decreeAxis')}</dt>
        <dd>
          {action.decreeAxis === null ? (
            '—'
          ) : (
            <>
              {action.decreeAxis}
              {decreeAxisLabel ? (
                <>
                  {'. '}
                  <span lang={french}>{decreeAxisLabel}</span>
                </>
              ) : null}
            </>
          )}
        </dd>
      </dl>
      {action.recommendationId ? (
        <p class="meta">{t('actions.view.recommendation', { id: action.recommendationId })}</p>
      ) : null}
      {action.description ? (
        <>
          <h2>{t('actions.field.description')}</h2>
          <p>
            <Lines text={action.description} />
          </p>
        </>
      ) : null}

      <h2>{t('actions.view.objectives')}</h2>
      {objectives.length === 0 ? (
        <p>{t('actions.view.noObjective')}</p>
      ) : (
        <ul>
          {objectives.map((objective) => (
            <li>
              <a href={`${base}/objectifs/${objective.id}`}>{objective.title}</a>
            </li>
          ))}
        </ul>
      )}

      <h2 id="notes-heading">{t('actions.view.notes')}</h2>
      {action.notes.length === 0 ? (
        <p>{t('actions.view.noNote')}</p>
      ) : (
        <ol aria-labelledby="notes-heading">
          {action.notes.map((note) => (
            <li>
              <p class="meta">
                {note.authorName
                  ? t('actions.note.by', {
                      author: note.authorName,
                      date: formatLongDate(locale, note.createdAt),
                    })
                  : t('actions.note.on', { date: formatLongDate(locale, note.createdAt) })}
              </p>
              <p>
                <Lines text={note.body} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {canEdit ? (
        <form method="post" action={`${path}/notes`} class="stack" novalidate>
          <CsrfField c={c} />
          <TextAreaField
            name="body"
            label={t('actions.note.label')}
            value={noteValue}
            error={noteErrors.body}
            rows={4}
            required
          />
          <button type="submit">{t('actions.note.submit')}</button>
        </form>
      ) : null}
    </>
  )
}

/** « Supprimer ? »: a page of its own, no JavaScript dialog. */
export function DeleteActionPage({ c, action }: { c: Context<AppEnv>; action: ActionDetails }) {
  const t = c.get('t')
  const path = `/espace/${c.get('workspace').id}/strategie/actions/${action.id}`
  return (
    <>
      <h1>{t('actions.delete.title', { title: action.title })}</h1>
      <StrategyNav c={c} current="actions" />
      <p>{t('actions.delete.text', { notes: action.notes.length })}</p>
      <form method="post" action={`${path}/supprimer`} class="inline">
        <CsrfField c={c} />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{t('actions.delete.confirm')}</button>
      </form>
      <p>
        <a href={path}>{t('actions.delete.cancel')}</a>
      </p>
    </>
  )
}
