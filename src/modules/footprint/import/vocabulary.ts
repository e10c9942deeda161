/**
 * The words files use for an item's status, purchase condition, disposal route and country, in
 * French or English, any case, with or without accents; and the labels our exports write.
 */
import { foldForSearch } from '../../../lib/text.js'
import type { DisposalRoute, ItemCondition, ItemStatus } from '../inventory-item.js'

export type Language = 'fr' | 'en'

export const statusLabels: Record<ItemStatus, Record<Language, string>> = {
  in_use: { fr: 'en service', en: 'in use' },
  in_stock: { fr: 'en stock', en: 'in stock' },
  retired: { fr: 'réformé', en: 'retired' },
}

export const conditionLabels: Record<ItemCondition, Record<Language, string>> = {
  new: { fr: 'neuf', en: 'new' },
  refurbished: { fr: 'reconditionné', en: 'refurbished' },
}

export const disposalLabels: Record<DisposalRoute, Record<Language, string>> = {
  reuse_transfer: { fr: 'cession à un organisme public', en: 'transfer to a public body' },
  reuse_sale: { fr: 'vente', en: 'sale' },
  reuse_donation: { fr: 'don', en: 'donation' },
  reuse_takeback: { fr: 'reprise agréée pour réemploi', en: 'approved take-back for reuse' },
  recycling: { fr: 'recyclage', en: 'recycling' },
  unknown: { fr: 'inconnue', en: 'unknown' },
}

/** Words read as each status, besides the labels and the ids. */
const statusWords: Record<ItemStatus, string[]> = {
  in_use: [
    'en service',
    'service',
    'en utilisation',
    'utilise',
    'utilisee',
    'en cours d utilisation',
    'actif',
    'active',
    'affecte',
    'affectee',
    'deploye',
    'deployee',
    'en production',
    'production',
    'in use',
    'in service',
    'used',
    'active',
    'deployed',
    'operational',
  ],
  in_stock: [
    'en stock',
    'stock',
    'stocke',
    'stockee',
    'en reserve',
    'reserve',
    'disponible',
    'non affecte',
    'non affectee',
    'in stock',
    'spare',
    'stored',
    'available',
  ],
  retired: [
    'reforme',
    'reformee',
    'retire',
    'retiree',
    'hors service',
    'hs',
    'declasse',
    'declassee',
    'sorti',
    'sortie',
    'sorti de l inventaire',
    'au rebut',
    'mis au rebut',
    'rebut',
    'retired',
    'decommissioned',
    'disposed',
    'out of service',
  ],
}

const conditionWords: Record<ItemCondition, string[]> = {
  new: ['neuf', 'neuve', 'new', 'achat neuf', 'brand new'],
  refurbished: [
    'reconditionne',
    'reconditionnee',
    'occasion',
    'd occasion',
    'seconde main',
    'de seconde main',
    'reemploi',
    'issu du reemploi',
    'refurbished',
    'reconditioned',
    'second hand',
    'used',
    'remanufactured',
  ],
}

const disposalWords: Record<DisposalRoute, string[]> = {
  reuse_transfer: [
    'cession',
    'cession a un organisme public',
    'cession gratuite',
    'cede',
    'cession a une association',
    'transfer',
    'transfer to a public body',
    'reuse transfer',
  ],
  reuse_sale: ['vente', 'vendu', 'revente', 'vente aux enchères', 'sale', 'sold', 'resale', 'reuse sale'],
  reuse_donation: ['don', 'donne', 'donation', 'donated', 'reuse donation', 'don a une association'],
  reuse_takeback: [
    'reprise',
    'reprise agreee',
    'reprise agreee pour reemploi',
    'reprise pour reemploi',
    'reprise fournisseur',
    'take back',
    'takeback',
    'approved take back for reuse',
    'reuse takeback',
  ],
  recycling: [
    'recyclage',
    'recycle',
    'recyclee',
    'deee',
    'd3e',
    'filiere deee',
    'recycling',
    'recycled',
    'weee',
  ],
  unknown: ['inconnue', 'inconnu', 'non connue', 'ne sait pas', 'nsp', 'unknown'],
}

function lookupTable<T extends string>(
  labels: Record<T, Record<Language, string>>,
  words: Record<T, string[]>,
): Map<string, T> {
  const table = new Map<string, T>()
  for (const key of Object.keys(labels) as T[]) {
    table.set(foldForSearch(key), key)
    table.set(foldForSearch(labels[key].fr), key)
    table.set(foldForSearch(labels[key].en), key)
    for (const word of words[key]) table.set(foldForSearch(word), key)
  }
  return table
}

const statusTable = lookupTable(statusLabels, statusWords)
const conditionTable = lookupTable(conditionLabels, conditionWords)
const disposalTable = lookupTable(disposalLabels, disposalWords)

/** The disposal route named by a longer phrase ("don à l'école Jules Ferry"), from a key word. */
const disposalKeyWords: [RegExp, DisposalRoute][] = [
  [/\b(?:cession|cede|cedee)\b/, 'reuse_transfer'],
  [/\b(?:vente|vendu|vendue|revente|sale|sold)\b/, 'reuse_sale'],
  [/\b(?:don|donne|donnee a|donation|donated)\b/, 'reuse_donation'],
  [/\b(?:reprise|take ?back)\b/, 'reuse_takeback'],
  [/\b(?:recycl\w*|deee|d3e|weee)\b/, 'recycling'],
]

export function readStatus(text: string): ItemStatus | undefined {
  return statusTable.get(foldForSearch(text))
}

export function readCondition(text: string): ItemCondition | undefined {
  return conditionTable.get(foldForSearch(text))
}

export function readDisposal(text: string): DisposalRoute | undefined {
  const folded = foldForSearch(text)
  const exact = disposalTable.get(folded)
  if (exact) return exact
  const found = disposalKeyWords.filter(([pattern]) => pattern.test(folded))
  return found.length === 1 ? found[0]?.[1] : undefined
}

// -------------------------------------------------------------------------------------------------
// Countries: the ones a French local authority's devices are used or hosted in. Any other country
// can be given by its ISO 3166-1 alpha-2 code if it is listed here; the list is easy to extend.

interface Country {
  code: string
  alpha3: string
  fr: string
  en: string
  other?: string[]
}

export const countries: readonly Country[] = [
  { code: 'FR', alpha3: 'FRA', fr: 'France', en: 'France', other: ['France métropolitaine', 'Métropole'] },
  { code: 'GP', alpha3: 'GLP', fr: 'Guadeloupe', en: 'Guadeloupe' },
  { code: 'MQ', alpha3: 'MTQ', fr: 'Martinique', en: 'Martinique' },
  { code: 'GF', alpha3: 'GUF', fr: 'Guyane', en: 'French Guiana', other: ['Guyane française'] },
  { code: 'RE', alpha3: 'REU', fr: 'La Réunion', en: 'Réunion', other: ['Reunion', 'Île de la Réunion'] },
  { code: 'YT', alpha3: 'MYT', fr: 'Mayotte', en: 'Mayotte' },
  { code: 'PM', alpha3: 'SPM', fr: 'Saint-Pierre-et-Miquelon', en: 'Saint Pierre and Miquelon' },
  { code: 'NC', alpha3: 'NCL', fr: 'Nouvelle-Calédonie', en: 'New Caledonia' },
  { code: 'PF', alpha3: 'PYF', fr: 'Polynésie française', en: 'French Polynesia' },
  { code: 'WF', alpha3: 'WLF', fr: 'Wallis-et-Futuna', en: 'Wallis and Futuna' },
  { code: 'BL', alpha3: 'BLM', fr: 'Saint-Barthélemy', en: 'Saint Barthélemy' },
  { code: 'MF', alpha3: 'MAF', fr: 'Saint-Martin', en: 'Saint Martin' },
  { code: 'MC', alpha3: 'MCO', fr: 'Monaco', en: 'Monaco' },
  { code: 'AD', alpha3: 'AND', fr: 'Andorre', en: 'Andorra' },
  { code: 'DE', alpha3: 'DEU', fr: 'Allemagne', en: 'Germany' },
  { code: 'AT', alpha3: 'AUT', fr: 'Autriche', en: 'Austria' },
  { code: 'BE', alpha3: 'BEL', fr: 'Belgique', en: 'Belgium' },
  { code: 'BG', alpha3: 'BGR', fr: 'Bulgarie', en: 'Bulgaria' },
  { code: 'CY', alpha3: 'CYP', fr: 'Chypre', en: 'Cyprus' },
  { code: 'HR', alpha3: 'HRV', fr: 'Croatie', en: 'Croatia' },
  { code: 'DK', alpha3: 'DNK', fr: 'Danemark', en: 'Denmark' },
  { code: 'ES', alpha3: 'ESP', fr: 'Espagne', en: 'Spain' },
  { code: 'EE', alpha3: 'EST', fr: 'Estonie', en: 'Estonia' },
  { code: 'FI', alpha3: 'FIN', fr: 'Finlande', en: 'Finland' },
  { code: 'GR', alpha3: 'GRC', fr: 'Grèce', en: 'Greece' },
  { code: 'HU', alpha3: 'HUN', fr: 'Hongrie', en: 'Hungary' },
  { code: 'IE', alpha3: 'IRL', fr: 'Irlande', en: 'Ireland' },
  { code: 'IT', alpha3: 'ITA', fr: 'Italie', en: 'Italy' },
  { code: 'LV', alpha3: 'LVA', fr: 'Lettonie', en: 'Latvia' },
  { code: 'LT', alpha3: 'LTU', fr: 'Lituanie', en: 'Lithuania' },
  { code: 'LU', alpha3: 'LUX', fr: 'Luxembourg', en: 'Luxembourg' },
  { code: 'MT', alpha3: 'MLT', fr: 'Malte', en: 'Malta' },
  { code: 'NL', alpha3: 'NLD', fr: 'Pays-Bas', en: 'Netherlands', other: ['Hollande', 'The Netherlands'] },
  { code: 'PL', alpha3: 'POL', fr: 'Pologne', en: 'Poland' },
  { code: 'PT', alpha3: 'PRT', fr: 'Portugal', en: 'Portugal' },
  {
    code: 'CZ',
    alpha3: 'CZE',
    fr: 'Tchéquie',
    en: 'Czechia',
    other: ['République tchèque', 'Czech Republic'],
  },
  { code: 'RO', alpha3: 'ROU', fr: 'Roumanie', en: 'Romania' },
  { code: 'SK', alpha3: 'SVK', fr: 'Slovaquie', en: 'Slovakia' },
  { code: 'SI', alpha3: 'SVN', fr: 'Slovénie', en: 'Slovenia' },
  { code: 'SE', alpha3: 'SWE', fr: 'Suède', en: 'Sweden' },
  { code: 'CH', alpha3: 'CHE', fr: 'Suisse', en: 'Switzerland' },
  { code: 'NO', alpha3: 'NOR', fr: 'Norvège', en: 'Norway' },
  { code: 'IS', alpha3: 'ISL', fr: 'Islande', en: 'Iceland' },
  {
    code: 'GB',
    alpha3: 'GBR',
    fr: 'Royaume-Uni',
    en: 'United Kingdom',
    other: ['UK', 'Angleterre', 'Grande-Bretagne', 'Great Britain', 'England'],
  },
  {
    code: 'US',
    alpha3: 'USA',
    fr: 'États-Unis',
    en: 'United States',
    other: ['Etats-Unis d Amérique', 'United States of America', 'USA'],
  },
  { code: 'CA', alpha3: 'CAN', fr: 'Canada', en: 'Canada' },
  { code: 'CN', alpha3: 'CHN', fr: 'Chine', en: 'China' },
  { code: 'JP', alpha3: 'JPN', fr: 'Japon', en: 'Japan' },
  { code: 'KR', alpha3: 'KOR', fr: 'Corée du Sud', en: 'South Korea' },
  { code: 'TW', alpha3: 'TWN', fr: 'Taïwan', en: 'Taiwan' },
  { code: 'IN', alpha3: 'IND', fr: 'Inde', en: 'India' },
  { code: 'SG', alpha3: 'SGP', fr: 'Singapour', en: 'Singapore' },
  { code: 'MA', alpha3: 'MAR', fr: 'Maroc', en: 'Morocco' },
  { code: 'TN', alpha3: 'TUN', fr: 'Tunisie', en: 'Tunisia' },
  { code: 'DZ', alpha3: 'DZA', fr: 'Algérie', en: 'Algeria' },
]

const countryTable = new Map<string, string>()
for (const country of countries) {
  for (const name of [country.code, country.alpha3, country.fr, country.en, ...(country.other ?? [])])
    countryTable.set(foldForSearch(name), country.code)
}

/** A country name (French or English), or its ISO 3166-1 alpha-2 or alpha-3 code → alpha-2 code. */
export function readCountry(text: string): string | undefined {
  return countryTable.get(foldForSearch(text))
}

/** The country's French name ("France"), as NumEcoEval files write it; the code when unknown. */
export function countryName(code: string, language: Language = 'fr'): string {
  const country = countries.find((candidate) => candidate.code === code)
  return country ? country[language] : code
}
