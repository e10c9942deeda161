import { describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import type { InventoryItem } from '../inventory-item.js'
import { jsonElementLines, pcrSiMaxBytes, readPcrSiFile } from './pcr-si-format.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)
const today = '2025-06-30'
const bytes = (text: string) => new TextEncoder().encode(text)

const item = (fields: Partial<InventoryItem> & Pick<InventoryItem, 'type' | 'line'>): InventoryItem =>
  inventoryItem(fields)

describe('PCR-SI JSON', () => {
  it('reads items and datacenters, liberal on key names, with the line where each starts', async () => {
    const result = await readPcrSiFile(fixture('pcr-si.json'), { today })
    expect(result.format).toBe('pcr-si')
    expect(result.datacenters).toEqual([
      { shortName: 'DC1', longName: 'Salle serveur', pue: 1.6, country: 'FR' },
    ])
    expect(result.items).toEqual([
      item({
        line: 9,
        type: 'laptop',
        model: 'ThinkPad T14',
        quantity: 30,
        lifetimeYears: 5,
        annualKwh: 22.5,
        tags: ['agents', 'mobilité'],
        reference: 'A1',
      }),
      // 35,000 Wh a year.
      item({
        line: 18,
        type: 'monitor',
        model: 'Dell P2422H',
        quantity: 30,
        lifetimeYears: 7,
        annualKwh: 35,
        reference: 'A2',
      }),
      item({
        line: 26,
        type: 'server',
        model: 'PowerEdge R650',
        quantity: 2,
        lifetimeYears: 6.5,
        annualKwh: 1200.5,
        datacenter: 'DC1',
        purchaseDate: '2021-04-01',
        tags: ['production', 'sauvegarde'],
        reference: 'A3',
      }),
    ])
    expect(result.errors).toEqual([
      {
        line: 6,
        column: 'datacenters[1].pue',
        message:
          'Le PUE « 0.8 » est impossible : il est toujours supérieur ou égal à 1 (énergie totale du centre ÷ énergie des équipements).',
      },
      {
        line: 37,
        column: 'items[3].quantity',
        message: 'La quantité « -1 » est négative : indiquez un nombre entier d’au moins 1.',
      },
      {
        line: 38,
        column: 'items[4].type',
        message:
          'Type d’équipement « Ordinateur portabel » inconnu : vouliez-vous dire « Ordinateur portable » ?',
        suggestion: 'laptop',
      },
      {
        line: 38,
        column: 'items[4].quantity',
        message: 'La quantité « 1.5 » n’est pas un nombre entier : indiquez un nombre entier d’équipements.',
      },
      {
        line: 39,
        column: 'items[5].datacenter',
        message: 'Centre de données « DC7 » absent du fichier des centres de données (centres connus : DC1).',
      },
      {
        line: 39,
        column: 'items[5].lifetime',
        message:
          'La durée de vie « 0 » est invraisemblable : indiquez un nombre d’années supérieur à 0 et d’au plus 50.',
      },
      { line: 40, column: 'items[6]', message: 'L’élément n’est pas un objet JSON ({ … }).' },
      {
        line: 41,
        column: 'items[7].name',
        message: 'La valeur de « name » n’est pas du type attendu (texte ou nombre).',
      },
    ])
  })

  it('accepts a bare array of items, and other list keys', async () => {
    const result = await readPcrSiFile(bytes('[\n{"type":"Laptop","qty":2},\n{"category":"TV"}\n]'), {
      today,
    })
    expect(result.items).toEqual([
      item({ line: 2, type: 'laptop', quantity: 2 }),
      item({ line: 3, type: 'display' }),
    ])
    const other = await readPcrSiFile(bytes('{"equipments":[{"type":"Serveur","lifetimeInYears":4}]}'), {
      today,
    })
    expect(other.items).toEqual([item({ line: 1, type: 'server', lifetimeYears: 4 })])
  })

  it('checks datacenters against options.datacenters when the file lists none', async () => {
    const result = await readPcrSiFile(bytes('{"items":[{"type":"server","datacenter":"DC5"}]}'), {
      today,
      datacenters: [{ shortName: 'DC1', longName: null, pue: 1.4, country: 'FR' }],
    })
    expect(result.errors.map((error) => error.column)).toEqual(['items[0].datacenter'])
  })

  it('refuses malformed JSON with the line, a JSON without items, and a CSV', async () => {
    const malformed = await readPcrSiFile(bytes('{\n  "items": [\n    {"type": "laptop",}\n  ]\n}'))
    expect(malformed.fileProblem).toMatchObject({ code: 'invalid_json', line: 3 })
    expect(malformed.fileProblem?.message).toMatch(/^Le fichier JSON est mal formé \(ligne 3\) : /)
    expect((await readPcrSiFile(bytes('{"things": []}'))).fileProblem).toEqual({
      code: 'json_shape',
      message:
        'Le fichier JSON ne contient pas de liste d’équipements : attendu un tableau, ou un objet avec une clé « items ».',
      line: 1,
    })
    expect((await readPcrSiFile(bytes('type;quantite\nPC;1\n'))).fileProblem?.code).toBe('wrong_format')
  })

  it(`refuses a file over ${pcrSiMaxBytes / 1024 / 1024} MB`, async () => {
    const chunk = Buffer.from(`${' '.repeat(1024 * 1024 - 1)}\n`)
    async function* big() {
      yield Buffer.from('{"items": [')
      for (let index = 0; index <= 32; index++) yield chunk
      yield Buffer.from(']}')
    }
    expect((await readPcrSiFile(big())).fileProblem).toEqual({
      code: 'too_large',
      message:
        'Le fichier dépasse la taille maximale de 32 Mo pour ce format : utilisez le modèle CSV pour les gros inventaires.',
      line: 1,
    })
  })
})

describe('jsonElementLines', () => {
  it('finds where each element of the chosen array starts, skipping strings and nested values', () => {
    const text = '{\n"a": [1],\n"items": [\n  {"x": "[\\"{"},\n  [1,\n 2],\n\n  3\n],\n"b": []\n}'
    expect(jsonElementLines(text, 'items')).toEqual([4, 5, 8])
    expect(jsonElementLines('[1,\n2,\n{"a":[3,4]}]', null)).toEqual([1, 2, 3])
    expect(jsonElementLines('{"items": []}', 'items')).toEqual([])
  })
})
