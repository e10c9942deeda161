import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatEuros, formatNumber } from '../../../i18n/i18n.js'
import {
  DemoBadge,
  kindLabel,
  Pagination,
  TerritoryTable,
  territoryPath,
  withQuery,
} from '../../../ui/components.js'
import { ObligationStatusList } from '../../obligations/views/obligation-status-list.js'
import type { ReenStanding } from '../../strategy/milestones/reen-standing.js'
import { ReenMilestonesTable } from '../../strategy/milestones/views/reen-standing-view.js'
import { publicStrategyPath } from '../../strategy/publication/public-strategy.schemas.js'
import type { PublishedVersion } from '../../strategy/publication/published-strategy.queries.js'
import { formatDay } from '../../strategy/publication/views/published-format.js'
import type { TerritoryProfile } from '../get-territory-profile.js'
import { toSummary } from '../territories.queries.js'
import { SimulationForm } from './simulation-form.js'

export function TerritoryPage({
  c,
  profile,
  publication,
  reen,
}: {
  c: Context<AppEnv>
  profile: TerritoryProfile
  /** The newest version of its strategy documents still public, if any. */
  publication?: PublishedVersion | undefined
  /** Where it stands against the REEN deadlines, from the milestones it published. */
  reen?: ReenStanding | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const { territory } = profile
  const summary = toSummary(territory)
  const population = (value: number | null) =>
    value === null
      ? t('territory.unknown')
      : t('territory.inhabitants', { count: formatNumber(locale, value) })
  const counts = { applies: 0, not_applicable: 0, to_confirm: 0 }
  for (const status of profile.obligations) counts[status.status]++
  return (
    <>
      <h1>
        {territory.name} {summary.isDemo ? <DemoBadge c={c} /> : null}
      </h1>
      {summary.isDemo ? <p class="notice">{t('demo.notice')}</p> : null}
      <section aria-labelledby="profil">
        <h2 id="profil">{t('territory.profile')}</h2>
        <dl class="facts">
          <dt>{t('territory.kind')}</dt>
          <dd>{kindLabel(c, territory)}</dd>
          <dt>{territory.kind === 'commune' ? t('territory.codeInsee') : t('territory.code')}</dt>
          <dd>{territory.code}</dd>
          {territory.siren && territory.siren !== territory.code ? (
            <>
              <dt>{t('territory.siren')}</dt>
              <dd>{territory.siren}</dd>
            </>
          ) : null}
          <dt>{t('territory.populationTotal')}</dt>
          <dd>{population(territory.population_total)}</dd>
          <dt>{t('territory.populationMunicipal')}</dt>
          <dd>{population(territory.population_municipal)}</dd>
          <dt>{t('territory.populationSource')}</dt>
          <dd lang="fr">{territory.population_source}</dd>
          {territory.postcodes ? (
            <>
              <dt>{t('territory.postcodes')}</dt>
              <dd>{territory.postcodes.split(' ').join(', ')}</dd>
            </>
          ) : null}
        </dl>
        <p class="muted">{t('territory.dataset', { vintage: territory.dataset_vintage })}</p>
        <p>
          <a href={`/demander-un-espace?territoire=${territory.kind}/${encodeURIComponent(territory.code)}`}>
            {t('request.forTerritory')}
          </a>
        </p>
      </section>

      {publication ? (
        <section aria-labelledby="strategie">
          <h2 id="strategie">{t('publicStrategy.territory.heading')}</h2>
          <p>
            {t('publicStrategy.territory.latest', {
              title: publication.title,
              version: publication.version,
              date: formatDay(locale, publication.publishedAt),
            })}
          </p>
          {reen ? (
            <>
              <p>{t('publicStrategy.territory.reenLead')}</p>
              <div class="table-scroll">
                <ReenMilestonesTable t={t} locale={locale} standing={reen} badges />
              </div>
            </>
          ) : null}
          <p>
            <a href={publicStrategyPath(territory)}>{t('publicStrategy.territory.link')}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="rattachements">
        <h2 id="rattachements">{t('territory.parents')}</h2>
        {profile.parents.length === 0 && profile.memberDepartements.length === 0 ? (
          <p>{t('territory.parentsNone')}</p>
        ) : null}
        {profile.parents.length > 0 ? (
          <ul class="parents">
            {profile.parents.map((parent) => (
              <li>
                {kindLabel(c, parent)}
                {t('ui.colon')}
                <a href={territoryPath(parent)}>{parent.name}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {profile.memberDepartements.length > 0 ? (
          <p>
            {t('territory.departements')}
            {t('ui.colon')}
            {profile.memberDepartements.map((departement, index) => (
              <>
                {index > 0 ? ', ' : ''}
                <a href={territoryPath(departement)}>
                  {departement.name} ({departement.code})
                </a>
              </>
            ))}
          </p>
        ) : null}
      </section>

      {profile.members.total > 0 ? (
        <section aria-labelledby="membres">
          <h2 id="membres">
            {t('territory.membersHeading', { count: formatNumber(locale, profile.members.total) })}
          </h2>
          <TerritoryTable
            c={c}
            caption={t('territory.membersCaption', {
              name: territory.name,
              page: profile.members.page,
              pageCount: profile.members.pageCount,
            })}
            territories={profile.members.items}
          />
          <Pagination
            c={c}
            page={profile.members}
            hrefFor={(page) =>
              `${withQuery(territoryPath(territory), { page, ...simulationQuery(profile) })}#membres`
            }
          />
        </section>
      ) : null}

      <section aria-labelledby="obligations">
        <h2 id="obligations">{t('obligations.title')}</h2>
        <p>
          {t('obligations.summary', {
            applies: counts.applies,
            toConfirm: counts.to_confirm,
            notApplicable: counts.not_applicable,
          })}
        </p>
        {profile.simulated ? (
          <p class="notice" role="status">
            {t('obligations.simulate.active', {
              agents: profile.used.agentsFte === null ? '—' : formatNumber(locale, profile.used.agentsFte),
              purchases:
                profile.used.annualPurchasesEur === null
                  ? '—'
                  : formatEuros(locale, profile.used.annualPurchasesEur),
            })}{' '}
            <a href={territoryPath(territory)}>{t('obligations.simulate.reset')}</a>
          </p>
        ) : profile.declared.agentsFte !== null || profile.declared.annualPurchasesEur !== null ? (
          <p>
            {t('obligations.declared', {
              agents:
                profile.declared.agentsFte === null ? '—' : formatNumber(locale, profile.declared.agentsFte),
              purchases:
                profile.declared.annualPurchasesEur === null
                  ? '—'
                  : formatEuros(locale, profile.declared.annualPurchasesEur),
            })}
          </p>
        ) : null}
        <SimulationForm c={c} profile={profile} />
        <ObligationStatusList c={c} statuses={profile.obligations} />
      </section>
    </>
  )
}

/** Keeps the visitor's estimate when paging through members. */
function simulationQuery(profile: TerritoryProfile) {
  if (!profile.simulated) return {}
  return {
    agents: profile.used.agentsFte ?? undefined,
    achats: profile.used.annualPurchasesEur ?? undefined,
  }
}
