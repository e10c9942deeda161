import type { Kysely } from 'kysely'
import type { Database, TerritoryKind } from '../../db/schema.js'
import { evaluateObligations, type ObligationStatus } from '../obligations/evaluate-obligations.js'
import { currentReferential } from '../referential/referential.store.js'
import {
  findMemberDepartements,
  findMembers,
  findParents,
  findTerritory,
  type TerritoryWithDeclaration,
} from './territories.queries.js'
import { membersPageSize } from './territories.schemas.js'

export interface DeclaredFigures {
  agentsFte: number | null
  annualPurchasesEur: number | null
}

export interface TerritoryProfile {
  territory: TerritoryWithDeclaration
  parents: Awaited<ReturnType<typeof findParents>>
  memberDepartements: Awaited<ReturnType<typeof findMemberDepartements>>
  members: Awaited<ReturnType<typeof findMembers>>
  declared: DeclaredFigures
  /** The figures the obligations were computed with: declared ones, or the visitor's estimate. */
  used: DeclaredFigures
  simulated: boolean
  /** The referential version whose obligations were evaluated. */
  referentialVersion: string
  obligations: ObligationStatus[]
}

/** Everything the territory page and the API show, read once and computed the same way for both. */
export async function getTerritoryProfile(
  db: Kysely<Database>,
  kind: TerritoryKind,
  code: string,
  options: { membersPage: number; estimate?: Partial<DeclaredFigures> },
): Promise<TerritoryProfile | undefined> {
  const territory = await findTerritory(db, kind, code)
  if (!territory) return undefined
  const [parents, memberDepartements, members, referential] = await Promise.all([
    findParents(db, territory),
    findMemberDepartements(db, territory),
    findMembers(db, territory, options.membersPage, membersPageSize),
    currentReferential(db),
  ])
  const declared: DeclaredFigures = {
    agentsFte: territory.agents_fte,
    annualPurchasesEur:
      territory.annual_purchases_cents === null ? null : territory.annual_purchases_cents / 100,
  }
  const estimate = options.estimate ?? {}
  const simulated = estimate.agentsFte !== undefined || estimate.annualPurchasesEur !== undefined
  const used: DeclaredFigures = {
    agentsFte: estimate.agentsFte ?? declared.agentsFte,
    annualPurchasesEur: estimate.annualPurchasesEur ?? declared.annualPurchasesEur,
  }
  return {
    territory,
    parents,
    memberDepartements,
    members,
    declared,
    used,
    simulated,
    referentialVersion: referential.version,
    obligations: evaluateObligations(referential.obligations, {
      kind: territory.kind,
      populationTotal: territory.population_total,
      populationMunicipal: territory.population_municipal,
      ...used,
    }),
  }
}
