import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { crc32, readZip, writeZip, ZipError, type ZipErrorCode } from './zip.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
const text = (bytes: Uint8Array | undefined) =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8')

function zipError(run: () => unknown): ZipError {
  try {
    run()
  } catch (error) {
    if (error instanceof ZipError) return error
    throw error
  }
  throw new Error('no ZipError thrown')
}

const expectCode = (run: () => unknown, code: ZipErrorCode) => expect(zipError(run).code).toBe(code)

const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import zipfile'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe('crc32', () => {
  it('gives the standard check values', () => {
    expect(crc32(new Uint8Array(0))).toBe(0)
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32(Buffer.from('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339)
  })

  it('continues over chunks', () => {
    const bytes = randomBytes(10_000)
    expect(crc32(bytes.subarray(3000), crc32(bytes.subarray(0, 3000)))).toBe(crc32(bytes))
  })
})

describe('writeZip then readZip', () => {
  const entries = [
    { name: 'empty.txt', data: '' },
    { name: 'texte/accentué — été.xml', data: '<a>Hôtel de ville</a>'.repeat(500) },
    { name: 'random.bin', data: randomBytes(5000) }, // incompressible: stored
    { name: 'zeros.bin', data: new Uint8Array(100_000) },
  ]
  const archive = writeZip(entries)

  it('gives back every entry, byte for byte, each with the CRC-32 of its data', () => {
    const zip = readZip(archive)
    expect(zip.entries.map((entry) => entry.name)).toEqual(entries.map((entry) => entry.name))
    for (const entry of entries) {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data
      expect(Buffer.from(zip.read(entry.name) as Uint8Array).equals(Buffer.from(data))).toBe(true)
      expect(zip.entry(entry.name)?.crc32).toBe(crc32(data))
    }
  })

  it('deflates what compresses and stores what does not', () => {
    const zip = readZip(archive)
    expect(zip.entry('zeros.bin')).toMatchObject({ method: 8, size: 100_000 })
    expect(zip.entry('zeros.bin')?.compressedSize).toBeLessThan(1000)
    expect(zip.entry('random.bin')).toMatchObject({ method: 0, size: 5000, compressedSize: 5000 })
  })

  it('finds names regardless of case or backslashes, and answers undefined for others', () => {
    const zip = readZip(archive)
    expect(text(zip.read('EMPTY.TXT'))).toBe('')
    expect(zip.read('missing.txt')).toBeUndefined()
  })

  it('writes the same bytes for the same entries', () => {
    expect(Buffer.from(writeZip(entries)).equals(Buffer.from(archive))).toBe(true)
  })

  it('reads an empty archive', () => {
    expect(readZip(writeZip([])).entries).toEqual([])
  })

  it.skipIf(!hasPython)("is accepted by Python's zipfile (an independent reader), CRCs checked", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jalons-zip-')), 'ours.zip')
    writeFileSync(path, archive)
    const script =
      'import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\n' +
      'print(json.dumps({"bad": z.testzip(), "names": z.namelist(), "size": len(z.read("zeros.bin"))}))'
    const out = JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }))
    expect(out).toEqual({ bad: null, names: entries.map((entry) => entry.name), size: 100_000 })
  })
})

describe("readZip: an archive written by Python's zipfile", () => {
  const zip = readZip(fixture('python-zip.zip'))

  it('reads stored and deflated entries, UTF-8 names and entries with a data descriptor', () => {
    expect(zip.entries.map((entry) => [entry.name, entry.method])).toEqual([
      ['stored.txt', 0],
      ['dossier/déflaté.txt', 8],
      ['streamed.bin', 8],
    ])
    expect(text(zip.read('stored.txt'))).toBe('stored, not compressed\n')
    expect(text(zip.read('dossier/déflaté.txt'))).toBe('Lorem ipsum '.repeat(200))
    const streamed = zip.read('streamed.bin') as Uint8Array
    expect(streamed.length).toBe(2048)
    expect(streamed[255]).toBe(255)
  })
})

describe('readZip refuses, with a reason', () => {
  const archive = writeZip([
    { name: 'a.xml', data: '<a>'.repeat(1000) },
    { name: 'b.txt', data: 'stored' },
  ])
  /** A copy with some bytes changed. */
  const patched = (patch: (bytes: Buffer, view: DataView) => void) => {
    const bytes = Buffer.from(archive)
    patch(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    return bytes
  }
  const endOffset = archive.length - 22
  const centralOffset = new DataView(archive.buffer, archive.byteOffset).getUint32(endOffset + 16, true)

  it('what is not a ZIP archive', () => {
    expectCode(() => readZip(Buffer.from('type;modele\nPC;Dell\n')), 'not_zip')
    expectCode(() => readZip(new Uint8Array(0)), 'not_zip')
  })

  it('a truncated archive: its end is missing', () => {
    const error = zipError(() => readZip(archive.subarray(0, archive.length - 30)))
    expect(error.code).toBe('corrupt')
    expect(error.message).toMatch(/end of the archive is missing/)
  })

  it('damaged compressed data: fails its CRC or cannot be decompressed', () => {
    // The first entry's data starts after its 30-byte local header and its 5-byte name.
    const bytes = patched((data) => {
      data[30 + 5 + 3] = (data[30 + 5 + 3] as number) ^ 0xff
    })
    const zip = readZip(bytes)
    const error = zipError(() => zip.read('a.xml'))
    expect(error.code).toBe('corrupt')
    expect(error.message).toMatch(/"a\.xml" (fails its CRC-32 check|cannot be decompressed|is not the size)/)
    expect(text(zip.read('b.txt'))).toBe('stored') // the others are still read
  })

  it('a stored entry whose bytes changed: CRC', () => {
    const stored = Buffer.from(archive).indexOf('stored')
    const bytes = patched((data) => {
      data[stored] = 0x53 // 'S'
    })
    expect(zipError(() => readZip(bytes).read('b.txt')).message).toMatch(/"b\.txt" fails its CRC-32 check/)
  })

  it('a central directory pointing outside the file', () => {
    const bytes = patched((_, view) => view.setUint32(endOffset + 16, archive.length + 100, true))
    expect(zipError(() => readZip(bytes)).message).toMatch(/central directory lies outside the file/)
  })

  it('ZIP64 archives', () => {
    expectCode(() => readZip(patched((_, view) => view.setUint16(endOffset + 10, 0xffff, true))), 'zip64')
    expectCode(
      () => readZip(patched((_, view) => view.setUint32(centralOffset + 24, 0xffffffff, true))),
      'zip64',
    )
  })

  it('encrypted entries', () => {
    const zip = readZip(patched((_, view) => view.setUint16(centralOffset + 8, 0x0801, true)))
    expect(zip.entry('a.xml')?.encrypted).toBe(true)
    expectCode(() => zip.read('a.xml'), 'encrypted')
  })

  it('compression methods other than stored and deflate', () => {
    const zip = readZip(patched((_, view) => view.setUint16(centralOffset + 10, 12, true)))
    const error = zipError(() => zip.read('a.xml'))
    expect(error.code).toBe('unsupported')
    expect(error.message).toMatch(/method 12/)
  })

  it('entries larger than the limits (a zip bomb stops before inflating)', () => {
    const bomb = writeZip([{ name: 'big.xml', data: new Uint8Array(2_000_000) }])
    expect(bomb.length).toBeLessThan(5000)
    expectCode(() => readZip(bomb, { maxEntrySize: 1_000_000 }).read('big.xml'), 'too_large')
    const zip = readZip(archive, { maxTotalSize: 3005 })
    zip.read('a.xml')
    expectCode(() => zip.read('b.txt'), 'too_large')
    expectCode(() => readZip(archive, { maxEntries: 1 }), 'too_large')
  })

  it('an entry whose size is announced smaller than it is', () => {
    const bytes = patched((_, view) => view.setUint32(centralOffset + 24, 10, true))
    expect(zipError(() => readZip(bytes).read('a.xml')).code).toBe('corrupt')
  })
})
