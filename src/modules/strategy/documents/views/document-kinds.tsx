import type { DocumentKind } from '../../../../db/schema.js'
import { objectiveStatuses } from '../../objectives/objective-status.js'
import {
  AssessmentPart,
  AxesTable,
  type DocContext,
  type DocSection,
  FootprintPart,
  FreeText,
  formatFigure,
  IndicatorsTable,
  InternalActionsSummary,
  MeansPart,
  MilestonesTable,
  ObjectivesTable,
  ObligationsTable,
  PublicActionsTable,
  ReenTable,
  TerritoryProfile,
} from './document-parts.js'

/**
 * The sections of each kind of document, in order. The strategy follows art. D2311-15-1 CGCT
 * (diagnosis, objectives and indicators, measures and means, governance); the work programme the
 * law's « bilan de l’impact environnemental du numérique sur le territoire » and « actions déjà
 * menées »; the annual review the year's progress, for the sustainable-development report.
 */

function territorySection(d: DocContext): DocSection {
  return {
    id: 'territoire',
    title: d.t('doc.section.territory'),
    content: (
      <>
        <TerritoryProfile d={d} />
        <h3>{d.t('doc.section.obligations')}</h3>
        <ObligationsTable d={d} />
      </>
    ),
  }
}

function introduction(d: DocContext): DocSection {
  return {
    id: 'introduction',
    title: d.t('doc.section.introduction'),
    content: <FreeText d={d} section="introduction" />,
  }
}

function calendar(d: DocContext, withGovernance: boolean): DocSection {
  const governance = d.data.texts.governance.trim() !== ''
  return {
    id: 'gouvernance',
    title: withGovernance ? d.t('doc.section.governance') : d.t('doc.section.calendar'),
    content: (
      <>
        {withGovernance ? <FreeText d={d} section="governance" /> : null}
        <h3>{d.t('doc.section.reen')}</h3>
        <ReenTable d={d} />
        <MilestonesTable d={d} />
        {!withGovernance && governance ? (
          <>
            <h3>{d.t('doc.section.governance')}</h3>
            <FreeText d={d} section="governance" />
          </>
        ) : null}
      </>
    ),
  }
}

function strategySections(d: DocContext): DocSection[] {
  const { t } = d
  const actions = d.data.actions
  return [
    introduction(d),
    territorySection(d),
    {
      id: 'diagnostic',
      title: t('doc.section.diagnosis'),
      content: (
        <>
          <h3>{t('doc.section.assessment')}</h3>
          <AssessmentPart d={d} />
          <h3>{t('doc.section.footprint')}</h3>
          <FootprintPart d={d} />
        </>
      ),
    },
    {
      id: 'objectifs',
      title: t('doc.section.objectives'),
      content: (
        <>
          <h3>{t('doc.section.objectivesList')}</h3>
          <ObjectivesTable d={d} objectives={d.data.objectives} />
          <h3>{t('doc.section.axes')}</h3>
          <AxesTable d={d} />
          <h3>{t('doc.section.indicators')}</h3>
          <IndicatorsTable d={d} withPrevious={false} />
        </>
      ),
    },
    {
      id: 'plan-actions',
      title: t('doc.section.actionPlan'),
      content: (
        <>
          <PublicActionsTable
            d={d}
            actions={actions.public}
            caption={t('doc.actions.caption', { count: actions.public.length })}
          />
          <InternalActionsSummary d={d} count={actions.internal.count} budget={actions.internal.budget} />
          <h3>{t('doc.section.means')}</h3>
          <MeansPart d={d} />
        </>
      ),
    },
    calendar(d, true),
  ]
}

function programmeSections(d: DocContext): DocSection[] {
  const { t } = d
  const carried = d.data.actions.public.filter(
    (action) => action.status === 'realisee' || action.status === 'en_cours',
  )
  return [
    introduction(d),
    territorySection(d),
    {
      id: 'bilan-impact',
      title: t('doc.section.impact'),
      content: (
        <>
          <h3>{t('doc.section.footprint')}</h3>
          <FootprintPart d={d} />
          <h3>{t('doc.section.assessment')}</h3>
          <AssessmentPart d={d} />
          <h3>{t('doc.section.indicators')}</h3>
          <IndicatorsTable d={d} withPrevious={false} />
        </>
      ),
    },
    {
      id: 'actions-menees',
      title: t('doc.section.pastActions'),
      content: (
        <>
          <FreeText d={d} section="past_actions" />
          <PublicActionsTable
            d={d}
            actions={carried}
            caption={t('doc.actions.carriedCaption', { count: carried.length })}
          />
        </>
      ),
    },
    {
      id: 'objectifs',
      title: t('doc.section.nextSteps'),
      content: <ObjectivesTable d={d} objectives={d.data.objectives} />,
    },
    calendar(d, false),
  ]
}

function reviewSections(d: DocContext): DocSection[] {
  const { t } = d
  const { year, objectives } = d.data
  const all = [...d.data.actions.public]
  const internalCount = (status: 'realisee' | 'en_cours') =>
    d.data.actions.byStatus.find((row) => row.status === status)?.count ?? 0
  const doneThisYear = (action: (typeof all)[number]) =>
    action.status === 'realisee' && (action.endDate === null || action.endDate.startsWith(String(year)))
  const done = all.filter(doneThisYear)
  const running = all.filter((action) => action.status === 'en_cours')
  const statuses = objectiveStatuses
  return [
    introduction(d),
    {
      id: 'objectifs',
      title: t('doc.section.progress', { year }),
      content: (
        <>
          <ul class="figures">
            {statuses.map((status) => (
              <li>
                {t(`doc.objectiveStatus.${status}`)}
                <strong>
                  {formatFigure(
                    d.locale,
                    objectives.filter((objective) => objective.status === status).length,
                    0,
                  )}
                </strong>
              </li>
            ))}
          </ul>
          <ObjectivesTable d={d} objectives={objectives} />
        </>
      ),
    },
    {
      id: 'actions',
      title: t('doc.section.yearActions', { year }),
      content: (
        <>
          <h3>{t('doc.section.actionsDone', { year })}</h3>
          <PublicActionsTable
            d={d}
            actions={done}
            caption={t('doc.actions.doneCaption', { year, count: done.length })}
          />
          <h3>{t('doc.section.actionsRunning')}</h3>
          <PublicActionsTable
            d={d}
            actions={running}
            caption={t('doc.actions.runningCaption', { count: running.length })}
          />
          <p>
            {t('doc.actions.allStatuses', {
              done: internalCount('realisee'),
              running: internalCount('en_cours'),
              total: d.data.actions.total,
            })}
          </p>
          <InternalActionsSummary
            d={d}
            count={d.data.actions.internal.count}
            budget={d.data.actions.internal.budget}
          />
          <h3>{t('doc.section.means')}</h3>
          <MeansPart d={d} />
        </>
      ),
    },
    {
      id: 'indicateurs',
      title: t('doc.section.indicatorsChange', { year, previous: year - 1 }),
      content: <IndicatorsTable d={d} withPrevious={true} />,
    },
    calendar(d, false),
  ]
}

export function sectionsOf(kind: DocumentKind, d: DocContext): DocSection[] {
  if (kind === 'strategie') return strategySections(d)
  if (kind === 'programme_travail') return programmeSections(d)
  return reviewSections(d)
}
