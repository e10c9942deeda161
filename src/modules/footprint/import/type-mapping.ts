/**
 * From the free text people write for a device's type or model ("PC portable", "Écran 24 pouces",
 * "Dell Latitude 5440") to our DeviceType, through a table of patterns that is data: the default
 * table below, which a workspace will later be able to extend.
 *
 * Matching, on folded text (no case, no accents, punctuation as spaces): a pattern matches when its
 * words appear, whole and in order, in the text ("ecran" matches "Écran 24 pouces" but not
 * "écrans"), or when both are equal once spaces are removed ("Vidéo-projecteur" = "vidéoprojecteur").
 * Among the patterns that match, the one starting earliest wins, then the longest: "Écran PC" is a
 * monitor, "PC portable" a laptop, "Téléphone portable" a smartphone, "Serveur de stockage" storage.
 * A text that only partly matches ("Ordinateur portabel" holds "Ordinateur") but is within two
 * edits of a longer pattern of another type is unknown, with that pattern as suggestion.
 */
import { foldForSearch } from '../../../lib/text.js'
import { type DeviceType, deviceTypes } from '../inventory-item.js'
import type { Language } from './vocabulary.js'

export interface TypeMappingEntry {
  /** Text as people write it; compared folded. */
  pattern: string
  type: DeviceType
}
export type TypeMappingTable = readonly TypeMappingEntry[]

const entries = (type: DeviceType, patterns: string[]): TypeMappingEntry[] =>
  patterns.map((pattern) => ({ pattern, type }))

/** The label each type is written with in our exports (it maps back to its type). */
export const deviceTypeLabels: Record<DeviceType, Record<Language, string>> = {
  laptop: { fr: 'Ordinateur portable', en: 'Laptop' },
  desktop: { fr: 'Poste fixe', en: 'Desktop' },
  monitor: { fr: 'Écran', en: 'Monitor' },
  smartphone: { fr: 'Smartphone', en: 'Smartphone' },
  tablet: { fr: 'Tablette', en: 'Tablet' },
  printer: { fr: 'Imprimante', en: 'Printer' },
  video_projector: { fr: 'Vidéoprojecteur', en: 'Video projector' },
  display: { fr: "Écran d'affichage", en: 'Display screen' },
  network_switch: { fr: 'Switch', en: 'Network switch' },
  router: { fr: 'Routeur', en: 'Router' },
  firewall: { fr: 'Pare-feu', en: 'Firewall' },
  server: { fr: 'Serveur', en: 'Server' },
  storage: { fr: 'Baie de stockage', en: 'Storage array' },
  other: { fr: 'Autre', en: 'Other' },
}

export const defaultTypeMapping: TypeMappingTable = [
  ...entries('laptop', [
    'Ordinateur portable',
    'Ordinateur portatif',
    'PC portable',
    'Portable',
    'Laptop',
    'Notebook',
    'Ultraportable',
    'Ultrabook',
    'Netbook',
    'Chromebook',
    'MacBook',
    'Latitude',
    'ThinkPad',
    'EliteBook',
    'ProBook',
    'ZBook',
    'TravelMate',
    'IdeaPad',
    'Surface Laptop',
  ]),
  ...entries('desktop', [
    'Poste fixe',
    'PC fixe',
    'Ordinateur fixe',
    'Ordinateur de bureau',
    'Poste de travail',
    'Unité centrale',
    'UC',
    'PC',
    'Ordinateur',
    'Tour',
    'Desktop',
    'Desktop PC',
    'Station de travail',
    'Workstation',
    'Mini PC',
    'Client léger',
    'Thin client',
    'Tout-en-un',
    'All-in-one',
    'iMac',
    'OptiPlex',
    'ThinkCentre',
    'EliteDesk',
    'ProDesk',
  ]),
  ...entries('monitor', ['Écran', 'Écran PC', "Écran d'ordinateur", 'Moniteur', 'Monitor', 'Screen']),
  ...entries('smartphone', [
    'Smartphone',
    'Téléphone mobile',
    'Téléphone portable',
    'Téléphone intelligent',
    'Mobile',
    'Mobile phone',
    'Cell phone',
    'GSM',
    'iPhone',
  ]),
  ...entries('tablet', ['Tablette', 'Tablette tactile', 'Tablet', 'iPad', 'Galaxy Tab']),
  ...entries('printer', [
    'Imprimante',
    'Imprimante multifonction',
    'Multifonction',
    'Printer',
    'MFP',
    'Copieur',
    'Photocopieur',
    'Photocopieuse',
    'Copier',
    'Traceur',
    'Plotter',
    'LaserJet',
    'OfficeJet',
  ]),
  ...entries('video_projector', [
    'Vidéoprojecteur',
    'Vidéo projecteur',
    'Projecteur',
    'Projector',
    'Video projector',
    'Beamer',
  ]),
  ...entries('display', [
    "Écran d'affichage",
    'Affichage dynamique',
    'Écran interactif',
    'Écran numérique interactif',
    'ENI',
    'Tableau blanc interactif',
    'Tableau numérique interactif',
    'TBI',
    'TNI',
    'TV',
    'Écran TV',
    'Télévision',
    'Téléviseur',
    'Smart TV',
    'Display screen',
    'Digital signage',
    'Signage',
  ]),
  ...entries('network_switch', [
    'Switch',
    'Switch réseau',
    'Commutateur',
    'Commutateur réseau',
    'Network switch',
  ]),
  ...entries('router', [
    'Routeur',
    'Router',
    'Box internet',
    'Modem',
    "Point d'accès",
    "Point d'accès Wi-Fi",
    'Borne wifi',
    'Access point',
  ]),
  ...entries('firewall', ['Pare-feu', 'Firewall', 'FortiGate', 'UTM']),
  ...entries('server', [
    'Serveur',
    'Serveur physique',
    'Serveur rack',
    'Serveur lame',
    'Lame',
    'Blade',
    'Server',
    'PowerEdge',
    'ProLiant',
  ]),
  ...entries('storage', [
    'Baie de stockage',
    'Baie SAN',
    'Stockage',
    'Serveur de stockage',
    'NAS',
    'SAN',
    'Storage',
    'Storage array',
    'Librairie de sauvegarde',
    'Tape library',
  ]),
  ...entries('other', [
    'Autre',
    'Other',
    'Divers',
    'Onduleur',
    'UPS',
    'Scanner',
    'Numériseur',
    'Baie de brassage',
    'Téléphone fixe',
    'Téléphone IP',
    "Station d'accueil",
    'Docking station',
  ]),
]

export interface TypeMatch {
  type: DeviceType
  /** The pattern (as written in the table) or type name that matched. */
  pattern: string
}

export interface TypeSuggestion {
  type: DeviceType
  /** The closest pattern, to show ("Ordinateur portable"). */
  pattern: string
}

export type TypeMappingResult =
  | { ok: true; match: TypeMatch }
  | { ok: false; suggestion: TypeSuggestion | null }

interface CompiledEntry {
  entry: TypeMatch
  folded: string
  padded: string
  compact: string
}

/** A table ready for matching many rows: its results are remembered per distinct text. */
export interface TypeMapper {
  map(text: string): TypeMappingResult
}

const cacheLimit = 20_000

export function createTypeMapper(table: TypeMappingTable = defaultTypeMapping): TypeMapper {
  const compiled: CompiledEntry[] = []
  const add = (pattern: string, type: DeviceType) => {
    const folded = foldForSearch(pattern)
    if (folded === '') return
    compiled.push({
      entry: { type, pattern },
      folded,
      padded: ` ${folded} `,
      compact: folded.replaceAll(' ', ''),
    })
  }
  for (const { pattern, type } of table) add(pattern, type)
  // The type names themselves ("laptop", "video_projector") always work, after the table.
  for (const type of deviceTypes) add(type, type)
  const cache = new Map<string, TypeMappingResult>()

  const compute = (text: string): TypeMappingResult => {
    const folded = foldForSearch(text)
    if (folded === '') return { ok: false, suggestion: null }
    const padded = ` ${folded} `
    const compact = folded.replaceAll(' ', '')
    let best: CompiledEntry | undefined
    let bestPosition = Number.POSITIVE_INFINITY
    for (const candidate of compiled) {
      let position = padded.indexOf(candidate.padded)
      if (position < 0 && candidate.compact === compact) position = 0
      if (position < 0) continue
      if (
        position < bestPosition ||
        (position === bestPosition && best !== undefined && candidate.folded.length > best.folded.length)
      ) {
        best = candidate
        bestPosition = position
      }
    }
    if (!best) return { ok: false, suggestion: closest(folded, compiled) }
    // "Ordinateur portabel" holds "Ordinateur" (a desktop), but is one slip away from a longer
    // pattern of another type: that slip is the likelier reading, so ask rather than guess.
    if (best.folded !== folded) {
      const slip = closest(folded, compiled, 2)
      if (slip && slip.type !== best.entry.type && foldForSearch(slip.pattern).length > best.folded.length)
        return { ok: false, suggestion: slip }
    }
    return { ok: true, match: best.entry }
  }

  return {
    map(text) {
      const known = cache.get(text)
      if (known) return known
      const result = compute(text)
      if (cache.size < cacheLimit) cache.set(text, result)
      return result
    },
  }
}

/** Maps one text with a table (the default one unless given). For many rows, use createTypeMapper. */
export function mapDeviceType(text: string, table: TypeMappingTable = defaultTypeMapping): TypeMappingResult {
  return createTypeMapper(table).map(text)
}

/**
 * The closest pattern by edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters), if close enough to be a typing slip: at most a third of the longer text,
 * and at least 2 edits allowed; never more than `cap`. The first words of a longer pattern count
 * too, one edit further ("Téléphone" → "Téléphone mobile").
 */
function closest(
  folded: string,
  compiled: readonly CompiledEntry[],
  cap = Number.POSITIVE_INFINITY,
): TypeSuggestion | null {
  let best: CompiledEntry | null = null
  let bestDistance = Number.POSITIVE_INFINITY
  const wordCount = folded.split(' ').length
  for (const candidate of compiled) {
    const targets: [string, number][] = [[candidate.folded, 0]]
    // "Téléphone" is the start of "Téléphone mobile": close, if less so than a whole pattern.
    const words = candidate.folded.split(' ')
    if (words.length > wordCount) targets.push([words.slice(0, wordCount).join(' '), 1])
    for (const [target, penalty] of targets) {
      const allowed = Math.min(cap, Math.max(2, Math.floor(Math.max(folded.length, target.length) / 3)))
      if (Math.abs(folded.length - target.length) > allowed) continue
      const distance = editDistance(folded, target, Math.min(allowed, bestDistance)) + penalty
      if (distance <= allowed && distance < bestDistance) {
        best = candidate
        bestDistance = distance
      }
    }
  }
  return best ? { type: best.entry.type, pattern: best.entry.pattern } : null
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring),
 * stopping early once every path exceeds `limit` (then returns limit + 1).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0
  const rows = a.length + 1
  const columns = b.length + 1
  let beforePrevious = new Array<number>(columns).fill(0)
  let previous = Array.from({ length: columns }, (_, index) => index)
  let current = new Array<number>(columns).fill(0)
  for (let i = 1; i < rows; i++) {
    current[0] = i
    let rowMinimum = i
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1)
      current[j] = value
      if (value < rowMinimum) rowMinimum = value
    }
    if (rowMinimum > limit) return limit + 1
    ;[beforePrevious, previous, current] = [previous, current, beforePrevious]
  }
  return previous[columns - 1] as number
}

/** The types and a few of their words, for the message about an unknown type. */
export function knownTypesText(language: Language): string {
  return deviceTypes
    .filter((type) => type !== 'other')
    .map((type) => deviceTypeLabels[type][language].toLowerCase())
    .join(', ')
}
