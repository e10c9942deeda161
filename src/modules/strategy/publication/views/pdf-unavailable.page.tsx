import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'

/** 503: this server cannot print the PDF (no Chromium); the same document is there as HTML. */
export function renderPdfUnavailable(
  c: Context<AppEnv>,
  document: { title: string; version: number; htmlPath: string },
) {
  const t = c.get('t')
  c.status(503)
  return c.render(
    <>
      <h1>{t('publicStrategy.pdfUnavailable.title')}</h1>
      <p>{t('publicStrategy.pdfUnavailable.text')}</p>
      <p>
        <a href={document.htmlPath}>
          {t('publicStrategy.pdfUnavailable.link', { title: document.title, version: document.version })}
        </a>
      </p>
    </>,
    { title: t('publicStrategy.pdfUnavailable.title') },
  )
}
