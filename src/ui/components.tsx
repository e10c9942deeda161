import type { Context } from 'hono'
import type { AppEnv } from '../app-env.js'
import type { TerritoryKind } from '../db/schema.js'
import { formatNumber, type MessageKey } from '../i18n/i18n.js'
import type { Page } from '../lib/pagination.js'
import type { TerritorySummary } from '../modules/territories/territories.queries.js'

export function territoryPath(territory: { kind: TerritoryKind; code: string }): string {
  return `/territoires/${territory.kind}/${encodeURIComponent(territory.code)}`
}

const natureKeys: Record<string, MessageKey> = {
  CC: 'nature.CC',
  CA: 'nature.CA',
  CU: 'nature.CU',
  METRO: 'nature.METRO',
  EPT: 'nature.EPT',
}

export const kindKeys: Record<TerritoryKind, MessageKey> = {
  commune: 'kind.commune',
  epci: 'kind.epci',
  ept: 'kind.ept',
  special: 'kind.special',
  departement: 'kind.departement',
  region: 'kind.region',
}

/** The kind in words; the legal nature (CA, CU, métropole…) when there is one. */
export function kindLabel(
  c: Context<AppEnv>,
  territory: { kind: TerritoryKind; nature: string | null },
): string {
  const t = c.get('t')
  const natureKey = territory.nature ? natureKeys[territory.nature] : undefined
  if (natureKey && territory.kind === 'epci') return `${t(natureKey)} (${t('kind.epci')})`
  if (natureKey) return t(natureKey)
  return t(kindKeys[territory.kind])
}

export function populationOf(c: Context<AppEnv>, territory: TerritorySummary): string {
  const population = territory.populationTotal ?? territory.populationMunicipal
  return population === null ? '—' : formatNumber(c.get('locale'), population)
}

export function DemoBadge({ c }: { c: Context<AppEnv> }) {
  return <span class="badge badge-demo">{c.get('t')('demo.badge')}</span>
}

/** A table of territories; the caption says what it holds (tables must be named for screen readers). */
export function TerritoryTable({
  c,
  caption,
  territories,
}: {
  c: Context<AppEnv>
  caption: string
  territories: TerritorySummary[]
}) {
  const t = c.get('t')
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.name')}</th>
          <th scope="col">{t('table.kind')}</th>
          <th scope="col">{t('table.code')}</th>
          <th scope="col" class="num">
            {t('table.population')}
          </th>
        </tr>
      </thead>
      <tbody>
        {territories.map((territory) => (
          <tr>
            <td>
              <a href={territoryPath(territory)}>{territory.name}</a>{' '}
              {territory.isDemo ? <DemoBadge c={c} /> : null}
            </td>
            <td>{kindLabel(c, territory)}</td>
            <td>{territory.code}</td>
            <td class="num">{populationOf(c, territory)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * Previous / next links that keep the other query parameters. A page with several paginated
 * tables names each navigation (`label`): two landmarks with one name cannot be told apart.
 */
export function Pagination<T>({
  c,
  page,
  hrefFor,
  label,
}: {
  c: Context<AppEnv>
  page: Page<T>
  hrefFor: (page: number) => string
  label?: string
}) {
  const t = c.get('t')
  if (page.pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label={label ?? t('pagination.label')}>
      <p>{t('pagination.status', { page: page.page, pageCount: page.pageCount })}</p>
      <ul>
        {page.page > 1 ? (
          <li>
            <a href={hrefFor(page.page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {page.page < page.pageCount ? (
          <li>
            <a href={hrefFor(page.page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value))
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

/** A notice after a redirect (post/redirect/get); nothing when there is none. */
export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null
  return (
    <p class="notice success" role="status">
      {text}
    </p>
  )
}
