import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { renderNotFound } from '../../ui/error-pages.js'
import { formValues } from '../../ui/forms.js'
import { currentReferential } from '../referential/referential.store.js'
import { indexReferential } from '../referential/referential-index.js'
import { actionsByRecommendation } from '../strategy/actions/actions.queries.js'
import { workspaceAccess } from '../workspaces/workspace-access.middleware.js'
import { type AssessmentContext, loadAssessmentContext } from './assessment-context.js'
import { type AssessmentRefusal, AssessmentRefused } from './assessment-errors.js'
import { assessmentCsv, assessmentJson } from './assessment-export.js'
import { listAssessments } from './assessments.queries.js'
import { buildResults } from './build-results.js'
import { type AnswerFormProblem, parseAnswerForm } from './parse-answer-form.js'
import { saveAnswers } from './save-answers.js'
import { startAssessment } from './start-assessment.js'
import { submitAssessment } from './submit-assessment.js'
import { AssessmentListPage } from './views/assessment-list.page.js'
import { AssessmentOverviewPage } from './views/assessment-overview.page.js'
import { CommitmentFormPage } from './views/commitment-form.page.js'
import { ResultsPage } from './views/results.page.js'

export const firstYear = 2021
/** Years an assessment may be opened for: from the manifesto's year to next year. */
export const openableYears = (now = new Date()) => {
  const years: number[] = []
  for (let year = now.getUTCFullYear() + 1; year >= firstYear; year--) years.push(year)
  return years
}

const yearParam = z.coerce.number().int().min(firstYear).max(2100)

/** The self-assessment of a workspace, one per year: answer, save, come back, submit, read results. */
export function assessmentsRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const base = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/autodiagnostic`
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  const renderList = async (c: Context<AppEnv>, refusal?: AssessmentRefusal) => {
    const assessments = await listAssessments(db, c.get('workspace').id)
    if (refusal) c.status(400)
    return c.render(
      <AssessmentListPage c={c} assessments={assessments} years={openableYears()} refusal={refusal} />,
      {
        title: c.get('t')('assessment.list.title'),
      },
    )
  }

  /** Loads the year's assessment, or answers 404 the same way for a bad year and a missing one. */
  const withAssessment = async (
    c: Context<AppEnv>,
    handle: (context: AssessmentContext) => Promise<Response> | Response,
  ) => {
    const year = yearParam.safeParse(c.req.param('year'))
    if (!year.success) return renderNotFound(c)
    const context = await loadAssessmentContext(db, c.get('workspace'), year.data)
    if (!context) return renderNotFound(c, c.get('t')('assessment.notFound', { year: year.data }))
    return handle(context)
  }

  routes.get('/espace/:workspaceId/autodiagnostic', workspaceAccess(deps, 'workspace.view'), (c) =>
    renderList(c),
  )

  routes.post('/espace/:workspaceId/autodiagnostic', workspaceAccess(deps, 'assessment.edit'), async (c) => {
    const values = await formValues(c)
    const year = yearParam.safeParse(values.year)
    const copy = values.copy ? yearParam.safeParse(values.copy) : undefined
    if (!year.success || !openableYears().includes(year.data) || (copy && !copy.success)) {
      return renderList(c, { code: 'bad_year' })
    }
    try {
      const started = await startAssessment(db, {
        workspaceId: c.get('workspace').id,
        year: year.data,
        actorId: actorId(c),
        referential: await currentReferential(db),
        ...(copy?.success ? { copyFromYear: copy.data } : {}),
      })
      const info = copy?.success ? `copie&copied=${started.copied}&left=${started.leftBehind}` : 'ouvert'
      return c.redirect(`${base(c)}/${year.data}?info=${info}`, 303)
    } catch (error) {
      if (error instanceof AssessmentRefused) return renderList(c, error.refusal)
      throw error
    }
  })

  routes.get('/espace/:workspaceId/autodiagnostic/:year', workspaceAccess(deps, 'workspace.view'), (c) =>
    withAssessment(c, (context) =>
      c.render(<AssessmentOverviewPage c={c} context={context} />, {
        title: c.get('t')('assessment.overview.title', { year: context.assessment.year }),
      }),
    ),
  )

  const renderForm = (
    c: Context<AppEnv>,
    context: AssessmentContext,
    commitmentId: string,
    state: { values?: Record<string, string>; problems?: AnswerFormProblem[]; locked?: boolean } = {},
  ) => {
    const place = indexReferential(context.referential).commitmentById.get(commitmentId)
    if (!place) return renderNotFound(c)
    if (state.locked) c.status(409)
    else if (state.problems) c.status(400)
    return c.render(
      <CommitmentFormPage
        c={c}
        context={context}
        commitment={place.commitment}
        values={state.values}
        problems={state.problems ?? []}
        locked={state.locked ?? false}
      />,
      { title: c.get('t')('assessment.form.title', { commitment: place.commitment.title }) },
    )
  }

  routes.get(
    '/espace/:workspaceId/autodiagnostic/:year/engagements/:commitmentId',
    workspaceAccess(deps, 'workspace.view'),
    (c) => withAssessment(c, (context) => renderForm(c, context, c.req.param('commitmentId'))),
  )

  routes.post(
    '/espace/:workspaceId/autodiagnostic/:year/engagements/:commitmentId',
    workspaceAccess(deps, 'assessment.edit'),
    (c) =>
      withAssessment(c, async (context) => {
        const commitmentId = c.req.param('commitmentId')
        const index = indexReferential(context.referential)
        const place = index.commitmentById.get(commitmentId)
        if (!place) return renderNotFound(c)
        const values = await formValues(c)
        if (context.assessment.status !== 'draft')
          return renderForm(c, context, commitmentId, { values, locked: true })
        const parsed = parseAnswerForm(values, place.commitment, context.referential.version, context.applies)
        if (!parsed.ok) return renderForm(c, context, commitmentId, { values, problems: parsed.problems })
        try {
          await saveAnswers(db, {
            assessment: context.assessment,
            referential: context.referential,
            answers: parsed.answers,
            actorId: actorId(c),
          })
        } catch (error) {
          if (error instanceof AssessmentRefused && error.refusal.code === 'locked')
            return renderForm(c, context, commitmentId, { values, locked: true })
          throw error
        }
        const position = index.commitments.findIndex((commitment) => commitment.id === commitmentId)
        const next = index.commitments[position + 1]
        if (values.next === '1' && next)
          return c.redirect(
            `${base(c)}/${context.assessment.year}/engagements/${next.id}?info=enregistre`,
            303,
          )
        if (values.next === '1')
          return c.redirect(`${base(c)}/${context.assessment.year}?info=enregistre`, 303)
        return c.redirect(
          `${base(c)}/${context.assessment.year}/engagements/${commitmentId}?info=enregistre`,
          303,
        )
      }),
  )

  routes.post(
    '/espace/:workspaceId/autodiagnostic/:year/soumettre',
    workspaceAccess(deps, 'assessment.submit'),
    (c) =>
      withAssessment(c, async (context) => {
        try {
          await submitAssessment(db, {
            assessment: context.assessment,
            referential: context.referential,
            facts: context.facts,
            actorId: actorId(c),
          })
        } catch (error) {
          if (!(error instanceof AssessmentRefused)) throw error
          c.status(error.refusal.code === 'locked' ? 409 : 400)
          return c.render(<AssessmentOverviewPage c={c} context={context} refusal={error.refusal} />, {
            title: c.get('t')('assessment.overview.title', { year: context.assessment.year }),
          })
        }
        return c.redirect(`${base(c)}/${context.assessment.year}/resultats?info=soumis`, 303)
      }),
  )

  routes.get(
    '/espace/:workspaceId/autodiagnostic/:year/resultats',
    workspaceAccess(deps, 'workspace.view'),
    (c) =>
      withAssessment(c, async (context) => {
        const [results, actionByRecommendation] = await Promise.all([
          buildResults(db, c.get('workspace'), context),
          actionsByRecommendation(db, c.get('workspace').id),
        ])
        return c.render(
          <ResultsPage
            c={c}
            context={context}
            results={results}
            actionByRecommendation={actionByRecommendation}
          />,
          {
            title: c.get('t')('assessment.results.title', { year: context.assessment.year }),
          },
        )
      }),
  )

  routes.get(
    '/espace/:workspaceId/autodiagnostic/:year/export.json',
    workspaceAccess(deps, 'workspace.view'),
    (c) =>
      withAssessment(c, (context) => {
        c.header(
          'Content-Disposition',
          `attachment; filename="autodiagnostic-${context.assessment.year}.json"`,
        )
        return c.json(assessmentJson(c.get('workspace'), context))
      }),
  )

  routes.get(
    '/espace/:workspaceId/autodiagnostic/:year/export.csv',
    workspaceAccess(deps, 'workspace.view'),
    (c) =>
      withAssessment(c, (context) => {
        c.header('Content-Type', 'text/csv; charset=utf-8')
        c.header(
          'Content-Disposition',
          `attachment; filename="autodiagnostic-${context.assessment.year}.csv"`,
        )
        return c.body(assessmentCsv(c.get('workspace'), context))
      }),
  )

  return routes
}
