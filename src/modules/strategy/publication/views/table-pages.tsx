import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { Page } from '../../../../lib/pagination.js'

/**
 * Previous / next links of one table. The page holds two paginated tables, so each navigation
 * gets its own name (two landmarks with one name cannot be told apart).
 */
export function TablePages<T>({
  c,
  page,
  label,
  hrefFor,
}: {
  c: Context<AppEnv>
  page: Page<T>
  label: string
  hrefFor: (page: number) => string
}) {
  const t = c.get('t')
  if (page.pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label={label}>
      <p>{t('publicStrategy.pages.status', { page: page.page, pageCount: page.pageCount })}</p>
      <ul>
        {page.page > 1 ? (
          <li>
            <a href={hrefFor(page.page - 1)} rel="prev">
              {t('publicStrategy.pages.previous')}
            </a>
          </li>
        ) : null}
        {page.page < page.pageCount ? (
          <li>
            <a href={hrefFor(page.page + 1)} rel="next">
              {t('publicStrategy.pages.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
