import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import type { InventoryItem } from '../inventory-item.js'
import {
  readTemplateFile,
  readTemplateRows,
  templateExampleCsv,
  templateExampleItems,
} from './template-format.js'
import { type FileInfo, ImportFileError, type ImportRow } from './types.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)
const today = '2025-06-30'

const item = (fields: Partial<InventoryItem> & Pick<InventoryItem, 'type' | 'line'>): InventoryItem =>
  inventoryItem(fields)

async function rowsOf(source: Parameters<typeof readTemplateRows>[0], options = {}): Promise<ImportRow[]> {
  const rows: ImportRow[] = []
  for await (const row of readTemplateRows(source, { today, ...options })) rows.push(row)
  return rows
}

describe('template: a valid file (UTF-8 with BOM, ";")', () => {
  it('reads every row into items, with their lines', async () => {
    let file: FileInfo | undefined
    const result = await readTemplateFile(fixture('template-valid.csv'), {
      today,
      onFile: (info) => {
        file = info
      },
    })
    expect(result.errors).toEqual([])
    expect(result.fileProblem).toBeNull()
    expect(result.format).toBe('template')
    expect(file).toMatchObject({ format: 'template', encoding: 'utf-8', separator: ';', ignoredColumns: [] })
    expect(result.items).toEqual([
      item({
        line: 2,
        type: 'laptop',
        model: 'Dell Latitude 5440',
        quantity: 25,
        site: 'Hôtel de ville',
        service: 'Ressources humaines',
        tags: ['télétravail', 'agents'],
        purchaseDate: '2023-03-15',
        reference: 'PC-RH-2023',
      }),
      item({
        line: 3,
        type: 'monitor',
        model: 'Iiyama ProLite 24"',
        quantity: 40,
        site: 'Hôtel de ville',
        purchaseDate: '2021-09-02',
        condition: 'refurbished',
      }),
      item({
        line: 4,
        type: 'server',
        model: 'HPE ProLiant DL360 Gen10',
        quantity: 2,
        site: 'Salle serveur',
        service: 'DSI',
        tags: ['production', 'sauvegarde'],
        purchaseDate: '2020-01-10',
        datacenter: 'DC-MAIRIE',
        annualKwh: 1450.5,
        lifetimeYears: 6,
        reference: 'SRV-01',
      }),
      item({
        line: 5,
        type: 'desktop',
        model: 'HP EliteDesk 800 G4',
        quantity: 12,
        site: 'École Jules-Ferry',
        service: 'Éducation',
        purchaseDate: '2017-09-01',
        retirementDate: '2024-06-30',
        status: 'retired',
        disposal: 'reuse_donation',
      }),
      item({
        line: 7,
        type: 'laptop',
        model: 'Lenovo ThinkPad\nT14 Gen 3',
        quantity: 1200,
        purchaseDate: '2022-05-01',
        condition: 'refurbished',
        country: 'BE',
      }),
      // No status, retired before today: retired.
      item({
        line: 9,
        type: 'tablet',
        purchaseDate: '2020-02-01',
        retirementDate: '2025-02-01',
        status: 'retired',
      }),
    ])
  })

  it('reads from bytes, a Blob and a Node stream as from a path', async () => {
    const bytes = readFileSync(fixture('template-valid.csv'))
    const fromPath = await readTemplateFile(fixture('template-valid.csv'), { today })
    expect(await readTemplateFile(bytes, { today })).toEqual(fromPath)
    expect(await readTemplateFile(new Blob([bytes]), { today })).toEqual(fromPath)
    // One byte at a time: every chunk boundary is crossed.
    const oneByOne = Readable.from(
      (function* () {
        for (const byte of bytes) yield Buffer.from([byte])
      })(),
    )
    expect(await readTemplateFile(oneByOne, { today })).toEqual(fromPath)
  })
})

describe('template: bad rows', () => {
  it('gives each bad row its line, column and message, and keeps the good rows', async () => {
    const result = await readTemplateFile(fixture('template-errors.csv'), {
      today,
      datacenters: [{ shortName: 'DC1', longName: null, pue: 1.5, country: 'FR' }],
    })
    expect(result.items.map(({ line, type, datacenter }) => ({ line, type, datacenter }))).toEqual([
      { line: 2, type: 'laptop', datacenter: null },
      { line: 13, type: 'monitor', datacenter: null },
      { line: 18, type: 'server', datacenter: 'DC1' },
    ])
    expect(result.errors).toEqual([
      {
        line: 3,
        column: 'type',
        message:
          'Type d’équipement « Ordinateur portabel » inconnu : vouliez-vous dire « Ordinateur portable » ?',
        suggestion: 'laptop',
      },
      {
        line: 4,
        column: 'quantite',
        message: 'La quantité « -3 » est négative : indiquez un nombre entier d’au moins 1.',
      },
      {
        line: 5,
        column: 'quantite',
        message: 'La quantité « 2,5 » n’est pas un nombre entier : indiquez un nombre entier d’équipements.',
      },
      {
        line: 6,
        column: 'date_retrait',
        message: 'La date de retrait (05/06/2021) est antérieure à la date d’achat (12/01/2022).',
      },
      {
        line: 7,
        column: 'date_achat',
        message: 'La date d’achat (01/01/2026) est dans le futur (nous sommes le 30/06/2025).',
      },
      {
        line: 8,
        column: 'date_achat',
        message: 'La date d’achat « 31/02/2024 » n’existe pas dans le calendrier.',
      },
      {
        line: 9,
        column: 'datacenter',
        message: 'Centre de données « DC9 » absent du fichier des centres de données (centres connus : DC1).',
      },
      {
        line: 9,
        column: 'kwh_annuel',
        message:
          'La consommation annuelle (kWh) « beaucoup » n’est pas un nombre : écrivez par exemple 12 ou 1 234,5.',
      },
      {
        line: 10,
        column: 'statut',
        message:
          'Statut « peut-être » inconnu : valeurs acceptées « en service », « en stock », « réformé ».',
      },
      {
        line: 11,
        column: 'pays',
        message:
          'Pays « Atlantide » inconnu : indiquez le nom du pays (France) ou son code ISO à deux lettres (FR).',
      },
      {
        line: 12,
        column: 'type',
        message: 'Le type d’équipement est vide : indiquez par exemple « Ordinateur portable » ou « Écran ».',
      },
      {
        line: 15,
        column: null,
        message:
          'La ligne a 17 colonnes alors que l’en-tête en a 16 : une valeur contient sans doute le séparateur « ; » ; mettez cette valeur entre guillemets.',
      },
      {
        line: 16,
        column: 'quantite',
        message:
          'La quantité est nulle (« 0 ») : indiquez un nombre entier d’au moins 1, ou retirez la ligne.',
      },
      {
        line: 16,
        column: 'etat_achat',
        message: 'État à l’achat « abîmé » inconnu : valeurs acceptées « neuf », « reconditionné ».',
      },
      {
        line: 16,
        column: 'filiere_fin_de_vie',
        message:
          'Filière de fin de vie « poubelle » inconnue : valeurs acceptées « cession à un organisme public », « vente », « don », « reprise agréée pour réemploi », « recyclage », « inconnue ».',
      },
      {
        line: 16,
        column: 'duree_vie_ans',
        message:
          'La durée de vie « 0 » est invraisemblable : indiquez un nombre d’années supérieur à 0 et d’au plus 50.',
      },
      {
        line: 17,
        column: 'date_achat',
        message:
          'La date d’achat « 03/15/2024 » n’existe pas : le mois vient-il avant le jour (format américain) ? Écrivez jj/mm/aaaa.',
      },
      {
        line: 17,
        column: 'kwh_annuel',
        message: 'La consommation annuelle (kWh) « -5 » ne peut pas être négative.',
      },
    ])
  })

  it('yields one row per data row, an item only when the row has no error', async () => {
    const rows = await rowsOf(fixture('template-errors.csv'))
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18])
    for (const row of rows) expect(row.item === undefined).toBe(row.errors.length > 0)
  })

  it('does not check datacenters when none are given', async () => {
    const rows = await rowsOf(fixture('template-errors.csv'))
    expect(rows.find((row) => row.line === 9)?.errors.map((error) => error.column)).toEqual(['kwh_annuel'])
  })

  it('speaks English when asked', async () => {
    const rows = await rowsOf(fixture('template-errors.csv'), { language: 'en' })
    expect(rows.find((row) => row.line === 3)?.errors).toEqual([
      {
        line: 3,
        column: 'type',
        message: 'Unknown device type "Ordinateur portabel": did you mean "Ordinateur portable"?',
        suggestion: 'laptop',
      },
    ])
  })
})

describe('template: other spellings', () => {
  it('reads English headers and values, "," as separator', async () => {
    const result = await readTemplateFile(fixture('template-english.csv'), { today })
    expect(result.errors).toEqual([])
    expect(result.items).toEqual([
      item({
        line: 2,
        type: 'laptop',
        model: 'Dell Latitude 5440',
        quantity: 3,
        service: 'HR',
        purchaseDate: '2023-03-15',
        annualKwh: 12.5,
      }),
      item({
        line: 3,
        type: 'monitor',
        model: 'HP E24',
        quantity: 5,
        service: 'HR',
        purchaseDate: '2022-01-10',
        status: 'in_stock',
        condition: 'refurbished',
      }),
      item({
        line: 4,
        type: 'printer',
        model: 'HP LaserJet, M507',
        service: 'Finance',
        purchaseDate: '2019-06-30',
        status: 'retired',
        annualKwh: 1234.5,
        country: 'DE',
      }),
    ])
  })

  it('reads a Windows-1252 file written by Excel (accents in headers and values)', async () => {
    let file: FileInfo | undefined
    const result = await readTemplateFile(fixture('template-windows1252.csv'), {
      today,
      onFile: (info) => {
        file = info
      },
    })
    expect(file?.encoding).toBe('windows-1252')
    expect(result.errors).toEqual([])
    expect(result.items).toEqual([
      item({
        line: 2,
        type: 'monitor',
        model: 'Iiyama 24" à 149 €',
        quantity: 3,
        site: 'Hôtel de ville',
        status: 'retired',
        condition: 'refurbished',
      }),
      item({ line: 3, type: 'video_projector', model: 'Epson EB-W51', site: 'Salle des fêtes' }),
    ])
  })

  it('skips Excel\'s "sep=;" line', async () => {
    const result = await readTemplateFile(new TextEncoder().encode('sep=;\ntype;quantite\nPC;2\n'), { today })
    expect(result.errors).toEqual([])
    expect(result.items).toEqual([item({ line: 3, type: 'desktop', quantity: 2 })])
  })

  it('lists the columns it does not read', async () => {
    let file: FileInfo | undefined
    await readTemplateFile(new TextEncoder().encode('type;commentaire;quantite\nPC;à revoir;1\n'), {
      today,
      onFile: (info) => {
        file = info
      },
    })
    expect(file?.ignoredColumns).toEqual(['commentaire'])
  })

  it('stops at a quote never closed, with its line', async () => {
    const rows = await rowsOf(new TextEncoder().encode('type;modele\nPC;Dell\nÉcran;"Dell 24\nTV;LG\n'))
    expect(rows).toEqual([
      expect.objectContaining({ line: 2, errors: [] }),
      {
        line: 3,
        errors: [
          {
            line: 3,
            column: null,
            message:
              'Un guillemet ouvert sur cette ligne n’est jamais fermé : la lecture du fichier s’arrête ici. Fermez le guillemet ou retirez-le.',
          },
        ],
      },
    ])
  })
})

describe('template: files refused', () => {
  it('throws ImportFileError from the rows, and gives one error from the whole-file reader', async () => {
    await expect(rowsOf(new Uint8Array(0))).rejects.toThrow(ImportFileError)
    expect(await readTemplateFile(new Uint8Array(0))).toEqual({
      format: null,
      items: [],
      datacenters: [],
      errors: [{ line: 1, column: null, message: 'Le fichier est vide.' }],
      fileProblem: { code: 'empty', message: 'Le fichier est vide.', line: 1 },
    })
  })

  it('a header-only file, even a large stream whose end the sniffing did not see', async () => {
    const header = `type;modele;quantite${';'.repeat(100_000)}\n`
    const result = await readTemplateFile(Readable.from([Buffer.from(header), Buffer.from(';;;\n\n')]))
    expect(result.fileProblem?.code).toBe('header_only')
  })

  it('another format', async () => {
    const result = await readTemplateFile(fixture('numecoeval-datacenters.csv'))
    expect(result.fileProblem).toEqual({
      code: 'wrong_format',
      message:
        'Ce fichier est au format NumEcoEval (centres de données), alors que ce format-ci est attendu : modèle Jalons.',
      line: 1,
    })
  })
})

describe('templateExampleCsv', () => {
  it('is the header and five example rows, ";" and a byte order mark, that read back without error', async () => {
    const csv = templateExampleCsv()
    expect(
      csv.startsWith('\uFEFFtype;modele;quantite;site;service;etiquettes;date_achat;date_retrait;statut;'),
    ).toBe(true)
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(6)
    expect(csv).toContain(
      'Ordinateur portable;Dell Latitude 5440;25;Hôtel de ville;Ressources humaines;télétravail|agents;15/03/2023;;en service;neuf;',
    )
    const read = await readTemplateFile(new TextEncoder().encode(csv), { today })
    expect(read.errors).toEqual([])
    expect(read.items.map(({ line: _line, ...rest }) => rest)).toEqual(templateExampleItems)
  })

  it('exists in English too', async () => {
    const csv = templateExampleCsv('en')
    expect(csv.startsWith('\uFEFFtype;model;quantity;site;department;tags;purchase_date;')).toBe(true)
    const read = await readTemplateFile(new TextEncoder().encode(csv), { today })
    expect(read.errors).toEqual([])
    expect(read.items).toHaveLength(5)
  })
})
