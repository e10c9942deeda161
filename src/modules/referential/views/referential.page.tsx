import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatLongDate } from '../../../i18n/i18n.js'
import type { Referential } from '../referential.schemas.js'
import type { ReferentialVersionSummary } from '../referential.store.js'
import {
  CompareForm,
  commitmentPath,
  exportPath,
  MaturityScaleList,
  originKeys,
  referentialPath,
  SizeTierList,
} from './referential-parts.js'

export interface ReferentialPageProps {
  c: Context<AppEnv>
  referential: Referential
  /** Every published version, the latest first. */
  versions: readonly ReferentialVersionSummary[]
  /** The version in force (the latest published). */
  currentVersion: string
}

/**
 * One version of the referential, whole but compact: the commitments link to their own pages,
 * where the questions and indicators are. The referential's texts are French on every page.
 */
export function ReferentialPage({ c, referential, versions, currentVersion }: ReferentialPageProps) {
  const t = c.get('t')
  const locale = c.get('locale')
  const colon = t('ui.colon')
  const { version } = referential
  const summary = versions.find((candidate) => candidate.version === version)
  const isCurrent = version === currentVersion
  const previous = versions[versions.findIndex((candidate) => candidate.version === version) + 1]
  const questionCount = referential.ambitions.reduce(
    (sum, ambition) =>
      sum + ambition.commitments.reduce((inner, commitment) => inner + commitment.questions.length, 0),
    0,
  )
  const indicatorCount = referential.ambitions.reduce(
    (sum, ambition) =>
      sum + ambition.commitments.reduce((inner, commitment) => inner + commitment.indicators.length, 0),
    0,
  )
  return (
    <>
      <h1>
        {t('referential.heading')} <span lang="fr">{referential.title}</span>
      </h1>
      {isCurrent ? null : (
        <p class="notice">
          {t('referential.notCurrent', { version })}{' '}
          <a href="/referentiel">{t('referential.seeCurrent', { version: currentVersion })}</a>
        </p>
      )}
      <dl class="facts">
        <dt>{t('referential.version')}</dt>
        <dd>
          {version}
          {isCurrent ? ` (${t('referential.current')})` : ''}
        </dd>
        {summary ? (
          <>
            <dt>{t('referential.publishedAt')}</dt>
            <dd>{formatLongDate(locale, summary.publishedAt)}</dd>
          </>
        ) : null}
        <dt>{t('referential.contents')}</dt>
        <dd>
          {t('referential.contentsCount', {
            ambitions: referential.ambitions.length,
            commitments: referential.ambitions.reduce(
              (sum, ambition) => sum + ambition.commitments.length,
              0,
            ),
            questions: questionCount,
            indicators: indicatorCount,
            obligations: referential.obligations.length,
          })}
        </dd>
        <dt>{t('referential.source')}</dt>
        <dd lang="fr">{referential.source}</dd>
      </dl>
      <p>
        <a href="/referentiel/methode">{t('referential.methodLink')}</a> ·{' '}
        <a href="/obligations">{t('referential.obligationsLink')}</a>
      </p>

      <h2>{t('referential.commitments')}</h2>
      {referential.ambitions.map((ambition) => (
        <>
          <h3>
            {ambition.id}
            {colon}
            <span lang="fr">{ambition.title}</span>
          </h3>
          <ul class="cards">
            {ambition.commitments.map((commitment) => (
              <li class="card">
                <a href={commitmentPath(version, commitment.id)}>
                  {commitment.id} · <span lang="fr">{commitment.title}</span>
                </a>
                <p lang="fr">{commitment.summary}</p>
                <p class="muted">
                  {t('referential.commitmentCounts', {
                    questions: commitment.questions.length,
                    indicators: commitment.indicators.length,
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      ))}

      <h2>{t('referential.maturityScale')}</h2>
      <MaturityScaleList referential={referential} />

      <h2>{t('referential.sizeTiers')}</h2>
      <p>{t('referential.sizeTiersLead')}</p>
      <SizeTierList referential={referential} />

      <h2>{t('referential.decreeAxes')}</h2>
      <p>{t('referential.decreeAxesLead')}</p>
      <ol lang="fr">
        {referential.decreeAxes.map((axis) => (
          <li value={axis.id}>{axis.label}</li>
        ))}
      </ol>

      <h2>{t('referential.download')}</h2>
      <ul>
        <li>
          <a href={exportPath(version, 'json')} download>
            {t('referential.downloadJson', { version })}
          </a>
        </li>
        <li>
          <a href={exportPath(version, 'csv')} download>
            {t('referential.downloadCsv', { version })}
          </a>
        </li>
      </ul>
      <p class="muted">{t('referential.apiHint')}</p>

      <h2 id="versions">{t('referential.versions')}</h2>
      <table>
        <caption>{t('referential.versionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referential.version')}</th>
            <th scope="col">{t('referential.publishedAt')}</th>
            <th scope="col">{t('referential.origin')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((candidate) => (
            <tr>
              <th scope="row">
                {candidate.version === version ? (
                  <span aria-current="page">{candidate.version}</span>
                ) : (
                  <a href={referentialPath(candidate.version)}>{candidate.version}</a>
                )}
                {candidate.version === currentVersion ? ` (${t('referential.current')})` : ''}
              </th>
              <td>{formatLongDate(locale, candidate.publishedAt)}</td>
              <td>{t(originKeys[candidate.origin])}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="comparer">{t('referential.compare.title')}</h2>
      <CompareForm
        c={c}
        versions={versions}
        from={isCurrent ? (previous?.version ?? version) : version}
        to={isCurrent ? version : currentVersion}
      />
    </>
  )
}
