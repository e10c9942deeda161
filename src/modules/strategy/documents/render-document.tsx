import { raw } from 'hono/html'
import type { DocumentKind } from '../../../db/schema.js'
import { formatLongDate, type Locale, type Translate, translator } from '../../../i18n/i18n.js'
import type { DocumentData } from './document-data.js'
import { documentStyle } from './document-style.js'
import { sectionsOf } from './views/document-kinds.js'
import { type DocContext, Sections, TableOfContents } from './views/document-parts.js'

/** A published version's number and date; null for a live draft. */
export type Publication = { version: number; publishedAt: string } | null

export function documentTitle(t: Translate, kind: DocumentKind, year: number): string {
  return t(`doc.title.${kind}`, { year })
}

/** The language documents are written in: they are the territory's official texts, in French. */
export const documentLocale: Locale = 'fr'

/**
 * A document as one standalone HTML file: inline CSS, no script, no request, every text escaped by
 * JSX. The same file is shown in the browser, printed to PDF and, when published, stored as is.
 */
export function renderDocumentHtml(data: DocumentData, publication: Publication): string {
  const locale = documentLocale
  const t = translator(locale)
  const d: DocContext = { t, locale, data }
  const title = documentTitle(t, data.kind, data.year)
  const status = publication
    ? t('doc.published', {
        version: publication.version,
        date: formatLongDate(locale, publication.publishedAt),
      })
    : t('doc.draft')
  const sections = sectionsOf(data.kind, d)
  const page = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${data.territory.name}`}</title>
        {/* A constant of our own (document-style.ts); the only text in it, the footer, is CSS-escaped. */}
        <style>{raw(documentStyle(`${data.territory.name} — ${title} — ${status}`))}</style>
      </head>
      <body>
        <header class="cover">
          <p class="kicker">{data.territory.name}</p>
          <h1>{title}</h1>
          {publication ? (
            <p class="subtitle">{status}</p>
          ) : (
            <p class="draft" role="note">
              {status} — {t('doc.draftNote')}
            </p>
          )}
          <p class="meta">{t('doc.generated', { date: formatLongDate(locale, data.generatedAt) })}</p>
        </header>
        <TableOfContents d={d} sections={sections} />
        <main>
          <Sections sections={sections} />
        </main>
        <footer class="colophon">
          <p>
            {t('doc.colophon', {
              territory: data.territory.name,
              referential: data.referential.title,
              version: data.referential.version,
            })}
          </p>
          <p>{t('doc.colophonPublic')}</p>
        </footer>
      </body>
    </html>
  )
  return `<!doctype html>\n${String(page)}`
}
