import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { TerritoryKind } from '../../../db/schema.js'
import { formatNumber } from '../../../i18n/i18n.js'
import type { Page } from '../../../lib/pagination.js'
import { Pagination, TerritoryTable, withQuery } from '../../../ui/components.js'
import type { TerritorySummary } from '../territories.queries.js'
import { SearchForm } from './search-form.js'

export type SearchOutcome =
  | { state: 'empty' }
  | { state: 'tooShort'; query: string }
  | { state: 'results'; query: string; results: Page<TerritorySummary> }

export function SearchPage({
  c,
  outcome,
  kind,
}: {
  c: Context<AppEnv>
  outcome: SearchOutcome
  kind?: TerritoryKind | undefined
}) {
  const t = c.get('t')
  const query = outcome.state === 'empty' ? '' : outcome.query
  return (
    <>
      <h1>{outcome.state === 'results' ? t('search.resultsTitle', { query }) : t('search.title')}</h1>
      <SearchForm c={c} query={query} kind={kind} />
      {outcome.state === 'empty' ? <p class="lead">{t('search.intro')}</p> : null}
      {outcome.state === 'tooShort' ? (
        <p class="notice" role="status">
          {t('search.tooShort')}
        </p>
      ) : null}
      {outcome.state === 'results' ? (
        <Results c={c} query={query} kind={kind} results={outcome.results} />
      ) : null}
    </>
  )
}

function Results({
  c,
  query,
  kind,
  results,
}: {
  c: Context<AppEnv>
  query: string
  kind?: TerritoryKind | undefined
  results: Page<TerritorySummary>
}) {
  const t = c.get('t')
  if (results.total === 0) {
    return (
      <p class="notice" role="status">
        {t('search.none', { query })}
      </p>
    )
  }
  const hrefFor = (page: number) => withQuery('/territoires', { q: query, type: kind, page })
  return (
    <>
      <p role="status">
        {results.total === 1
          ? t('search.countOne')
          : t('search.count', { count: formatNumber(c.get('locale'), results.total) })}
      </p>
      <TerritoryTable
        c={c}
        caption={t('search.caption', { query, page: results.page, pageCount: results.pageCount })}
        territories={results.items}
      />
      <Pagination c={c} page={results} hrefFor={hrefFor} />
    </>
  )
}
