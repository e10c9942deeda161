import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatLongDate, type Locale, type MessageKey } from '../../../../i18n/i18n.js'
import { type EmbodiedPhase, embodiedPhases, type FactorBase } from '../../factor-base.schemas.js'
import type { FactorBaseOrigin } from '../../factor-bases.store.js'
import { deviceTypes } from '../../inventory-item.js'

export const publicBasesPath = '/bases-de-facteurs'
export const operatorBasesPath = '/operateur/bases-de-facteurs'
export const publicBasePath = (id: string, version: string) =>
  `${publicBasesPath}/${encodeURIComponent(id)}/${encodeURIComponent(version)}`
export const workspaceBasesPath = (workspaceId: number) => `/espace/${workspaceId}/empreinte/bases`
export const workspaceBasePath = (workspaceId: number, id: string, version: string) =>
  `${workspaceBasesPath(workspaceId)}/${encodeURIComponent(id)}/${encodeURIComponent(version)}`
export const editBasePath = (workspaceId: number, id: string, version: string) =>
  `${workspaceBasePath(workspaceId, id, version)}/modifier`
export const importBasePath = (workspaceId: number) => `${workspaceBasesPath(workspaceId)}/importer`
export const copyBasePath = (workspaceId: number) => `${workspaceBasesPath(workspaceId)}/copier`

/** A base version as one form value: `id@version` (ids and versions never hold an @). */
export const baseKey = (base: { id: string; version: string }) => `${base.id}@${base.version}`
export function parseBaseKey(value: string | undefined): { id: string; version: string } | undefined {
  const match = /^([a-z0-9-]+)@([0-9A-Za-z.-]+)$/.exec(value ?? '')
  return match ? { id: match[1] as string, version: match[2] as string } : undefined
}

export const originKeys = {
  bundled: 'factor-bases.origin.bundled',
  operator: 'factor-bases.origin.operator',
  workspace: 'factor-bases.origin.workspace',
} as const satisfies Record<FactorBaseOrigin, MessageKey>

export const phaseKeys = {
  manufacturing: 'factor-bases.phase.manufacturing',
  distribution: 'factor-bases.phase.distribution',
  endOfLife: 'factor-bases.phase.endOfLife',
} as const satisfies Record<EmbodiedPhase, MessageKey>

// Factors are shown in full: 1.32115 kgCO2e is what the source publishes, not « 1,321 ».
const figureFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 }),
}
export const formatFigure = (locale: Locale, value: number) => figureFormats[locale].format(value)

/** A figure's cell, or « non publié » (muted) when the base has none: one element per figure. */
function FigureCell({ c, value }: { c: Context<AppEnv>; value: number | null | undefined }) {
  if (value === null || value === undefined)
    return <td class="num muted">{c.get('t')('factor-bases.notPublished')}</td>
  return <td class="num">{formatFigure(c.get('locale'), value)}</td>
}

export interface BaseMeta {
  origin: FactorBaseOrigin
  publishedAt: string
}

/**
 * The whole of a base version, as public pages and workspaces show it: its source and licence, the
 * criteria, every device type's figures and source row, the electricity options and the avoided
 * impacts, each entry with its own source and licence where they differ from the base's.
 */
export function BaseDetail({
  c,
  base,
  meta,
  downloads,
}: {
  c: Context<AppEnv>
  base: FactorBase
  meta: BaseMeta
  downloads: { json: string; csv: string }
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const criteria = base.criteria
  const defaultFor = (optionId: string) =>
    Object.entries(base.electricity.countries)
      .filter(([, id]) => id === optionId)
      .map(([country]) => country)
  return (
    <>
      <dl class="facts">
        <dt>{t('factor-bases.id')}</dt>
        <dd>
          <code>{base.id}</code>
        </dd>
        <dt>{t('factor-bases.version')}</dt>
        <dd>{base.version}</dd>
        <dt>{t('factor-bases.publishedAt')}</dt>
        <dd>{formatLongDate(locale, meta.publishedAt)}</dd>
        <dt>{t('factor-bases.origin')}</dt>
        <dd>{t(originKeys[meta.origin])}</dd>
        <dt>{t('factor-bases.source')}</dt>
        <dd lang="fr">{base.source}</dd>
        <dt>{t('factor-bases.licence')}</dt>
        <dd lang="fr">{base.licence}</dd>
      </dl>
      <p>
        {t('factor-bases.download')} <a href={downloads.json}>{t('factor-bases.downloadJson')}</a> ·{' '}
        <a href={downloads.csv}>{t('factor-bases.downloadCsv')}</a>
      </p>

      <h2 id="criteres">{t('factor-bases.criteria')}</h2>
      <table>
        <caption>{t('factor-bases.criteriaCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('factor-bases.criterion')}</th>
            <th scope="col">{t('factor-bases.id')}</th>
            <th scope="col">{t('factor-bases.unit')}</th>
            <th scope="col">{t('factor-bases.note')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion) => (
            <tr>
              <th scope="row" lang="fr">
                {criterion.label}
              </th>
              <td>
                <code>{criterion.id}</code>
              </td>
              <td>{criterion.unit}</td>
              <td lang="fr">{criterion.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="equipements">{t('factor-bases.devices')}</h2>
      <p>{t('factor-bases.devicesIntro')}</p>
      <section class="table-scroll" aria-labelledby="devices-caption" tabindex={0}>
        <table class="base-figures">
          <caption id="devices-caption">{t('factor-bases.devicesCaption')}</caption>
          <colgroup span={3} />
          {criteria.map(() => (
            <colgroup span={embodiedPhases.length} />
          ))}
          <thead>
            <tr>
              <th scope="col" rowspan={2}>
                {t('factor-bases.type')}
              </th>
              <th scope="col" rowspan={2} class="num">
                {t('factor-bases.field.lifetimeYears')}
              </th>
              <th scope="col" rowspan={2} class="num">
                {t('factor-bases.powerHours')}
              </th>
              {criteria.map((criterion) => (
                <th scope="colgroup" colspan={embodiedPhases.length} lang="fr">
                  {criterion.label} ({criterion.unit})
                </th>
              ))}
            </tr>
            <tr>
              {criteria.flatMap(() =>
                embodiedPhases.map((phase) => (
                  <th scope="col" class="num">
                    {t(phaseKeys[phase])}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {deviceTypes.map((type) => {
              const device = base.devices[type]
              return (
                <tr>
                  <th scope="row" lang="fr">
                    {device.label}
                  </th>
                  <FigureCell c={c} value={device.lifetimeYears} />
                  {device.activePowerW !== null && device.hoursPerDay !== null ? (
                    <td class="num">
                      {t('factor-bases.powerHoursValue', {
                        power: formatFigure(locale, device.activePowerW),
                        hours: formatFigure(locale, device.hoursPerDay),
                      })}
                    </td>
                  ) : (
                    <FigureCell c={c} value={null} />
                  )}
                  {device.factors ? (
                    criteria.flatMap((criterion) =>
                      embodiedPhases.map((phase) => (
                        <FigureCell c={c} value={device.factors?.[phase][criterion.id]} />
                      )),
                    )
                  ) : (
                    <td colspan={criteria.length * embodiedPhases.length}>{t('factor-bases.noFactors')}</td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>

      <h2 id="lignes-source">{t('factor-bases.mappings')}</h2>
      <p>{t('factor-bases.mappingsIntro')}</p>
      <dl class="base-mappings">
        {deviceTypes.map((type) => {
          const device = base.devices[type]
          return (
            <>
              <dt id={`type-${type}`} lang="fr">
                {device.label} <code>{type}</code>
              </dt>
              <dd lang="fr">{device.note ? `${device.mapping} ${device.note}` : device.mapping}</dd>
              {device.source ? (
                <dd>
                  {t('factor-bases.source')}
                  {t('ui.colon')}
                  <span lang="fr">{device.source}</span>
                </dd>
              ) : null}
              {device.licence ? (
                <dd>
                  {t('factor-bases.licence')}
                  {t('ui.colon')}
                  <span lang="fr">{device.licence}</span>
                </dd>
              ) : null}
            </>
          )
        })}
      </dl>

      <h2 id="electricite">{t('factor-bases.electricity')}</h2>
      <p>
        {t('factor-bases.electricityIntro', { country: base.electricity.fallbackCountry })}
        {base.electricity.note ? (
          <>
            {' '}
            <span lang="fr">{base.electricity.note}</span>
          </>
        ) : null}
      </p>
      <section class="table-scroll" aria-labelledby="electricity-caption" tabindex={0}>
        <table>
          <caption id="electricity-caption">{t('factor-bases.electricityCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('factor-bases.option')}</th>
              <th scope="col">{t('factor-bases.area')}</th>
              <th scope="col" class="num">
                {t('factor-bases.year')}
              </th>
              {criteria.map((criterion) => (
                <th scope="col" class="num" lang="fr">
                  {criterion.label} ({criterion.unit}/kWh)
                </th>
              ))}
              <th scope="col">{t('factor-bases.sourceAndLicence')}</th>
            </tr>
          </thead>
          <tbody>
            {base.electricity.options.map((option) => {
              const countries = defaultFor(option.id)
              return (
                <tr>
                  <th scope="row" lang="fr">
                    {option.label} <code>{option.id}</code>
                    {countries.length > 0 ? (
                      <>
                        {' '}
                        <strong lang={locale}>
                          {t('factor-bases.defaultFor', { countries: countries.join(', ') })}
                        </strong>
                      </>
                    ) : null}
                    {option.note ? <span class="hint">{option.note}</span> : null}
                  </th>
                  <td>{option.area}</td>
                  <td class="num">{option.year ?? '—'}</td>
                  {criteria.map((criterion) => (
                    <FigureCell c={c} value={option.perKwh[criterion.id]} />
                  ))}
                  <td lang="fr">
                    {option.source} {option.licence}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>

      <h2 id="impacts-evites">{t('factor-bases.avoided')}</h2>
      {base.avoidedImpacts.length === 0 ? (
        <p>{t('factor-bases.avoidedNone')}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="avoided-caption" tabindex={0}>
          <table>
            <caption id="avoided-caption">{t('factor-bases.avoidedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('factor-bases.avoidedPublished')}</th>
                <th scope="col">{t('factor-bases.type')}</th>
                <th scope="col" class="num">
                  {t('factor-bases.avoidedPerUnit')}
                </th>
                <th scope="col">{t('factor-bases.sourceAndLicence')}</th>
              </tr>
            </thead>
            <tbody>
              {base.avoidedImpacts.map((avoided) => {
                const unit = criteria.find((criterion) => criterion.id === avoided.criterion)?.unit ?? ''
                return (
                  <tr>
                    <th scope="row" lang="fr">
                      {avoided.published}{' '}
                      <span class="hint" lang={locale}>
                        {avoided.kind === 'refurbished'
                          ? t('factor-bases.avoidedRefurbished')
                          : t('factor-bases.avoidedExtension', { years: avoided.years ?? 1 })}
                      </span>
                    </th>
                    <td>
                      <code>{avoided.type}</code>
                    </td>
                    <td class="num">
                      {formatFigure(locale, avoided.perUnit)} {unit}
                    </td>
                    <td lang="fr">
                      {avoided.source} {avoided.licence}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      )}
    </>
  )
}
