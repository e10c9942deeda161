import { describe, expect, it } from 'vitest'
import { disposalRoutes, itemConditions, itemStatuses } from '../inventory-item.js'
import {
  conditionLabels,
  countries,
  countryName,
  disposalLabels,
  readCondition,
  readCountry,
  readDisposal,
  readStatus,
  statusLabels,
} from './vocabulary.js'

describe('statuses', () => {
  it('reads French and English words, any case and accents', () => {
    expect(readStatus('en service')).toBe('in_use')
    expect(readStatus('En Service')).toBe('in_use')
    expect(readStatus('In use')).toBe('in_use')
    expect(readStatus('actif')).toBe('in_use')
    expect(readStatus('en stock')).toBe('in_stock')
    expect(readStatus('Stock')).toBe('in_stock')
    expect(readStatus('réformé')).toBe('retired')
    expect(readStatus('REFORME')).toBe('retired')
    expect(readStatus('Retiré')).toBe('retired')
    expect(readStatus('hors service')).toBe('retired')
    expect(readStatus('in_stock')).toBe('in_stock')
    expect(readStatus('peut-être')).toBeUndefined()
  })

  it('reads back every label', () => {
    for (const status of itemStatuses) {
      expect(readStatus(statusLabels[status].fr)).toBe(status)
      expect(readStatus(statusLabels[status].en)).toBe(status)
    }
  })
})

describe('conditions', () => {
  it('reads neuf / reconditionné and variants', () => {
    expect(readCondition('Neuf')).toBe('new')
    expect(readCondition('reconditionné')).toBe('refurbished')
    expect(readCondition('Reconditionne')).toBe('refurbished')
    expect(readCondition("d'occasion")).toBe('refurbished')
    expect(readCondition('refurbished')).toBe('refurbished')
    expect(readCondition('abîmé')).toBeUndefined()
    for (const condition of itemConditions) {
      expect(readCondition(conditionLabels[condition].fr)).toBe(condition)
      expect(readCondition(conditionLabels[condition].en)).toBe(condition)
    }
  })
})

describe('disposal routes', () => {
  it('reads the REEN routes in French and English', () => {
    expect(readDisposal('cession à un organisme public')).toBe('reuse_transfer')
    expect(readDisposal('Vente')).toBe('reuse_sale')
    expect(readDisposal('don')).toBe('reuse_donation')
    expect(readDisposal('reprise agréée pour réemploi')).toBe('reuse_takeback')
    expect(readDisposal('Recyclage')).toBe('recycling')
    expect(readDisposal('inconnue')).toBe('unknown')
    expect(readDisposal('donation')).toBe('reuse_donation')
    for (const route of disposalRoutes) {
      expect(readDisposal(disposalLabels[route].fr)).toBe(route)
      expect(readDisposal(disposalLabels[route].en)).toBe(route)
    }
  })

  it('finds the route in a longer phrase by its key word, when only one route is named', () => {
    expect(readDisposal("Don à l'école Jules-Ferry")).toBe('reuse_donation')
    expect(readDisposal('Cession gratuite au CCAS')).toBe('reuse_transfer')
    expect(readDisposal('Filière DEEE (Ecosystem)')).toBe('recycling')
    expect(readDisposal('vente ou don')).toBeUndefined()
    expect(readDisposal('poubelle')).toBeUndefined()
  })
})

describe('countries', () => {
  it('reads names (French or English), alpha-2 and alpha-3 codes', () => {
    expect(readCountry('France')).toBe('FR')
    expect(readCountry('france')).toBe('FR')
    expect(readCountry('FR')).toBe('FR')
    expect(readCountry('FRA')).toBe('FR')
    expect(readCountry('Allemagne')).toBe('DE')
    expect(readCountry('Germany')).toBe('DE')
    expect(readCountry('États-Unis')).toBe('US')
    expect(readCountry('Etats Unis')).toBe('US')
    expect(readCountry('La Réunion')).toBe('RE')
    expect(readCountry('Royaume-Uni')).toBe('GB')
    expect(readCountry('UK')).toBe('GB')
    expect(readCountry('Atlantide')).toBeUndefined()
  })

  it('names each country so that the name reads back', () => {
    for (const country of countries) {
      expect(readCountry(countryName(country.code, 'fr'))).toBe(country.code)
      expect(readCountry(countryName(country.code, 'en'))).toBe(country.code)
    }
    expect(countryName('FR')).toBe('France')
    expect(countryName('ZZ')).toBe('ZZ')
  })
})
