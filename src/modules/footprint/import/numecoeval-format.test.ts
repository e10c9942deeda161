import { describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import type { InventoryItem } from '../inventory-item.js'
import {
  readNumEcoEvalDatacenterRows,
  readNumEcoEvalEquipmentRows,
  readNumEcoEvalFiles,
} from './numecoeval-format.js'
import type { DatacenterRow, ImportRow } from './types.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)
const today = '2025-06-30'
const bytes = (text: string) => new TextEncoder().encode(text)

const item = (fields: Partial<InventoryItem> & Pick<InventoryItem, 'type' | 'line'>): InventoryItem =>
  inventoryItem(fields)

const site = 'Ville de Lyonnet'

describe('NumEcoEval datacenter file', () => {
  it('reads datacenters; PUE below 1, a missing PUE, a name given twice and an unknown country are row errors', async () => {
    const rows: DatacenterRow[] = []
    for await (const row of readNumEcoEvalDatacenterRows(fixture('numecoeval-datacenters.csv')))
      rows.push(row)
    expect(rows.flatMap((row) => (row.datacenter ? [row.datacenter] : []))).toEqual([
      { shortName: 'DC1', longName: "Salle serveur de l'hôtel de ville", pue: 1.8, country: 'FR' },
      { shortName: 'DC2', longName: 'Centre de données départemental', pue: 1.3, country: 'FR' },
    ])
    expect(rows.flatMap((row) => row.errors)).toEqual([
      {
        line: 4,
        column: 'pue',
        message:
          'Le PUE « 0,9 » est impossible : il est toujours supérieur ou égal à 1 (énergie totale du centre ÷ énergie des équipements).',
      },
      {
        line: 5,
        column: 'nomCourtDatacenter',
        message: 'Le centre de données « dc1 » est déjà décrit ligne 2.',
      },
      { line: 6, column: 'pue', message: 'Le PUE n’est pas renseigné.' },
      {
        line: 6,
        column: 'localisation',
        message:
          'Pays « Atlantide » inconnu : indiquez le nom du pays (France) ou son code ISO à deux lettres (FR).',
      },
    ])
  })
})

describe('NumEcoEval physical equipment file', () => {
  it('maps the columns and checks datacenters against the datacenter file', async () => {
    const result = await readNumEcoEvalFiles(
      { equipment: fixture('numecoeval-equipment.csv'), datacenters: fixture('numecoeval-datacenters.csv') },
      { today },
    )
    expect(result.format).toBe('numecoeval-equipment')
    expect(result.datacenters.map((datacenter) => datacenter.shortName)).toEqual(['DC1', 'DC2'])
    expect(result.datacenterFile?.errors).toHaveLength(4)
    expect(result.items).toEqual([
      item({
        line: 2,
        type: 'laptop',
        model: 'Dell Latitude 5420',
        site,
        service: 'DSI',
        purchaseDate: '2022-01-15',
        reference: 'PC-0001',
      }),
      item({
        line: 3,
        type: 'server',
        model: 'HPE ProLiant DL380',
        site,
        service: 'DSI',
        purchaseDate: '2019-06-01',
        datacenter: 'DC1',
        annualKwh: 2500.5,
        reference: 'SRV-0001',
      }),
      item({
        line: 4,
        type: 'monitor',
        model: 'Iiyama ProLite',
        quantity: 3,
        site,
        service: 'Culture',
        purchaseDate: '2015-03-01',
        retirementDate: '2023-12-31',
        status: 'retired',
        reference: 'ECR-0001',
      }),
      // "Equipement" says nothing: the model tells a tablet.
      item({
        line: 5,
        type: 'tablet',
        model: 'Apple iPad 9',
        quantity: 2,
        site,
        service: 'Culture',
        purchaseDate: '2021-09-01',
        reference: 'EQ-0004',
      }),
    ])
    expect(result.errors).toEqual([
      {
        line: 6,
        column: 'nomCourtDatacenter',
        message:
          'Centre de données « DC9 » absent du fichier des centres de données (centres connus : DC1, DC2).',
      },
      {
        line: 7,
        column: 'type',
        message:
          "Type d’équipement « Machin » inconnu. Types reconnus : ordinateur portable, poste fixe, écran, smartphone, tablette, imprimante, vidéoprojecteur, écran d'affichage, switch, routeur, pare-feu, serveur, baie de stockage (ou « Autre »).",
      },
      {
        line: 8,
        column: 'nomCourtDatacenter',
        message:
          'Centre de données « DC3 » absent du fichier des centres de données (centres connus : DC1, DC2).',
      },
    ])
  })

  it('reads the equipment alone without checking datacenters', async () => {
    const result = await readNumEcoEvalFiles({ equipment: fixture('numecoeval-equipment.csv') }, { today })
    expect(result.datacenterFile).toBeNull()
    expect(result.items.map((entry) => entry.reference)).toEqual([
      'PC-0001',
      'SRV-0001',
      'ECR-0001',
      'EQ-0004',
      'SRV-0002',
      'SRV-0003',
    ])
    expect(result.items.find((entry) => entry.reference === 'SRV-0002')?.country).toBe('DE')
  })

  it('accepts "," as separator and the columns in any order, with only the required ones', async () => {
    const rows: ImportRow[] = []
    const text =
      'type,quantite,nomEquipementPhysique,dateAchat,statut,paysDUtilisation\r\n' +
      'Ordinateur portable,2,PC-1,15/03/2023,En service,france\r\n' +
      'Laptop,1,PC-2,2023-03-15,,\r\n'
    for await (const row of readNumEcoEvalEquipmentRows(bytes(text), { today })) rows.push(row)
    expect(rows).toEqual([
      {
        line: 2,
        errors: [],
        item: item({ line: 2, type: 'laptop', quantity: 2, purchaseDate: '2023-03-15', reference: 'PC-1' }),
      },
      {
        line: 3,
        errors: [],
        item: item({ line: 3, type: 'laptop', purchaseDate: '2023-03-15', reference: 'PC-2' }),
      },
    ])
  })

  it('does not repeat the manufacturer when the model already names it', async () => {
    const text =
      'nomEquipementPhysique;fabricant;modele;type\nA;Dell;Dell Latitude 7420;Laptop\nB;HP;;Printer\n'
    const rows: ImportRow[] = []
    for await (const row of readNumEcoEvalEquipmentRows(bytes(text), { today })) rows.push(row)
    expect(rows.map((row) => row.item?.model)).toEqual(['Dell Latitude 7420', 'HP'])
  })

  it('refuses a file without its "type" column, naming it', async () => {
    const result = await readNumEcoEvalFiles({ equipment: bytes('nomEquipementPhysique;modele\nA;B\n') })
    expect(result.fileProblem?.message).toBe(
      'Colonne obligatoire absente pour le format NumEcoEval (équipements physiques) : « type ».',
    )
  })
})
