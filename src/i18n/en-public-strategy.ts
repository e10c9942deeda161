import type { frPublicStrategy } from './fr-public-strategy.js'

/** The territory's public strategy page, in English. */
export const enPublicStrategy: Record<keyof typeof frPublicStrategy, string> = {
  'publicStrategy.title': 'Responsible digital strategy',
  'publicStrategy.pageTitle': '{name}: responsible digital strategy',
  'publicStrategy.lead':
    'What the local authority has published on Jalons: its documents, its objectives and their progress, the public actions of its roadmap. Legal obligations are assessed from public data.',
  'publicStrategy.backToTerritory': 'Territory page',
  'publicStrategy.nothing': 'This territory has not published anything on Jalons yet.',
  'publicStrategy.nothingHint':
    'Documents in preparation are never shown here: only a publication by an admin of the authority’s workspace makes them public.',
  'publicStrategy.asOf':
    'Objectives, actions and milestones as published on {date} with “{title}” (version {version}).',
  'publicStrategy.unreadable':
    'Part of this publication’s data could not be read; the published documents can still be read.',
  'publicStrategy.dash': '—',
  'publicStrategy.yearValue': '{year}: {value}',
  'publicStrategy.list': '; ',

  'publicStrategy.documents.heading': 'Published documents',
  'publicStrategy.documents.caption': 'Published documents, newest first',
  'publicStrategy.documents.document': 'Document',
  'publicStrategy.documents.version': 'Version',
  'publicStrategy.documents.year': 'Year',
  'publicStrategy.documents.publishedOn': 'Published on',
  'publicStrategy.documents.read': 'Read',
  'publicStrategy.documents.html': 'HTML',
  'publicStrategy.documents.pdf': 'PDF',
  'publicStrategy.documents.which': '{kind}, version {version}',
  'publicStrategy.documents.htmlOf': 'HTML: {name}',
  'publicStrategy.documents.pdfOf': 'PDF: {name}',

  'publicStrategy.objectives.heading': 'Objectives and progress',
  'publicStrategy.objectives.none': 'No objective published.',
  'publicStrategy.objectives.summary':
    'Objectives published: {count} — reached: {reached}; on track: {onTrack}; behind: {behind}; not measured: {noData}.',
  'publicStrategy.objectives.caption': 'Objectives, from baseline to targets (page {page} of {pageCount})',
  'publicStrategy.objectives.objective': 'Objective',
  'publicStrategy.objectives.trajectory': 'Baseline → targets',
  'publicStrategy.objectives.measured': 'Latest measure',
  'publicStrategy.objectives.status': 'Status and progress',
  'publicStrategy.objectives.indicator': 'Indicator',
  'publicStrategy.objectives.progress': '{percent}%',
  'publicStrategy.objectives.pages': 'Pages of objectives',
  'publicStrategy.objectiveStatus.reached': 'Reached',
  'publicStrategy.objectiveStatus.on_track': 'On track',
  'publicStrategy.objectiveStatus.behind': 'Behind',
  'publicStrategy.objectiveStatus.no_data': 'Not measured',

  'publicStrategy.actions.heading': 'Public actions of the roadmap',
  'publicStrategy.actions.none': 'No public action.',
  'publicStrategy.actions.summary': 'Public actions: {count} — announced budget: {budget}.',
  'publicStrategy.actions.byStatus': 'By status: {list}.',
  'publicStrategy.actions.caption': 'Public actions (page {page} of {pageCount})',
  'publicStrategy.actions.action': 'Action',
  'publicStrategy.actions.commitments': 'Commitments',
  'publicStrategy.actions.status': 'Status',
  'publicStrategy.actions.dates': 'Dates',
  'publicStrategy.actions.budget': 'Budget',
  'publicStrategy.actions.from': 'from {date}',
  'publicStrategy.actions.to': 'to {date}',
  'publicStrategy.actions.pages': 'Pages of actions',
  'publicStrategy.actionStatus.a_planifier': 'To plan',
  'publicStrategy.actionStatus.planifiee': 'Planned',
  'publicStrategy.actionStatus.en_cours': 'In progress',
  'publicStrategy.actionStatus.realisee': 'Done',
  'publicStrategy.actionStatus.abandonnee': 'Abandoned',

  'publicStrategy.milestones.heading': 'Milestones of the REEN approach',
  'publicStrategy.milestones.caption':
    'Steps of the REEN law: legal deadline and dates published by the local authority',
  'publicStrategy.milestones.step': 'Step',
  'publicStrategy.milestones.deadline': 'Legal deadline',
  'publicStrategy.milestones.date': 'Date',
  'publicStrategy.milestones.deliberation': 'Deliberation',
  'publicStrategy.milestones.document': 'Document',
  'publicStrategy.milestones.notPublished': 'Not published',
  'publicStrategy.milestones.review': 'Annual review {year}',
  'publicStrategy.milestones.open': 'Open',
  'publicStrategy.milestones.openOf': 'Open: {step}',
  'publicStrategy.milestoneKind.programme_travail': 'Work programme',
  'publicStrategy.milestoneKind.strategie': 'Adoption of the strategy',
  'publicStrategy.milestoneKind.bilan_annuel': 'Annual review',

  'publicStrategy.obligations.heading': 'Legal obligations',
  'publicStrategy.obligations.caption': 'Legal obligations, assessed today from public data',
  'publicStrategy.obligations.obligation': 'Obligation',
  'publicStrategy.obligations.status': 'Status',
  'publicStrategy.obligations.deadline': 'Deadline',
  'publicStrategy.obligations.reasoning': 'The reasoning behind each status, on the territory page',

  'publicStrategy.pdfUnavailable.title': 'PDF unavailable',
  'publicStrategy.pdfUnavailable.text':
    'This server cannot produce the PDF of this document at the moment. The HTML version, with the same content, can still be read and printed.',
  'publicStrategy.pdfUnavailable.link': 'Read “{title}” (version {version}) as HTML',

  'publicStrategy.territory.heading': 'Responsible digital strategy',
  'publicStrategy.territory.latest': 'Latest publication: “{title}” (version {version}), on {date}.',
  'publicStrategy.territory.link': 'Documents, objectives and actions published by the local authority',
  'publicStrategy.territory.reenLead':
    'Where the REEN approach stands, from the dates the local authority published:',
}
