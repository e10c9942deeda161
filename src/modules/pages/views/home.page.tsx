import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber } from '../../../i18n/i18n.js'
import { demoCityCode } from '../../demo/demo-territories.js'
import { officialDataset } from '../../territories/official-dataset.js'
import { SearchForm } from '../../territories/views/search-form.js'

export function HomePage({ c, communes, epci }: { c: Context<AppEnv>; communes: number; epci: number }) {
  const t = c.get('t')
  const locale = c.get('locale')
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t('home.search.title')}</h2>
        <SearchForm c={c} withKind={false} headingId="search-heading" />
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('home.figures.title')}</h2>
        <p>{t('home.figures.intro')}</p>
        <ul class="figures">
          <li class="figure">
            <strong>{formatNumber(locale, communes)}</strong> {t('home.figures.communes')}
          </li>
          <li class="figure">
            <strong>{formatNumber(locale, epci)}</strong> {t('home.figures.epci')}
          </li>
        </ul>
        <p>
          {t('home.figures.explain', { geography: officialDataset.geographyVintage })}{' '}
          <a href="/obligations#reen_strategie">{t('home.figures.howTo')}</a>
        </p>
      </section>
      <section aria-labelledby="demo-heading" class="panel">
        <h2 id="demo-heading">{t('home.demo.title')}</h2>
        <p>{t('home.demo.text')}</p>
        <p>
          <a href={`/territoires/commune/${demoCityCode}`}>{t('home.demo.link')}</a>
        </p>
      </section>
    </>
  )
}
