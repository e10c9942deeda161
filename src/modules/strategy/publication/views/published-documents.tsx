import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { publishedDocumentPath } from '../public-strategy.schemas.js'
import type { PublicTerritory, PublishedVersion } from '../published-strategy.queries.js'
import { formatDay } from './published-format.js'

/** Every version still public, newest first, each readable as HTML and as PDF. */
export function PublishedDocuments({
  c,
  territory,
  versions,
}: {
  c: Context<AppEnv>
  territory: PublicTerritory
  versions: PublishedVersion[]
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('publicStrategy.documents.heading')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t('publicStrategy.documents.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('publicStrategy.documents.document')}</th>
              <th scope="col" class="num">
                {t('publicStrategy.documents.version')}
              </th>
              <th scope="col" class="num">
                {t('publicStrategy.documents.year')}
              </th>
              <th scope="col">{t('publicStrategy.documents.publishedOn')}</th>
              <th scope="col">{t('publicStrategy.documents.read')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => {
              const path = publishedDocumentPath(territory, version.id)
              const name = t('publicStrategy.documents.which', {
                kind: t(`documents.kind.${version.kind}`),
                version: version.version,
              })
              return (
                <tr>
                  <th scope="row" lang="fr">
                    {version.title}
                  </th>
                  <td class="num">{version.version}</td>
                  <td class="num">{version.year}</td>
                  <td>{formatDay(locale, version.publishedAt)}</td>
                  <td>
                    <a href={path} aria-label={t('publicStrategy.documents.htmlOf', { name })}>
                      {t('publicStrategy.documents.html')}
                    </a>{' '}
                    ·{' '}
                    <a href={`${path}/pdf`} aria-label={t('publicStrategy.documents.pdfOf', { name })}>
                      {t('publicStrategy.documents.pdf')}
                    </a>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
