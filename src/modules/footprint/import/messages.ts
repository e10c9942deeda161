/**
 * Every message of the imports, in French (the default) and English. A message says what is wrong,
 * with the value as read, and what to do.
 */
import { frenchDateText, type ValueProblem } from './values.js'
import type { Language } from './vocabulary.js'

export type ImportFormat = 'template' | 'numecoeval-equipment' | 'numecoeval-datacenter' | 'pcr-si'
export type Separator = ';' | ',' | '\t'

/** The fields whose values are read with values.ts, for the messages. */
export type ValueField =
  | 'quantity'
  | 'annualKwh'
  | 'lifetimeYears'
  | 'pue'
  | 'purchaseDate'
  | 'retirementDate'

export type SpreadsheetKind = 'xlsx' | 'ods' | 'xls' | 'zip'

export interface ExpectedColumns {
  format: ImportFormat
  columns: readonly string[]
}

export interface ImportMessages {
  formatName(format: ImportFormat): string
  empty(): string
  headerOnly(): string
  singleColumn(header: string, likelySeparator: string | null): string
  spreadsheet(kind: SpreadsheetKind): string
  pdf(): string
  binary(): string
  headerMissing(firstCell: string, templateHeader: string): string
  unknownFormat(columns: readonly string[], expected: readonly ExpectedColumns[]): string
  missingColumns(format: ImportFormat, missing: readonly string[]): string
  duplicateColumn(name: string, first: number, second: number): string
  wrongFormat(found: ImportFormat, expected: readonly ImportFormat[]): string
  invalidJson(detail: string, line: number | null): string
  jsonShape(): string
  tooLarge(limitBytes: number): string

  value(field: ValueField, problem: ValueProblem): string
  emptyType(): string
  unknownType(raw: string, suggestion: { pattern: string } | null, known: string): string
  unknownStatus(raw: string): string
  unknownCondition(raw: string): string
  unknownDisposal(raw: string): string
  unknownCountry(raw: string): string
  negative(field: ValueField, raw: string): string
  emptyValue(field: ValueField): string
  lifetimeRange(raw: string): string
  pueBelowOne(raw: string): string
  retirementBeforePurchase(retirement: string, purchase: string): string
  purchaseInFuture(purchase: string, today: string): string
  emptyDatacenterName(): string
  duplicateDatacenter(name: string, firstLine: number): string
  unknownDatacenter(name: string, known: readonly string[]): string
  tooManyFields(count: number, expected: number, separator: Separator): string
  unclosedQuote(): string
  recordTooLong(limitBytes: number): string
  notAnObject(): string
  unexpectedValue(key: string): string
}

const quote = (text: string) => `« ${text} »`
const list = (items: readonly string[], max = 8) =>
  items.length > max ? `${items.slice(0, max).join(', ')}…` : items.join(', ')
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))}`

const frenchSeparator: Record<Separator, string> = { ';': '« ; »', ',': '« , »', '\t': 'la tabulation' }

const frenchFieldNoun: Record<ValueField, string> = {
  quantity: 'La quantité',
  annualKwh: 'La consommation annuelle (kWh)',
  lifetimeYears: 'La durée de vie (années)',
  pue: 'Le PUE',
  purchaseDate: 'La date d’achat',
  retirementDate: 'La date de retrait',
}

const french: ImportMessages = {
  formatName: (format) =>
    ({
      template: 'modèle Jalons',
      'numecoeval-equipment': 'NumEcoEval (équipements physiques)',
      'numecoeval-datacenter': 'NumEcoEval (centres de données)',
      'pcr-si': 'PCR-SI (JSON)',
    })[format],
  empty: () => 'Le fichier est vide.',
  headerOnly: () => 'Le fichier ne contient que la ligne d’en-tête : aucune ligne de données à importer.',
  singleColumn: (header, likely) =>
    `La ligne d’en-tête n’a qu’une colonne (${quote(header.length > 60 ? `${header.slice(0, 60)}…` : header)}) : ` +
    (likely
      ? `le fichier semble séparé par ${quote(likely)}, que l’import ne reconnaît pas. `
      : 'le séparateur n’est pas reconnu. ') +
    'Enregistrez le fichier en CSV avec le point-virgule (;), la virgule (,) ou la tabulation comme séparateur.',
  spreadsheet: (kind) =>
    `${
      {
        xlsx: 'Ce fichier est un classeur Excel (XLSX)',
        ods: 'Ce fichier est un classeur OpenDocument (ODS)',
        xls: 'Ce fichier est un classeur Excel ancien format (XLS)',
        zip: 'Ce fichier est une archive ZIP (peut-être un classeur XLSX ou ODS)',
      }[kind]
    }, pas un fichier CSV : ouvrez-le dans votre tableur et choisissez « Enregistrer sous » → « CSV (séparateur : point-virgule) ».`,
  pdf: () => 'Ce fichier est un PDF : l’import attend un fichier CSV ou JSON.',
  binary: () =>
    'Ce fichier n’est pas un fichier texte (il contient des octets binaires) : l’import attend un fichier CSV ou JSON.',
  headerMissing: (firstCell, templateHeader) =>
    `La première ligne ressemble à des données (${quote(firstCell)}) et non à une ligne d’en-tête : ` +
    `ajoutez en première ligne les noms des colonnes, par exemple ${templateHeader}`,
  unknownFormat: (columns, expected) =>
    `Format de fichier non reconnu : l’en-tête (${list(columns)}) ne correspond à aucun format accepté. Colonnes attendues — ${expected
      .map((entry) => `${french.formatName(entry.format)} : ${entry.columns.join(';')}`)
      .join(' ; ')}.`,
  missingColumns: (format, missing) =>
    `${missing.length > 1 ? 'Colonnes obligatoires absentes' : 'Colonne obligatoire absente'} pour le format ${french.formatName(format)} : ${missing.map(quote).join(', ')}.`,
  duplicateColumn: (name, first, second) =>
    `La colonne ${quote(name)} apparaît deux fois dans l’en-tête (colonnes ${first} et ${second}) : gardez-en une seule.`,
  wrongFormat: (found, expected) =>
    `Ce fichier est au format ${french.formatName(found)}, alors que ce format-ci est attendu : ${expected.map(french.formatName).join(' ou ')}.`,
  invalidJson: (detail, line) =>
    `Le fichier JSON est mal formé${line === null ? '' : ` (ligne ${line})`} : ${detail}.`,
  jsonShape: () =>
    'Le fichier JSON ne contient pas de liste d’équipements : attendu un tableau, ou un objet avec une clé « items ».',
  tooLarge: (limit) =>
    `Le fichier dépasse la taille maximale de ${megabytes(limit)} Mo pour ce format : utilisez le modèle CSV pour les gros inventaires.`,

  value: (field, problem) => {
    const noun = frenchFieldNoun[field]
    switch (problem.code) {
      case 'not_a_number':
        return `${noun} ${quote(problem.raw)} n’est pas un nombre : écrivez par exemple 12 ou 1 234,5.`
      case 'negative':
        return `${noun} ${quote(problem.raw)} est négative : indiquez un nombre entier d’au moins 1.`
      case 'zero':
        return `${noun} est nulle (${quote(problem.raw)}) : indiquez un nombre entier d’au moins 1, ou retirez la ligne.`
      case 'fractional':
        return `${noun} ${quote(problem.raw)} n’est pas un nombre entier : indiquez un nombre entier d’équipements.`
      case 'bad_date':
        return `${noun} ${quote(problem.raw)} n’est pas une date reconnue : écrivez jj/mm/aaaa (15/03/2024) ou aaaa-mm-jj (2024-03-15).`
      case 'impossible_date':
        return problem.looksAmerican
          ? `${noun} ${quote(problem.raw)} n’existe pas : le mois vient-il avant le jour (format américain) ? Écrivez jj/mm/aaaa.`
          : `${noun} ${quote(problem.raw)} n’existe pas dans le calendrier.`
      case 'year_out_of_range':
        return `${noun} ${quote(problem.raw)} a une année invraisemblable (attendue entre 1900 et 2100).`
      case 'not_a_boolean':
        return `${noun} ${quote(problem.raw)} n’est ni oui ni non.`
    }
  },
  emptyType: () =>
    'Le type d’équipement est vide : indiquez par exemple « Ordinateur portable » ou « Écran ».',
  unknownType: (raw, suggestion, known) =>
    suggestion
      ? `Type d’équipement ${quote(raw)} inconnu : vouliez-vous dire ${quote(suggestion.pattern)} ?`
      : `Type d’équipement ${quote(raw)} inconnu. Types reconnus : ${known} (ou « Autre »).`,
  unknownStatus: (raw) =>
    `Statut ${quote(raw)} inconnu : valeurs acceptées « en service », « en stock », « réformé ».`,
  unknownCondition: (raw) =>
    `État à l’achat ${quote(raw)} inconnu : valeurs acceptées « neuf », « reconditionné ».`,
  unknownDisposal: (raw) =>
    `Filière de fin de vie ${quote(raw)} inconnue : valeurs acceptées « cession à un organisme public », « vente », « don », « reprise agréée pour réemploi », « recyclage », « inconnue ».`,
  unknownCountry: (raw) =>
    `Pays ${quote(raw)} inconnu : indiquez le nom du pays (France) ou son code ISO à deux lettres (FR).`,
  negative: (field, raw) => `${frenchFieldNoun[field]} ${quote(raw)} ne peut pas être négative.`,
  emptyValue: (field) => `${frenchFieldNoun[field]} n’est pas renseigné${field === 'pue' ? '' : 'e'}.`,
  lifetimeRange: (raw) =>
    `La durée de vie ${quote(raw)} est invraisemblable : indiquez un nombre d’années supérieur à 0 et d’au plus 50.`,
  pueBelowOne: (raw) =>
    `Le PUE ${quote(raw)} est impossible : il est toujours supérieur ou égal à 1 (énergie totale du centre ÷ énergie des équipements).`,
  retirementBeforePurchase: (retirement, purchase) =>
    `La date de retrait (${frenchDateText(retirement)}) est antérieure à la date d’achat (${frenchDateText(purchase)}).`,
  purchaseInFuture: (purchase, today) =>
    `La date d’achat (${frenchDateText(purchase)}) est dans le futur (nous sommes le ${frenchDateText(today)}).`,
  emptyDatacenterName: () => 'Le nom court du centre de données est vide.',
  duplicateDatacenter: (name, firstLine) =>
    `Le centre de données ${quote(name)} est déjà décrit ligne ${firstLine}.`,
  unknownDatacenter: (name, known) =>
    `Centre de données ${quote(name)} absent du fichier des centres de données${known.length > 0 ? ` (centres connus : ${list(known)})` : ''}.`,
  tooManyFields: (count, expected, separator) =>
    `La ligne a ${count} colonnes alors que l’en-tête en a ${expected} : une valeur contient sans doute le séparateur ${frenchSeparator[separator]}${
      separator === ',' ? ' (un nombre à virgule comme 1,5 ?)' : ''
    } ; mettez cette valeur entre guillemets.`,
  unclosedQuote: () =>
    'Un guillemet ouvert sur cette ligne n’est jamais fermé : la lecture du fichier s’arrête ici. Fermez le guillemet ou retirez-le.',
  recordTooLong: (limit) =>
    `Cette ligne dépasse ${megabytes(limit)} Mo : un guillemet n’est probablement pas fermé. La lecture du fichier s’arrête ici.`,
  notAnObject: () => 'L’élément n’est pas un objet JSON ({ … }).',
  unexpectedValue: (key) => `La valeur de ${quote(key)} n’est pas du type attendu (texte ou nombre).`,
}

const englishSeparator: Record<Separator, string> = { ';': '";"', ',': '","', '\t': 'tab' }

const englishFieldNoun: Record<ValueField, string> = {
  quantity: 'The quantity',
  annualKwh: 'The yearly consumption (kWh)',
  lifetimeYears: 'The lifetime (years)',
  pue: 'The PUE',
  purchaseDate: 'The purchase date',
  retirementDate: 'The retirement date',
}

const english: ImportMessages = {
  formatName: (format) =>
    ({
      template: 'Jalons template',
      'numecoeval-equipment': 'NumEcoEval (physical equipment)',
      'numecoeval-datacenter': 'NumEcoEval (datacenters)',
      'pcr-si': 'PCR-SI (JSON)',
    })[format],
  empty: () => 'The file is empty.',
  headerOnly: () => 'The file holds only the header line: there are no data rows to import.',
  singleColumn: (header, likely) =>
    `The header line has a single column ("${header.length > 60 ? `${header.slice(0, 60)}…` : header}"): ` +
    (likely
      ? `the file seems separated by "${likely}", which the import does not read. `
      : 'the separator is not recognised. ') +
    'Save the file as CSV with a semicolon (;), a comma (,) or a tab as separator.',
  spreadsheet: (kind) =>
    `${
      {
        xlsx: 'This file is an Excel workbook (XLSX)',
        ods: 'This file is an OpenDocument spreadsheet (ODS)',
        xls: 'This file is an old-format Excel workbook (XLS)',
        zip: 'This file is a ZIP archive (perhaps an XLSX or ODS workbook)',
      }[kind]
    }, not a CSV file: open it in your spreadsheet and use "Save as" → "CSV".`,
  pdf: () => 'This file is a PDF: the import expects a CSV or JSON file.',
  binary: () =>
    'This file is not a text file (it holds binary bytes): the import expects a CSV or JSON file.',
  headerMissing: (firstCell, templateHeader) =>
    `The first line looks like data ("${firstCell}"), not like a header: add the column names as first line, for example ${templateHeader}`,
  unknownFormat: (columns, expected) =>
    `Unknown file format: the header (${list(columns)}) matches no accepted format. Expected columns — ${expected
      .map((entry) => `${english.formatName(entry.format)}: ${entry.columns.join(';')}`)
      .join('; ')}.`,
  missingColumns: (format, missing) =>
    `Missing required column${missing.length > 1 ? 's' : ''} for the ${english.formatName(format)} format: ${missing.map((name) => `"${name}"`).join(', ')}.`,
  duplicateColumn: (name, first, second) =>
    `The column "${name}" appears twice in the header (columns ${first} and ${second}): keep only one.`,
  wrongFormat: (found, expected) =>
    `This file is in the ${english.formatName(found)} format, while ${expected.map(english.formatName).join(' or ')} is expected here.`,
  invalidJson: (detail, line) =>
    `The JSON file is malformed${line === null ? '' : ` (line ${line})`}: ${detail}.`,
  jsonShape: () =>
    'The JSON file holds no list of items: expected an array, or an object with an "items" key.',
  tooLarge: (limit) =>
    `The file is larger than ${megabytes(limit)} MB, the limit for this format: use the CSV template for large inventories.`,

  value: (field, problem) => {
    const noun = englishFieldNoun[field]
    switch (problem.code) {
      case 'not_a_number':
        return `${noun} "${problem.raw}" is not a number: write for example 12 or 1234.5.`
      case 'negative':
        return `${noun} "${problem.raw}" is negative: give a whole number of at least 1.`
      case 'zero':
        return `${noun} is zero ("${problem.raw}"): give a whole number of at least 1, or remove the row.`
      case 'fractional':
        return `${noun} "${problem.raw}" is not a whole number: give a whole number of devices.`
      case 'bad_date':
        return `${noun} "${problem.raw}" is not a recognised date: write dd/mm/yyyy (15/03/2024) or yyyy-mm-dd (2024-03-15).`
      case 'impossible_date':
        return problem.looksAmerican
          ? `${noun} "${problem.raw}" does not exist: is the month before the day (American format)? Write dd/mm/yyyy.`
          : `${noun} "${problem.raw}" does not exist in the calendar.`
      case 'year_out_of_range':
        return `${noun} "${problem.raw}" has an unlikely year (expected between 1900 and 2100).`
      case 'not_a_boolean':
        return `${noun} "${problem.raw}" is neither yes nor no.`
    }
  },
  emptyType: () => 'The device type is empty: write for example "Laptop" or "Monitor".',
  unknownType: (raw, suggestion, known) =>
    suggestion
      ? `Unknown device type "${raw}": did you mean "${suggestion.pattern}"?`
      : `Unknown device type "${raw}". Known types: ${known} (or "Other").`,
  unknownStatus: (raw) => `Unknown status "${raw}": accepted values are "in use", "in stock", "retired".`,
  unknownCondition: (raw) => `Unknown purchase condition "${raw}": accepted values are "new", "refurbished".`,
  unknownDisposal: (raw) =>
    `Unknown disposal route "${raw}": accepted values are "transfer to a public body", "sale", "donation", "approved take-back for reuse", "recycling", "unknown".`,
  unknownCountry: (raw) =>
    `Unknown country "${raw}": give the country's name (France) or its two-letter ISO code (FR).`,
  negative: (field, raw) => `${englishFieldNoun[field]} "${raw}" cannot be negative.`,
  emptyValue: (field) => `${englishFieldNoun[field]} is missing.`,
  lifetimeRange: (raw) => `The lifetime "${raw}" is unlikely: give a number of years above 0 and at most 50.`,
  pueBelowOne: (raw) =>
    `The PUE "${raw}" is impossible: it is always 1 or more (total energy of the site ÷ energy of the IT equipment).`,
  retirementBeforePurchase: (retirement, purchase) =>
    `The retirement date (${retirement}) is before the purchase date (${purchase}).`,
  purchaseInFuture: (purchase, today) =>
    `The purchase date (${purchase}) is in the future (today is ${today}).`,
  emptyDatacenterName: () => "The datacenter's short name is empty.",
  duplicateDatacenter: (name, firstLine) =>
    `The datacenter "${name}" is already described on line ${firstLine}.`,
  unknownDatacenter: (name, known) =>
    `Datacenter "${name}" is not in the datacenter file${known.length > 0 ? ` (known: ${list(known)})` : ''}.`,
  tooManyFields: (count, expected, separator) =>
    `The row has ${count} columns while the header has ${expected}: a value probably holds the separator ${englishSeparator[separator]}${
      separator === ',' ? ' (a decimal comma as in 1,5?)' : ''
    }; put that value in double quotes.`,
  unclosedQuote: () =>
    'A double quote opened on this line is never closed: reading stops here. Close the quote or remove it.',
  recordTooLong: (limit) =>
    `This row is longer than ${megabytes(limit)} MB: a double quote is probably not closed. Reading stops here.`,
  notAnObject: () => 'The element is not a JSON object ({ … }).',
  unexpectedValue: (key) => `The value of "${key}" is not of the expected kind (text or number).`,
}

export function importMessages(language: Language = 'fr'): ImportMessages {
  return language === 'en' ? english : french
}
