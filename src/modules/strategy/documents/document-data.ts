import type { Kysely } from 'kysely'
import type { ActionStatus, Database, DocumentKind, TerritoryKind } from '../../../db/schema.js'
import { actionStatuses } from '../../../db/schema.js'
import { storedScores, territoryFactsOf } from '../../assessments/assessments.queries.js'
import type { FootprintMethod, FootprintResult } from '../../footprint/compute-footprint.js'
import { footprintSettings } from '../../footprint/factor-bases.store.js'
import { computeWorkspaceYear } from '../../footprint/results/compute-workspace-footprints.js'
import { findFrozenResult } from '../../footprint/results/frozen-results.js'
import { evaluateObligations, type ObligationStatusValue } from '../../obligations/evaluate-obligations.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { currentReferential } from '../../referential/referential.store.js'
import { actionsForDocuments, type DocumentAction } from '../actions/actions.queries.js'
import { type IndicatorReading, indicatorReadings } from '../indicators/indicator-readings.js'
import { referentialIndicators } from '../indicators/referential-indicators.js'
import type { Milestone } from '../milestones/milestones.queries.js'
import { loadReenContext } from '../milestones/reen-context.js'
import type { ReenStanding } from '../milestones/reen-standing.js'
import { type ObjectiveWithStatus, objectivesWithStatus } from '../objectives/objectives.queries.js'
import type { DocumentTexts } from './document-sections.js'
import { loadTexts } from './strategy-texts.queries.js'

/**
 * Everything a generated document shows, collected once from the workspace's data: the three
 * renderers (work programme, strategy, annual review) only choose and lay out. Internal actions
 * are kept here for the totals but carry no name into any renderer (see `actions`).
 */
export interface DocumentData {
  kind: DocumentKind
  year: number
  /** When the data was read (ISO). */
  generatedAt: string
  territory: {
    kind: TerritoryKind
    code: string
    name: string
    population: number | null
    populationVintage: string
    agents: number | null
  }
  referential: Pick<Referential, 'version' | 'title' | 'decreeAxes'>
  /** Commitment id → title, in the referential's order. */
  commitments: { id: string; title: string }[]
  /** The obligations that apply to the territory or may (to confirm), as on its public page. */
  obligations: {
    id: string
    title: string
    legalRef: string
    deadline: string
    status: ObligationStatusValue
  }[]
  reen: { standing: ReenStanding; milestones: Milestone[] }
  assessment: {
    year: number
    score: number | null
    letter: string | null
    commitments: { id: string; title: string; score: number | null }[]
  } | null
  footprint: DocumentFootprint | null
  /** The year's readings, with the previous year's value of the same indicator when there is one. */
  indicators: DocumentIndicator[]
  indicatorCount: number
  objectives: ObjectiveWithStatus[]
  actions: DocumentActions
  texts: DocumentTexts
}

export interface DocumentIndicator {
  id: string
  name: string
  unit: string
  commitmentId: string
  value: number
  origin: IndicatorReading['origin']
  source: string | null
  previous: number | null
}

export interface DocumentFootprint {
  year: number
  /** Frozen on the footprint pages (the figure stays as adopted), or computed now. */
  frozen: boolean
  base: { id: string; version: string; title: string }
  method: FootprintMethod
  items: number
  quantity: number
  agents: number | null
  criteria: { id: string; label: string; unit: string; total: number | null; perAgent: number | null }[]
  /** The first criterion (climate in the platform's bases) by device type, largest first. */
  byType: { type: string; quantity: number; value: number | null }[]
}

export interface DocumentActions {
  /** Public actions only, by start date then id: the only ones a document names. */
  public: DocumentAction[]
  internal: { count: number; budget: number }
  /** Every action (public and internal) counted per status, with its budget. */
  byStatus: { status: ActionStatus; count: number; budget: number }[]
  /** Budget of the actions not abandoned. */
  totalBudget: number
  /** Services carrying actions (public and internal), with how many; members are only counted. */
  services: { name: string; count: number }[]
  carriedByMembers: number
  /** Actions not abandoned. */
  total: number
}

function summariseActions(all: readonly DocumentAction[]): DocumentActions {
  const budget = (actions: readonly DocumentAction[]) =>
    actions.reduce((sum, action) => sum + (action.budgetEuros ?? 0), 0)
  const internal = all.filter((action) => !action.isPublic)
  const kept = all.filter((action) => action.status !== 'abandonnee')
  const services = new Map<string, number>()
  let carriedByMembers = 0
  for (const action of all) {
    if (action.ownerKind === 'service' && action.ownerDisplay)
      services.set(action.ownerDisplay, (services.get(action.ownerDisplay) ?? 0) + 1)
    else if (action.ownerKind === 'member') carriedByMembers++
  }
  return {
    public: all.filter((action) => action.isPublic),
    internal: { count: internal.length, budget: budget(internal) },
    byStatus: actionStatuses.map((status) => {
      const ofStatus = all.filter((action) => action.status === status)
      return { status, count: ofStatus.length, budget: budget(ofStatus) }
    }),
    totalBudget: budget(kept),
    services: [...services]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr')),
    carriedByMembers,
    total: kept.length,
  }
}

async function latestAssessment(
  db: Kysely<Database>,
  referential: Referential,
  workspaceId: number,
  year: number,
): Promise<DocumentData['assessment']> {
  const row = await db
    .selectFrom('assessments')
    .select(['id', 'year', 'score', 'letter'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'submitted')
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .executeTakeFirst()
  if (!row) return null
  const scores = await storedScores(db, row.id)
  return {
    year: row.year,
    score: row.score,
    letter: row.letter,
    commitments: referential.ambitions.flatMap((ambition) =>
      ambition.commitments.map((commitment) => ({
        id: commitment.id,
        title: commitment.title,
        score: scores.get(`commitment:${commitment.id}`) ?? null,
      })),
    ),
  }
}

/** The year's footprint as frozen on the footprint pages, else computed now; null without inventory. */
async function yearFootprint(
  db: Kysely<Database>,
  workspaceId: number,
  year: number,
  agents: number | null,
): Promise<DocumentFootprint | null> {
  const settings = await footprintSettings(db, workspaceId)
  const frozen = await findFrozenResult(db, workspaceId, year, settings.method)
  const result: FootprintResult =
    frozen?.result ??
    (await computeWorkspaceYear(db, workspaceId, { year, method: settings.method, base: settings.base }))
  if (result.counted.items === 0) return null
  const first = result.criteria[0]
  return {
    year,
    frozen: frozen !== undefined,
    base: result.base,
    method: result.method,
    items: result.counted.items,
    quantity: result.counted.quantity,
    agents: result.perAgent?.count ?? agents,
    criteria: result.criteria.map((criterion) => ({
      id: criterion.id,
      label: criterion.label,
      unit: criterion.unit,
      total: result.total.impacts[criterion.id]?.total.value ?? null,
      perAgent: result.perAgent?.values[criterion.id] ?? null,
    })),
    byType: first
      ? result.byType
          .map((line) => ({
            type: line.key ?? '',
            quantity: line.quantity,
            value: line.impacts[first.id]?.total.value ?? null,
          }))
          .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
      : [],
  }
}

/** Collects a document's data for a year. */
export async function collectDocumentData(
  db: Kysely<Database>,
  workspace: { id: number; territoryId: number },
  kind: DocumentKind,
  year: number,
): Promise<DocumentData> {
  const [referential, territory, facts] = await Promise.all([
    currentReferential(db),
    db
      .selectFrom('territories')
      .select(['kind', 'code', 'name', 'population_total', 'population_municipal', 'population_vintage'])
      .where('id', '=', workspace.territoryId)
      .executeTakeFirstOrThrow(),
    territoryFactsOf(db, workspace.territoryId),
  ])
  const [reen, assessment, footprint, readings, objectives, actions, texts] = await Promise.all([
    loadReenContext(db, referential, workspace),
    latestAssessment(db, referential, workspace.id, year),
    yearFootprint(db, workspace.id, year, facts.agentsFte),
    indicatorReadings(db, referential, workspace.id, [year - 1, year]),
    objectivesWithStatus(db, referential, workspace.id, year),
    actionsForDocuments(db, workspace.id, { publicOnly: false }),
    loadTexts(db, workspace.id),
  ])
  const catalogue = referentialIndicators(referential)
  const previous = new Map(
    readings
      .filter((reading) => reading.year === year - 1)
      .map((reading) => [reading.indicatorId, reading.value]),
  )
  const current = new Map(
    readings.filter((reading) => reading.year === year).map((reading) => [reading.indicatorId, reading]),
  )
  const indicators: DocumentIndicator[] = catalogue.flatMap(({ indicator, commitmentId }) => {
    const reading = current.get(indicator.id)
    if (!reading) return []
    return [
      {
        id: indicator.id,
        name: indicator.name,
        unit: reading.unit,
        commitmentId,
        value: reading.value,
        origin: reading.origin,
        source: reading.source,
        previous: previous.get(indicator.id) ?? null,
      },
    ]
  })
  return {
    kind,
    year,
    generatedAt: new Date().toISOString(),
    territory: {
      kind: territory.kind,
      code: territory.code,
      name: territory.name,
      population: territory.population_total ?? territory.population_municipal,
      populationVintage: territory.population_vintage,
      agents: facts.agentsFte,
    },
    referential: {
      version: referential.version,
      title: referential.title,
      decreeAxes: referential.decreeAxes,
    },
    commitments: referential.ambitions.flatMap((ambition) =>
      ambition.commitments.map((commitment) => ({ id: commitment.id, title: commitment.title })),
    ),
    obligations: evaluateObligations(referential.obligations, facts)
      .filter((status) => status.status !== 'not_applicable')
      .map((status) => ({
        id: status.obligation.id,
        title: status.obligation.title,
        legalRef: status.obligation.legalRef,
        deadline: status.obligation.deadline,
        status: status.status,
      })),
    reen: { standing: reen.standing, milestones: reen.milestones },
    assessment,
    footprint,
    indicators,
    indicatorCount: catalogue.length,
    objectives,
    actions: summariseActions(actions),
    texts,
  }
}
