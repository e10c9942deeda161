import { describe, expect, it } from 'vitest'
import { type DeviceType, deviceTypes } from '../inventory-item.js'
import {
  createTypeMapper,
  defaultTypeMapping,
  deviceTypeLabels,
  editDistance,
  mapDeviceType,
  type TypeMappingTable,
} from './type-mapping.js'

const typeOf = (text: string, table?: TypeMappingTable): DeviceType | null => {
  const result = mapDeviceType(text, table)
  return result.ok ? result.match.type : null
}

describe('mapDeviceType with the default table', () => {
  it.each<[string, DeviceType]>([
    ['Ordinateur portable', 'laptop'],
    ['PC portable', 'laptop'],
    ['pc PORTABLE', 'laptop'],
    ['Laptop', 'laptop'],
    ['Notebook', 'laptop'],
    ['Portable', 'laptop'],
    ['Dell Latitude 5440', 'laptop'],
    ['Ecran', 'monitor'],
    ['Écran', 'monitor'],
    ['ÉCRAN 24 pouces', 'monitor'],
    ['Écran PC', 'monitor'],
    ['Moniteur', 'monitor'],
    ['Monitor', 'monitor'],
    ['Serveur', 'server'],
    ['Server', 'server'],
    ['Serveur rack 2U', 'server'],
    ['Smartphone', 'smartphone'],
    ['Téléphone mobile', 'smartphone'],
    ['Telephone portable', 'smartphone'],
    ['iPhone 13', 'smartphone'],
    ['Tablette', 'tablet'],
    ['iPad Air', 'tablet'],
    ['Imprimante', 'printer'],
    ['Imprimante laser couleur', 'printer'],
    ['Printer', 'printer'],
    ['MFP', 'printer'],
    ['Copieur multifonction', 'printer'],
    ['Vidéoprojecteur', 'video_projector'],
    ['Video-projecteur', 'video_projector'],
    ['Vidéo projecteur', 'video_projector'],
    ['Projector', 'video_projector'],
    ['TV', 'display'],
    ["Ecran d'affichage", 'display'],
    ['Écran interactif', 'display'],
    ['Écran TV 55 pouces', 'display'],
    ['Switch', 'network_switch'],
    ['Commutateur', 'network_switch'],
    ['Switch réseau 48 ports', 'network_switch'],
    ['Routeur', 'router'],
    ['Router', 'router'],
    ['Pare-feu', 'firewall'],
    ['Parefeu', 'firewall'],
    ['Firewall', 'firewall'],
    ['Baie de stockage', 'storage'],
    ['NAS', 'storage'],
    ['Storage', 'storage'],
    ['Serveur de stockage', 'storage'],
    ['Poste fixe', 'desktop'],
    ['Unité centrale', 'desktop'],
    ['Unite centrale', 'desktop'],
    ['Desktop', 'desktop'],
    ['PC', 'desktop'],
    ['Client léger', 'desktop'],
    ['Autre', 'other'],
    ['Onduleur', 'other'],
    ['Baie de brassage', 'other'],
    ['laptop', 'laptop'],
    ['video_projector', 'video_projector'],
    ['network_switch', 'network_switch'],
  ])('%j → %s', (text, type) => {
    expect(typeOf(text)).toBe(type)
  })

  it('prefers the pattern that starts first, then the longest', () => {
    expect(typeOf('Écran ordinateur portable')).toBe('monitor')
    expect(typeOf('Ordinateur portable avec écran')).toBe('laptop')
    expect(mapDeviceType('PC portable')).toEqual({
      ok: true,
      match: { type: 'laptop', pattern: 'PC portable' },
    })
  })

  it('matches whole words only', () => {
    expect(typeOf('Écrans')).toBeNull()
    expect(typeOf('Tourniquet')).toBeNull()
  })

  it('maps every label our exports write back to its type, in both languages', () => {
    for (const type of deviceTypes) {
      expect(typeOf(deviceTypeLabels[type].fr)).toBe(type)
      expect(typeOf(deviceTypeLabels[type].en)).toBe(type)
    }
  })

  it('every pattern of the default table maps to its own type', () => {
    for (const { pattern, type } of defaultTypeMapping) expect(typeOf(pattern), pattern).toBe(type)
  })
})

describe('suggestions for an unknown type', () => {
  it('suggests laptop for "Ordinateur portabel"', () => {
    expect(mapDeviceType('Ordinateur portabel')).toEqual({
      ok: false,
      suggestion: { type: 'laptop', pattern: 'Ordinateur portable' },
    })
  })

  it.each<[string, DeviceType]>([
    ['Imprimant', 'printer'],
    ['Ecrna', 'monitor'],
    ['Serveurr', 'server'],
    ['Tablete', 'tablet'],
    ['Smarphone', 'smartphone'],
    ['Vidéoprojecteru', 'video_projector'],
    ['Routeure', 'router'],
    ['PC portabel', 'laptop'],
    ['Téléphone portabel', 'smartphone'],
  ])('suggests for %j: %s', (text, type) => {
    const result = mapDeviceType(text)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.suggestion?.type).toBe(type)
  })

  it('suggests the longer pattern a text starts ("Téléphone" → "Téléphone mobile")', () => {
    expect(mapDeviceType('Téléphone')).toEqual({
      ok: false,
      suggestion: { type: 'smartphone', pattern: 'Téléphone mobile' },
    })
  })

  it('suggests nothing for a text far from every type', () => {
    expect(mapDeviceType('Cafetière')).toEqual({ ok: false, suggestion: null })
    expect(mapDeviceType('')).toEqual({ ok: false, suggestion: null })
    expect(mapDeviceType('   ')).toEqual({ ok: false, suggestion: null })
  })
})

describe('a table given as data', () => {
  const table: TypeMappingTable = [
    { pattern: 'Borne interactive', type: 'display' },
    { pattern: 'Poste', type: 'desktop' },
  ]

  it('maps with the given table only (plus the type names)', () => {
    expect(typeOf('Borne interactive hall', table)).toBe('display')
    expect(typeOf('Poste', table)).toBe('desktop')
    expect(typeOf('Ordinateur portable', table)).toBeNull()
    expect(typeOf('laptop', table)).toBe('laptop')
  })

  it('suggests from the given table', () => {
    expect(mapDeviceType('Borne interactiv', table)).toEqual({
      ok: false,
      suggestion: { type: 'display', pattern: 'Borne interactive' },
    })
  })

  it('remembers results per text', () => {
    const mapper = createTypeMapper(table)
    expect(mapper.map('Poste')).toBe(mapper.map('Poste'))
  })
})

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('portable', 'portable')).toBe(0)
    expect(editDistance('portabel', 'portable')).toBe(1)
    expect(editDistance('ecran', 'ecrans')).toBe(1)
    expect(editDistance('ecran', 'cran')).toBe(1)
    expect(editDistance('serveur', 'serviteur')).toBe(2)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3)
  })
})
