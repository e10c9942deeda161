import { describe, expect, it } from 'vitest'
import {
  ecoIndex,
  ecoIndexGrade,
  ecoIndexQuantiles,
  ecoIndexScore,
  greenhouseGasGrams,
  quantilePosition,
  waterCentilitres,
} from './ecoindex.js'

/*
 * Expected values are those of the reference implementation's own tests: github.com/cnumr/ecoindex_python,
 * tests/compute/test_ecoindex.py at commit 4b716bb334c91b32c95be268337d9f4175cb5ea7 (the version with
 * 0-based quantile positions and the A > 80 … F > 10 grades of github.com/cnumr/ecoindex_reference).
 */
describe('EcoIndex', () => {
  it('holds the published quantiles (cnumr/ecoindex_reference, ecoindex_reference.json)', () => {
    for (const quantiles of Object.values(ecoIndexQuantiles)) expect(quantiles).toHaveLength(21)
    expect(ecoIndexQuantiles.dom.at(-1)).toBe(594601)
    expect(ecoIndexQuantiles.requests.at(-1)).toBe(3920)
    expect(ecoIndexQuantiles.sizeKb.at(-1)).toBe(223212.26)
  })

  it('places a value among the quantiles as the reference does', () => {
    expect(quantilePosition(ecoIndexQuantiles.sizeKb, 2500)).toBe(14.086372025739513)
    expect(quantilePosition(ecoIndexQuantiles.dom, 150)).toBe(2.892857142857143)
    expect(quantilePosition(ecoIndexQuantiles.requests, 23)).toBe(2.8)
    expect(quantilePosition(ecoIndexQuantiles.sizeKb, 310182.902)).toBe(20)
  })

  it.each([
    { dom: 100, requests: 100, size: 100, score: 72 },
    { dom: 100, requests: 100, size: 1000, score: 67 },
    { dom: 100, requests: 100, size: 10000, score: 58 },
    { dom: 200, requests: 200, size: 10000, score: 46 },
    { dom: 2355, requests: 267, size: 2493, score: 10 },
    { dom: 240, requests: 20, size: 331, score: 83 },
  ])('scores dom=$dom requests=$requests size=$size kB as $score', ({ dom, requests, size, score }) => {
    expect(ecoIndexScore({ domElements: dom, requests, sizeKb: size })).toBe(score)
  })

  it('grades with the published thresholds', () => {
    expect(ecoIndexGrade(2)).toBe('G')
    expect(ecoIndexGrade(25)).toBe('F')
    expect(ecoIndexGrade(10)).toBe('G')
    expect(ecoIndexGrade(50.2)).toBe('D')
    expect(ecoIndexGrade(100)).toBe('A')
    // The boundaries themselves belong to the grade below (strictly greater than).
    expect([81, 80, 71, 70, 56, 55, 41, 40, 26, 11].map(ecoIndexGrade).join('')).toBe('ABBCCDDEEF')
  })

  it('derives greenhouse gases (gCO2e) and water (cl) from the score', () => {
    expect([2, 10, 50, 70].map(greenhouseGasGrams)).toEqual([2.96, 2.8, 2, 1.6])
    expect([2, 10, 50, 70].map(waterCentilitres)).toEqual([4.44, 4.2, 3, 2.4])
  })

  it('gives the whole result, also past the last quantile', () => {
    expect(ecoIndex({ domElements: 100, requests: 100, sizeKb: 100 })).toEqual({
      score: 72,
      grade: 'B',
      ghgGrams: 1.56,
      waterCl: 2.34,
    })
    expect(ecoIndex({ domElements: 2240, requests: 100, sizeKb: 310182.902 })).toEqual({
      score: 16,
      grade: 'F',
      ghgGrams: 2.68,
      waterCl: 4.02,
    })
  })
})
