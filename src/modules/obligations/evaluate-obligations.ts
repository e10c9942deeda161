import type { TerritoryKind } from '../../db/schema.js'
import type { ApplicabilityRule, Obligation } from './obligations.schemas.js'

/** What the engine needs to know about a territory. Declared figures may be missing (null). */
export interface TerritoryFacts {
  kind: TerritoryKind
  populationTotal: number | null
  populationMunicipal: number | null
  agentsFte: number | null
  annualPurchasesEur: number | null
}

/** Three-valued: null means "cannot tell until a figure is declared". */
type Truth = boolean | null

export type Criterion = 'all' | 'kind' | 'population' | 'agents' | 'purchases'
export type ComparisonOperator = '>' | '>=' | 'in'

export interface Check {
  criterion: Criterion
  operator: ComparisonOperator
  threshold: number | string[] | null
  actual: number | string | null
  met: Truth
  /** Checks in the same group are OR-combined; groups are AND-combined. */
  group: number
}

export type ObligationStatusValue = 'applies' | 'not_applicable' | 'to_confirm'
export type DeclarableFigure = 'agents' | 'purchases'

export interface ObligationStatus {
  obligation: Obligation
  status: ObligationStatusValue
  checks: Check[]
  /** Figures to declare to settle a "to confirm" status. */
  missing: DeclarableFigure[]
  /** Which population the thresholds used. */
  populationBasis: 'total' | 'municipal' | null
  note: string | null
}

const and = (values: Truth[]): Truth => (values.includes(false) ? false : values.includes(null) ? null : true)
const or = (values: Truth[]): Truth => (values.includes(true) ? true : values.includes(null) ? null : false)
const above = (actual: number | null, threshold: number, strict: boolean): Truth =>
  actual === null ? null : strict ? actual > threshold : actual >= threshold

export function populationForThresholds(facts: TerritoryFacts) {
  if (facts.populationTotal !== null) return { value: facts.populationTotal, basis: 'total' as const }
  if (facts.populationMunicipal !== null)
    return { value: facts.populationMunicipal, basis: 'municipal' as const }
  return { value: null, basis: null }
}

function checksOf(rule: ApplicabilityRule, facts: TerritoryFacts): { checks: Check[]; review: boolean } {
  const checks: Check[] = []
  let group = 0
  let review = false
  const population = populationForThresholds(facts).value
  if (rule.all)
    checks.push({
      criterion: 'all',
      operator: 'in',
      threshold: null,
      actual: null,
      met: true,
      group: group++,
    })
  if (rule.kinds) {
    const named = rule.kinds.includes(facts.kind)
    review = !named && (rule.reviewKinds?.includes(facts.kind) ?? false)
    checks.push({
      criterion: 'kind',
      operator: 'in',
      threshold: [...rule.kinds],
      actual: facts.kind,
      met: named ? true : review ? null : false,
      group: group++,
    })
  }
  if (rule.minPopulation !== undefined) {
    const populationGroup = group++
    checks.push({
      criterion: 'population',
      operator: '>',
      threshold: rule.minPopulation,
      actual: population,
      met: above(population, rule.minPopulation, true),
      group: populationGroup,
    })
    if (rule.orMinAgents !== undefined) {
      checks.push(agentsCheck(rule.orMinAgents, rule.agentsStrict ?? false, facts, populationGroup))
    }
  }
  if (rule.minAgents !== undefined)
    checks.push(agentsCheck(rule.minAgents, rule.agentsStrict ?? false, facts, group++))
  if (rule.minPurchasesEur !== undefined) {
    checks.push({
      criterion: 'purchases',
      operator: '>',
      threshold: rule.minPurchasesEur,
      actual: facts.annualPurchasesEur,
      met: above(facts.annualPurchasesEur, rule.minPurchasesEur, true),
      group: group++,
    })
  }
  return { checks, review }
}

function agentsCheck(threshold: number, strict: boolean, facts: TerritoryFacts, group: number): Check {
  return {
    criterion: 'agents',
    operator: strict ? '>' : '>=',
    threshold,
    actual: facts.agentsFte,
    met: above(facts.agentsFte, threshold, strict),
    group,
  }
}

export interface RuleOutcome {
  status: ObligationStatusValue
  checks: Check[]
  missing: DeclarableFigure[]
  /** The territory's kind is one the rule asks to review rather than one it names. */
  review: boolean
}

/** Evaluates an applicability rule (of an obligation, or of a size tier) against a territory. */
export function evaluateRule(rule: ApplicabilityRule, facts: TerritoryFacts): RuleOutcome {
  const { checks, review } = checksOf(rule, facts)
  const groups = new Map<number, Truth[]>()
  for (const check of checks) groups.set(check.group, [...(groups.get(check.group) ?? []), check.met])
  const result = and([...groups.values()].map(or))
  const status: ObligationStatusValue =
    result === true ? 'applies' : result === false ? 'not_applicable' : 'to_confirm'
  const missing =
    status === 'to_confirm'
      ? [
          ...new Set(
            checks
              .filter(
                (check) =>
                  check.met === null && (check.criterion === 'agents' || check.criterion === 'purchases'),
              )
              .map((check) => check.criterion as DeclarableFigure),
          ),
        ]
      : []
  return { status, checks, missing, review }
}

/** Decides whether one obligation applies to a territory, and says why. */
export function evaluateObligation(obligation: Obligation, facts: TerritoryFacts): ObligationStatus {
  const { status, checks, missing, review } = evaluateRule(obligation.rule, facts)
  return {
    obligation,
    status,
    checks,
    missing,
    populationBasis: populationForThresholds(facts).basis,
    note: review && status === 'to_confirm' ? (obligation.rule.reviewNote ?? null) : null,
  }
}

export function evaluateObligations(
  catalogue: readonly Obligation[],
  facts: TerritoryFacts,
): ObligationStatus[] {
  return catalogue.map((obligation) => evaluateObligation(obligation, facts))
}
