/**
 * EcoIndex of a web page, as published by the Collectif Conception Numérique Responsable (cnumr):
 * quantiles from github.com/cnumr/ecoindex_reference (ecoindex_reference.json, drawn from the HTTP
 * Archive), formula, grades and water / greenhouse-gas figures as in github.com/cnumr/ecoindex_python
 * (ecoindex/compute/ecoindex.py). Written here from that description, so the project needs no
 * extra dependency. Sizes are in kilobytes of 1,000 bytes, as that scraper divides by 10³.
 */
const domQuantiles = [
  0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601,
]
const requestQuantiles = [
  0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
]
const sizeKbQuantiles = [
  0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08,
  2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
]
/** The three quantile arrays, 21 values each: the position of a value among them is 0 to 20. */
export const ecoIndexQuantiles = {
  dom: domQuantiles,
  requests: requestQuantiles,
  sizeKb: sizeKbQuantiles,
} as const

const gradeFloors = [
  ['A', 80],
  ['B', 70],
  ['C', 55],
  ['D', 40],
  ['E', 25],
  ['F', 10],
] as const

export type EcoIndexGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'

export interface EcoIndex {
  /** 0 to 100, rounded to a whole number as the reference does (Python rounds an exact half to even, we round it up). */
  score: number
  grade: EcoIndexGrade
  /** Greenhouse gases, in grams of CO2 equivalent per page view. */
  ghgGrams: number
  /** Water, in centilitres per page view. */
  waterCl: number
}

/** Position of the value among the quantiles, 0 to 20, linear between two of them. */
export function quantilePosition(quantiles: readonly number[], value: number): number {
  for (let index = 1; index < quantiles.length; index++) {
    const upper = quantiles[index] as number
    const lower = quantiles[index - 1] as number
    if (value < upper) return index - 1 + (value - lower) / (upper - lower)
  }
  return quantiles.length - 1
}

export function ecoIndexScore(page: { domElements: number; requests: number; sizeKb: number }): number {
  const dom = quantilePosition(domQuantiles, page.domElements)
  const requests = quantilePosition(requestQuantiles, page.requests)
  const size = quantilePosition(sizeKbQuantiles, page.sizeKb)
  return Math.round(100 - (5 * (3 * dom + 2 * requests + size)) / 6)
}

export function ecoIndexGrade(score: number): EcoIndexGrade {
  return gradeFloors.find(([, floor]) => score > floor)?.[0] ?? 'G'
}

const hundredths = (value: number) => Math.round(100 * value) / 100

export const greenhouseGasGrams = (score: number) => hundredths(2 + (2 * (50 - score)) / 100)
export const waterCentilitres = (score: number) => hundredths(3 + (3 * (50 - score)) / 100)

/** The EcoIndex of a page from its DOM element count, its request count and the kilobytes it transferred. */
export function ecoIndex(page: { domElements: number; requests: number; sizeKb: number }): EcoIndex {
  const score = ecoIndexScore(page)
  return {
    score,
    grade: ecoIndexGrade(score),
    ghgGrams: greenhouseGasGrams(score),
    waterCl: waterCentilitres(score),
  }
}
