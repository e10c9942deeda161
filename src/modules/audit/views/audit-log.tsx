import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatEuros } from '../../../i18n/i18n.js'
import type { Page } from '../../../lib/pagination.js'
import { Pagination, withQuery } from '../../../ui/components.js'
import type { AuditRow } from '../audit.queries.js'
import { formatChange } from '../format-change.js'

export interface AuditFilterValues {
  personne?: number | undefined
  objet?: string | undefined
  du?: string | undefined
  au?: string | undefined
}

/** The log as a table, with GET filters (work without JavaScript) and pagination. */
export function AuditLog({
  c,
  path,
  entries,
  filters,
  choices,
}: {
  c: Context<AppEnv>
  path: string
  entries: Page<AuditRow>
  filters: AuditFilterValues
  choices: { people: { id: number; name: string; deleted_at: string | null }[]; entities: string[] }
}) {
  const t = c.get('t')
  const who = (row: AuditRow) =>
    row.actorId === null
      ? t('audit.system')
      : row.actorDeleted
        ? `${t('account.deletedName')} #${row.actorId}`
        : (row.actorName ?? '—')
  return (
    <>
      <form method="get" action={path} class="inline">
        <div class="field">
          <label for="personne">{t('audit.filterPerson')}</label>
          <select id="personne" name="personne">
            <option value="">{t('audit.filterAll')}</option>
            {choices.people.map((person) => (
              <option value={String(person.id)} selected={filters.personne === person.id}>
                {person.deleted_at ? `${t('account.deletedName')} #${person.id}` : person.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="objet">{t('audit.filterEntity')}</label>
          <select id="objet" name="objet">
            <option value="">{t('audit.filterAll')}</option>
            {choices.entities.map((entity) => (
              <option value={entity} selected={filters.objet === entity}>
                {entity}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="du">{t('audit.filterFrom')}</label>
          <input type="date" id="du" name="du" value={filters.du ?? ''} />
        </div>
        <div class="field">
          <label for="au">{t('audit.filterTo')}</label>
          <input type="date" id="au" name="au" value={filters.au ?? ''} />
        </div>
        <button type="submit">{t('audit.filter')}</button>
      </form>
      {entries.total === 0 ? (
        <p role="status">{t('audit.none')}</p>
      ) : (
        <>
          <table>
            <caption>{t('audit.caption', { page: entries.page, pageCount: entries.pageCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.items.map((row) => (
                <tr>
                  <td>{row.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>{who(row)}</td>
                  <td>
                    <code>
                      {row.entity} #{row.entityId} · {row.action}
                    </code>
                  </td>
                  <td>
                    {formatChange(row.before, row.after, (value) => formatEuros(c.get('locale'), value)).map(
                      (change) => (
                        <div>
                          <code>{change.field}</code>
                          {c.get('t')('ui.colon')}
                          {change.before} → {change.after}
                        </div>
                      ),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination c={c} page={entries} hrefFor={(page) => withQuery(path, { ...filters, page })} />
        </>
      )}
    </>
  )
}
