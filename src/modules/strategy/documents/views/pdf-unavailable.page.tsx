import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'

/** 503: this server cannot print PDFs (no Chromium, or a print that failed); the HTML is there. */
export function PdfUnavailablePage({ c, htmlHref }: { c: Context<AppEnv>; htmlHref: string }) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('documents.pdfUnavailable.title')}</h1>
      <p>{t('documents.pdfUnavailable.text')}</p>
      <p>
        <a href={htmlHref}>{t('documents.pdfUnavailable.html')}</a>
      </p>
    </>
  )
}
