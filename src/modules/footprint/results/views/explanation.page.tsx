import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { Locale } from '../../../../i18n/i18n.js'
import type { FootprintMethod } from '../../compute-footprint.js'
import type { Explanation, ExplanationStep, ExplanationTerm } from '../../explain-figure.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import { formatAmount, formatComputed, formatGiven } from '../format-figures.js'
import { methodLabel } from './result-labels.js'

export interface ExplanationContext {
  year: number
  method: FootprintMethod
  base: { id: string; title: string; version: string }
  /** Explained from a frozen result's stored JSON. */
  frozen: boolean
  /** Where « back » goes: the results page the figure came from. */
  backHref: string
  /** Per part of a total (same order), the address of its own explanation, when it has one. */
  partHrefs: (string | undefined)[]
}

/** The first inventory lines of a group, each linking to its own line-by-line explanation. */
export interface GroupLines {
  lines: { label: string; href: string }[]
  /** Lines in the group (more than those listed when large). */
  total: number
}

function valueText(
  locale: Locale,
  value: number | null,
  unit: string,
  computed: boolean,
  unavailable: string,
) {
  if (value === null) return unavailable
  const number = computed ? formatComputed(locale, value) : formatGiven(locale, value)
  const unitText = unit === 'ans' && Math.abs(value) < 2 ? 'an' : unit
  return unitText ? `${number} ${unitText}` : number
}

/** The formula of the steps in the visitor's number format (explain-figure's sentence is French). */
function formulaOf(locale: Locale, steps: readonly ExplanationStep[], unavailable: string): string {
  let text = ''
  steps.forEach((step, index) => {
    step.terms.forEach((term: ExplanationTerm, position) => {
      if (position === 0 && step.continues && index > 0) return
      const value = valueText(locale, term.value, term.unit, term.computed === true, unavailable)
      const written = term.oneMinus
        ? `(1 − ${value}${term.mention ? ` ${term.mention}` : ''})`
        : `${value}${term.mention ? ` (${term.mention})` : ''}`
      text += term.operator ? ` ${term.operator} ${written}` : written
    })
    if (step.terms.length > 1 || step.continues)
      text += ` = ${valueText(locale, step.result.value, step.result.unit, true, unavailable)}`
  })
  return text
}

/**
 * One figure explained: what it is, the result, the formula with its numbers, each term and input
 * with where it comes from, the parts of a total (each a link to its own explanation), the notes.
 * The engine's words (labels, sources, notes) are French: marked so for English readers.
 */
export function ExplanationPage({
  c,
  explanation,
  context,
  groupLines,
}: {
  c: Context<AppEnv>
  explanation: Explanation
  context: ExplanationContext
  groupLines?: GroupLines | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const unavailable = t('footprint.unavailable')
  const lang = locale === 'fr' ? undefined : 'fr'
  const formula = formulaOf(locale, explanation.steps, unavailable)
  const terms = explanation.steps.flatMap((step, index) =>
    step.terms.filter((_, position) => !(position === 0 && step.continues && index > 0)),
  )
  return (
    <>
      <h1>{t('footprint.explanation.title')}</h1>
      <FootprintNav c={c} current="results" />
      <p class="lead" lang={lang}>
        {explanation.label}
      </p>
      <p>
        {t('footprint.base.used', {
          title: context.base.title,
          id: context.base.id,
          version: context.base.version,
        })}{' '}
        {t('footprint.method.used', { method: methodLabel(c, context.method), year: context.year })}
      </p>
      {context.frozen ? <p class="notice">{t('footprint.explanation.frozen')}</p> : null}
      <p class="headline">
        {t('footprint.explanation.result')}
        {t('ui.colon')}
        <strong>
          {explanation.result === null
            ? unavailable
            : formatAmount(locale, explanation.result, explanation.unit)}
        </strong>
        {explanation.result !== null && Math.abs(explanation.result) >= 1000 ? (
          <> ({valueText(locale, explanation.result, explanation.unit, true, unavailable)})</>
        ) : null}
      </p>
      {formula ? (
        <section aria-labelledby="formula-heading">
          <h2 id="formula-heading">{t('footprint.explanation.formula')}</h2>
          <p class="formula" lang={lang}>
            {formula}
          </p>
        </section>
      ) : null}
      {terms.length > 0 && explanation.parts.length === 0 ? (
        <div class="table-scroll">
          <table>
            <caption>{t('footprint.explanation.terms')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('footprint.explanation.term')}</th>
                <th scope="col">{t('footprint.explanation.operator')}</th>
                <th scope="col">{t('footprint.table.value')}</th>
              </tr>
            </thead>
            <tbody>
              {terms.map((term) => (
                <tr>
                  <th scope="row" lang={lang}>
                    {term.label}
                  </th>
                  <td>{term.operator ?? ''}</td>
                  <td>
                    {term.oneMinus ? '1 − ' : ''}
                    {valueText(locale, term.value, term.unit, term.computed === true, unavailable)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {explanation.parts.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption>{t('footprint.explanation.parts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('footprint.explanation.part')}</th>
                <th scope="col">{t('footprint.table.items')}</th>
                <th scope="col">{t('footprint.table.quantity')}</th>
                <th scope="col">{t('footprint.table.value')}</th>
                <th scope="col">{t('footprint.table.leftOut')}</th>
              </tr>
            </thead>
            <tbody>
              {explanation.parts.map((part, index) => {
                const text = valueText(locale, part.value, explanation.criterion.unit, true, unavailable)
                const href = context.partHrefs[index]
                return (
                  <tr>
                    <th scope="row" lang={lang}>
                      {part.label}
                    </th>
                    <td>{formatGiven(locale, part.items)}</td>
                    <td>{formatGiven(locale, part.quantity)}</td>
                    <td>
                      {href ? (
                        <a
                          href={href}
                          aria-label={t('footprint.figure.how', { figure: text, what: part.label })}
                        >
                          {text}
                        </a>
                      ) : (
                        text
                      )}
                    </td>
                    <td>{formatGiven(locale, part.unavailableQuantity)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {explanation.inputs.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption>{t('footprint.explanation.inputs')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('footprint.explanation.input')}</th>
                <th scope="col">{t('footprint.table.value')}</th>
                <th scope="col">{t('footprint.explanation.source')}</th>
              </tr>
            </thead>
            <tbody>
              {explanation.inputs.map((input) => (
                <tr>
                  <th scope="row" lang={lang}>
                    {input.label}
                  </th>
                  <td>
                    {typeof input.value === 'number' || input.value === null
                      ? valueText(locale, input.value, input.unit, false, unavailable)
                      : input.value}
                  </td>
                  <td lang={lang}>{input.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {explanation.notes.length > 0 ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('footprint.explanation.notes')}</h2>
          <ul lang={lang}>
            {explanation.notes.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {groupLines && groupLines.lines.length > 0 ? (
        <section aria-labelledby="lines-heading">
          <h2 id="lines-heading">{t('footprint.explanation.lines')}</h2>
          <p>
            {t('footprint.explanation.linesLead', {
              shown: groupLines.lines.length,
              total: groupLines.total,
            })}
          </p>
          <ul>
            {groupLines.lines.map((line) => (
              <li>
                <a href={line.href}>{line.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={context.backHref}>{t('footprint.explanation.back')}</a>
      </p>
    </>
  )
}
