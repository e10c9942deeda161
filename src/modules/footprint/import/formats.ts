/**
 * The CSV formats' columns, how a header is recognised, and which column feeds which field.
 * Column names are compared by key: folded (no case, no accents) with everything but letters and
 * digits removed, so "Date d'achat", "date_achat" and "DATE ACHAT" are the same column.
 */
import { foldForSearch } from '../../../lib/text.js'
import type { ExpectedColumns, ImportFormat } from './messages.js'

export type CsvFormat = Exclude<ImportFormat, 'pcr-si'>

export type ItemField =
  | 'type'
  | 'model'
  | 'manufacturer'
  | 'quantity'
  | 'site'
  | 'service'
  | 'tags'
  | 'purchaseDate'
  | 'retirementDate'
  | 'status'
  | 'condition'
  | 'disposal'
  | 'datacenter'
  | 'annualKwh'
  | 'country'
  | 'lifetimeYears'
  | 'reference'

export type DatacenterField = 'shortName' | 'longName' | 'pue' | 'country'

export interface ColumnSpec<F extends string> {
  field: F
  /** The name our exports write (French files). */
  name: string
  /** The English name (template only). */
  englishName?: string
  /** Other names read as this column. */
  aliases?: readonly string[]
  required?: boolean
}

export function headerKey(name: string): string {
  return foldForSearch(name).replaceAll(' ', '')
}

/** Our template: one row per device or group of identical devices. */
export const templateColumns: readonly ColumnSpec<ItemField>[] = [
  {
    field: 'type',
    name: 'type',
    englishName: 'type',
    aliases: ["type d'équipement", 'type equipement', 'catégorie', 'category', 'device type'],
    required: true,
  },
  {
    field: 'model',
    name: 'modele',
    englishName: 'model',
    aliases: ['modèle', 'désignation', 'marque et modèle'],
  },
  {
    field: 'quantity',
    name: 'quantite',
    englishName: 'quantity',
    aliases: ['quantité', 'qté', 'qte', 'nombre', 'nb', 'qty', 'count'],
  },
  { field: 'site', name: 'site', englishName: 'site', aliases: ['lieu', 'bâtiment', 'location', 'building'] },
  {
    field: 'service',
    name: 'service',
    englishName: 'department',
    aliases: ['direction', 'entité', 'pôle', 'division'],
  },
  {
    field: 'tags',
    name: 'etiquettes',
    englishName: 'tags',
    aliases: ['étiquettes', 'étiquette', 'tag', 'labels', 'mots-clés'],
  },
  {
    field: 'purchaseDate',
    name: 'date_achat',
    englishName: 'purchase_date',
    aliases: ["date d'achat", 'acheté le', 'purchased on'],
  },
  {
    field: 'retirementDate',
    name: 'date_retrait',
    englishName: 'retirement_date',
    aliases: ['date de retrait', 'date de réforme', 'date de sortie', 'retired on'],
  },
  { field: 'status', name: 'statut', englishName: 'status', aliases: ['situation'] },
  {
    field: 'condition',
    name: 'etat_achat',
    englishName: 'condition',
    aliases: ["état à l'achat", 'état', 'neuf ou reconditionné', 'purchase condition'],
  },
  {
    field: 'disposal',
    name: 'filiere_fin_de_vie',
    englishName: 'disposal',
    aliases: ['filière de fin de vie', 'fin de vie', 'filière', 'end of life', 'disposal route'],
  },
  {
    field: 'datacenter',
    name: 'datacenter',
    englishName: 'datacenter',
    aliases: ['centre de données', 'data center', 'nomCourtDatacenter'],
  },
  {
    field: 'annualKwh',
    name: 'kwh_annuel',
    englishName: 'annual_kwh',
    aliases: [
      'kwh annuels',
      'kwh/an',
      'kwh par an',
      'consommation annuelle',
      'consommation annuelle kwh',
      'consoElecAnnuelle',
      'yearly kwh',
      'annual consumption',
    ],
  },
  {
    field: 'country',
    name: 'pays',
    englishName: 'country',
    aliases: ["pays d'utilisation", 'country of use'],
  },
  {
    field: 'lifetimeYears',
    name: 'duree_vie_ans',
    englishName: 'lifetime_years',
    aliases: ['durée de vie', 'durée de vie (ans)', 'durée de vie en années', 'lifetime', 'lifespan'],
  },
  {
    field: 'reference',
    name: 'reference',
    englishName: 'reference',
    aliases: [
      'référence',
      'identifiant',
      'id',
      "numéro d'inventaire",
      'n° inventaire',
      'inventory number',
      'asset tag',
    ],
  },
]

/**
 * NumEcoEval's physical equipment file. Columns NumEcoEval has and Jalons does not use (processor,
 * memory, disk, user, data source, inventory id) are read by nobody. The four last columns are
 * Jalons extensions, written by our export so that nothing is lost on the way back.
 */
export const numEcoEvalEquipmentColumns: readonly ColumnSpec<ItemField>[] = [
  { field: 'reference', name: 'nomEquipementPhysique', required: true },
  { field: 'site', name: 'nomOrganisation' },
  { field: 'service', name: 'nomEntite' },
  { field: 'manufacturer', name: 'fabricant' },
  { field: 'model', name: 'modele' },
  { field: 'quantity', name: 'quantite' },
  { field: 'type', name: 'type', required: true },
  { field: 'status', name: 'statut' },
  { field: 'country', name: 'paysDUtilisation' },
  { field: 'purchaseDate', name: 'dateAchat' },
  { field: 'retirementDate', name: 'dateRetrait' },
  { field: 'datacenter', name: 'nomCourtDatacenter' },
  { field: 'annualKwh', name: 'consoElecAnnuelle' },
  { field: 'tags', name: 'etiquettes' },
  { field: 'condition', name: 'etatAchat' },
  { field: 'disposal', name: 'filiereFinDeVie' },
  { field: 'lifetimeYears', name: 'dureeDeVie' },
]

/** NumEcoEval's header, in its documented order (what our export writes first). */
export const numEcoEvalEquipmentHeader = [
  'idInventaire',
  'nomEquipementPhysique',
  'nomOrganisation',
  'nomEntite',
  'sourceDonnee',
  'fabricant',
  'modele',
  'quantite',
  'type',
  'statut',
  'paysDUtilisation',
  'utilisateur',
  'dateAchat',
  'dateRetrait',
  'nbCoeur',
  'tailleDuDisque',
  'tailleMemoire',
  'typeDeProcesseur',
  'nomCourtDatacenter',
  'consoElecAnnuelle',
] as const

/** Jalons' extension columns after NumEcoEval's own. */
export const numEcoEvalExtensionHeader = ['etiquettes', 'etatAchat', 'filiereFinDeVie', 'dureeDeVie'] as const

export const numEcoEvalDatacenterColumns: readonly ColumnSpec<DatacenterField>[] = [
  { field: 'shortName', name: 'nomCourtDatacenter', required: true },
  { field: 'longName', name: 'nomLongDatacenter' },
  { field: 'pue', name: 'pue', required: true },
  { field: 'country', name: 'localisation' },
]

export const numEcoEvalDatacenterHeader = [
  'idInventaire',
  'nomCourtDatacenter',
  'nomLongDatacenter',
  'pue',
  'localisation',
  'nomEntite',
] as const

/** The template's header, as our exports and the example file write it. */
export function templateHeader(language: 'fr' | 'en' = 'fr'): string[] {
  return templateColumns.map((column) =>
    language === 'en' ? (column.englishName ?? column.name) : column.name,
  )
}

/** What the "unknown format" message lists as expected. */
export const expectedColumns: readonly ExpectedColumns[] = [
  { format: 'template', columns: templateHeader('fr') },
  { format: 'numecoeval-equipment', columns: numEcoEvalEquipmentHeader },
  { format: 'numecoeval-datacenter', columns: numEcoEvalDatacenterHeader },
]

function keysOf<F extends string>(column: ColumnSpec<F>): string[] {
  return [column.name, column.englishName ?? column.name, ...(column.aliases ?? [])].map(headerKey)
}

const templateTypeKeys = new Set(keysOf(templateColumns[0] as ColumnSpec<ItemField>))

/** The CSV format a header belongs to, or null. */
export function detectCsvFormat(header: readonly string[]): CsvFormat | null {
  const keys = new Set(header.map(headerKey))
  if (keys.has('nomequipementphysique')) return 'numecoeval-equipment'
  if (keys.has('nomcourtdatacenter') && keys.has('pue')) return 'numecoeval-datacenter'
  for (const key of keys) if (templateTypeKeys.has(key)) return 'template'
  return null
}

export function columnsOf(format: CsvFormat): readonly ColumnSpec<string>[] {
  if (format === 'template') return templateColumns
  if (format === 'numecoeval-equipment') return numEcoEvalEquipmentColumns
  return numEcoEvalDatacenterColumns
}

export interface BoundColumn {
  index: number
  /** The column's name as written in the file, for messages. */
  name: string
}

export interface ColumnBinding<F extends string> {
  columns: Partial<Record<F, BoundColumn>>
  missing: string[]
  duplicate: { name: string; first: number; second: number } | null
  ignored: string[]
}

/** Which header cell feeds which field (first match), what is missing, what no field reads. */
export function bindColumns<F extends string>(
  header: readonly string[],
  specs: readonly ColumnSpec<F>[],
): ColumnBinding<F> {
  const byKey = new Map<string, ColumnSpec<F>>()
  for (const spec of specs) for (const key of keysOf(spec)) if (!byKey.has(key)) byKey.set(key, spec)
  const columns: Partial<Record<F, BoundColumn>> = {}
  const ignored: string[] = []
  let duplicate: ColumnBinding<F>['duplicate'] = null
  header.forEach((raw, index) => {
    const name = raw.trim()
    const spec = byKey.get(headerKey(name))
    if (!spec) {
      if (name !== '') ignored.push(name)
      return
    }
    const already = columns[spec.field]
    if (already) {
      duplicate ??= { name, first: already.index + 1, second: index + 1 }
      return
    }
    columns[spec.field] = { index, name }
  })
  const missing = specs.filter((spec) => spec.required && !columns[spec.field]).map((spec) => spec.name)
  return { columns, missing, duplicate, ignored }
}
