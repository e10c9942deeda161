/**
 * The demo city's strategy, so that a newcomer finds every strategy page filled in: a few years
 * of entered indicator values, four objectives (one on the computed footprint), an action plan of
 * ten actions (two created from self-assessment recommendations, some public, some internal), the
 * REEN milestones, the documents' texts, and the strategy published once: the demo city's public
 * page (/territoires/commune/DEMO-VILLE/strategie) shows it without an account.
 *
 * Years are relative to the current one, so the demo never looks stale. Written through the same
 * functions as the pages (audit entries included), attributed to the demo admin.
 */
import type { Kysely } from 'kysely'
import type { ActionStatus, Database } from '../../db/schema.js'
import { findUserByEmail } from '../accounts/accounts.queries.js'
import {
  actionFromRecommendation,
  findRecommendation,
} from '../strategy/actions/action-from-recommendation.js'
import {
  type ActionInput,
  createAction,
  createActionForRecommendation,
} from '../strategy/actions/actions.queries.js'
import { publishDocument } from '../strategy/documents/publish-document.js'
import { saveTexts } from '../strategy/documents/strategy-texts.queries.js'
import { computedIndicatorValues } from '../strategy/indicators/computed-indicators.js'
import { saveIndicatorValue } from '../strategy/indicators/indicator-values.queries.js'
import { createMilestone } from '../strategy/milestones/milestones.queries.js'
import { createObjective } from '../strategy/objectives/objectives.queries.js'
import { datasetLoad, recordDatasetLoad } from '../territories/load-territories.js'
import { demoAccounts } from './demo-accounts.js'
import { demoWorkspaceId } from './demo-inventory.js'

export const demoStrategyDataset = { id: 'demo-strategy', vintage: 'demo-strategy-1' } as const

const strategyTables = [
  'strategy_documents',
  'strategy_texts',
  'strategy_milestones',
  'actions',
  'objectives',
  'indicator_values',
] as const

const demoTexts = {
  introduction: `Jalons-sur-Loire s’engage pour un numérique plus sobre, plus inclusif et plus ouvert. Cette stratégie prolonge le programme de travail adopté en décembre et s’appuie sur l’autodiagnostic du référentiel « Territoires numériques responsables » et sur le bilan de l’empreinte du parc informatique.

## Nos priorités
- allonger la durée de vie des équipements et acheter reconditionné ;
- rendre accessibles tous les services en ligne ;
- former les agents et les élus ;
- accompagner les habitants éloignés du numérique.`,
  governance: `La stratégie est portée par l’adjointe au numérique et suivie par un **comité de pilotage** trimestriel (direction générale, direction des systèmes d’information, commande publique, développement durable).

Un bilan annuel est présenté au conseil municipal avec le rapport sur la situation en matière de développement durable. Les habitants sont associés par la plateforme de participation : [participer.jalons-sur-loire.example.org](https://participer.jalons-sur-loire.example.org).`,
  means: `Le plan d’action mobilise le budget d’investissement de la direction des systèmes d’information et une part du plan de formation. Une cheffe de projet numérique responsable y consacre un mi-temps.`,
  past_actions: `- inventaire complet du parc informatique et première mesure de l’empreinte ;
- clause de réemploi dans le marché de téléphonie ;
- conseillers numériques dans deux maisons France Services.`,
}

interface DemoAction {
  title: string
  description: string
  commitments: string[]
  axis: number | null
  service: string | null
  start: [number, string] | null
  end: [number, string] | null
  status: ActionStatus
  budget: number | null
  isPublic: boolean
  /** Index in the objectives created below. */
  objectives: number[]
}

/** [years from now, "MM-DD"] → an ISO date. */
const dateOf = (year: number, at: [number, string] | null) => (at ? `${year + at[0]}-${at[1]}` : null)

const demoActions: DemoAction[] = [
  {
    title: 'Allonger à 6 ans la durée d’usage des ordinateurs portables',
    description:
      'Changement de batterie et de disque plutôt que remplacement ; nouvelle politique de renouvellement.',
    commitments: ['A2.E1'],
    axis: 2,
    service: 'Direction des systèmes d’information',
    start: [-1, '03-01'],
    end: [1, '12-31'],
    status: 'en_cours',
    budget: 18_000,
    isPublic: true,
    objectives: [0],
  },
  {
    title: 'Acheter 30 % des smartphones reconditionnés',
    description: 'Lot reconditionné dans le prochain marché de téléphonie, avec garantie de deux ans.',
    commitments: ['A2.E2'],
    axis: 1,
    service: 'Commande publique',
    start: [0, '01-15'],
    end: [0, '12-15'],
    status: 'en_cours',
    budget: 12_500,
    isPublic: true,
    objectives: [0, 3],
  },
  {
    title: 'Former tous les agents au numérique responsable',
    description: 'Module d’une demi-journée, obligatoire pour les nouveaux arrivants.',
    commitments: ['A1.E2'],
    axis: 4,
    service: 'Ressources humaines',
    start: [0, '02-01'],
    end: [1, '06-30'],
    status: 'en_cours',
    budget: 9_000,
    isPublic: true,
    objectives: [1],
  },
  {
    title: 'Audit RGAA des dix démarches en ligne les plus utilisées',
    description: 'Audit par un prestataire, puis plan de correction publié.',
    commitments: ['A1.E1'],
    axis: 3,
    service: 'Communication',
    start: [-1, '09-01'],
    end: [0, '03-31'],
    status: 'realisee',
    budget: 14_000,
    isPublic: true,
    objectives: [2],
  },
  {
    title: 'Corriger les non-conformités d’accessibilité du site',
    description: 'Selon le plan issu de l’audit RGAA.',
    commitments: ['A1.E1'],
    axis: 3,
    service: 'Communication',
    start: [0, '04-01'],
    end: [1, '03-31'],
    status: 'planifiee',
    budget: 22_000,
    isPublic: true,
    objectives: [2],
  },
  {
    title: 'Don des ordinateurs réformés à une association d’insertion',
    description: 'Convention avec une ressourcerie de l’économie sociale et solidaire.',
    commitments: ['A2.E2'],
    axis: 1,
    service: null,
    start: [0, '05-01'],
    end: [0, '11-30'],
    status: 'a_planifier',
    budget: null,
    isPublic: true,
    objectives: [3],
  },
  {
    title: 'Mutualiser la salle serveurs avec l’hébergeur régional',
    description: 'Étude d’opportunité interne avant décision (document de travail).',
    commitments: ['A2.E1'],
    axis: 2,
    service: 'Direction des systèmes d’information',
    start: [1, '01-01'],
    end: [2, '06-30'],
    status: 'a_planifier',
    budget: 40_000,
    isPublic: false,
    objectives: [0],
  },
  {
    title: 'Réduire les impressions de 20 %',
    description: 'Impression sur badge et recto verso par défaut.',
    commitments: ['A2.E1'],
    axis: 4,
    service: null,
    start: [-2, '10-01'],
    end: [-1, '06-30'],
    status: 'abandonnee',
    budget: null,
    isPublic: false,
    objectives: [],
  },
]

/**
 * Adds the demo strategy once (recorded as a dataset load); with `reset`, replaces the demo
 * workspace's strategy. Needs the demo accounts (the admin signs what is written) and is best run
 * after the demo inventory (the footprint objective starts from its computed value).
 */
export async function seedDemoStrategy(
  db: Kysely<Database>,
  dataDir: string,
  options: { reset?: boolean; year?: number } = {},
): Promise<boolean> {
  const loaded = await datasetLoad(db, demoStrategyDataset.id)
  if (loaded && !options.reset) return false
  const workspaceId = await demoWorkspaceId(db)
  const admin = await findUserByEmail(db, demoAccounts[1].email)
  if (workspaceId === undefined || !admin) return false
  const workspace = await db
    .selectFrom('workspaces')
    .select(['id', 'territory_id as territoryId'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow()
  const actorId = admin.id
  const year = options.year ?? new Date().getUTCFullYear()
  await db.transaction().execute(async (trx) => {
    for (const table of strategyTables)
      await trx.deleteFrom(table).where('workspace_id', '=', workspaceId).execute()
  })

  await saveTexts(db, { workspaceId, actorId, texts: demoTexts })
  const entered: [string, number, number, string][] = [
    ['2.3', 12, 27, 'Plan de formation, bilan annuel des ressources humaines'],
    ['2.4', 10, 35, 'Registre des formations des élus'],
    ['1.2', 45, 62, 'Déclarations d’accessibilité publiées'],
    ['5.1', 8, 14, 'Bilan des achats informatiques (mandatements)'],
    ['3.1', 3, 5, 'Plateforme de participation'],
  ]
  for (const [indicatorId, older, last, source] of entered)
    for (const [offset, value] of [
      [-2, older],
      [-1, last],
    ] as const)
      await saveIndicatorValue(db, dataDir, {
        workspaceId,
        indicatorId,
        year: year + offset,
        value,
        source,
        comment: null,
        evidenceUrl: null,
        actorId,
      })

  // The footprint objective starts from last year's computed total (the frozen demo year).
  const [footprint] = await computedIndicatorValues(db, workspaceId, [year - 1], { indicatorIds: ['4.1'] })
  const footprintBaseline = Math.round((footprint?.value ?? 120) * 10) / 10
  const objectives = [
    {
      indicatorId: '4.1',
      title: 'Réduire de 30 % l’empreinte carbone du numérique interne',
      decreeAxis: 2,
      baseline: { year: year - 1, value: footprintBaseline },
      targets: [
        { year: year + 1, value: Math.round(footprintBaseline * 0.85 * 10) / 10 },
        { year: year + 4, value: Math.round(footprintBaseline * 0.7 * 10) / 10 },
      ],
      comment: 'Méthode stock, base de facteurs par défaut de la plateforme.',
    },
    {
      indicatorId: '2.3',
      title: 'Former 80 % des agents au numérique responsable',
      decreeAxis: 4,
      baseline: { year: year - 2, value: 12 },
      targets: [
        { year, value: 50 },
        { year: year + 2, value: 80 },
      ],
      comment: null,
    },
    {
      indicatorId: '1.2',
      title: 'Des services en ligne entièrement conformes au RGAA',
      decreeAxis: 3,
      baseline: { year: year - 2, value: 45 },
      targets: [
        { year: year + 1, value: 75 },
        { year: year + 3, value: 100 },
      ],
      comment: null,
    },
    {
      indicatorId: '5.1',
      title: 'Atteindre 30 % d’achats informatiques issus du réemploi',
      decreeAxis: 1,
      baseline: { year: year - 2, value: 8 },
      targets: [
        { year: year + 1, value: 20 },
        { year: year + 4, value: 30 },
      ],
      comment: 'Seuils du décret n° 2024-134 (AGEC, art. 58).',
    },
  ]
  const objectiveIds: number[] = []
  for (const objective of objectives)
    objectiveIds.push(await createObjective(db, { workspaceId, actorId, objective }))

  for (const action of demoActions) {
    const input: ActionInput = {
      title: action.title,
      description: action.description,
      commitments: action.commitments,
      decreeAxis: action.axis,
      ownerUserId: null,
      ownerService: action.service,
      startDate: dateOf(year, action.start),
      endDate: dateOf(year, action.end),
      status: action.status,
      budgetEuros: action.budget,
      isPublic: action.isPublic,
      objectiveIds: action.objectives.map((index) => objectiveIds[index] as number),
    }
    await createAction(db, { workspaceId, actorId, action: input })
  }
  // Two actions made in one click from the self-assessment's recommendations, as a member would.
  for (const recommendationId of ['R-A1.E1.Q3', 'R-A2.E1.Q1']) {
    const found = await findRecommendation(db, recommendationId)
    if (found)
      await createActionForRecommendation(db, {
        workspaceId,
        actorId,
        recommendationId,
        action: { ...actionFromRecommendation(found), ownerUserId: actorId },
      })
  }

  const reviewYear = new Date().toISOString().slice(5, 10) >= '03-26' ? year : year - 1
  const milestones = [
    { kind: 'programme_travail', date: '2022-12-08', year: null, deliberationNumber: '2022-DEL-114' },
    { kind: 'strategie', date: '2024-12-12', year: null, deliberationNumber: '2024-DEL-201' },
    // Presented in March: last year's review once this year's March is past, else the one before.
    {
      kind: 'bilan_annuel',
      date: `${reviewYear}-03-26`,
      year: reviewYear - 1,
      deliberationNumber: `${reviewYear}-DEL-037`,
    },
  ] as const
  for (const milestone of milestones)
    await createMilestone(db, {
      workspaceId,
      actorId,
      milestone: { ...milestone, documentUrl: null, comment: null },
    })

  await publishDocument(db, { workspace, kind: 'strategie', year, actorId })
  if (!loaded)
    await db
      .transaction()
      .execute((trx) =>
        recordDatasetLoad(trx, demoStrategyDataset.id, demoStrategyDataset.vintage, demoActions.length),
      )
  return true
}
