import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { officialDataset } from '../../territories/official-dataset.js'

export function AboutPage({ c }: { c: Context<AppEnv> }) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('about.title')}</h1>
      <p class="lead">{t('about.lead')}</p>
      <h2>{t('about.data.title')}</h2>
      <p>
        {t('about.data.text', {
          package: officialDataset.packageName,
          geography: officialDataset.geographyVintage,
          licence: officialDataset.licence,
        })}
      </p>
      <ul>
        <li>{t('about.data.population')}</li>
        <li>{t('about.data.scope')}</li>
        <li>{t('about.data.lyon')}</li>
      </ul>
      <h2>{t('about.principles.title')}</h2>
      <ul>
        <li>{t('about.principles.light')}</li>
        <li>{t('about.principles.transparent')}</li>
        <li>{t('about.principles.open')}</li>
      </ul>
    </>
  )
}
