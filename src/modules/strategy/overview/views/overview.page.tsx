import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { actionStatuses, documentKinds } from '../../../../db/schema.js'
import { formatBudget, formatLongDate, formatNumber } from '../../../../i18n/i18n.js'
import { documentsPath, kindLabel } from '../../documents/views/documents.page.js'
import { nextReenStep } from '../../milestones/reen-standing.js'
import { milestoneLabel, ReenStandingView, reenStateText } from '../../milestones/views/reen-standing-view.js'
import { objectiveStatuses } from '../../objectives/objective-status.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { YearInputForm } from '../../views/year-input-form.js'
import type { StrategyOverview } from '../overview.queries.js'

/** Where the strategy stands: the legal deadlines, then one card per section with its figures and link. */
export function OverviewPage({ c, overview }: { c: Context<AppEnv>; overview: StrategyOverview }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const base = `/espace/${c.get('workspace').id}/strategie`
  const { year, reen, indicators, objectives, actions, latest } = overview
  const next = nextReenStep(reen.standing)
  const number = (value: number) => formatNumber(locale, value)
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <StrategyNav c={c} current="overview" />
      <p class="lead">{t('overview.lead', { territory: c.get('workspace').territoryName })}</p>
      {next ? (
        <p class={next.state === 'overdue' ? 'notice' : 'notice success'}>
          {t('overview.nextStep', {
            milestone: milestoneLabel(c, next.kind, next.year),
            state: reenStateText(t, locale, next),
          })}{' '}
          <a href={`${base}/jalons`}>{t('overview.milestonesLink')}</a>
        </p>
      ) : null}
      <YearInputForm action={base} year={year} label={t('overview.year')} button={t('overview.showYear')} />
      <h2>{t('overview.figures', { year })}</h2>
      <ul class="cards overview-cards">
        <li class="card">
          <h3>
            <a href={`${base}/indicateurs?annee=${year}`}>{t('strategyNav.indicators')}</a>
          </h3>
          <p>
            {t(indicators.withValue === 1 ? 'overview.indicatorsOne' : 'overview.indicators', {
              count: number(indicators.withValue),
              total: number(indicators.total),
              year,
            })}
          </p>
        </li>
        <li class="card">
          <h3>
            <a href={`${base}/objectifs`}>{t('strategyNav.objectives')}</a>
          </h3>
          {objectives.total === 0 ? (
            <p>{t('overview.objectives.none')}</p>
          ) : (
            <>
              <p>
                {objectives.total === 1
                  ? t('overview.objectives.totalOne')
                  : t('overview.objectives.total', { count: number(objectives.total) })}
              </p>
              <ul>
                {objectiveStatuses.map((status) => (
                  <li>
                    {t(`doc.objectiveStatus.${status}`)}
                    {t('ui.colon')}
                    {number(objectives.byStatus[status])}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a href={`${base}/axes`}>{t('overview.axesLink')}</a>
          </p>
        </li>
        <li class="card">
          <h3>
            <a href={`${base}/actions`}>{t('strategyNav.actions')}</a>
          </h3>
          {actions.total === 0 ? (
            <p>{t('overview.actions.none')}</p>
          ) : (
            <>
              <p>
                {t('overview.actions.total', {
                  count: number(actions.total),
                  public: number(actions.public),
                  budget: formatBudget(locale, actions.budget),
                })}
              </p>
              <ul>
                {actionStatuses.map((status) => (
                  <li>
                    {t(`doc.actionStatus.${status}`)}
                    {t('ui.colon')}
                    {number(actions.byStatus[status])}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
        <li class="card">
          <h3>
            <a href={documentsPath(c)}>{t('strategyNav.documents')}</a>
          </h3>
          <ul>
            {documentKinds.map((kind) => {
              const version = latest[kind]
              return (
                <li>
                  {kindLabel(c, kind)}
                  {t('ui.colon')}
                  {version ? (
                    <a href={`${documentsPath(c)}/versions/${version.id}`}>
                      {t(version.withdrawnAt ? 'overview.documents.withdrawn' : 'overview.documents.latest', {
                        version: version.version,
                        year: version.year,
                        date: formatLongDate(locale, version.publishedAt),
                      })}
                    </a>
                  ) : (
                    t('overview.documents.none')
                  )}
                </li>
              )
            })}
          </ul>
        </li>
      </ul>
      <ReenStandingView c={c} standing={reen.standing} obligation={reen.obligation} />
    </>
  )
}
