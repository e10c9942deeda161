import type { Kysely } from 'kysely'
import type { Database, DocumentKind } from '../../../db/schema.js'
import type { PublicStrategySnapshot } from './public-snapshot.js'

/**
 * For tests and benches: published versions written straight into strategy_documents, as the
 * documents' publishing does (the public side only ever reads these rows).
 */

type SnapshotObjective = PublicStrategySnapshot['objectives'][number]
type SnapshotAction = PublicStrategySnapshot['actions'][number]

export function testObjective(id: number, overrides: Partial<SnapshotObjective> = {}): SnapshotObjective {
  return {
    id,
    title: `Réduire l’empreinte carbone du parc (${id})`,
    indicatorId: '4.1',
    indicatorName: 'Empreinte carbone du numérique interne',
    unit: 'tCO2e',
    decreeAxis: 2,
    baseline: { year: 2023, value: 120 },
    targets: [
      { year: 2026, value: 100 },
      { year: 2030, value: 80 },
    ],
    measured: { year: 2025, value: 105 },
    expected: 106.67,
    status: 'on_track',
    ...overrides,
  }
}

export function testAction(id: number, overrides: Partial<SnapshotAction> = {}): SnapshotAction {
  return {
    id,
    title: `Allonger la durée de vie des ordinateurs (${id})`,
    description: 'Passer de 5 à 7 ans grâce au reconditionnement.',
    commitments: ['A2.E1'],
    decreeAxis: 2,
    status: 'en_cours',
    startDate: '2025-01-01',
    endDate: '2026-12-31',
    budgetEuros: 15_000,
    objectiveIds: [1],
    ...overrides,
  }
}

export function testSnapshot(
  territory: PublicStrategySnapshot['territory'],
  overrides: Partial<PublicStrategySnapshot> = {},
): PublicStrategySnapshot {
  return {
    format: 1,
    territory,
    document: {
      kind: 'strategie',
      version: 1,
      year: 2025,
      title: 'Stratégie numérique responsable 2025',
      publishedAt: '2025-06-30T10:00:00.000Z',
    },
    objectives: [
      testObjective(1),
      testObjective(2, {
        title: 'Réemployer la moitié du matériel réformé',
        indicatorId: '6.1',
        indicatorName: 'Taux de réemploi du matériel réformé',
        unit: '%',
        decreeAxis: 1,
        baseline: { year: 2023, value: 20 },
        targets: [{ year: 2027, value: 50 }],
        measured: { year: 2025, value: 52 },
        expected: 35,
        status: 'reached',
      }),
    ],
    actions: [
      testAction(1),
      testAction(2, {
        title: 'Former les agents à la sobriété numérique',
        description: null,
        commitments: ['A1.E2', 'A3.E1'],
        decreeAxis: 4,
        status: 'planifiee',
        startDate: '2026-01-01',
        endDate: null,
        budgetEuros: null,
        objectiveIds: [],
      }),
    ],
    milestones: [
      {
        kind: 'programme_travail',
        date: '2023-03-15',
        year: null,
        deliberationNumber: '2023-042',
        documentUrl: 'https://example.org/programme.pdf',
      },
      {
        kind: 'strategie',
        date: '2025-06-26',
        year: null,
        deliberationNumber: '2025-117',
        documentUrl: null,
      },
    ],
    ...overrides,
  }
}

let published = 0

/** One published version (not withdrawn unless said); returns its id. */
export async function insertPublishedDocument(
  db: Kysely<Database>,
  input: {
    workspaceId: number
    snapshot: PublicStrategySnapshot | string
    kind?: DocumentKind
    version?: number
    year?: number
    title?: string
    html?: string
    publishedAt?: string
    withdrawnAt?: string | null
  },
): Promise<number> {
  const kind = input.kind ?? 'strategie'
  const title = input.title ?? `Stratégie numérique responsable (${++published})`
  const row = await db
    .insertInto('strategy_documents')
    .values({
      workspace_id: input.workspaceId,
      kind,
      version: input.version ?? 1,
      year: input.year ?? 2025,
      title,
      html:
        input.html ??
        `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title><style>body{font-family:serif}</style></head><body><h1>${title}</h1></body></html>`,
      snapshot: typeof input.snapshot === 'string' ? input.snapshot : JSON.stringify(input.snapshot),
      published_at: input.publishedAt ?? new Date().toISOString(),
      published_by: null,
      withdrawn_at: input.withdrawnAt ?? null,
      withdrawn_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The workspace of a real territory, opened if needed (no member: publishing needs none here). */
export async function workspaceOf(
  db: Kysely<Database>,
  territory: { kind: PublicStrategySnapshot['territory']['kind']; code: string },
): Promise<{ workspaceId: number; territoryId: number; name: string }> {
  const row = await db
    .selectFrom('territories')
    .select(['id', 'name'])
    .where('kind', '=', territory.kind)
    .where('code', '=', territory.code)
    .executeTakeFirstOrThrow()
  const existing = await db
    .selectFrom('workspaces')
    .select('id')
    .where('territory_id', '=', row.id)
    .executeTakeFirst()
  const workspace =
    existing ??
    (await db
      .insertInto('workspaces')
      .values({ territory_id: row.id, created_at: new Date().toISOString(), created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow())
  return { workspaceId: workspace.id, territoryId: row.id, name: row.name }
}
