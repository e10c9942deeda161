import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber } from '../../../i18n/i18n.js'
import { Deadline } from '../../obligations/views/obligation-facts.js'
import type { Ambition, Commitment, Indicator, Question, Referential } from '../referential.schemas.js'
import { indexReferential } from '../referential-index.js'
import {
  commitmentPath,
  computedFromKeys,
  kindList,
  priorityKeys,
  referentialPath,
  TierName,
} from './referential-parts.js'

interface CommitmentPageProps {
  c: Context<AppEnv>
  referential: Referential
  ambition: Ambition
  commitment: Commitment
}

/** Anchors: question and indicator ids hold dots, fine in an id, and stay readable in a link. */
export const questionAnchor = (id: string) => `q-${id}`
export const indicatorAnchor = (id: string) => `i-${id}`

/**
 * One commitment with its questions and indicators. Pages are audited for EcoIndex A (few DOM
 * elements): each question and indicator is a heading and one definition list, nothing nested.
 */
export function CommitmentPage({ c, referential, ambition, commitment }: CommitmentPageProps) {
  const t = c.get('t')
  const colon = t('ui.colon')
  const axes = referential.decreeAxes.filter((axis) => commitment.decreeAxes.includes(axis.id))
  return (
    <>
      <p>
        <a href={referentialPath(referential.version)}>
          {t('referential.backTo', { version: referential.version })}
        </a>
      </p>
      <h1>
        {commitment.id} · <span lang="fr">{commitment.title}</span>
      </h1>
      <p class="lead" lang="fr">
        {commitment.summary}
      </p>
      <dl class="facts">
        <dt>{t('referential.ambition')}</dt>
        <dd>
          {ambition.id}
          {colon}
          <span lang="fr">{ambition.title}</span>
        </dd>
        <dt>{t('referential.decreeAxesOf')}</dt>
        <dd lang={axes.length === 0 ? undefined : 'fr'}>
          {axes.length === 0
            ? t('referential.noAxis')
            : axes.map((axis) => `${axis.id}. ${axis.label}`).join(' ; ')}
        </dd>
        <dt>{t('referential.version')}</dt>
        <dd>{referential.version}</dd>
      </dl>

      <h2>{t('referential.questions', { count: commitment.questions.length })}</h2>
      <ul class="cards">
        {commitment.questions.map((question) => (
          <QuestionItem c={c} referential={referential} question={question} />
        ))}
      </ul>

      <h2>{t('referential.indicators', { count: commitment.indicators.length })}</h2>
      {commitment.indicators.length === 0 ? (
        <p>{t('referential.noIndicator')}</p>
      ) : (
        <ul class="cards">
          {commitment.indicators.map((indicator) => (
            <IndicatorItem c={c} referential={referential} indicator={indicator} />
          ))}
        </ul>
      )}
    </>
  )
}

function QuestionItem({
  c,
  referential,
  question,
}: {
  c: Context<AppEnv>
  referential: Referential
  question: Question
}) {
  const t = c.get('t')
  const { recommendation } = question
  const obligation = question.obligation
    ? referential.obligations.find((candidate) => candidate.id === question.obligation)
    : undefined
  return (
    <li class="card" id={questionAnchor(question.id)}>
      <h3>
        {question.id} · <span lang="fr">{question.text}</span>
      </h3>
      <dl class="facts">
        <dt>{t('referential.tier')}</dt>
        <dd>
          <TierName referential={referential} tier={question.tier} />
          {question.kinds ? ` (${kindList(c, question.kinds)})` : ''}
        </dd>
        {question.levels.map((descriptor, level) => (
          <>
            <dt>
              {t('referential.level', { level })}
              {' · '}
              <span lang="fr">{referential.maturityScale[level]?.label}</span>
            </dt>
            <dd lang="fr">{descriptor}</dd>
          </>
        ))}
        {obligation ? (
          <>
            <dt>{t('referential.obligation')}</dt>
            <dd>
              <a href={`/obligations#${obligation.id}`}>
                {c.get('locale') === 'en' ? obligation.titleEn : obligation.title}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('referential.recommendation', { id: recommendation.id })}</dt>
        <dd lang="fr">{recommendation.text}</dd>
        <dt>{t('referential.priority')}</dt>
        <dd>
          {t(priorityKeys[recommendation.priority])}
          {recommendation.priorityIfExempt
            ? ` (${t('referential.priorityIfExempt', { priority: t(priorityKeys[recommendation.priorityIfExempt]) })})`
            : ''}
        </dd>
      </dl>
    </li>
  )
}

function IndicatorItem({
  c,
  referential,
  indicator,
}: {
  c: Context<AppEnv>
  referential: Referential
  indicator: Indicator
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const measureLabel = (id: string | undefined) =>
    indicator.measures?.find((measure) => measure.id === id)?.label
  const unitOf = (id: string | undefined) =>
    indicator.measures?.find((measure) => measure.id === id)?.unit ?? indicator.unit
  const source = indicator.fromQuestion
    ? indexReferential(referential).questions.get(indicator.fromQuestion)
    : undefined
  return (
    <li class="card" id={indicatorAnchor(indicator.id)}>
      <h3>
        {indicator.id} · <span lang="fr">{indicator.name}</span>
      </h3>
      <dl class="facts">
        <dt>{t('referential.definition')}</dt>
        <dd lang="fr">{indicator.definition}</dd>
        <dt>{t('referential.unit')}</dt>
        <dd lang="fr">{indicator.unit}</dd>
        {indicator.measures ? (
          <>
            <dt>{t('referential.measures')}</dt>
            <dd lang="fr">
              {indicator.measures.map((measure) => `${measure.label} (${measure.unit})`).join(' ; ')}
            </dd>
          </>
        ) : null}
        {indicator.targets ? (
          <>
            <dt>{t('referential.targets')}</dt>
            <dd>
              {indicator.targets.map((target, index) => {
                const parts = [
                  target.min !== undefined
                    ? t('referential.target.min', { value: formatNumber(locale, target.min) })
                    : '',
                  target.max !== undefined
                    ? t('referential.target.max', { value: formatNumber(locale, target.max) })
                    : '',
                ].filter(Boolean)
                const label = measureLabel(target.measure)
                return (
                  <>
                    {index > 0 ? ' ; ' : ''}
                    {parts.join(` ${t('referential.target.and')} `)}{' '}
                    <span lang="fr">{unitOf(target.measure)}</span>
                    {label ? (
                      <>
                        {' ('}
                        <span lang="fr">{label}</span>
                        {')'}
                      </>
                    ) : null}
                    {target.from ? (
                      <>
                        {` ${t('referential.target.from')} `}
                        <Deadline c={c} deadline={target.from} />
                      </>
                    ) : null}
                    {target.obligation ? ` ${t('referential.target.legal')}` : ''}
                  </>
                )
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('referential.source')}</dt>
        <dd lang="fr">{indicator.source}</dd>
        <dt>{t('referential.tier')}</dt>
        <dd>
          <TierName referential={referential} tier={indicator.tier} />
          {indicator.kinds ? ` (${kindList(c, indicator.kinds)})` : ''}
        </dd>
        <dt>{t('referential.legalRefs')}</dt>
        <dd lang={indicator.legalRefs.length > 0 ? 'fr' : undefined}>
          {indicator.legalRefs.length > 0 ? indicator.legalRefs.join(' ; ') : t('referential.noLegalRef')}
        </dd>
        {indicator.references ? (
          <>
            <dt>{t('referential.references')}</dt>
            <dd lang="fr">{indicator.references.join(' ; ')}</dd>
          </>
        ) : null}
        <dt>{t('referential.computedFrom')}</dt>
        <dd>{t(computedFromKeys[indicator.computedFrom])}</dd>
        {indicator.fromQuestion ? (
          <>
            <dt>{t('referential.fromQuestion')}</dt>
            <dd>
              <a
                href={`${source ? commitmentPath(referential.version, source.commitment.id) : ''}#${questionAnchor(indicator.fromQuestion)}`}
              >
                {t('referential.question', { id: indicator.fromQuestion })}
              </a>
            </dd>
          </>
        ) : null}
        {indicator.requiredMetadata ? (
          <>
            <dt>{t('referential.requiredMetadata')}</dt>
            <dd>
              <code>{indicator.requiredMetadata.join(', ')}</code>
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  )
}
