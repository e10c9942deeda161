import { describe, expect, it } from 'vitest'
import {
  daysInMonth,
  frenchDateText,
  frenchNumberText,
  readBoolean,
  readDate,
  readDecimal,
  readQuantity,
  readText,
  todayInFrance,
} from './values.js'

describe('readText', () => {
  it('trims, including no-break spaces, and reads blank as null', () => {
    expect(readText('  Mairie \u00a0')).toBe('Mairie')
    expect(readText('\u202fÉcole\u202f')).toBe('École')
    expect(readText('')).toBeNull()
    expect(readText('   ')).toBeNull()
    expect(readText(null)).toBeNull()
    expect(readText(undefined)).toBeNull()
  })

  it('removes the apostrophe our CSV writer puts before formula-like text', () => {
    expect(readText("'=SOMME(A1)")).toBe('=SOMME(A1)')
    expect(readText("'-12")).toBe('-12')
    expect(readText("'@cible")).toBe('@cible')
    expect(readText("l'école")).toBe("l'école")
    expect(readText("'abc")).toBe("'abc")
  })
})

describe('readDecimal', () => {
  it.each([
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['12', 12],
    ['-3,25', -3.25],
    ['+4', 4],
    [',5', 0.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234\u202f567,25', 1234567.25],
    ['12 345', 12345],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['  7,0  ', 7],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(readDecimal(text)).toEqual({ ok: true, value })
  })

  it('reads a single comma as the decimal separator, as French spreadsheets do', () => {
    expect(readDecimal('1,234')).toEqual({ ok: true, value: 1.234 })
  })

  it('reads blank as null', () => {
    expect(readDecimal('')).toEqual({ ok: true, value: null })
    expect(readDecimal(' ')).toEqual({ ok: true, value: null })
    expect(readDecimal(null)).toEqual({ ok: true, value: null })
  })

  it.each(['abc', '12 kWh', '1,2,3', '1.2.3', '1 23', '1e3', '12.', '--1', '1 234 56', 'NaN', 'Infinity'])(
    'refuses %j',
    (text) => {
      expect(readDecimal(text)).toEqual({ ok: false, problem: { code: 'not_a_number', raw: text.trim() } })
    },
  )
})

describe('readQuantity', () => {
  it('reads whole numbers of at least 1', () => {
    expect(readQuantity('3')).toEqual({ ok: true, value: 3 })
    expect(readQuantity(' 1 200 ')).toEqual({ ok: true, value: 1200 })
    expect(readQuantity('3,0')).toEqual({ ok: true, value: 3 })
    expect(readQuantity('')).toEqual({ ok: true, value: null })
  })

  it('refuses negative, zero and fractional quantities, and non-numbers, saying which', () => {
    expect(readQuantity('-2')).toEqual({ ok: false, problem: { code: 'negative', raw: '-2' } })
    expect(readQuantity('0')).toEqual({ ok: false, problem: { code: 'zero', raw: '0' } })
    expect(readQuantity('0,0')).toEqual({ ok: false, problem: { code: 'zero', raw: '0,0' } })
    expect(readQuantity('2,5')).toEqual({ ok: false, problem: { code: 'fractional', raw: '2,5' } })
    expect(readQuantity('deux')).toEqual({ ok: false, problem: { code: 'not_a_number', raw: 'deux' } })
    expect(readQuantity('99999999999999999999')).toEqual({
      ok: false,
      problem: { code: 'not_a_number', raw: '99999999999999999999' },
    })
  })
})

describe('readDate', () => {
  it.each([
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['15-03-2024', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['15/03/2024 10:32', '2024-03-15'],
    ['15/03/2024 10:32:07', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['2024/03/15', '2024-03-15'],
    ['2024-03-15T23:30:00Z', '2024-03-15'],
    ['2024-03-15T23:30:00.123+02:00', '2024-03-15'],
    ['2024-03-15 08:00:00', '2024-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    [' 01/01/2020 ', '2020-01-01'],
  ])('reads %j as %s', (text, iso) => {
    expect(readDate(text)).toEqual({ ok: true, value: iso })
  })

  it('reads two-digit years as Excel and LibreOffice do: 00–29 → 20xx, 30–99 → 19xx', () => {
    expect(readDate('15/03/24')).toEqual({ ok: true, value: '2024-03-15' })
    expect(readDate('01/01/29')).toEqual({ ok: true, value: '2029-01-01' })
    expect(readDate('01/01/30')).toEqual({ ok: true, value: '1930-01-01' })
    expect(readDate('31/12/99')).toEqual({ ok: true, value: '1999-12-31' })
  })

  it('reads blank as null', () => {
    expect(readDate('')).toEqual({ ok: true, value: null })
  })

  it('refuses dates that do not exist', () => {
    expect(readDate('31/02/2024')).toEqual({
      ok: false,
      problem: { code: 'impossible_date', raw: '31/02/2024', looksAmerican: false },
    })
    expect(readDate('29/02/2023')).toMatchObject({ ok: false, problem: { code: 'impossible_date' } })
    expect(readDate('29/02/1900')).toMatchObject({ ok: false, problem: { code: 'impossible_date' } })
    expect(readDate('31/04/2024')).toMatchObject({ ok: false, problem: { code: 'impossible_date' } })
    expect(readDate('2024-13-01')).toMatchObject({
      ok: false,
      problem: { code: 'impossible_date', looksAmerican: false },
    })
    expect(readDate('00/01/2024')).toMatchObject({ ok: false, problem: { code: 'impossible_date' } })
  })

  it('tells a month-first (American) date apart', () => {
    expect(readDate('03/15/2024')).toEqual({
      ok: false,
      problem: { code: 'impossible_date', raw: '03/15/2024', looksAmerican: true },
    })
  })

  it('refuses what is not a date, and unlikely years', () => {
    for (const text of ['mars 2024', '2024', '15/03', '15032024', '1/1/1', 'hier'])
      expect(readDate(text)).toEqual({ ok: false, problem: { code: 'bad_date', raw: text } })
    expect(readDate('01/01/1850')).toEqual({
      ok: false,
      problem: { code: 'year_out_of_range', raw: '01/01/1850' },
    })
    expect(readDate('3024-01-01')).toMatchObject({ ok: false, problem: { code: 'year_out_of_range' } })
  })
})

describe('readBoolean', () => {
  it('reads oui/non, yes/no and friends, any case', () => {
    for (const text of ['oui', 'OUI', 'Oui', 'yes', 'Y', 'o', 'vrai', 'true', '1', 'x'])
      expect(readBoolean(text)).toEqual({ ok: true, value: true })
    for (const text of ['non', 'NON', 'no', 'N', 'faux', 'false', '0'])
      expect(readBoolean(text)).toEqual({ ok: true, value: false })
    expect(readBoolean(' ')).toEqual({ ok: true, value: null })
    expect(readBoolean('peut-être')).toEqual({
      ok: false,
      problem: { code: 'not_a_boolean', raw: 'peut-être' },
    })
  })
})

describe('helpers', () => {
  it('knows the length of months', () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2024, 9)).toBe(30)
    expect(daysInMonth(2024, 12)).toBe(31)
  })

  it('writes dates and numbers the French way', () => {
    expect(frenchDateText('2024-03-05')).toBe('05/03/2024')
    expect(frenchNumberText(1234.5)).toBe('1234,5')
    expect(readDecimal(frenchNumberText(0.1 + 0.2))).toEqual({ ok: true, value: 0.1 + 0.2 })
  })

  it("gives today's date in France", () => {
    expect(todayInFrance(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01')
    expect(todayInFrance(new Date('2024-06-30T12:00:00Z'))).toBe('2024-06-30')
  })
})
