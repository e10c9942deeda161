import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber } from '../../../i18n/i18n.js'
import { CsrfField } from '../../../ui/forms.js'
import { WorkspaceNav } from '../../workspaces/views/workspace-nav.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import type { AssessmentRefusal } from '../assessment-errors.js'
import type { AssessmentRow } from '../assessments.queries.js'
import { RefusalMessage } from './refusal-message.js'

/** The workspace's assessments, one per year, and the form that opens a new year. */
export function AssessmentListPage({
  c,
  assessments,
  years,
  refusal,
}: {
  c: Context<AppEnv>
  assessments: AssessmentRow[]
  years: number[]
  refusal: AssessmentRefusal | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const base = `/espace/${workspace.id}/autodiagnostic`
  const taken = new Set(assessments.map((row) => row.year))
  const free = years.filter((year) => !taken.has(year))
  const submitted = assessments.filter((row) => row.status === 'submitted')
  const thisYear = new Date().getUTCFullYear()
  return (
    <>
      <h1>{t('assessment.list.title')}</h1>
      <WorkspaceNav c={c} current="assessment" />
      <p class="lead">{t('assessment.list.lead')}</p>
      {refusal ? <RefusalMessage c={c} refusal={refusal} /> : null}
      {assessments.length === 0 ? (
        <p>{t('assessment.list.none')}</p>
      ) : (
        <table>
          <caption>{t('assessment.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.year')}</th>
              <th scope="col">{t('assessment.status')}</th>
              <th scope="col">{t('assessment.version')}</th>
              <th scope="col">{t('assessment.score')}</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((row) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/${row.year}`}>{row.year}</a>
                </th>
                <td>{t(`assessment.status.${row.status}`)}</td>
                <td>{row.referential_version}</td>
                <td>
                  {row.score === null ? (
                    '—'
                  ) : (
                    <a href={`${base}/${row.year}/resultats`}>
                      {t('assessment.scoreLetter', {
                        score: formatNumber(locale, row.score),
                        letter: row.letter ?? '',
                      })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canInWorkspace(workspace.role, 'assessment.edit') && free.length > 0 ? (
        <section aria-labelledby="start-heading" class="panel">
          <h2 id="start-heading">{t('assessment.start.title')}</h2>
          <form method="post" action={base} class="inline">
            <CsrfField c={c} />
            <p class="field">
              <label for="year">{t('assessment.year')}</label>
              <select id="year" name="year">
                {free.map((year) => (
                  <option value={String(year)} selected={year === thisYear}>
                    {year}
                  </option>
                ))}
              </select>
            </p>
            {submitted.length > 0 ? (
              <p class="field">
                <label for="copy">{t('assessment.start.copy')}</label>
                <select id="copy" name="copy">
                  <option value="">{t('assessment.start.copyNone')}</option>
                  {submitted.map((row, index) => (
                    <option value={String(row.year)} selected={index === 0}>
                      {t('assessment.start.copyFrom', { year: row.year })}
                    </option>
                  ))}
                </select>
              </p>
            ) : null}
            <button type="submit">{t('assessment.start.submit')}</button>
          </form>
          <p class="hint">{t('assessment.start.hint')}</p>
        </section>
      ) : null}
    </>
  )
}
