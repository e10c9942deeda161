import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber } from '../../../i18n/i18n.js'
import { minimumGroupSize, populationBands } from '../../assessments/peer-statistics.js'
import { letterThresholds, maxLevel } from '../../assessments/score-assessment.js'
import type { Referential } from '../referential.schemas.js'
import { MaturityScaleList, SizeTierList } from './referential-parts.js'

/** A worked example of a commitment's score, computed here so that the words and the formula agree. */
const exampleLevels = [3, 2, 2, 1, 0]

/**
 * The scoring method in words. Every figure comes from the code that computes the scores (the
 * letter thresholds, the population bands, the minimum group size) or from the current referential
 * (the maturity scale, the size tiers): the page cannot drift from what is computed.
 */
export function MethodPage({ c, referential }: { c: Context<AppEnv>; referential: Referential }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const number = (value: number) => formatNumber(locale, value)
  const exampleSum = exampleLevels.reduce((sum, level) => sum + level, 0)
  const exampleScore = (100 * exampleSum) / (maxLevel * exampleLevels.length)
  const commitmentCount = referential.ambitions.reduce(
    (sum, ambition) => sum + ambition.commitments.length,
    0,
  )
  return (
    <>
      <p>
        <a href="/referentiel">{t('referential.backToCurrent')}</a>
      </p>
      <h1>{t('method.title')}</h1>
      <p class="lead">{t('method.lead', { version: referential.version })}</p>

      <h2>{t('method.levels.title')}</h2>
      <p>{t('method.levels.text', { max: maxLevel })}</p>
      <MaturityScaleList referential={referential} />

      <h2>{t('method.applicable.title')}</h2>
      <p>{t('method.applicable.tiers')}</p>
      <SizeTierList referential={referential} />
      <p>{t('method.applicable.toConfirm')}</p>
      <p>{t('method.applicable.left')}</p>
      <p>{t('method.applicable.unanswered')}</p>

      <h2>{t('method.scores.title')}</h2>
      <ul>
        <li>{t('method.scores.commitment', { max: maxLevel })}</li>
        <li>
          {t('method.scores.example', {
            levels: exampleLevels.join(', '),
            count: exampleLevels.length,
            sum: exampleSum,
            max: maxLevel,
            exact: formatNumber(locale, Math.round(exampleScore * 10) / 10),
            rounded: Math.round(exampleScore),
          })}
        </li>
        <li>{t('method.scores.noneApplicable')}</li>
        <li>{t('method.scores.ambition')}</li>
        <li>{t('method.scores.overall', { count: commitmentCount })}</li>
        <li>{t('method.scores.rounding')}</li>
      </ul>

      <h2>{t('method.letter.title')}</h2>
      <table>
        <caption>{t('method.letter.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('method.letter.letter')}</th>
            <th scope="col">{t('method.letter.score')}</th>
          </tr>
        </thead>
        <tbody>
          {letterThresholds.map((threshold, index) => {
            const above = letterThresholds[index - 1]
            return (
              <tr>
                <th scope="row">{threshold.letter}</th>
                <td>
                  {t('method.letter.range', {
                    min: threshold.min,
                    max: above ? above.min - 1 : 100,
                  })}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>

      <h2>{t('method.recommendations.title')}</h2>
      <p>{t('method.recommendations.lead', { max: maxLevel })}</p>
      <ol>
        <li>{t('method.recommendations.legal')}</li>
        <li>{t('method.recommendations.gap', { max: maxLevel })}</li>
        <li>{t('method.recommendations.priority')}</li>
        <li>{t('method.recommendations.order')}</li>
      </ol>

      <h2>{t('method.peers.title')}</h2>
      <p>{t('method.peers.groups')}</p>
      <ul>
        {populationBands.map((band, index) => {
          const next = populationBands[index + 1]
          return (
            <li>
              {index === 0 && next
                ? t('method.peers.bandBelow', { max: number(next.min) })
                : next
                  ? t('method.peers.bandBetween', { min: number(band.min), max: number(next.min - 1) })
                  : t('method.peers.bandAbove', { min: number(band.min) })}
            </li>
          )
        })}
      </ul>
      <p>{t('method.peers.quartiles')}</p>
      <p>{t('method.peers.minimum', { count: minimumGroupSize })}</p>

      <h2>{t('method.versions.title')}</h2>
      <p>{t('method.versions.text')}</p>
      <p>
        <a href="/referentiel#versions">{t('method.versions.link')}</a>
      </p>
    </>
  )
}
