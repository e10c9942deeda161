import { describe, expect, it } from 'vitest'
import { translator } from '../../../i18n/i18n.js'
import { findFactorBase } from '../factor-bases.js'
import { deviceTypes } from '../inventory-item.js'
import { csvNumber, decodeCsvBytes, factorBaseCsv, readDevicesCsv } from './factor-base-csv.js'
import { slugFromName } from './workspace-bases.js'

const t = translator('fr')
const base = findFactorBase()
if (!base) throw new Error('the bundled base is missing')

describe('csvNumber', () => {
  it('writes every digit, never an exponent, with a decimal comma', () => {
    expect(csvNumber(1.32115)).toBe('1,32115')
    expect(csvNumber(194000)).toBe('194000')
    expect(csvNumber(1e-7)).toBe('0,0000001')
    expect(csvNumber(1.25e-9)).toBe('0,00000000125')
    expect(csvNumber(2.5e21)).toBe('2500000000000000000000')
    expect(csvNumber(0)).toBe('0')
    expect(csvNumber(null)).toBe('')
  })
})

describe('readDevicesCsv', () => {
  it('reads back what factorBaseCsv writes, even for tiny and long figures', () => {
    const odd = structuredClone(base)
    const factors = odd.devices.laptop.factors
    if (!factors) throw new Error('laptop has factors')
    factors.manufacturing.climate = 1.2345678901234567e-8
    factors.distribution.water = 0.1 + 0.2
    odd.devices.printer.activePowerW = 1e-7
    const read = readDevicesCsv(factorBaseCsv(odd).replace(/^\uFEFF/, ''), base, t)
    expect(read.ok && read.devices).toEqual(odd.devices)
  })

  it('keeps the starting base for the types and columns the file leaves out', () => {
    const read = readDevicesCsv('type,climate.endOfLife\nOrdinateur portable,"3,5"\n', base, t)
    if (!read.ok) throw new Error(JSON.stringify(read.errors))
    expect(read.devices.laptop.factors?.endOfLife).toEqual({ climate: 3.5, water: null })
    expect(read.devices.laptop.lifetimeYears).toBe(5)
    for (const type of deviceTypes.filter((other) => other !== 'laptop'))
      expect(read.devices[type]).toEqual(base.devices[type])
  })

  it('reads grouped thousands and a type written as its label, French or English', () => {
    const read = readDevicesCsv(
      'type;water.manufacturing\nMonitor;1 234 567,5\nécran d’affichage;12\n',
      base,
      t,
    )
    if (!read.ok) throw new Error(JSON.stringify(read.errors))
    expect(read.devices.monitor.factors?.manufacturing.water).toBe(1234567.5)
    expect(read.devices.display.factors?.manufacturing.water).toBe(12)
  })

  it('turns a type with every factor empty into a type without factors, and needs a lifetime for factors', () => {
    const cleared = readDevicesCsv(
      'type;climate.manufacturing;climate.distribution;climate.endOfLife;water.manufacturing;water.distribution;water.endOfLife\nrouter;;;;;;\n',
      base,
      t,
    )
    expect(cleared.ok && cleared.devices.router.factors).toBeNull()
    const given = readDevicesCsv('type;climate.manufacturing\nother;12\n', base, t)
    expect(given.ok ? 'read' : given.errors).toEqual([
      { line: 2, column: null, message: 'la durée de vie est requise quand le type a des facteurs' },
    ])
  })

  it('checks the values of a row whose type is unknown or repeated too', () => {
    const read = readDevicesCsv('type;lifetimeYears\nfrigo;x\nlaptop;5\nlaptop;-1\n', base, t)
    expect(read.ok ? 'read' : read.errors).toEqual([
      {
        line: 2,
        column: 'type',
        message: `type « frigo » inconnu (types connus : ${deviceTypes.join(', ')})`,
      },
      { line: 2, column: 'lifetimeYears', message: '« x » n’est pas un nombre' },
      { line: 4, column: 'type', message: 'type « laptop » déjà donné à la ligne 3' },
      {
        line: 4,
        column: 'lifetimeYears',
        message: '« -1 » est négatif : un nombre positif ou nul est attendu',
      },
    ])
  })

  it('reports a quote left open with the line where it opened', () => {
    const read = readDevicesCsv('type;label\nlaptop;"Portable\nmonitor;Écran\n', base, t)
    expect(read.ok ? 'read' : read.errors).toEqual([
      { line: 2, column: null, message: 'guillemet ouvert jamais refermé' },
    ])
  })

  it('refuses a file without a type column, or without rows, or with cells beyond the header', () => {
    const noType = readDevicesCsv('label;lifetimeYears\nPortable;5\n', base, t)
    expect(noType.ok ? 'read' : noType.errors.map((error) => error.message)).toEqual([
      'colonne « type » manquante',
    ])
    const noRows = readDevicesCsv('type;lifetimeYears\n', base, t)
    expect(noRows.ok ? 'read' : noRows.errors.map((error) => error.message)).toEqual([
      'le fichier n’a que sa ligne d’en-tête',
    ])
    const extra = readDevicesCsv('type;lifetimeYears\nlaptop;5;9\n', base, t)
    expect(extra.ok ? 'read' : extra.errors).toEqual([
      { line: 2, column: null, message: '3 cellules pour 2 colonnes' },
    ])
  })
})

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with its BOM, and Windows-1252 as Excel saves it', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9]))).toBe('é')
    expect(decodeCsvBytes(new Uint8Array([0xc9, 0x63, 0x72, 0x61, 0x6e, 0x80]))).toBe('Écran€')
  })
})

describe('slugFromName', () => {
  it('keeps letters and digits, folds accents, joins words with dashes, stays short', () => {
    expect(slugFromName(' Parc 2025 (ajusté) ')).toBe('parc-2025-ajuste')
    expect(slugFromName('Œuvre — été')).toBe('oeuvre-ete')
    expect(slugFromName('!!!')).toBe('')
    expect(slugFromName(`${'a'.repeat(30)} ${'b'.repeat(30)}`)).toBe(`${'a'.repeat(30)}-${'b'.repeat(9)}`)
  })
})
