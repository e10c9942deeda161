import type { frObservatory } from './fr-observatory.js'

/** The national view's messages in English. */
export const enObservatory: Record<keyof typeof frObservatory, string> = {
  'nav.observatory': 'Observatory',
  'observatory.title': 'National observatory of self-assessments {year}',
  'observatory.lead':
    'The self-assessments submitted by local authorities, as quartiles, nationally and per peer group (kind of authority and population band). A figure is shown only when it covers at least {minimum} authorities; no name appears. Demonstration territories do not count.',
  'observatory.demoLink': 'See the demonstration territories’ figures',
  'observatory.demoShown': 'Figures of the demonstration territories (fictitious).',
  'observatory.realLink': 'Back to the real figures',
  'observatory.show': 'Show',
  'observatory.count': '{count} self-assessment(s) submitted for {year}.',
  'observatory.nationalCaption': 'Scores out of 100, all authorities, {year}',
  'observatory.groupsCaption': 'Overall score out of 100 per peer group, {year}',
  'observatory.group': 'Group',
  'observatory.assessments': 'Self-assessments',
  'observatory.q1': 'First quartile',
  'observatory.median': 'Median',
  'observatory.q3': 'Third quartile',
  'observatory.hidden': 'not shown (fewer than 5 authorities)',
  'observatory.fewer': 'fewer than {minimum}',
}
