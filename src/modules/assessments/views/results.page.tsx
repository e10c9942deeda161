import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber, type MessageKey } from '../../../i18n/i18n.js'
import { CsrfField } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import { indexReferential } from '../../referential/referential-index.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import type { AssessmentContext } from '../assessment-context.js'
import type { PeerView, Results } from '../build-results.js'
import type { Distribution } from '../peer-statistics.js'
import { minimumGroupSize } from '../peer-statistics.js'
import { AssessmentHeader } from './assessment-header.js'
import { ExportLinks } from './export-links.js'
import { RadarChart } from './radar-chart.js'

/** The year's results: scores, radar against last year, strengths and gaps, recommendations, peers. */
export function ResultsPage({
  c,
  context,
  results,
  actionByRecommendation,
}: {
  c: Context<AppEnv>
  context: AssessmentContext
  results: Results
  /** recommendation id → the action of the plan answering it. */
  actionByRecommendation: ReadonlyMap<string, number>
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const { assessment, referential } = context
  const index = indexReferential(referential)
  const titleOf = (commitmentId: string) =>
    index.commitmentById.get(commitmentId)?.commitment.title ?? commitmentId
  const obligationTitle = (id: string) => {
    const obligation = referential.obligations.find((candidate) => candidate.id === id)
    return obligation ? (locale === 'en' ? obligation.titleEn : obligation.title) : id
  }
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatNumber(locale, Math.round(value * 10) / 10)
  const { scores, previous, peers } = results
  const notice = noticeFrom(c, { soumis: 'assessment.notice.submitted' })
  const base = `/espace/${workspace.id}/autodiagnostic/${assessment.year}`
  const axes = scores.commitments.map((row) => row.commitmentId)
  const series = [
    ...(previous
      ? [
          {
            label: String(previous.year),
            kind: 'previous' as const,
            values: axes.map((id) => previous.byCommitment.get(id) ?? null),
          },
        ]
      : []),
    {
      label: String(assessment.year),
      kind: 'current' as const,
      values: scores.commitments.map((row) => row.score),
    },
  ]
  return (
    <>
      <AssessmentHeader c={c} context={context} titleKey="assessment.results.title" />
      {notice ? (
        <p class="notice success" role="status">
          {notice.text}
        </p>
      ) : null}
      {results.provisional ? <p class="notice">{t('assessment.results.provisional')}</p> : null}
      <p class="score-headline">
        {scores.overall === null
          ? t('assessment.results.noScore')
          : t('assessment.results.overall', {
              score: formatNumber(locale, scores.overall),
              letter: scores.letter ?? '',
            })}{' '}
        <a href="/referentiel/methode">{t('assessment.results.method')}</a>
      </p>
      <div class="radar-block">
        <figure>
          <RadarChart
            axes={axes}
            series={series}
            title={t('assessment.radar.title', { year: assessment.year })}
            description={t(previous ? 'assessment.radar.descWithPrevious' : 'assessment.radar.desc', {
              year: assessment.year,
              previous: previous?.year ?? '',
            })}
          />
          <figcaption>
            <span class="key key-current">{assessment.year}</span>
            {previous ? <span class="key key-previous">{previous.year}</span> : null}
          </figcaption>
        </figure>
        {/* On narrow screens the table scrolls on its own rather than widening the page (WCAG 1.4.10). */}
        <section class="table-scroll" aria-labelledby="scores-caption" tabindex={0}>
          <table>
            <caption id="scores-caption">{t('assessment.results.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.results.commitment')}</th>
                <th scope="col">{assessment.year}</th>
                {previous ? <th scope="col">{previous.year}</th> : null}
                <th scope="col">{t('assessment.results.peerMedian')}</th>
                <th scope="col">{t('assessment.results.nationalMedian')}</th>
              </tr>
            </thead>
            <tbody>
              {scores.commitments.map((row) => (
                <tr>
                  <th scope="row">
                    <abbr title={titleOf(row.commitmentId)} lang="fr">
                      {row.commitmentId}
                    </abbr>
                  </th>
                  <td>{number(row.score)}</td>
                  {previous ? <td>{number(previous.byCommitment.get(row.commitmentId))}</td> : null}
                  <td>{number(peers.group.byCommitment.get(row.commitmentId)?.median)}</td>
                  <td>{number(peers.national.byCommitment.get(row.commitmentId)?.median)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('assessment.results.overallRow')}</th>
                <td>{number(scores.overall)}</td>
                {previous ? <td>{number(previous.overall)}</td> : null}
                <td>{number(peers.group.overall?.median)}</td>
                <td>{number(peers.national.overall?.median)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
      <h2>{t('assessment.results.ambitions')}</h2>
      <ul>
        {scores.ambitions.map((row) => (
          <li>
            {row.ambitionId} ·{' '}
            <span lang="fr">{referential.ambitions.find((a) => a.id === row.ambitionId)?.title}</span>
            {t('ui.colon')}
            {number(row.score)}
          </li>
        ))}
      </ul>
      <div class="columns">
        <section aria-labelledby="strengths-heading">
          <h2 id="strengths-heading">{t('assessment.results.strengths')}</h2>
          {results.strengths.length === 0 ? (
            <p>{t('assessment.results.noStrength')}</p>
          ) : (
            <ul>
              {results.strengths.map((row) => (
                <li>
                  {row.commitmentId} · <span lang="fr">{titleOf(row.commitmentId)}</span> ({number(row.score)}
                  )
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">{t('assessment.results.gaps')}</h2>
          {results.gaps.length === 0 ? (
            <p>{t('assessment.results.noGap')}</p>
          ) : (
            <ul>
              {results.gaps.map((row) => (
                <li>
                  {row.commitmentId} · <span lang="fr">{titleOf(row.commitmentId)}</span> ({number(row.score)}
                  )
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading">{t('assessment.results.recommendations')}</h2>
        <p>{t('assessment.results.recommendationsLead')}</p>
        {results.recommendations.length === 0 ? (
          <p>{t('assessment.results.noRecommendation')}</p>
        ) : (
          <>
            <RecommendationActionsForm c={c} />
            <ol class="recommendations">
              {results.recommendations.map((item) => (
                <li id={item.id}>
                  <span class={`priority priority-${item.priority}`}>{t(`priority.${item.priority}`)}</span>{' '}
                  <span lang="fr">{item.text}</span>
                  {/* On its own line by CSS, not by a <br>: one element fewer per recommendation. */}
                  <small class="recommendation-facts">
                    {t('assessment.results.recommendationFacts', {
                      id: item.id,
                      question: item.questionId,
                      level: item.level,
                    })}
                    {item.obligationId ? (
                      <>
                        {' · '}
                        <a href={`/obligations#${item.obligationId}`}>{obligationTitle(item.obligationId)}</a>
                      </>
                    ) : null}
                  </small>
                  <RecommendationAction c={c} id={item.id} actionId={actionByRecommendation.get(item.id)} />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section aria-labelledby="peers-heading">
        <h2 id="peers-heading">{t('assessment.results.peers')}</h2>
        {peers.demo ? <p>{t('assessment.results.peersDemo')}</p> : null}
        <PeerSummary
          c={c}
          title={t('assessment.results.peerGroup', {
            kind: t(`assessment.peerKind.${peers.group.kind}` as MessageKey),
            band: t(`assessment.band.${peers.group.band ?? 'unknown'}` as MessageKey),
          })}
          view={peers.group}
          score={scores.overall}
          year={assessment.year}
        />
        <PeerSummary
          c={c}
          title={t('assessment.results.national')}
          view={peers.national}
          score={scores.overall}
          year={assessment.year}
        />
      </section>
      <ExportLinks c={c} base={base} withPrint />
    </>
  )
}

/** The one form every « Créer une action » button submits (HTML `form` attribute): one CSRF field for the page. */
const recommendationForm = 'creer-action-depuis-recommandation'

function RecommendationActionsForm({ c }: { c: Context<AppEnv> }) {
  const workspace = c.get('workspace')
  if (!canInWorkspace(workspace.role, 'strategy.edit')) return null
  return (
    <form
      id={recommendationForm}
      method="post"
      action={`/espace/${workspace.id}/strategie/actions/depuis-recommandation`}
    >
      <CsrfField c={c} />
    </form>
  )
}

/**
 * « Créer une action » (one click: a POST that makes the action, or finds the one already there),
 * or « Voir l’action » once it exists. The button is for those who may edit the strategy. One
 * element each, named with the recommendation in `aria-label` (the visible words first): the page
 * lists dozens of recommendations and must stay within its budget.
 */
function RecommendationAction({
  c,
  id,
  actionId,
}: {
  c: Context<AppEnv>
  id: string
  actionId: number | undefined
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  if (actionId !== undefined)
    return (
      <a
        class="recommendation-action"
        href={`/espace/${workspace.id}/strategie/actions/${actionId}`}
        aria-label={t('actions.fromRecommendation.see') + t('actions.fromRecommendation.seeContext', { id })}
      >
        {t('actions.fromRecommendation.see')}
      </a>
    )
  if (!canInWorkspace(workspace.role, 'strategy.edit')) return null
  return (
    <button
      type="submit"
      form={recommendationForm}
      name="recommandation"
      value={id}
      class="secondary recommendation-action"
      aria-label={
        t('actions.fromRecommendation.button') + t('actions.fromRecommendation.buttonContext', { id })
      }
    >
      {t('actions.fromRecommendation.button')}
    </button>
  )
}

function PeerSummary({
  c,
  title,
  view,
  score,
  year,
}: {
  c: Context<AppEnv>
  title: string
  view: PeerView
  score: number | null
  year: number
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const format = (value: number) => formatNumber(locale, Math.round(value * 10) / 10)
  const distribution: Distribution | null = view.overall
  return (
    <>
      <h3>{title}</h3>
      {distribution === null ? (
        <p>{t('assessment.results.groupTooSmall', { count: view.count, minimum: minimumGroupSize, year })}</p>
      ) : (
        <p>
          {t('assessment.results.distribution', {
            count: distribution.count,
            q1: format(distribution.q1),
            median: format(distribution.median),
            q3: format(distribution.q3),
          })}
          {score !== null && view.position ? ` ${t(`assessment.position.${view.position}`)}` : ''}
        </p>
      )}
    </>
  )
}
