import { describe, expect, it } from 'vitest'
import { checkEvidenceFile, cleanEvidenceName, extensionOf, maxEvidenceBytes } from './evidence-file.js'

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)),
  )

/** The start of an OpenDocument file: a ZIP whose first entry, stored, is `mimetype`. */
function openDocument(mediaType: string): Uint8Array {
  const header = new Uint8Array(30)
  header.set([0x50, 0x4b, 0x03, 0x04])
  new DataView(header.buffer).setUint32(18, mediaType.length, true)
  new DataView(header.buffer).setUint32(22, mediaType.length, true)
  new DataView(header.buffer).setUint16(26, 8, true)
  return bytes([...header], 'mimetype', mediaType, 'PK\u0003\u0004…')
}

describe('evidence files', () => {
  it('accepts each allowed type by its extension and first bytes', () => {
    const accepted: [string, Uint8Array, string][] = [
      ['rapport.PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
      ['photo.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
      ['photo.jpg', bytes([0xff, 0xd8, 0xff, 0xe0, 0]), 'image/jpeg'],
      ['photo.jpeg', bytes([0xff, 0xd8, 0xff, 0xdb, 0]), 'image/jpeg'],
      [
        'note.odt',
        openDocument('application/vnd.oasis.opendocument.text'),
        'application/vnd.oasis.opendocument.text',
      ],
      [
        'tableau.ods',
        openDocument('application/vnd.oasis.opendocument.spreadsheet'),
        'application/vnd.oasis.opendocument.spreadsheet',
      ],
      [
        'diapos.odp',
        openDocument('application/vnd.oasis.opendocument.presentation'),
        'application/vnd.oasis.opendocument.presentation',
      ],
      [
        'note.docx',
        bytes('PK', [3, 4, 20, 0]),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'tableau.xlsx',
        bytes('PK', [3, 4, 20, 0]),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      ['releve.csv', bytes('année;valeur\r\n2024;12,5\r\n'), 'text/csv'],
      ['lisez-moi.txt', bytes('Relevé du compteur', [0xe9]), 'text/plain'],
    ]
    for (const [name, content, contentType] of accepted)
      expect(checkEvidenceFile(name, content), name).toEqual({
        ok: true,
        extension: extensionOf(name),
        contentType,
      })
  })

  it('refuses a forbidden or missing extension', () => {
    expect(checkEvidenceFile('outil.exe', bytes('MZ', [0x90, 0]))).toEqual({
      ok: false,
      problem: 'type',
      extension: 'exe',
    })
    expect(checkEvidenceFile('page.html', bytes('<html>'))).toMatchObject({ ok: false, problem: 'type' })
    expect(checkEvidenceFile('sans-extension', bytes('texte'))).toMatchObject({ ok: false, problem: 'type' })
    expect(checkEvidenceFile('.pdf', bytes('%PDF-1.4'))).toMatchObject({ ok: false, problem: 'type' })
  })

  it('refuses a file whose content is not what its extension says', () => {
    expect(checkEvidenceFile('rapport.pdf', bytes('<html><script>'))).toEqual({
      ok: false,
      problem: 'content',
      extension: 'pdf',
    })
    expect(checkEvidenceFile('photo.png', bytes([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      problem: 'content',
    })
    // A spreadsheet is not a text document, and a plain ZIP is not an OpenDocument file.
    expect(
      checkEvidenceFile('note.odt', openDocument('application/vnd.oasis.opendocument.spreadsheet')),
    ).toMatchObject({ problem: 'content' })
    expect(checkEvidenceFile('note.odt', bytes('PK', [3, 4, 20, 0]))).toMatchObject({ problem: 'content' })
    expect(checkEvidenceFile('releve.csv', bytes('MZ', [0x90, 0, 3, 0]))).toMatchObject({
      problem: 'content',
    })
  })

  it('refuses an empty file and one over the limit', () => {
    expect(checkEvidenceFile('vide.pdf', new Uint8Array(0))).toEqual({ ok: false, problem: 'empty' })
    const large = new Uint8Array(maxEvidenceBytes + 1)
    large.set(bytes('%PDF-1.4'))
    expect(checkEvidenceFile('gros.pdf', large)).toEqual({ ok: false, problem: 'tooLarge' })
  })

  it('keeps the name shown to people free of folders and control characters', () => {
    expect(cleanEvidenceName('C:\\Users\\moi\\bilan\u0007 2024.pdf')).toBe('bilan 2024.pdf')
    expect(cleanEvidenceName('../../etc/passwd')).toBe('passwd')
    expect(cleanEvidenceName('')).toBe('preuve')
  })
})
