import type { z } from 'zod'
import type { MessageKey, Translate } from '../i18n/i18n.js'
import type { ParameterProblem } from '../lib/parse-query.js'

/** Zod's issue in the user's words. */
export function describeIssue(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.number') : t('validation.invalid')
    case 'too_small':
      return t('validation.tooSmall', { minimum: String(issue.minimum) })
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { maximum: String(issue.maximum) })
        : t('validation.tooBig', { maximum: String(issue.maximum) })
    case 'invalid_value':
      return t('validation.oneOf', { values: issue.values.map(String).join(', ') })
    case 'invalid_format':
      return issue.format === 'integer' ? t('validation.integer') : t('validation.invalid')
    default:
      return issue.message || t('validation.invalid')
  }
}

const parameterLabels: Record<string, MessageKey> = {
  q: 'param.q',
  type: 'param.type',
  page: 'param.page',
  kind: 'param.kind',
  code: 'param.code',
  agents: 'param.agents',
  achats: 'param.achats',
  lang: 'param.lang',
  retour: 'param.retour',
  de: 'param.de',
  a: 'param.a',
  annee: 'param.annee',
  methode: 'param.methode',
  critere: 'param.critere',
  phase: 'param.phase',
  dimension: 'param.dimension',
  cle: 'param.cle',
  element: 'param.element',
  par: 'param.par',
  bilan: 'param.bilan',
  format: 'param.format',
  contributeurs: 'param.contributeurs',
  statut: 'param.statut',
  site: 'param.site',
  service: 'param.service',
  etiquette: 'param.etiquette',
  texte: 'param.texte',
  engagement: 'param.engagement',
  responsable: 'param.responsable',
  recommandation: 'param.recommandation',
  indicateur: 'param.indicateur',
}

export function describeProblem(problem: ParameterProblem, t: Translate): string {
  const labelKey = parameterLabels[problem.parameter]
  return t('param.invalid', {
    parameter: problem.parameter,
    label: labelKey ? t(labelKey) : problem.parameter,
    message: describeIssue(problem.issue, t),
  })
}
