import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { type DocumentKind, documentKinds } from '../../../../db/schema.js'
import { formatLongDate, formatNumber } from '../../../../i18n/i18n.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField } from '../../../../ui/forms.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { YearInputForm } from '../../views/year-input-form.js'
import {
  type DocumentTexts,
  documentSlugs,
  missingSections,
  requiredSections,
  sectionUse,
  type TextSection,
  textSections,
} from '../document-sections.js'
import type { DocumentVersion } from '../documents.queries.js'

export const documentsPath = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/strategie/documents`

export function sectionLabel(c: Context<AppEnv>, section: TextSection): string {
  return c.get('t')(`documents.section.${section}`)
}

export function kindLabel(c: Context<AppEnv>, kind: DocumentKind): string {
  return c.get('t')(`documents.kind.${kind}`)
}

/** Why publishing was refused: the sections to write, each a link to its field. */
function PublishRefusal({
  c,
  refusal,
}: {
  c: Context<AppEnv>
  refusal: { kind: DocumentKind; missing: TextSection[] }
}) {
  const t = c.get('t')
  return (
    <div class="error-summary" role="alert" aria-labelledby="publish-refused" tabindex={-1}>
      <h2 id="publish-refused">{t('documents.publish.refused', { document: kindLabel(c, refusal.kind) })}</h2>
      <ul>
        {refusal.missing.map((section) => (
          <li>
            <a href={`${documentsPath(c)}/textes#${section}`}>
              {t('documents.publish.missing', { section: sectionLabel(c, section) })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function SectionsState({ c, texts }: { c: Context<AppEnv>; texts: DocumentTexts }) {
  const t = c.get('t')
  const locale = c.get('locale')
  return (
    <table>
      <caption>{t('documents.sections.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('documents.sections.section')}</th>
          <th scope="col">{t('documents.sections.state')}</th>
          <th scope="col">{t('documents.sections.usedIn')}</th>
          <th scope="col">{t('documents.sections.requiredFor')}</th>
        </tr>
      </thead>
      <tbody>
        {textSections.map((section) => {
          const length = texts[section].trim().length
          const required = documentKinds.filter((kind) => requiredSections[kind].includes(section))
          return (
            <tr>
              <th scope="row">{sectionLabel(c, section)}</th>
              <td>
                {length === 0 ? (
                  <span class="badge status-to_confirm">{t('documents.sections.empty')}</span>
                ) : (
                  <span class="badge status-applies">
                    {t('documents.sections.filled', { count: formatNumber(locale, length) })}
                  </span>
                )}
              </td>
              <td>{sectionUse[section].map((kind) => kindLabel(c, kind)).join(', ')}</td>
              <td>{required.length === 0 ? '—' : required.map((kind) => kindLabel(c, kind)).join(', ')}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function KindPanel({
  c,
  kind,
  year,
  texts,
  nextVersion,
}: {
  c: Context<AppEnv>
  kind: DocumentKind
  year: number
  texts: DocumentTexts
  nextVersion: number
}) {
  const t = c.get('t')
  const base = `${documentsPath(c)}/${documentSlugs[kind]}`
  const missing = missingSections(kind, texts)
  const canPublish = canInWorkspace(c.get('workspace').role, 'strategy.publish')
  const headingId = `document-${documentSlugs[kind]}`
  // Three panels carry the same links and button: the document's name, unseen, tells them apart
  // for a screen reader's list of links and buttons.
  const which = <span class="visually-hidden"> — {kindLabel(c, kind)}</span>
  return (
    <section class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('documents.kindTitle', { document: kindLabel(c, kind), year })}</h3>
      <p>{t(`documents.kindLead.${kind}`)}</p>
      {missing.length > 0 ? (
        <p>
          {t('documents.missingBeforePublish', {
            sections: missing.map((section) => sectionLabel(c, section)).join(', '),
          })}
        </p>
      ) : null}
      <ul class="inline-list">
        <li>
          <a href={`${base}?annee=${year}`}>
            {t('documents.previewHtml')}
            {which}
          </a>
        </li>
        <li>
          <a href={`${base}/pdf?annee=${year}`}>
            {t('documents.previewPdf')}
            {which}
          </a>
        </li>
      </ul>
      {canPublish ? (
        <form method="post" action={`${base}/publier`} class="inline">
          <CsrfField c={c} />
          <input type="hidden" name="annee" value={String(year)} />
          <button type="submit">
            {t('documents.publish.button', { version: nextVersion, year })}
            {which}
          </button>
        </form>
      ) : null}
    </section>
  )
}

function VersionsTable({ c, versions }: { c: Context<AppEnv>; versions: DocumentVersion[] }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const canPublish = canInWorkspace(c.get('workspace').role, 'strategy.publish')
  if (versions.length === 0) return <p>{t('documents.versions.none')}</p>
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('documents.versions.caption', { count: versions.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.versions.document')}</th>
            <th scope="col">{t('documents.versions.version')}</th>
            <th scope="col">{t('documents.versions.year')}</th>
            <th scope="col">{t('documents.versions.published')}</th>
            <th scope="col">{t('documents.versions.state')}</th>
            <th scope="col">{t('documents.versions.files')}</th>
            {canPublish ? <th scope="col">{t('documents.versions.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => {
            const name = t('documents.versions.name', {
              document: kindLabel(c, version.kind),
              version: version.version,
            })
            const path = `${documentsPath(c)}/versions/${version.id}`
            return (
              <tr>
                <th scope="row">{kindLabel(c, version.kind)}</th>
                <td>{version.version}</td>
                <td>{version.year}</td>
                <td>
                  {t('documents.versions.publishedBy', {
                    date: formatLongDate(locale, version.publishedAt),
                    name: version.publishedBy ?? t('documents.versions.unknown'),
                  })}
                </td>
                <td>
                  {version.withdrawnAt ? (
                    <span class="badge status-not_applicable">
                      {t('documents.versions.withdrawn', {
                        date: formatLongDate(locale, version.withdrawnAt),
                      })}
                    </span>
                  ) : (
                    <span class="badge status-applies">{t('documents.versions.public')}</span>
                  )}
                </td>
                <td>
                  <ul class="inline-list">
                    <li>
                      <a href={path} aria-label={t('documents.versions.htmlOf', { name })}>
                        HTML
                      </a>
                    </li>
                    <li>
                      <a href={`${path}/pdf`} aria-label={t('documents.versions.pdfOf', { name })}>
                        PDF
                      </a>
                    </li>
                  </ul>
                </td>
                {canPublish ? (
                  <td>
                    <form
                      method="post"
                      action={`${path}/${version.withdrawnAt ? 'republier' : 'retirer'}`}
                      class="inline"
                    >
                      <CsrfField c={c} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={t(
                          version.withdrawnAt
                            ? 'documents.versions.republishLabel'
                            : 'documents.versions.withdrawLabel',
                          { name },
                        )}
                      >
                        {t(
                          version.withdrawnAt
                            ? 'documents.versions.republish'
                            : 'documents.versions.withdraw',
                        )}
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The three documents for a year (preview, publish), the free texts' state and every published version. */
export function DocumentsPage({
  c,
  year,
  texts,
  versions,
  notice,
  refusal,
}: {
  c: Context<AppEnv>
  year: number
  texts: DocumentTexts
  versions: DocumentVersion[]
  notice: string | undefined
  refusal?: { kind: DocumentKind; missing: TextSection[] } | undefined
}) {
  const t = c.get('t')
  const canEdit = canInWorkspace(c.get('workspace').role, 'strategy.edit')
  const nextVersion = (kind: DocumentKind) =>
    Math.max(0, ...versions.filter((version) => version.kind === kind).map((version) => version.version)) + 1
  return (
    <>
      <h1>{t('documents.title')}</h1>
      <StrategyNav c={c} current="documents" />
      <Notice text={notice} />
      {refusal ? <PublishRefusal c={c} refusal={refusal} /> : null}
      <p class="lead">{t('documents.lead')}</p>
      <YearInputForm
        action={documentsPath(c)}
        year={year}
        label={t('documents.year')}
        button={t('documents.showYear')}
      />
      <h2>{t('documents.sections.title')}</h2>
      <SectionsState c={c} texts={texts} />
      {canEdit ? (
        <p>
          <a href={`${documentsPath(c)}/textes`}>{t('documents.sections.edit')}</a>
        </p>
      ) : null}
      <h2>{t('documents.kinds', { year })}</h2>
      <div class="cards">
        {documentKinds.map((kind) => (
          <KindPanel c={c} kind={kind} year={year} texts={texts} nextVersion={nextVersion(kind)} />
        ))}
      </div>
      <h2>{t('documents.versions.title')}</h2>
      <p>{t('documents.versions.lead')}</p>
      <VersionsTable c={c} versions={versions} />
    </>
  )
}
