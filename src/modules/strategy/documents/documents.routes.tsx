import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import type { DocumentKind } from '../../../db/schema.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { safeTextMaxLength } from '../../../lib/safe-text.js'
import { renderBadRequest, renderNotFound } from '../../../ui/error-pages.js'
import { type FieldErrors, formValues } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { workspaceRowLoader } from '../../workspaces/workspace-row.js'
import { yearSchema } from '../actions/action-filters.js'
import { collectDocumentData } from './document-data.js'
import { printDocumentPdf, storedDocumentPdf } from './document-pdf.js'
import {
  type DocumentTexts,
  documentSlugs,
  kindOfSlug,
  type TextSection,
  textSections,
} from './document-sections.js'
import { findDocumentVersion, listDocumentVersions, setDocumentWithdrawn } from './documents.queries.js'
import { publishDocument } from './publish-document.js'
import { renderDocumentHtml } from './render-document.js'
import { standaloneDocumentCsp } from './standalone-documents.js'
import { loadTexts, saveTexts } from './strategy-texts.queries.js'
import { DocumentsPage, documentsPath } from './views/documents.page.js'
import { PdfUnavailablePage } from './views/pdf-unavailable.page.js'
import { TextsPage } from './views/texts.page.js'

const yearQuery = z.object({ annee: yearSchema })
const requiredYear = z.object({ annee: z.coerce.number().int().min(2000).max(2100) })

const notices = {
  textes: 'documents.notice.textsSaved',
  publie: 'documents.notice.published',
  retire: 'documents.notice.withdrawn',
  republie: 'documents.notice.republished',
} as const

/** The year a document covers by default: the current one (the strategy is prepared for it). */
const currentYear = () => new Date().getUTCFullYear()

/**
 * Standalone HTML: the documents carry their own inline CSS. Members' data, never cached by a
 * shared cache; a live draft not even by the browser (it changes with every edit).
 */
function htmlDocument(c: Context<AppEnv>, html: string, draft: boolean) {
  c.header('content-type', 'text/html; charset=utf-8')
  c.header('cache-control', draft ? 'no-store' : 'private, no-cache')
  c.header('content-security-policy', standaloneDocumentCsp)
  return c.body(html)
}

function pdfResponse(c: Context<AppEnv>, pdf: Buffer, fileName: string, draft: boolean) {
  c.header('content-type', 'application/pdf')
  c.header('content-disposition', `inline; filename="${fileName}"`)
  c.header('cache-control', draft ? 'no-store' : 'private, no-cache')
  return c.body(new Uint8Array(pdf))
}

/**
 * The generated documents: free texts, live previews (HTML and PDF), publishing (an immutable
 * version), the published versions and their withdrawal. Anyone in the workspace reads; members
 * who edit the strategy write the texts; only admins publish or withdraw.
 */
export function documentsRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  const renderDocuments = async (
    c: Context<AppEnv>,
    year: number,
    state: { refusal?: { kind: DocumentKind; missing: TextSection[] } } = {},
  ) => {
    const workspaceId = c.get('workspace').id
    const [texts, versions] = await Promise.all([
      loadTexts(db, workspaceId),
      listDocumentVersions(db, workspaceId),
    ])
    return c.render(
      <DocumentsPage
        c={c}
        year={year}
        texts={texts}
        versions={versions}
        notice={noticeFrom(c, notices)?.text}
        refusal={state.refusal}
      />,
      { title: c.get('t')('documents.title') },
    )
  }

  routes.get('/espace/:workspaceId/strategie/documents', workspaceAccess(deps, 'workspace.view'), (c) => {
    const parsed = parseQuery(yearQuery, { annee: c.req.query('annee') })
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    return renderDocuments(c, parsed.value.annee ?? currentYear())
  })

  // -- Free texts -----------------------------------------------------------------------------

  const renderTexts = (c: Context<AppEnv>, texts: DocumentTexts, errors: FieldErrors = {}, preview = false) =>
    c.render(<TextsPage c={c} texts={texts} errors={errors} preview={preview} />, {
      title: c.get('t')('texts.title'),
    })

  routes.get(
    '/espace/:workspaceId/strategie/documents/textes',
    workspaceAccess(deps, 'strategy.edit'),
    async (c) => renderTexts(c, await loadTexts(db, c.get('workspace').id)),
  )

  routes.post(
    '/espace/:workspaceId/strategie/documents/textes',
    workspaceAccess(deps, 'strategy.edit'),
    async (c) => {
      const values = await formValues(c)
      const texts = Object.fromEntries(
        textSections.map((section) => [section, (values[section] ?? '').replace(/\r\n?/g, '\n').trimEnd()]),
      ) as DocumentTexts
      const errors: FieldErrors = {}
      for (const section of textSections)
        if (texts[section].length > safeTextMaxLength)
          errors[section] = c.get('t')('texts.error.tooLong', {
            maximum: safeTextMaxLength,
            length: texts[section].length,
          })
      if (Object.keys(errors).length > 0) {
        c.status(400)
        return renderTexts(c, texts, errors)
      }
      if (values.action === 'preview') return renderTexts(c, texts, {}, true)
      await saveTexts(db, { workspaceId: c.get('workspace').id, actorId: actorId(c), texts })
      return c.redirect(`${documentsPath(c)}?info=textes`, 303)
    },
  )

  // -- Published versions (before /:kind, which would not match them anyway) -----------------

  /** This workspace's version, or the same 404 for a malformed id and another workspace's. */
  const withVersion = workspaceRowLoader('documentId', 'documents.versions.notFound', (workspaceId, id) =>
    findDocumentVersion(db, workspaceId, id),
  )

  routes.get(
    '/espace/:workspaceId/strategie/documents/versions/:documentId',
    workspaceAccess(deps, 'workspace.view'),
    (c) => withVersion(c, (version) => htmlDocument(c, version.html, false)),
  )

  routes.get(
    '/espace/:workspaceId/strategie/documents/versions/:documentId/pdf',
    workspaceAccess(deps, 'workspace.view'),
    (c) =>
      withVersion(c, async (version) => {
        const pdf = await storedDocumentPdf(deps, version)
        if (pdf === 'unavailable') {
          c.status(503)
          return c.render(
            <PdfUnavailablePage c={c} htmlHref={`${documentsPath(c)}/versions/${version.id}`} />,
            {
              title: c.get('t')('documents.pdfUnavailable.title'),
            },
          )
        }
        return pdfResponse(
          c,
          pdf,
          `jalons-${documentSlugs[version.kind]}-${version.year}-v${version.version}.pdf`,
          false,
        )
      }),
  )

  for (const [segment, withdrawn, notice] of [
    ['retirer', true, 'retire'],
    ['republier', false, 'republie'],
  ] as const)
    routes.post(
      `/espace/:workspaceId/strategie/documents/versions/:documentId/${segment}`,
      workspaceAccess(deps, 'strategy.publish'),
      (c) =>
        withVersion(c, async (version) => {
          await setDocumentWithdrawn(db, {
            workspaceId: c.get('workspace').id,
            actorId: actorId(c),
            id: version.id,
            withdrawn,
          })
          return c.redirect(`${documentsPath(c)}?annee=${version.year}&info=${notice}`, 303)
        }),
    )

  // -- Live documents: HTML, PDF, publishing --------------------------------------------------

  /** The kind named in the path and the year asked, or the answer to give (404, 400). */
  const readDocument = (
    c: Context<AppEnv>,
  ): { kind: DocumentKind; year: number } | Response | Promise<Response> => {
    const kind = kindOfSlug(c.req.param('kind'))
    if (!kind) return renderNotFound(c)
    const parsed = parseQuery(yearQuery, { annee: c.req.query('annee') })
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    return { kind, year: parsed.value.annee ?? currentYear() }
  }

  const liveHtml = async (c: Context<AppEnv>, kind: DocumentKind, year: number) =>
    renderDocumentHtml(await collectDocumentData(db, c.get('workspace'), kind, year), null)

  routes.get(
    '/espace/:workspaceId/strategie/documents/:kind',
    workspaceAccess(deps, 'workspace.view'),
    async (c) => {
      const read = readDocument(c)
      if (!('kind' in read)) return read
      return htmlDocument(c, await liveHtml(c, read.kind, read.year), true)
    },
  )

  routes.get(
    '/espace/:workspaceId/strategie/documents/:kind/pdf',
    workspaceAccess(deps, 'workspace.view'),
    async (c) => {
      const read = readDocument(c)
      if (!('kind' in read)) return read
      const pdf = await printDocumentPdf(
        deps,
        await liveHtml(c, read.kind, read.year),
        `a ${read.kind} draft`,
      )
      if (pdf === 'unavailable') {
        c.status(503)
        return c.render(
          <PdfUnavailablePage
            c={c}
            htmlHref={`${documentsPath(c)}/${documentSlugs[read.kind]}?annee=${read.year}`}
          />,
          { title: c.get('t')('documents.pdfUnavailable.title') },
        )
      }
      return pdfResponse(c, pdf, `jalons-${documentSlugs[read.kind]}-${read.year}-projet.pdf`, true)
    },
  )

  routes.post(
    '/espace/:workspaceId/strategie/documents/:kind/publier',
    workspaceAccess(deps, 'strategy.publish'),
    async (c) => {
      const kind = kindOfSlug(c.req.param('kind'))
      if (!kind) return renderNotFound(c)
      const values = await formValues(c)
      const parsed = parseQuery(requiredYear, { annee: values.annee })
      if (!parsed.ok) return renderBadRequest(c, parsed.problems)
      const year = parsed.value.annee
      const outcome = await publishDocument(db, {
        workspace: c.get('workspace'),
        kind,
        year,
        actorId: actorId(c),
      })
      if (!outcome.ok) {
        c.status(400)
        return renderDocuments(c, year, { refusal: { kind, missing: outcome.missing } })
      }
      return c.redirect(`${documentsPath(c)}?annee=${year}&info=publie`, 303)
    },
  )

  return routes
}
