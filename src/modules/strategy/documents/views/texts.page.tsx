import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { documentKinds } from '../../../../db/schema.js'
import { isSafeTextEmpty, safeTextMaxLength } from '../../../../lib/safe-text.js'
import { CsrfField, ErrorSummary, type FieldErrors, TextAreaField } from '../../../../ui/forms.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { type DocumentTexts, requiredSections, sectionUse, textSections } from '../document-sections.js'
import { documentsPath, kindLabel, sectionLabel } from './documents.page.js'
import { SafeTextView } from './safe-text-view.js'

/** The syntax, shown as typed and as it will read. */
const syntaxExample = `## Un sous-titre
Un paragraphe, avec un mot en **gras** et [un lien](https://www.example.fr).
Un retour à la ligne simple est gardé.

- un premier point
- un second point`

/** The free texts of the documents: one form, a preview that saves nothing, then save. */
export function TextsPage({
  c,
  texts,
  errors,
  preview,
}: {
  c: Context<AppEnv>
  texts: DocumentTexts
  errors: FieldErrors
  preview: boolean
}) {
  const t = c.get('t')
  const labels = Object.fromEntries(textSections.map((section) => [section, sectionLabel(c, section)]))
  const hint = (section: (typeof textSections)[number]) => {
    const required = documentKinds.filter((kind) => requiredSections[kind].includes(section))
    const used = t('texts.usedIn', {
      documents: sectionUse[section].map((kind) => kindLabel(c, kind)).join(', '),
    })
    return required.length === 0
      ? `${t(`texts.hint.${section}`)} ${used}`
      : `${t(`texts.hint.${section}`)} ${used} ${t('texts.requiredFor', { documents: required.map((kind) => kindLabel(c, kind)).join(', ') })}`
  }
  return (
    <>
      <h1>{t('texts.title')}</h1>
      <StrategyNav c={c} current="documents" />
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <p class="lead">{t('texts.lead')}</p>
      <section class="panel texts-syntax" aria-labelledby="syntax">
        <h2 id="syntax">{t('texts.syntax.title')}</h2>
        <ul>
          <li>{t('texts.syntax.paragraphs')}</li>
          <li>{t('texts.syntax.headings')}</li>
          <li>{t('texts.syntax.lists')}</li>
          <li>{t('texts.syntax.bold')}</li>
          <li>{t('texts.syntax.links')}</li>
          <li>
            {t('texts.syntax.rest', {
              maximum: safeTextMaxLength.toLocaleString(c.get('locale') === 'fr' ? 'fr-FR' : 'en-GB'),
            })}
          </li>
        </ul>
        <div class="columns">
          <div>
            <h3>{t('texts.syntax.typed')}</h3>
            <pre>{syntaxExample}</pre>
          </div>
          <div>
            <h3>{t('texts.syntax.shown')}</h3>
            <SafeTextView source={syntaxExample} headingLevel={4} />
          </div>
        </div>
      </section>
      {preview ? (
        <section aria-labelledby="preview" class="panel">
          <h2 id="preview">{t('texts.preview.title')}</h2>
          <p role="status">{t('texts.preview.notSaved')}</p>
          {textSections.map((section) => (
            <>
              <h3>{sectionLabel(c, section)}</h3>
              {isSafeTextEmpty(texts[section]) ? (
                <p class="muted">{t('texts.preview.empty')}</p>
              ) : (
                <SafeTextView source={texts[section]} headingLevel={4} />
              )}
            </>
          ))}
        </section>
      ) : null}
      <form method="post" action={`${documentsPath(c)}/textes`} class="stack texts-form">
        <CsrfField c={c} />
        {textSections.map((section) => (
          <TextAreaField
            name={section}
            label={sectionLabel(c, section)}
            hint={hint(section)}
            value={texts[section]}
            error={errors[section]}
            rows={10}
            maxlength={safeTextMaxLength}
          />
        ))}
        <div class="actions">
          <button type="submit" name="action" value="preview" class="secondary">
            {t('texts.previewButton')}
          </button>
          <button type="submit" name="action" value="save">
            {t('texts.save')}
          </button>
          <a href={documentsPath(c)}>{t('texts.back')}</a>
        </div>
      </form>
    </>
  )
}
