import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber, type MessageKey } from '../../../../i18n/i18n.js'
import { offsetOf, toPage } from '../../../../lib/pagination.js'
import { Pagination } from '../../../../ui/components.js'
import { CsrfField } from '../../../../ui/forms.js'
import { importMessages } from '../../../footprint/import/messages.js'
import { deviceTypeLabels } from '../../../footprint/import/type-mapping.js'
import type { ImportFormat } from '../../../footprint/import/types.js'
import { frenchDateText } from '../../../footprint/import/values.js'
import { conditionLabels, statusLabels } from '../../../footprint/import/vocabulary.js'
import type { InventoryItem } from '../../../footprint/inventory-item.js'
import { FootprintNav } from '../../../footprint/views/footprint-nav.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import type { ImportProgress } from '../import-jobs.js'
import type { ImportReport, ReportError, ReportFile } from '../import-report.js'
import type { ImportRow } from '../imports.queries.js'
import { formatDateTime, statusKey } from './imports-list.page.js'

const errorsPageSize = 100

export interface ImportDetail {
  row: ImportRow
  report: ImportReport | null
  progress: ImportProgress | undefined
  createdBy: string | null
  /** Current size of the inventory (for the replace warning). */
  inventoryRows: number
  errorsPage: number
  /** A refusal to show (409), in words. */
  conflict?: string | undefined
  /** The page reloads itself (Refresh header) while the job runs, unless turned off. */
  autoRefresh: boolean
}

const separatorKey: Record<string, MessageKey> = {
  ';': 'imports.separator.semicolon',
  ',': 'imports.separator.comma',
  '\t': 'imports.separator.tab',
}

function FileSummary({ c, row, report }: { c: Context<AppEnv>; row: ImportRow; report: ImportReport }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const file = report.file
  const number = (value: number | null) => formatNumber(locale, value ?? 0)
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('imports.summary.title')}</h2>
      <dl class="facts">
        {file ? (
          <>
            <dt>{t('imports.summary.format')}</dt>
            <dd>{importMessages(locale).formatName(file.format as ImportFormat)}</dd>
            <dt>{t('imports.summary.encoding')}</dt>
            <dd>{t(`imports.encoding.${file.encoding}` as MessageKey)}</dd>
            <dt>{t('imports.summary.separator')}</dt>
            <dd>
              {t(
                file.separator === null
                  ? 'imports.separator.none'
                  : (separatorKey[file.separator] ?? 'imports.separator.none'),
              )}
            </dd>
          </>
        ) : null}
        <dt>{t('imports.summary.rows')}</dt>
        <dd>{number(row.total_rows)}</dd>
        <dt>{t('imports.summary.valid')}</dt>
        <dd>{number(row.valid_rows)}</dd>
        <dt>{t('imports.summary.errors')}</dt>
        <dd>{number(row.error_count)}</dd>
        {report.datacenters.rows > 0 ? (
          <>
            <dt>{t('imports.summary.datacenters')}</dt>
            <dd>
              {t('imports.summary.datacentersValue', {
                valid: number(report.datacenters.valid),
                rows: number(report.datacenters.rows),
              })}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

function ColumnTable({
  c,
  file,
  caption,
  id,
}: {
  c: Context<AppEnv>
  file: ReportFile
  caption: string
  id: string
}) {
  const t = c.get('t')
  if (file.format === 'pcr-si') return <p>{t('imports.mapping.json')}</p>
  return (
    <>
      <div class="table-scroll">
        <table id={id}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.mapping.column')}</th>
              <th scope="col">{t('imports.mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {file.columns.map((mapping) => (
              <tr>
                <th scope="row">{mapping.column}</th>
                <td>{t(`imports.field.${mapping.field}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {file.ignoredColumns.length > 0
          ? t('imports.mapping.ignored', {
              columns: file.ignoredColumns.map((name) => `« ${name} »`).join(', '),
            })
          : t('imports.mapping.noneIgnored')}
      </p>
    </>
  )
}

function PreviewTable({ c, items }: { c: Context<AppEnv>; items: InventoryItem[] }) {
  const t = c.get('t')
  const locale = c.get('locale')
  if (items.length === 0) return <p>{t('imports.preview.none')}</p>
  const date = (value: string | null) =>
    value === null ? '' : locale === 'fr' ? frenchDateText(value) : value
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('imports.preview.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.preview.line')}</th>
            <th scope="col">{t('imports.field.type')}</th>
            <th scope="col">{t('imports.field.model')}</th>
            <th scope="col" class="num">
              {t('imports.field.quantity')}
            </th>
            <th scope="col">{t('imports.field.site')}</th>
            <th scope="col">{t('imports.field.service')}</th>
            <th scope="col">{t('imports.field.purchaseDate')}</th>
            <th scope="col">{t('imports.field.retirementDate')}</th>
            <th scope="col">{t('imports.field.status')}</th>
            <th scope="col">{t('imports.field.condition')}</th>
            <th scope="col">{t('imports.field.datacenter')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr>
              <th scope="row">{item.line ?? ''}</th>
              <td>{deviceTypeLabels[item.type][locale]}</td>
              <td>{item.model ?? ''}</td>
              <td class="num">{formatNumber(locale, item.quantity)}</td>
              <td>{item.site ?? ''}</td>
              <td>{item.service ?? ''}</td>
              <td>{date(item.purchaseDate)}</td>
              <td>{date(item.retirementDate)}</td>
              <td>{statusLabels[item.status][locale]}</td>
              <td>{conditionLabels[item.condition][locale]}</td>
              <td>{item.datacenter ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ErrorsTable({
  c,
  report,
  page,
  pageHref,
  mappingHref,
}: {
  c: Context<AppEnv>
  report: ImportReport
  page: number
  pageHref: (page: number) => string
  mappingHref: (label: string) => string
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const all = report.errors
  const start = offsetOf(page, errorsPageSize)
  const shown: ReportError[] = all.slice(start, start + errorsPageSize)
  const paged = toPage(shown, page, errorsPageSize, all.length)
  const twoFiles = report.datacenterFile !== null
  return (
    <section aria-labelledby="errors-heading">
      <h2 id="errors-heading">{t('imports.errors.title')}</h2>
      {report.errorCount > all.length ? (
        <p>
          {t('imports.errors.more', {
            kept: formatNumber(locale, all.length),
            total: formatNumber(locale, report.errorCount),
          })}
        </p>
      ) : null}
      <div class="table-scroll">
        <table>
          <caption>
            {t('imports.errors.caption', {
              from: formatNumber(locale, Math.min(start + 1, all.length)),
              to: formatNumber(locale, start + shown.length),
              total: formatNumber(locale, all.length),
            })}
          </caption>
          <thead>
            <tr>
              {twoFiles ? <th scope="col">{t('imports.errors.file')}</th> : null}
              <th scope="col" class="num">
                {t('imports.errors.line')}
              </th>
              <th scope="col">{t('imports.errors.column')}</th>
              <th scope="col">{t('imports.errors.reason')}</th>
              <th scope="col">{t('imports.errors.suggestion')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error) => (
              <tr>
                {twoFiles ? (
                  <td>
                    {t(
                      error.file === 'inventory'
                        ? 'imports.errors.fileInventory'
                        : 'imports.errors.fileDatacenters',
                    )}
                  </td>
                ) : null}
                <th scope="row" class="num">
                  {error.line}
                </th>
                <td>{error.column ?? t('imports.errors.wholeRow')}</td>
                <td>{error.message}</td>
                <td>
                  {error.suggestion
                    ? t('imports.errors.suggestType', { type: deviceTypeLabels[error.suggestion][locale] })
                    : null}
                  {error.suggestion && error.label !== undefined ? <br /> : null}
                  {error.label !== undefined ? (
                    <a href={mappingHref(error.label)}>
                      {t('imports.errors.mapLink', { label: error.label })}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination c={c} page={paged} hrefFor={pageHref} />
    </section>
  )
}

function Actions({ c, detail, base }: { c: Context<AppEnv>; detail: ImportDetail; base: string }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const { row } = detail
  const valid = row.valid_rows ?? 0
  const invalid = row.error_count
  return (
    <section aria-labelledby="actions-heading" class="panel">
      <h2 id="actions-heading">{t('imports.actions.title')}</h2>
      {row.status === 'checked' ? (
        <p>
          {row.replace_inventory === 1
            ? t('imports.detail.replace', { count: formatNumber(locale, detail.inventoryRows) })
            : t('imports.detail.add')}
        </p>
      ) : null}
      {row.status === 'checked' && invalid === 0 && valid > 0 ? (
        <form method="post" action={`${base}/importer`}>
          <CsrfField c={c} />
          <input type="hidden" name="mode" value="all" />
          <button type="submit">
            {t('imports.actions.importAll', { count: formatNumber(locale, valid) })}
          </button>
        </form>
      ) : null}
      {row.status === 'checked' && invalid > 0 ? (
        <>
          <p class="notice">
            <strong>{t('imports.actions.blocked')}</strong> {t('imports.actions.fixAdvice')}
          </p>
          {valid > 0 ? (
            <form method="post" action={`${base}/importer`}>
              <CsrfField c={c} />
              <input type="hidden" name="mode" value="valid" />
              <button type="submit">
                {t('imports.actions.importValid', {
                  valid: formatNumber(locale, valid),
                  invalid: formatNumber(locale, invalid),
                })}
              </button>
            </form>
          ) : (
            <p>{t('imports.actions.noValid')}</p>
          )}
        </>
      ) : null}
      <div class="actions">
        {row.status !== 'refused' ? (
          <form method="post" action={`${base}/reverifier`}>
            <CsrfField c={c} />
            <button type="submit" class="secondary" aria-describedby="recheck-hint">
              {t('imports.actions.recheck')}
            </button>
          </form>
        ) : null}
        <form method="post" action={`${base}/annuler`}>
          <CsrfField c={c} />
          <button type="submit" class="secondary">
            {t('imports.actions.abandon')}
          </button>
        </form>
      </div>
      {row.status !== 'refused' ? (
        <p class="hint" id="recheck-hint">
          {t('imports.actions.recheckHint')}
        </p>
      ) : null}
    </section>
  )
}

/** One import: progress while it runs, then the refusal, the check's report and the choice, or the outcome. */
export function ImportDetailPage({ c, detail }: { c: Context<AppEnv>; detail: ImportDetail }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const { row, report, progress } = detail
  const imports = `/espace/${workspace.id}/empreinte/imports`
  const base = `${imports}/${row.id}`
  const running = row.status === 'checking' || row.status === 'importing'
  const canEdit = canInWorkspace(workspace.role, 'inventory.edit')
  const filesKept = row.status === 'checked' || row.status === 'refused' || row.status === 'failed'
  const mappingHref = (label: string) =>
    `/espace/${workspace.id}/empreinte/correspondances?label=${encodeURIComponent(label)}&retour=${encodeURIComponent(base)}`
  const pageHref = (page: number) => `${base}?page=${page}#errors-heading`
  return (
    <>
      <h1>{t('imports.detail.title', { file: row.file_name })}</h1>
      <FootprintNav c={c} current="imports" />
      <p>
        {t('imports.detail.sent', {
          date: formatDateTime(locale, row.created_at),
          who: detail.createdBy ?? t('imports.history.unknownPerson'),
        })}{' '}
        {row.datacenter_file_name
          ? t('imports.detail.datacenterFile', { file: row.datacenter_file_name })
          : null}{' '}
        <strong>{t(statusKey(row.status))}</strong>
      </p>
      {detail.conflict ? (
        <p class="error-summary" role="alert">
          {detail.conflict}
        </p>
      ) : null}
      {running ? (
        <section class="panel" aria-live="polite">
          <p>
            {progress
              ? t(row.status === 'checking' ? 'imports.progress.checking' : 'imports.progress.importing', {
                  rows: formatNumber(locale, progress.rowsRead),
                  seconds: formatNumber(locale, Math.round((Date.now() - progress.startedAt) / 1000)),
                })
              : t('imports.progress.waiting')}
          </p>
          {detail.autoRefresh ? <p class="hint">{t('imports.progress.refresh')}</p> : null}
          <p>
            <a href={detail.autoRefresh ? base : `${base}?actualiser=non`}>{t('imports.progress.reload')}</a>
            {detail.autoRefresh ? (
              <>
                {' '}
                · <a href={`${base}?actualiser=non`}>{t('imports.progress.stopRefresh')}</a>
              </>
            ) : null}
          </p>
        </section>
      ) : null}
      {row.status === 'refused' && report?.problem ? (
        <section class="error-summary" aria-labelledby="refused-heading">
          <h2 id="refused-heading">{t('imports.refused.title')}</h2>
          <p>
            {report.problem.file === 'datacenters'
              ? t('imports.refused.datacenterFile', { message: report.problem.message })
              : report.problem.message}
          </p>
          <p>{t('imports.refused.advice')}</p>
        </section>
      ) : null}
      {row.status === 'failed' ? (
        <section class="error-summary" aria-labelledby="failed-heading">
          <h2 id="failed-heading">{t('imports.failed.title')}</h2>
          <p>{t(`imports.failed.${report?.failure ?? 'error'}` as MessageKey)}</p>
        </section>
      ) : null}
      {row.status === 'done' ? (
        <section class="notice success" aria-labelledby="done-heading">
          <h2 id="done-heading">{t('imports.done.title')}</h2>
          <p>
            {t('imports.done.text', {
              count: formatNumber(locale, row.imported_rows),
              date: formatDateTime(locale, row.finished_at ?? row.updated_at),
            })}
          </p>
          <ul>
            <li>
              <a href={`/espace/${workspace.id}/empreinte/inventaire`}>{t('imports.done.inventory')}</a>
            </li>
            <li>
              <a href={`/espace/${workspace.id}/empreinte`}>{t('imports.done.results')}</a>
            </li>
          </ul>
        </section>
      ) : null}
      {row.status === 'checked' && report ? (
        <>
          <FileSummary c={c} row={row} report={report} />
          {report.file ? (
            <section aria-labelledby="mapping-heading">
              <h2 id="mapping-heading">{t('imports.mapping.title')}</h2>
              <ColumnTable c={c} file={report.file} caption={t('imports.mapping.caption')} id="columns" />
              {report.datacenterFile ? (
                <ColumnTable
                  c={c}
                  file={report.datacenterFile}
                  caption={t('imports.mapping.datacenterCaption')}
                  id="datacenter-columns"
                />
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t('imports.preview.title')}</h2>
            <PreviewTable c={c} items={report.preview} />
          </section>
          {report.errors.length > 0 ? (
            <ErrorsTable
              c={c}
              report={report}
              page={detail.errorsPage}
              pageHref={pageHref}
              mappingHref={mappingHref}
            />
          ) : null}
        </>
      ) : null}
      {canEdit && filesKept ? <Actions c={c} detail={detail} base={base} /> : null}
      <p>
        <a href={imports}>{t('imports.back')}</a>
      </p>
    </>
  )
}
