import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatLongDate } from '../../../../i18n/i18n.js'
import type { FactorBase } from '../../factor-base.schemas.js'
import type { FactorBaseSummary } from '../../factor-bases.store.js'
import { BaseDetail, type BaseMeta, originKeys, publicBasePath, publicBasesPath } from './base-parts.js'

/** The table of base versions: title (a link), id, version, date, origin. */
export function BaseVersionsTable({
  c,
  bases,
  caption,
  href,
}: {
  c: Context<AppEnv>
  bases: readonly FactorBaseSummary[]
  caption: string
  href: (base: FactorBaseSummary) => string
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('factor-bases.title')}</th>
          <th scope="col">{t('factor-bases.id')}</th>
          <th scope="col">{t('factor-bases.version')}</th>
          <th scope="col">{t('factor-bases.publishedAt')}</th>
          <th scope="col">{t('factor-bases.origin')}</th>
        </tr>
      </thead>
      <tbody>
        {bases.map((base) => (
          <tr>
            <th scope="row">
              <a href={href(base)} lang="fr">
                {base.title}
              </a>
            </th>
            <td>
              <code>{base.id}</code>
            </td>
            <td>{base.version}</td>
            <td>{formatLongDate(locale, base.publishedAt)}</td>
            <td>{t(originKeys[base.origin])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function PublicBasesPage({ c, bases }: { c: Context<AppEnv>; bases: readonly FactorBaseSummary[] }) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('factor-bases.public.title')}</h1>
      <p class="lead">{t('factor-bases.public.lead')}</p>
      <p>{t('factor-bases.public.versions')}</p>
      <BaseVersionsTable
        c={c}
        bases={bases}
        caption={t('factor-bases.public.caption')}
        href={(base) => publicBasePath(base.id, base.version)}
      />
    </>
  )
}

export function PublicBasePage({ c, base, meta }: { c: Context<AppEnv>; base: FactorBase; meta: BaseMeta }) {
  const t = c.get('t')
  const path = publicBasePath(base.id, base.version)
  return (
    <>
      <p>
        <a href={publicBasesPath}>{t('factor-bases.public.back')}</a>
      </p>
      <h1 lang="fr">{base.title}</h1>
      <BaseDetail
        c={c}
        base={base}
        meta={meta}
        downloads={{ json: `${path}.json`, csv: `${path}?format=csv` }}
      />
    </>
  )
}
