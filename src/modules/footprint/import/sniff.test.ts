import { describe, expect, it } from 'vitest'
import { ChunkDecoder, decodeWindows1252 } from './decode.js'
import { type CsvSniff, type SniffResult, sniff } from './sniff.js'

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const windows1252 = (text: string) => {
  // Every character used in these tests is in Latin-1 except €, œ and Œ.
  const high: Record<string, number> = { '€': 0x80, œ: 0x9c, Œ: 0x8c }
  const bytes = [...text].map((char) => high[char] ?? (char.codePointAt(0) as number))
  return new Uint8Array(bytes)
}
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])

function csv(result: SniffResult): CsvSniff {
  if (!result.ok || result.kind !== 'csv') throw new Error(`expected a CSV, got ${JSON.stringify(result)}`)
  return result
}

function problemOf(result: SniffResult) {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result)}`)
  return result.problem
}

describe('encoding', () => {
  it('reads UTF-8 with a byte order mark, and without', () => {
    const withMark = csv(sniff(withBom(utf8('type;modele;quantite\nÉcran;Dell;2\n'))))
    expect(withMark).toMatchObject({
      encoding: 'utf-8',
      bomLength: 3,
      header: ['type', 'modele', 'quantite'],
    })
    const without = csv(sniff(utf8('type;modele;quantite\nÉcran;Dell;2\n')))
    expect(without).toMatchObject({ encoding: 'utf-8', bomLength: 0, header: ['type', 'modele', 'quantite'] })
  })

  it('reads bytes that are not UTF-8 as Windows-1252 (Latin-1 "Écran")', () => {
    const bytes = windows1252('type;modèle;quantité\nÉcran;Iiyama 24" 149 €;2\n')
    expect(bytes[bytes.indexOf(0x0a) + 1]).toBe(0xc9) // É as one Latin-1 byte
    const result = csv(sniff(bytes))
    expect(result).toMatchObject({ encoding: 'windows-1252', header: ['type', 'modèle', 'quantité'] })
    expect(decodeWindows1252(bytes)).toContain('Écran;Iiyama 24" 149 €;2')
  })

  it('reads UTF-16 (Excel\'s "Unicode text", tab separated)', () => {
    const text = 'type\tmodele\tquantite\r\nÉcran\tDell\t2\r\n'
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
    expect(csv(sniff(bytes))).toMatchObject({ encoding: 'utf-16le', bomLength: 2, separator: '\t' })
  })

  it('keeps a sample cut in the middle of a UTF-8 character as UTF-8', () => {
    const bytes = utf8('type;modele\nÉcran;Écran')
    const cut = bytes.subarray(0, bytes.length - 1) // the last É loses its second byte
    expect(csv(sniff(cut, { complete: false })).encoding).toBe('utf-8')
  })
})

describe('separator', () => {
  it('chooses ; , or tab from the header, confirmed by the next lines', () => {
    expect(csv(sniff(utf8('type;modele;quantite\nPC;a,b;1\n'))).separator).toBe(';')
    expect(csv(sniff(utf8('type,modele,quantite\nPC,"a;b",1\n'))).separator).toBe(',')
    expect(csv(sniff(utf8('type\tmodele\tquantite\nPC\ta;b,c\t1\n'))).separator).toBe('\t')
  })

  it('prefers the separator the data rows agree with', () => {
    // The header has one ";" and two ","; the rows have three columns with ",".
    const text = 'type,modele;marque,quantite\nPC,Dell,1\nÉcran,HP,2\nTV,LG,1\n'
    expect(csv(sniff(utf8(text))).separator).toBe(',')
  })

  it('keeps "," for a comma file whose decimal commas break rows (the rows will say so)', () => {
    const text = 'type,modele,quantite,kwh_annuel\nPC,Dell,1,12,5\nÉcran,HP,2,30,5\n'
    expect(csv(sniff(utf8(text))).separator).toBe(',')
  })

  it('follows Excel\'s "sep=" first line', () => {
    expect(csv(sniff(utf8('sep=,\r\ntype,modele;marque\r\nPC,Dell;Inc\r\n')))).toMatchObject({
      separator: ',',
      header: ['type', 'modele;marque'],
      headerLine: 2,
      recordsBeforeData: 2,
    })
  })

  it('reads old Mac files whose lines end with a carriage return alone', () => {
    expect(csv(sniff(utf8('type;quantite\rPC;1\rTV;2\r')))).toMatchObject({
      newline: 'cr',
      header: ['type', 'quantite'],
    })
  })
})

describe('formats', () => {
  it('recognises our template in French and English, any case and accents', () => {
    expect(csv(sniff(utf8('Type;Modèle;Quantité\nPC;x;1\n'))).format).toBe('template')
    expect(csv(sniff(utf8('type,model,quantity,purchase_date\nPC,x,1,\n'))).format).toBe('template')
  })

  it('recognises NumEcoEval files, columns in any order, ; or ,', () => {
    const header =
      'idInventaire;nomEquipementPhysique;nomOrganisation;nomEntite;sourceDonnee;fabricant;modele;quantite;type;statut;paysDUtilisation;utilisateur;dateAchat;dateRetrait;nbCoeur;tailleDuDisque;tailleMemoire;typeDeProcesseur;nomCourtDatacenter;consoElecAnnuelle'
    expect(csv(sniff(utf8(`${header}\n;PC1${';'.repeat(18)}\n`))).format).toBe('numecoeval-equipment')
    expect(csv(sniff(utf8('type,quantite,nomEquipementPhysique\nLaptop,1,PC1\n'))).format).toBe(
      'numecoeval-equipment',
    )
    expect(
      csv(
        sniff(
          utf8(
            'idInventaire;nomCourtDatacenter;nomLongDatacenter;pue;localisation;nomEntite\n1;DC1;;1,5;;\n',
          ),
        ),
      ).format,
    ).toBe('numecoeval-datacenter')
  })

  it('recognises JSON', () => {
    expect(sniff(utf8('  \n{"items": []}'))).toEqual({
      ok: true,
      kind: 'json',
      encoding: 'utf-8',
      bomLength: 0,
    })
    expect(sniff(withBom(utf8('[{"type":"laptop"}]')))).toMatchObject({
      ok: true,
      kind: 'json',
      bomLength: 3,
    })
  })
})

describe('files that cannot be read, with the likely cause', () => {
  it('an empty file', () => {
    for (const bytes of [new Uint8Array(0), withBom(new Uint8Array(0)), utf8(' \r\n\r\n ')])
      expect(problemOf(sniff(bytes))).toEqual({ code: 'empty', message: 'Le fichier est vide.', line: 1 })
  })

  it('a file with a header and no data', () => {
    expect(problemOf(sniff(utf8('type;modele;quantite\r\n\r\n;;\r\n')))).toEqual({
      code: 'header_only',
      message: 'Le fichier ne contient que la ligne d’en-tête : aucune ligne de données à importer.',
      line: 1,
    })
    // Only the whole file can tell.
    expect(sniff(utf8('type;modele;quantite\r\n'), { complete: false }).ok).toBe(true)
  })

  it('a header with a single column: the separator is not one we read', () => {
    expect(problemOf(sniff(utf8('type|modele|quantite\nPC|Dell|1\n')))).toEqual({
      code: 'single_column',
      message:
        'La ligne d’en-tête n’a qu’une colonne (« type|modele|quantite ») : le fichier semble séparé par « | », que l’import ne reconnaît pas. Enregistrez le fichier en CSV avec le point-virgule (;), la virgule (,) ou la tabulation comme séparateur.',
      line: 1,
    })
    expect(problemOf(sniff(utf8('inventaire\nPC\n'))).message).toContain('le séparateur n’est pas reconnu')
  })

  it('an XLSX, ODS or XLS workbook given as CSV', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('\x14\x00\x06\x00[Content_Types].xml')])
    expect(problemOf(sniff(xlsx))).toEqual({
      code: 'spreadsheet',
      message:
        'Ce fichier est un classeur Excel (XLSX), pas un fichier CSV : ouvrez-le dans votre tableur et choisissez « Enregistrer sous » → « CSV (séparateur : point-virgule) ».',
      line: 1,
      spreadsheet: 'xlsx',
    })
    const ods = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...utf8('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
    ])
    expect(problemOf(sniff(ods)).message).toMatch(/^Ce fichier est un classeur OpenDocument \(ODS\)/)
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    expect(problemOf(sniff(xls)).message).toMatch(/^Ce fichier est un classeur Excel ancien format \(XLS\)/)
  })

  it('a PDF or another binary file', () => {
    expect(problemOf(sniff(utf8('%PDF-1.7\n...'))).code).toBe('pdf')
    expect(
      problemOf(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))),
    ).toEqual({
      code: 'binary',
      message:
        'Ce fichier n’est pas un fichier texte (il contient des octets binaires) : l’import attend un fichier CSV ou JSON.',
      line: 1,
    })
  })

  it('an unknown format, naming the columns expected', () => {
    const problem = problemOf(sniff(utf8('nom;prénom;courriel\nDupont;Jean;j@d.fr\n')))
    expect(problem.code).toBe('unknown_format')
    expect(problem.message).toBe(
      'Format de fichier non reconnu : l’en-tête (nom, prénom, courriel) ne correspond à aucun format accepté. Colonnes attendues — ' +
        'modèle Jalons : type;modele;quantite;site;service;etiquettes;date_achat;date_retrait;statut;etat_achat;filiere_fin_de_vie;datacenter;kwh_annuel;pays;duree_vie_ans;reference ; ' +
        'NumEcoEval (équipements physiques) : idInventaire;nomEquipementPhysique;nomOrganisation;nomEntite;sourceDonnee;fabricant;modele;quantite;type;statut;paysDUtilisation;utilisateur;dateAchat;dateRetrait;nbCoeur;tailleDuDisque;tailleMemoire;typeDeProcesseur;nomCourtDatacenter;consoElecAnnuelle ; ' +
        'NumEcoEval (centres de données) : idInventaire;nomCourtDatacenter;nomLongDatacenter;pue;localisation;nomEntite.',
    )
  })

  it('a header naming a device type is not taken for data', () => {
    expect(problemOf(sniff(utf8('Serveur;Emplacement;Rôle\nSRV1;Salle A;web\n'))).code).toBe('unknown_format')
  })

  it('a file without its header line', () => {
    const problem = problemOf(sniff(utf8('Ordinateur portable;Dell;3\nÉcran;HP;2\n')))
    expect(problem.code).toBe('header_missing')
    expect(problem.message).toMatch(
      /^La première ligne ressemble à des données \(« Ordinateur portable »\) et non à une ligne d’en-tête : ajoutez/,
    )
  })

  it('a required column missing, or a column given twice', () => {
    expect(problemOf(sniff(utf8('nomEquipementPhysique;modele;quantite\nPC1;x;1\n')))).toEqual({
      code: 'missing_columns',
      message: 'Colonne obligatoire absente pour le format NumEcoEval (équipements physiques) : « type ».',
      line: 1,
    })
    expect(problemOf(sniff(utf8('type;quantite;Quantité\nPC;1;2\n')))).toEqual({
      code: 'duplicate_column',
      message:
        'La colonne « Quantité » apparaît deux fois dans l’en-tête (colonnes 2 et 3) : gardez-en une seule.',
      line: 1,
    })
  })

  it('speaks English when asked', () => {
    expect(problemOf(sniff(new Uint8Array(0), { language: 'en' })).message).toBe('The file is empty.')
  })
})

describe('ChunkDecoder', () => {
  it('joins a UTF-8 character cut between two chunks', () => {
    const bytes = utf8('Écran;Vidéoprojecteur')
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = new ChunkDecoder('utf-8')
      const text =
        decoder.decode(bytes.subarray(0, cut)) +
        decoder.decode(bytes.subarray(cut)) +
        decoder.decode(new Uint8Array(0), true)
      expect(text).toBe('Écran;Vidéoprojecteur')
      expect(decoder.switched).toBe(false)
    }
  })

  it('turns to Windows-1252 from the first chunk that is not UTF-8', () => {
    const decoder = new ChunkDecoder('utf-8')
    expect(decoder.decode(utf8('type;modele\nPC;Dell\n'))).toBe('type;modele\nPC;Dell\n')
    expect(decoder.decode(windows1252('Écran;Œuvre 149 €\n'))).toBe('Écran;Œuvre 149 €\n')
    expect(decoder.switched).toBe(true)
    expect(decoder.currentEncoding).toBe('windows-1252')
    expect(decoder.decode(windows1252('Tablette;é\n'))).toBe('Tablette;é\n')
  })

  it('decodes Windows-1252 with its own 0x80–0x9F (€, œ, quotes)', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x9c, 0x92, 0xe9, 0x41]))).toBe('€œ’éA')
  })
})
