import type { Generated } from 'kysely'

/** Kinds of territory. Codes collide across kinds ('84' is a département and a région), so (kind, code) is the key. */
export const territoryKinds = ['commune', 'epci', 'ept', 'special', 'departement', 'region'] as const
export type TerritoryKind = (typeof territoryKinds)[number]

export interface TerritoriesTable {
  id: Generated<number>
  kind: TerritoryKind
  code: string
  name: string
  /** Legal nature within the kind: CC, CA, CU, METRO for EPCI; EPT; MET69 for the Métropole de Lyon. */
  nature: string | null
  siren: string | null
  population_total: number | null
  population_municipal: number | null
  /** Where the population figures come from, in words. */
  population_source: string
  /** Which legal population it is (e.g. "2023", in force on 2026-01-01). */
  population_vintage: string
  postcodes: string | null
  intercommunality_id: number | null
  ept_id: number | null
  departement_id: number | null
  region_id: number | null
  /** 1 for the demonstration territories (never counted in national figures). SQLite has no boolean. */
  is_demo: number
  dataset_vintage: string
}

export interface TerritorySearchTermsTable {
  term: string
  territory_id: number
  /** 0 = start of the name, 1 = a later word of the name, 2 = a code or SIREN, 3 = a postcode. */
  weight: number
}

export interface TerritoryDeclarationsTable {
  territory_id: number
  agents_fte: number | null
  annual_purchases_cents: number | null
  updated_at: string
}

export interface ReferenceDataLoadsTable {
  dataset: string
  vintage: string
  row_count: number
  loaded_at: string
}

export const workspaceRoles = ['admin', 'contributor', 'reader'] as const
export type WorkspaceRole = (typeof workspaceRoles)[number]
export const platformRoles = ['operator', 'observer'] as const
export type PlatformRole = (typeof platformRoles)[number]
export type TokenPurpose = 'invitation' | 'password_reset' | 'email_change'

export interface UsersTable {
  id: Generated<number>
  /** Lower-cased. */
  email: string
  name: string
  password_hash: string
  locale: 'fr' | 'en'
  platform_role: PlatformRole | null
  created_at: string
  /** Set when the person deleted the account: the row stays, pseudonymised, for the audit log. */
  deleted_at: string | null
}

export interface WorkspacesTable {
  id: Generated<number>
  territory_id: number
  created_at: string
  created_by: number | null
}

export interface MembershipsTable {
  workspace_id: number
  user_id: number
  role: WorkspaceRole
  created_at: string
}

export interface WorkspaceRequestsTable {
  id: Generated<number>
  territory_id: number
  name: string
  email: string
  position: string
  message: string
  status: 'pending' | 'approved' | 'rejected'
  created_at: string
  decided_by: number | null
  decided_at: string | null
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database does not hand out sessions. */
  id: string
  user_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
  user_agent: string | null
  active_workspace_id: number | null
}

export interface TokensTable {
  id: Generated<number>
  purpose: TokenPurpose
  /** SHA-256 of the token sent by mail. */
  token_hash: string
  email: string
  user_id: number | null
  workspace_id: number | null
  role: WorkspaceRole | null
  created_by: number | null
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface AuthThrottleTable {
  key: string
  failures: number
  window_started_at: string
  locked_until: string | null
}

export interface OutboxTable {
  id: Generated<number>
  to_address: string
  subject: string
  body: string
  status: 'logged' | 'sent' | 'failed'
  error: string | null
  created_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_id: number | null
  workspace_id: number | null
  entity: string
  entity_id: string
  action: string
  /** JSON, or null for a creation. */
  before: string | null
  /** JSON, or null for a deletion. */
  after: string | null
}

export interface ReferentialVersionsTable {
  version: string
  referential_id: string
  title: string
  /** The whole referential as JSON, exactly as published. */
  content: string
  origin: 'bundled' | 'upload'
  published_at: string
  published_by: number | null
}

export type AssessmentStatus = 'draft' | 'submitted'

export interface AssessmentsTable {
  id: Generated<number>
  workspace_id: number
  year: number
  referential_version: string
  status: AssessmentStatus
  created_at: string
  created_by: number | null
  updated_at: string
  submitted_at: string | null
  submitted_by: number | null
  tier: 'S' | 'M' | 'L' | null
  peer_kind: string | null
  population_band: string | null
  score: number | null
  letter: string | null
  /** JSON of FrozenScores, set at submission. */
  scores: string | null
}

export interface AssessmentAnswersTable {
  assessment_id: number
  question_id: string
  level: number | null
  comment: string | null
  evidence_url: string | null
  updated_at: string
  updated_by: number | null
}

export interface FactorBasesTable {
  base_id: string
  version: string
  /** Null for a platform base (bundled or published by an operator); else the owning workspace. */
  workspace_id: number | null
  title: string
  /** The whole base as JSON (FactorBase), exactly as published; never changed afterwards. */
  content: string
  origin: 'bundled' | 'operator' | 'workspace'
  published_at: string
  published_by: number | null
}

export interface FootprintSettingsTable {
  workspace_id: number
  base_id: string
  base_version: string
  method: 'stock' | 'flux'
  updated_at: string
}

export interface DatacentersTable {
  id: Generated<number>
  workspace_id: number
  short_name: string
  long_name: string | null
  pue: number
  country: string
}

export interface InventoryItemsTable {
  id: Generated<number>
  workspace_id: number
  type: string
  model: string | null
  quantity: number
  site: string | null
  service: string | null
  /** Tags joined by '|', or null. */
  tags: string | null
  purchase_date: string | null
  retirement_date: string | null
  status: string
  condition: string
  disposal: string | null
  datacenter: string | null
  annual_kwh: number | null
  country: string
  lifetime_years: number | null
  reference: string | null
  import_id: number | null
  updated_at: string
}

export interface TypeMappingsTable {
  workspace_id: number
  /** The label as the type mapper normalises it. */
  label: string
  type: string
}

export type ImportStatus = 'checking' | 'checked' | 'refused' | 'importing' | 'done' | 'failed'

export interface InventoryImportsTable {
  id: Generated<number>
  workspace_id: number
  status: ImportStatus
  format: string | null
  file_name: string
  file_path: string
  datacenter_file_name: string | null
  datacenter_file_path: string | null
  file_bytes: number
  /** 'all' (all-or-nothing) or 'valid' (only the valid rows), chosen after the check. */
  mode: 'all' | 'valid' | null
  /** 1: the import replaces the workspace's inventory; 0: it adds to it. */
  replace_inventory: number
  total_rows: number | null
  valid_rows: number | null
  processed_rows: number
  imported_rows: number
  error_count: number
  report: string | null
  created_at: string
  created_by: number | null
  updated_at: string
  finished_at: string | null
}

export interface FootprintScenariosTable {
  id: Generated<number>
  workspace_id: number
  name: string
  /** JSON: the scenario (see scenarios.ts), with the base and version it was made with. */
  content: string
  created_at: string
  created_by: number | null
  updated_at: string
}

export interface FootprintResultsTable {
  id: Generated<number>
  workspace_id: number
  year: number
  method: 'stock' | 'flux'
  base_id: string
  base_version: string
  /** JSON of the FootprintResult as computed then. */
  content: string
  created_at: string
  created_by: number | null
}

export interface ApiTokensTable {
  id: Generated<number>
  workspace_id: number
  name: string
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  token_hash: string
  created_by: number | null
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

export interface IndicatorValuesTable {
  id: Generated<number>
  workspace_id: number
  /** The referential's indicator id ("4.1"); checked against the current version on input. */
  indicator_id: string
  year: number
  value: number
  source: string | null
  comment: string | null
  evidence_url: string | null
  /** The uploaded evidence's own name, as the person's computer called it. */
  evidence_file_name: string | null
  /** Relative to DATA_DIR/evidence; never a name the person chose. */
  evidence_file_path: string | null
  evidence_content_type: string | null
  evidence_bytes: number | null
  updated_by: number | null
  updated_at: string
}

export interface ObjectivesTable {
  id: Generated<number>
  workspace_id: number
  indicator_id: string
  title: string
  /** One of the 6 axes of art. D2311-15-1 CGCT, or null. */
  decree_axis: number | null
  baseline_year: number
  baseline_value: number
  /** JSON: [{ year, value }] sorted by year, every year after the baseline's. */
  targets: string
  comment: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export const actionStatuses = ['a_planifier', 'planifiee', 'en_cours', 'realisee', 'abandonnee'] as const
export type ActionStatus = (typeof actionStatuses)[number]

export interface ActionsTable {
  id: Generated<number>
  workspace_id: number
  title: string
  description: string | null
  /** Commitment ids of the referential ("A1.E2") joined by '|', or null. */
  commitments: string | null
  decree_axis: number | null
  /** A member of the workspace, or null (then maybe a service). */
  owner_user_id: number | null
  owner_service: string | null
  /** ISO dates (AAAA-MM-JJ). */
  start_date: string | null
  end_date: string | null
  status: ActionStatus
  budget_euros: number | null
  /** 1: shown on the territory's public page once a document is published. */
  is_public: number
  /** The self-assessment recommendation the action answers ("R-A1.E1.Q1"), or null. */
  recommendation_id: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface ActionObjectivesTable {
  action_id: number
  objective_id: number
}

export interface ActionNotesTable {
  id: Generated<number>
  action_id: number
  body: string
  author_id: number | null
  created_at: string
}

/** The REEN milestones, with the ids the referential's reen_strategie obligation gives them. */
export const milestoneKinds = ['programme_travail', 'strategie', 'bilan_annuel'] as const
export type MilestoneKind = (typeof milestoneKinds)[number]

export interface StrategyMilestonesTable {
  id: Generated<number>
  workspace_id: number
  kind: MilestoneKind
  /** ISO date: adoption (deliberation) or presentation date. */
  date: string
  /** The year an annual review covers; null for the other kinds. */
  year: number | null
  deliberation_number: string | null
  document_url: string | null
  comment: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface StrategyTextsTable {
  workspace_id: number
  /** 'introduction', 'governance', … (see documents/document-sections.ts). */
  section: string
  /** In the small safe text format (see lib/safe-text.ts). */
  body: string
  updated_by: number | null
  updated_at: string
}

export const documentKinds = ['programme_travail', 'strategie', 'bilan_annuel'] as const
export type DocumentKind = (typeof documentKinds)[number]

export interface StrategyDocumentsTable {
  id: Generated<number>
  workspace_id: number
  kind: DocumentKind
  /** 1, 2, … per workspace and kind; never reused. */
  version: number
  /** The year the document covers. */
  year: number
  title: string
  /** The whole document as published (standalone HTML); never changed afterwards. */
  html: string
  /** JSON: PublicStrategySnapshot (publication/public-snapshot.ts), what the public page shows. */
  snapshot: string
  published_at: string
  published_by: number | null
  /** Set when an admin withdraws the version from the public page; members still see it. */
  withdrawn_at: string | null
  withdrawn_by: number | null
}

export interface Database {
  territories: TerritoriesTable
  territory_search_terms: TerritorySearchTermsTable
  territory_declarations: TerritoryDeclarationsTable
  reference_data_loads: ReferenceDataLoadsTable
  users: UsersTable
  workspaces: WorkspacesTable
  memberships: MembershipsTable
  workspace_requests: WorkspaceRequestsTable
  sessions: SessionsTable
  tokens: TokensTable
  auth_throttle: AuthThrottleTable
  outbox: OutboxTable
  audit_log: AuditLogTable
  referential_versions: ReferentialVersionsTable
  assessments: AssessmentsTable
  assessment_answers: AssessmentAnswersTable
  factor_bases: FactorBasesTable
  footprint_settings: FootprintSettingsTable
  datacenters: DatacentersTable
  inventory_items: InventoryItemsTable
  type_mappings: TypeMappingsTable
  inventory_imports: InventoryImportsTable
  footprint_scenarios: FootprintScenariosTable
  footprint_results: FootprintResultsTable
  api_tokens: ApiTokensTable
  indicator_values: IndicatorValuesTable
  objectives: ObjectivesTable
  actions: ActionsTable
  action_objectives: ActionObjectivesTable
  action_notes: ActionNotesTable
  strategy_milestones: StrategyMilestonesTable
  strategy_texts: StrategyTextsTable
  strategy_documents: StrategyDocumentsTable
}
