import { describe, expect, it } from 'vitest'
import { readNumEcoEvalFiles } from '../import/numecoeval-format.js'
import { readPcrSiFile } from '../import/pcr-si-format.js'
import { readTemplateFile } from '../import/template-format.js'
import type { Datacenter, InventoryItem } from '../inventory-item.js'
import { equipmentName, toNumEcoEvalDatacenterCsv, toNumEcoEvalEquipmentCsv } from './numecoeval-csv.js'
import { toPcrSiJson } from './pcr-si-json.js'
import { toTemplateCsv } from './template-csv.js'

const today = '2025-06-30'
const bytes = (text: string) => new TextEncoder().encode(text)
const withoutLines = (items: readonly InventoryItem[]) => items.map(({ line: _line, ...item }) => item)

const datacenters: Datacenter[] = [
  { shortName: 'DC-MAIRIE', longName: "Salle serveur de l'hôtel de ville", pue: 1.8, country: 'FR' },
  { shortName: 'OVH-RBX', longName: null, pue: 1.09, country: 'FR' },
  { shortName: 'DE-FRA', longName: 'Francfort; salle "B"', pue: 1.35, country: 'DE' },
]

/** Every field set at least once, every type, status, condition and route, and awkward text. */
const inventory: InventoryItem[] = [
  {
    type: 'laptop',
    model: 'Dell Latitude 5440',
    quantity: 25,
    site: 'Hôtel de ville',
    service: 'Ressources humaines',
    tags: ['télétravail', 'agents'],
    purchaseDate: '2023-03-15',
    retirementDate: null,
    status: 'in_use',
    condition: 'new',
    disposal: null,
    datacenter: null,
    annualKwh: 21.75,
    country: 'FR',
    lifetimeYears: 5,
    reference: 'PC-RH-2023',
  },
  {
    type: 'monitor',
    model: 'Iiyama 24"; "ProLite"',
    quantity: 1,
    site: null,
    service: null,
    tags: [],
    purchaseDate: null,
    retirementDate: null,
    status: 'in_stock',
    condition: 'refurbished',
    disposal: null,
    datacenter: null,
    annualKwh: null,
    country: 'FR',
    lifetimeYears: null,
    reference: 'ECR-1',
  },
  {
    type: 'server',
    model: '=HYPERLINK("x")',
    quantity: 3,
    site: '+33 Mairie annexe',
    service: '-DSI-',
    tags: ['@production'],
    purchaseDate: '2019-01-31',
    retirementDate: '2030-12-31',
    status: 'in_use',
    condition: 'new',
    disposal: null,
    datacenter: 'DE-FRA',
    annualKwh: 2500.5,
    country: 'DE',
    lifetimeYears: 7.5,
    reference: 'SRV-0001',
  },
  ...(
    [
      ['desktop', 'reuse_transfer'],
      ['smartphone', 'reuse_sale'],
      ['tablet', 'reuse_donation'],
      ['printer', 'reuse_takeback'],
      ['video_projector', 'recycling'],
      ['display', 'unknown'],
    ] as const
  ).map(
    ([type, disposal], index): InventoryItem => ({
      type,
      model: `Modèle ${index}\nsur deux lignes`,
      quantity: 1 + index,
      site: 'École Jules-Ferry',
      service: 'Éducation',
      tags: [],
      purchaseDate: '2016-09-01',
      retirementDate: '2024-06-30',
      status: 'retired',
      condition: 'new',
      disposal,
      datacenter: null,
      annualKwh: null,
      country: 'RE',
      lifetimeYears: null,
      reference: `R-${index}`,
    }),
  ),
  ...(['network_switch', 'router', 'firewall', 'storage', 'other'] as const).map(
    (type, index): InventoryItem => ({
      type,
      // The model of an "other" item names a laptop: it stays other.
      model: type === 'other' ? 'Dell Latitude (pièces)' : null,
      quantity: 2,
      site: 'Local technique',
      service: null,
      tags: ['réseau', 'baie 2'],
      purchaseDate: '2022-02-28',
      retirementDate: null,
      status: 'in_use',
      condition: 'refurbished',
      disposal: null,
      datacenter: 'OVH-RBX',
      annualKwh: 0.5,
      country: 'FR',
      lifetimeYears: 10,
      reference: `NET-${index}`,
    }),
  ),
]

describe('round trips: export, read back, same inventory', () => {
  it('our template (French)', async () => {
    const csv = toTemplateCsv(inventory)
    expect(csv.startsWith('\uFEFFtype;modele;quantite;')).toBe(true)
    expect(csv).toContain("'=HYPERLINK") // formula-like text is made inert…
    const read = await readTemplateFile(bytes(csv), { today, datacenters })
    expect(read.errors).toEqual([])
    expect(withoutLines(read.items)).toEqual(inventory) // …and reads back as it was
  })

  it('our template (English)', async () => {
    const read = await readTemplateFile(bytes(toTemplateCsv(inventory, { language: 'en' })), { today })
    expect(read.errors).toEqual([])
    expect(withoutLines(read.items)).toEqual(inventory)
  })

  it('NumEcoEval equipment and datacenter files', async () => {
    const equipment = toNumEcoEvalEquipmentCsv(inventory)
    expect(equipment.split('\r\n')[0]).toBe(
      '\uFEFFidInventaire;nomEquipementPhysique;nomOrganisation;nomEntite;sourceDonnee;fabricant;modele;quantite;type;statut;paysDUtilisation;utilisateur;dateAchat;dateRetrait;nbCoeur;tailleDuDisque;tailleMemoire;typeDeProcesseur;nomCourtDatacenter;consoElecAnnuelle;etiquettes;etatAchat;filiereFinDeVie;dureeDeVie',
    )
    const datacenterCsv = toNumEcoEvalDatacenterCsv(datacenters)
    expect(datacenterCsv.split('\r\n')[0]).toBe(
      '\uFEFFidInventaire;nomCourtDatacenter;nomLongDatacenter;pue;localisation;nomEntite',
    )
    const read = await readNumEcoEvalFiles(
      { equipment: bytes(equipment), datacenters: bytes(datacenterCsv) },
      { today },
    )
    expect(read.errors).toEqual([])
    expect(read.datacenterFile?.errors).toEqual([])
    expect(read.datacenters).toEqual(datacenters)
    expect(withoutLines(read.items)).toEqual(inventory)
  })

  it('NumEcoEval without the extension columns keeps what NumEcoEval has', async () => {
    const csv = toNumEcoEvalEquipmentCsv(inventory, { extensions: false, bom: false })
    expect(csv.split('\r\n')[0]).toBe(
      'idInventaire;nomEquipementPhysique;nomOrganisation;nomEntite;sourceDonnee;fabricant;modele;quantite;type;statut;paysDUtilisation;utilisateur;dateAchat;dateRetrait;nbCoeur;tailleDuDisque;tailleMemoire;typeDeProcesseur;nomCourtDatacenter;consoElecAnnuelle',
    )
    const read = await readNumEcoEvalFiles({ equipment: bytes(csv) }, { today })
    expect(read.errors).toEqual([])
    expect(withoutLines(read.items)).toEqual(
      inventory.map((item) => ({ ...item, tags: [], condition: 'new', disposal: null, lifetimeYears: null })),
    )
  })

  it('NumEcoEval names an item without reference by its type and position', () => {
    const [first] = inventory as [InventoryItem]
    expect(equipmentName({ ...first, reference: null }, 4)).toBe('laptop-5')
    expect(equipmentName(first, 4)).toBe('PC-RH-2023')
  })

  it('PCR-SI JSON', async () => {
    const json = toPcrSiJson(inventory, datacenters)
    expect(JSON.parse(json)).toMatchObject({ format: 'pcr-si', version: 1 })
    const read = await readPcrSiFile(bytes(json), { today })
    expect(read.errors).toEqual([])
    expect(read.datacenters).toEqual(datacenters)
    expect(withoutLines(read.items)).toEqual(inventory)
  })

  it('PCR-SI JSON leaves empty values out', () => {
    const [, monitor] = JSON.parse(toPcrSiJson(inventory)).items
    expect(monitor).toEqual({
      id: 'ECR-1',
      type: 'monitor',
      name: 'Iiyama 24"; "ProLite"',
      quantity: 1,
      tags: [],
      status: 'in_stock',
      condition: 'refurbished',
      country: 'FR',
    })
  })
})
