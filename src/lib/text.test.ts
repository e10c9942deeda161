import { describe, expect, it } from 'vitest'
import { foldForSearch, wordStartSuffixes } from './text.js'

describe('foldForSearch', () => {
  it('drops accents, case and punctuation so that users can type either form', () => {
    expect(foldForSearch('Saint-Étienne')).toBe('saint etienne')
    expect(foldForSearch('  L’Haÿ-les-Roses ')).toBe('l hay les roses')
    expect(foldForSearch('Œuilly')).toBe('oeuilly')
    expect(foldForSearch('ÉGUILLES')).toBe(foldForSearch('eguilles'))
  })

  it('keeps digits for codes and postcodes, and folds Corsican département codes', () => {
    expect(foldForSearch('13001')).toBe('13001')
    expect(foldForSearch('2A')).toBe('2a')
  })

  it('returns an empty string when nothing searchable is left', () => {
    expect(foldForSearch(' - ’ ')).toBe('')
  })
})

describe('wordStartSuffixes', () => {
  it('lists every suffix that starts a word', () => {
    expect(wordStartSuffixes('aix en provence')).toEqual(['aix en provence', 'en provence', 'provence'])
  })

  it('returns the word itself for a single word, nothing for an empty text', () => {
    expect(wordStartSuffixes('lyon')).toEqual(['lyon'])
    expect(wordStartSuffixes('')).toEqual([])
  })
})
