import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { MessageKey } from '../../../../i18n/i18n.js'
import { type FlagCode, type FootprintPhase, flagCodes, footprintPhases } from '../../compute-footprint.js'
import type { ExplanationTerm } from '../../explain-figure.js'
import type { FactorBase } from '../../factor-base.schemas.js'
import { deviceTypeLabels } from '../../import/type-mapping.js'
import { countryName } from '../../import/vocabulary.js'
import { deviceTypes } from '../../inventory-item.js'
import { derivedRefurbishedRatios, refurbishedRatioFor } from '../../refurbished-ratios.js'
import { reuseRoutes, reuseScope, reuseTargets } from '../../reuse-rate.js'
import type { WorkedExample } from '../worked-example.js'

const sections = [
  'criteres',
  'phases',
  'methodes',
  'duree-de-vie',
  'usage',
  'reconditionne',
  'non-disponible',
  'par-habitant',
  'base',
  'electricite',
  'exemple',
  'scenarios',
  'ressources',
] as const
type Section = (typeof sections)[number]

const sectionTitles: Record<Section, MessageKey> = {
  criteres: 'footprintMethod.criteria.title',
  phases: 'footprintMethod.phases.title',
  methodes: 'footprintMethod.methods.title',
  'duree-de-vie': 'footprintMethod.lifetime.title',
  usage: 'footprintMethod.use.title',
  reconditionne: 'footprintMethod.refurbished.title',
  'non-disponible': 'footprintMethod.unavailable.title',
  'par-habitant': 'footprintMethod.perCapita.title',
  base: 'footprintMethod.base.title',
  electricite: 'footprintMethod.electricity.title',
  exemple: 'footprintMethod.example.title',
  scenarios: 'footprintMethod.scenarios.title',
  ressources: 'footprintMethod.resources.title',
}

const phaseKeys: Record<FootprintPhase | 'total', MessageKey> = {
  manufacturing: 'footprintMethod.phase.manufacturing',
  distribution: 'footprintMethod.phase.distribution',
  use: 'footprintMethod.phase.use',
  endOfLife: 'footprintMethod.phase.endOfLife',
  total: 'footprintMethod.phase.total',
}

const flagKeys: Record<FlagCode, MessageKey> = {
  noFactor: 'footprintMethod.flag.noFactor',
  unknownCountry: 'footprintMethod.flag.unknownCountry',
  unknownDatacenter: 'footprintMethod.flag.unknownDatacenter',
  noUseProfile: 'footprintMethod.flag.noUseProfile',
  retiredWithoutDate: 'footprintMethod.flag.retiredWithoutDate',
}

/** The explanations' units are French words: the English page says them in English. */
const unitKeys: Record<string, MessageKey> = {
  ans: 'footprintMethod.unit.years',
  'h/j': 'footprintMethod.unit.hoursPerDay',
  j: 'footprintMethod.unit.days',
}

function Heading({ c, id }: { c: Context<AppEnv>; id: Section }) {
  return <h2 id={id}>{c.get('t')(sectionTitles[id])}</h2>
}

/**
 * The footprint's method in words, for a territory that wants to check our figures. Every number
 * comes from the code (rules, targets, flags) or from the default base as published in the
 * database (factors, lifetimes, electricity, avoided impacts): the page follows a new base version
 * by itself. The worked example is computed by the engine (worked-example.ts).
 */
export function FootprintMethodPage({
  c,
  base,
  example,
}: {
  c: Context<AppEnv>
  base: FactorBase
  example: WorkedExample
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB'
  const input = new Intl.NumberFormat(tag, { maximumFractionDigits: 10 })
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
  const threeDigits = new Intl.NumberFormat(tag, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 })
  // As explain-figure.ts writes computed figures: whole numbers as they are, to the unit from 100,
  // three significant digits below (29,0 ; 1,34): more would pretend to a precision the factors lack.
  const computed = (value: number) =>
    Number.isInteger(value)
      ? input.format(value)
      : (Math.abs(value) >= 100 ? whole : threeDigits).format(value)
  const oneDecimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })
  const twoDecimals = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 })
  const percent = new Intl.NumberFormat(tag, { style: 'percent' })
  const notAvailable = t('footprintMethod.notAvailableShort')
  const figure = (value: number | null | undefined) => (value == null ? notAvailable : input.format(value))
  const unitOf = (unit: string): string => {
    const key = unitKeys[unit]
    if (key) return t(key)
    return unit.endsWith('/an') ? `${unit.slice(0, -3)}/${t('footprintMethod.unit.year')}` : unit
  }
  const term = (each: ExplanationTerm) => {
    const value =
      each.value === null ? notAvailable : each.computed ? computed(each.value) : input.format(each.value)
    const written = each.unit ? `${value} ${unitOf(each.unit)}` : value
    return `${each.operator ? ` ${each.operator} ` : ''}${each.oneMinus ? `(1 − ${written})` : written}`
  }

  const fallback = base.electricity.fallbackCountry
  const language = locale === 'fr' ? 'fr' : 'en'
  const defaultOption = base.electricity.options.find(
    (option) => option.id === base.electricity.countries[fallback],
  )
  const defaultFactor = defaultOption?.perKwh[example.criterion.id] ?? null
  const ratios = derivedRefurbishedRatios(base)
  const defaultRatio = refurbishedRatioFor(base, 'other')
  const defaultCountryFor = (optionId: string) =>
    Object.entries(base.electricity.countries)
      .filter(([, id]) => id === optionId)
      .map(([country]) => country)
  const reused = reuseRoutes.length
  const concerned = deviceTypes.filter((type) => reuseScope[type].included)
  const excludedTypes = deviceTypes.filter((type) => !reuseScope[type].included)

  return (
    <>
      <h1>{t('footprintMethod.title')}</h1>
      <p class="lead">
        {t('footprintMethod.lead', { title: base.title, id: base.id, version: base.version })}
      </p>
      <nav aria-labelledby="toc-title" class="toc">
        <h2 id="toc-title">{t('footprintMethod.toc')}</h2>
        <ol>
          {sections.map((id) => (
            <li>
              <a href={`#${id}`}>{t(sectionTitles[id])}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Heading c={c} id="criteres" />
      <p>{t('footprintMethod.criteria.text', { count: base.criteria.length })}</p>
      <ul>
        {base.criteria.map((criterion) => (
          <li>
            <strong>{criterion.label}</strong> ({criterion.unit})
            {criterion.note ? ` — ${criterion.note}` : ''}
          </li>
        ))}
      </ul>

      <Heading c={c} id="phases" />
      <ul>
        {footprintPhases.map((phase) => (
          <li>{t(`footprintMethod.phases.${phase}`)}</li>
        ))}
      </ul>

      <Heading c={c} id="methodes" />
      <p>{t('footprintMethod.methods.stock')}</p>
      <p>{t('footprintMethod.methods.flux')}</p>
      <p>{t('footprintMethod.methods.useSame')}</p>
      <h3>{t('footprintMethod.period.title')}</h3>
      <ul>
        <li>{t('footprintMethod.period.inUse')}</li>
        <li>{t('footprintMethod.period.boughtAfter')}</li>
        <li>{t('footprintMethod.period.retiredBefore')}</li>
        <li>{t('footprintMethod.period.noPurchase')}</li>
        <li>{t('footprintMethod.period.retiredWithoutDate')}</li>
        <li>{t('footprintMethod.period.wholeYear')}</li>
      </ul>

      <Heading c={c} id="duree-de-vie" />
      <ol>
        <li>{t('footprintMethod.lifetime.dates')}</li>
        <li>{t('footprintMethod.lifetime.item')}</li>
        <li>{t('footprintMethod.lifetime.type')}</li>
      </ol>
      <p>{t('footprintMethod.lifetime.floor')}</p>

      <Heading c={c} id="usage" />
      <p>{t('footprintMethod.use.formula')}</p>
      <p>
        {t('footprintMethod.use.country', {
          fallback: countryName(fallback, language),
          factor: figure(defaultFactor),
          unit: `${example.criterion.unit}/kWh`,
        })}
      </p>
      <p>{t('footprintMethod.use.stock')}</p>
      {base.electricity.note ? <p>{base.electricity.note}</p> : null}

      <Heading c={c} id="reconditionne" />
      <p>{t('footprintMethod.refurbished.rule')}</p>
      <ul>
        {ratios.map((ratio) => (
          <li>
            {deviceTypeLabels[ratio.type][language]}
            {t('ui.colon')}
            {input.format(Math.round(ratio.ratio * 1000) / 1000)} ({ratio.basis})
          </li>
        ))}
      </ul>
      <p>
        {defaultRatio
          ? t('footprintMethod.refurbished.default', {
              ratio: input.format(Math.round(defaultRatio.ratio * 1000) / 1000),
              type: deviceTypeLabels[defaultRatio.from][language],
            })
          : t('footprintMethod.refurbished.none')}
      </p>

      <Heading c={c} id="non-disponible" />
      <p>{t('footprintMethod.unavailable.text')}</p>
      <p>{t('footprintMethod.unavailable.flags')}</p>
      <dl>
        {flagCodes.map((code) => (
          <>
            <dt>
              <code>{code}</code>
            </dt>
            <dd>{t(flagKeys[code], { fallback })}</dd>
          </>
        ))}
      </dl>

      <Heading c={c} id="par-habitant" />
      <p>{t('footprintMethod.perCapita.text')}</p>

      <Heading c={c} id="base" />
      <p>{t('footprintMethod.base.intro', { title: base.title, id: base.id, version: base.version })}</p>
      <p>
        <strong>{t('footprintMethod.base.source')}</strong>
        {t('ui.colon')}
        {base.source}
      </p>
      <p>
        <strong>{t('footprintMethod.base.licence')}</strong>
        {t('ui.colon')}
        {base.licence}
      </p>
      <section class="table-scroll" aria-labelledby="base-caption" tabindex={0}>
        <table class="method-base">
          <caption id="base-caption">
            {t('footprintMethod.base.caption', { version: base.version, na: notAvailable })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('footprintMethod.base.type')}</th>
              <th scope="col">{t('footprintMethod.base.mapping')}</th>
              <th scope="col">{t('footprintMethod.base.lifetime')}</th>
              <th scope="col">{t('footprintMethod.base.power')}</th>
              {base.criteria.map((criterion) => (
                <th scope="col">
                  {t('footprintMethod.base.perPhase', { criterion: criterion.label, unit: criterion.unit })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {deviceTypes.map((type) => {
              const device = base.devices[type]
              return (
                <tr data-type={type}>
                  <th scope="row">{deviceTypeLabels[type][language]}</th>
                  <td>
                    {device.mapping}
                    {device.note ? ` ${device.note}` : ''}
                  </td>
                  <td>{figure(device.lifetimeYears)}</td>
                  <td>
                    {device.activePowerW === null || device.hoursPerDay === null
                      ? notAvailable
                      : `${input.format(device.activePowerW)} W × ${input.format(device.hoursPerDay)} ${t('footprintMethod.unit.hoursPerDay')}`}
                  </td>
                  {base.criteria.map((criterion) => (
                    <td>
                      {device.factors
                        ? [
                            device.factors.manufacturing[criterion.id],
                            device.factors.distribution[criterion.id],
                            device.factors.endOfLife[criterion.id],
                          ]
                            .map((value) => figure(value))
                            .join(' / ')
                        : t('footprintMethod.base.noFactors')}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>

      <Heading c={c} id="electricite" />
      <p>{t('footprintMethod.electricity.text', { fallback })}</p>
      <section class="table-scroll" aria-labelledby="electricity-caption" tabindex={0}>
        <table>
          <caption id="electricity-caption">
            {t('footprintMethod.electricity.caption', { version: base.version })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('footprintMethod.electricity.option')}</th>
              <th scope="col">{t('footprintMethod.electricity.factor')}</th>
              <th scope="col">{t('footprintMethod.electricity.source')}</th>
            </tr>
          </thead>
          <tbody>
            {base.electricity.options.map((option) => {
              const countries = defaultCountryFor(option.id)
              return (
                <tr>
                  <th scope="row">
                    {option.label} ({option.area}
                    {option.year === null ? '' : `, ${option.year}`})
                    {countries.length > 0
                      ? ` — ${t('footprintMethod.electricity.default', { countries: countries.join(', ') })}`
                      : ''}
                  </th>
                  <td>
                    {base.criteria
                      .map((criterion) => `${figure(option.perKwh[criterion.id])} ${criterion.unit}/kWh`)
                      .join(' ; ')}
                  </td>
                  <td>
                    {option.source} {option.licence}
                    {option.note ? ` ${option.note}` : ''}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>

      <Heading c={c} id="exemple" />
      <p>
        {t('footprintMethod.example.item', {
          factor: figure(defaultFactor),
          unit: `${example.criterion.unit}/kWh`,
          criterion: example.criterion.label,
        })}
      </p>
      <table>
        <caption>{t('footprintMethod.example.caption', { year: example.countedYears[0] ?? '' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('footprintMethod.example.phase')}</th>
            <th scope="col">{t('footprintMethod.example.formula')}</th>
          </tr>
        </thead>
        <tbody>
          {example.phases.map(({ phase, explanation }) => (
            <tr>
              <th scope="row">{t(phaseKeys[phase])}</th>
              <td>
                {explanation.steps
                  .map((step, index) =>
                    step.terms
                      .filter((_, position) => !(position === 0 && step.continues && index > 0))
                      .map(term)
                      .join('')
                      .concat(
                        ` = ${step.result.value === null ? notAvailable : computed(step.result.value)} ${unitOf(step.result.unit)}`,
                      ),
                  )
                  .join('')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="example-result">
        {t('footprintMethod.example.stock', {
          perYear: example.perYear === null ? notAvailable : twoDecimals.format(example.perYear),
          count: example.countedYears.length,
          first: example.countedYears[0] ?? '',
          last: example.countedYears.at(-1) ?? '',
          total: example.lifetimeTotal === null ? notAvailable : oneDecimal.format(example.lifetimeTotal),
          unit: example.criterion.unit,
        })}
      </p>
      <p>
        {t('footprintMethod.example.flux', {
          first: example.fluxFirstYear === null ? notAvailable : oneDecimal.format(example.fluxFirstYear),
          later: example.fluxLaterYear === null ? notAvailable : computed(example.fluxLaterYear),
          total: example.fluxTotal === null ? notAvailable : oneDecimal.format(example.fluxTotal),
          unit: example.criterion.unit,
        })}
      </p>
      <p>{t('footprintMethod.example.limit')}</p>

      <Heading c={c} id="scenarios" />
      <p>{t('footprintMethod.scenarios.levers')}</p>
      <p>
        {t('footprintMethod.reuse.text', {
          targets: reuseTargets
            .map((step) =>
              t('footprintMethod.reuse.target', { year: step.from, rate: percent.format(step.rate) }),
            )
            .join(', '),
          routes: reused,
        })}
      </p>
      <p>
        {t('footprintMethod.reuse.scope', {
          concerned: concerned.map((type) => deviceTypeLabels[type][language].toLowerCase()).join(', '),
          excluded: excludedTypes.map((type) => deviceTypeLabels[type][language].toLowerCase()).join(', '),
        })}
      </p>
      <p>
        <a href="/obligations#reen_reemploi_parc">{t('footprintMethod.reuse.obligation')}</a>
      </p>

      <Heading c={c} id="ressources" />
      <ul>
        <li>
          <a href={`/bases-de-facteurs/${encodeURIComponent(base.id)}/${encodeURIComponent(base.version)}`}>
            {t('footprintMethod.resources.defaultBase', { version: base.version })}
          </a>
        </li>
        <li>
          <a href="/bases-de-facteurs">{t('footprintMethod.resources.bases')}</a>
        </li>
        <li>
          <a href="/empreinte/modele.csv">{t('footprintMethod.resources.template')}</a>
        </li>
        <li>
          <a href="/empreinte/modele.xlsx">{t('footprintMethod.resources.templateXlsx')}</a>
        </li>
        <li>
          <a href="/api">{t('footprintMethod.resources.api')}</a>
        </li>
      </ul>
    </>
  )
}
