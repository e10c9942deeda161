import type { DocumentKind } from '../../../db/schema.js'
import { isSafeTextEmpty } from '../../../lib/safe-text.js'

/**
 * The free-text sections of the documents (strategy_texts.section), in the order the texts page
 * shows them, and the kinds of documents, with their French URL slugs.
 */
export const textSections = ['introduction', 'governance', 'means', 'past_actions'] as const
export type TextSection = (typeof textSections)[number]
export type DocumentTexts = Record<TextSection, string>

export const emptyTexts = (): DocumentTexts => ({
  introduction: '',
  governance: '',
  means: '',
  past_actions: '',
})

/**
 * What a document cannot be published without. The strategy must say why and who steers it
 * (introduction, governance); the work programme must say what was already done (art. D2311-15-1:
 * « les actions déjà menées »); the review needs at least its introduction, its figures come from
 * the data.
 */
export const requiredSections: Record<DocumentKind, readonly TextSection[]> = {
  programme_travail: ['introduction', 'past_actions'],
  strategie: ['introduction', 'governance'],
  bilan_annuel: ['introduction'],
}

/** The mandatory sections a document still lacks (empty or blank). */
export function missingSections(kind: DocumentKind, texts: DocumentTexts): TextSection[] {
  return requiredSections[kind].filter((section) => isSafeTextEmpty(texts[section]))
}

/** Where each section appears (the texts page says so beside each field). */
export const sectionUse: Record<TextSection, readonly DocumentKind[]> = {
  introduction: ['programme_travail', 'strategie', 'bilan_annuel'],
  governance: ['programme_travail', 'strategie', 'bilan_annuel'],
  means: ['strategie', 'bilan_annuel'],
  past_actions: ['programme_travail'],
}

export const documentSlugs: Record<DocumentKind, string> = {
  programme_travail: 'programme-de-travail',
  strategie: 'strategie',
  bilan_annuel: 'bilan-annuel',
}

export function kindOfSlug(slug: string | undefined): DocumentKind | undefined {
  return (Object.keys(documentSlugs) as DocumentKind[]).find((kind) => documentSlugs[kind] === slug)
}
