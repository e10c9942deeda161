import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { MessageKey, Translate } from '../../../i18n/i18n.js'
import type {
  AddedOrRemovedItem,
  FieldChange,
  ItemDifferences,
  ReferentialComparison,
} from '../compare-referentials.js'
import type { ReferentialVersionSummary } from '../referential.store.js'
import { indicatorAnchor, questionAnchor } from './commitment.page.js'
import { CompareForm, commitmentPath } from './referential-parts.js'

/** Field names of the file format put in words; other fields show as the format names them. */
const fieldKeys: Record<string, MessageKey> = {
  text: 'referential.field.text',
  tier: 'referential.tier',
  kinds: 'referential.field.kinds',
  obligation: 'referential.obligation',
  'recommendation.id': 'referential.field.recommendationId',
  'recommendation.text': 'referential.field.recommendationText',
  'recommendation.priority': 'referential.priority',
  'recommendation.priorityIfExempt': 'referential.field.priorityIfExempt',
  commitment: 'referential.field.commitment',
  ambition: 'referential.ambition',
  title: 'referential.field.title',
  summary: 'referential.field.summary',
  decreeAxes: 'referential.decreeAxesOf',
  name: 'referential.field.name',
  definition: 'referential.definition',
  unit: 'referential.unit',
  measures: 'referential.measures',
  targets: 'referential.targets',
  source: 'referential.source',
  legalRefs: 'referential.legalRefs',
  references: 'referential.references',
  computedFrom: 'referential.computedFrom',
  fromQuestion: 'referential.fromQuestion',
  maturityScale: 'referential.maturityScale',
  sizeTiers: 'referential.sizeTiers',
}

function fieldLabel(t: Translate, field: string): string {
  const level = /^levels\.(\d)$/.exec(field)
  if (level) return t('referential.level', { level: Number(level[1]) })
  const key = fieldKeys[field]
  return key ? t(key) : field
}

function showValue(t: Translate, value: unknown): string {
  if (value === undefined || value === null) return t('referential.compare.absent')
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.length === 0 ? t('referential.compare.empty') : value.join(', ')
  return JSON.stringify(value)
}

function Change({ t, change }: { t: Translate; change: FieldChange }) {
  return (
    <li>
      {fieldLabel(t, change.field)}
      {t('ui.colon')}
      <del lang="fr">{showValue(t, change.before)}</del> → <ins lang="fr">{showValue(t, change.after)}</ins>
    </li>
  )
}

type Kind = 'ambitions' | 'commitments' | 'questions' | 'indicators' | 'obligations'

const kindKeys = {
  ambitions: 'referential.compare.ambitions',
  commitments: 'referential.compare.commitments',
  questions: 'referential.compare.questions',
  indicators: 'referential.compare.indicators',
  obligations: 'referential.compare.obligations',
} as const satisfies Record<Kind, MessageKey>

/** Where an item of a version can be read: commitments have a page, questions and indicators an anchor. */
function hrefOf(kind: Kind, version: string, item: AddedOrRemovedItem): string | null {
  if (kind === 'commitments') return commitmentPath(version, item.id)
  if (!item.commitmentId) return null
  const anchor = kind === 'questions' ? questionAnchor(item.id) : indicatorAnchor(item.id)
  return `${commitmentPath(version, item.commitmentId)}#${anchor}`
}

function ItemLabel({ item }: { item: { id: string; label: string } }) {
  return (
    <>
      {item.id} · <span lang="fr">{item.label}</span>
    </>
  )
}

function Differences({
  c,
  kind,
  differences,
  comparison,
}: {
  c: Context<AppEnv>
  kind: Kind
  differences: ItemDifferences
  comparison: ReferentialComparison
}) {
  const t = c.get('t')
  const { added, removed, changed } = differences
  if (added.length + removed.length + changed.length === 0) return null
  const linked = (item: AddedOrRemovedItem, version: string) => {
    const href = hrefOf(kind, version, item)
    return href ? (
      <a href={href}>
        <ItemLabel item={item} />
      </a>
    ) : (
      <ItemLabel item={item} />
    )
  }
  return (
    <>
      <h3>{t(kindKeys[kind])}</h3>
      {added.length > 0 ? (
        <>
          <p>{t('referential.compare.added', { count: added.length })}</p>
          <ul>
            {added.map((item) => (
              <li>{linked(item, comparison.to)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {removed.length > 0 ? (
        <>
          <p>{t('referential.compare.removed', { count: removed.length })}</p>
          <ul>
            {removed.map((item) => (
              <li>{linked(item, comparison.from)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {changed.length > 0 ? (
        <>
          <p>{t('referential.compare.changed', { count: changed.length })}</p>
          <ul>
            {changed.map((item) => (
              <li>
                {linked(item, comparison.to)}
                <ul>
                  {item.changes.map((change) => (
                    <Change t={t} change={change} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}

export function ComparePage({
  c,
  versions,
  comparison,
}: {
  c: Context<AppEnv>
  versions: readonly ReferentialVersionSummary[]
  /** Null until two versions are chosen. */
  comparison: ReferentialComparison | null
}) {
  const t = c.get('t')
  const latest = versions[0]?.version
  return (
    <>
      <p>
        <a href="/referentiel">{t('referential.backToCurrent')}</a>
      </p>
      <h1>{t('referential.compare.title')}</h1>
      <p class="lead">{t('referential.compare.lead')}</p>
      <CompareForm
        c={c}
        versions={versions}
        from={comparison?.from ?? versions[1]?.version ?? latest}
        to={comparison?.to ?? latest}
      />
      {comparison ? (
        <>
          <h2>{t('referential.compare.heading', { from: comparison.from, to: comparison.to })}</h2>
          {comparison.identical ? (
            <p class="notice success" role="status">
              {comparison.from === comparison.to
                ? t('referential.compare.sameVersion')
                : t('referential.compare.none')}
            </p>
          ) : (
            <>
              {comparison.general.length > 0 ? (
                <>
                  <h3>{t('referential.compare.general')}</h3>
                  <ul>
                    {comparison.general.map((change) => (
                      <Change t={t} change={change} />
                    ))}
                  </ul>
                </>
              ) : null}
              {(['ambitions', 'commitments', 'questions', 'indicators', 'obligations'] as const).map(
                (kind) => (
                  <Differences c={c} kind={kind} differences={comparison[kind]} comparison={comparison} />
                ),
              )}
            </>
          )}
        </>
      ) : null}
    </>
  )
}
