import { describe, expect, it } from 'vitest'
import {
  type FileSink,
  MultipartError,
  MultipartParser,
  multipartBoundary,
  parsePartHeaders,
  readMultipart,
} from './multipart-stream.js'

const boundary = '----JalonsBoundary7MA4YWxk'

/** A body as a browser writes it. */
function body(
  parts: { name: string; value?: string; fileName?: string; bytes?: Uint8Array; type?: string }[],
  extra: { preamble?: string; epilogue?: string } = {},
): Buffer {
  const chunks: Buffer[] = [Buffer.from(extra.preamble ?? '')]
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`
    if (part.fileName !== undefined) head += `; filename="${part.fileName}"`
    head += '\r\n'
    if (part.type) head += `Content-Type: ${part.type}\r\n`
    chunks.push(
      Buffer.from(`${head}\r\n`),
      Buffer.from(part.bytes ?? Buffer.from(part.value ?? '')),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n${extra.epilogue ?? ''}`))
  return Buffer.concat(chunks)
}

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size)
}

interface MemoryFile {
  name: string
  fileName: string | null
  bytes: Buffer
  closed: boolean
  aborted: boolean
}

async function read(bytes: Uint8Array, chunkSize: number, limits = {}) {
  const fields: [string, string][] = []
  const files: MemoryFile[] = []
  const received = await readMultipart(
    inChunks(bytes, chunkSize),
    boundary,
    {
      onField: (name, value) => {
        fields.push([name, value])
      },
      onFile: (headers): FileSink => {
        const file: MemoryFile = {
          name: headers.name,
          fileName: headers.fileName,
          bytes: Buffer.alloc(0),
          closed: false,
          aborted: false,
        }
        files.push(file)
        return {
          write: async (chunk) => {
            file.bytes = Buffer.concat([file.bytes, chunk])
          },
          close: async () => {
            file.closed = true
          },
          abort: async () => {
            file.aborted = true
          },
        }
      },
    },
    limits,
  )
  return { fields, files, received }
}

// Content that looks like the boundary's start without being it, and line breaks of every kind.
// Content that looks like the boundary without being it (a browser picks a boundary absent from
// the content), and line breaks of every kind.
const tricky = Buffer.from(
  `a;b\r\n1;2\r\n--${boundary.slice(0, 10)}\r\n\r\n-\r\r\n\n--\r\n--${boundary.slice(0, -1)}\r\n`,
  'latin1',
)
const binary = Buffer.from(Array.from({ length: 700 }, (_, index) => (index * 37) % 256))

describe('multipart boundary', () => {
  it('reads the boundary, quoted or not, and refuses other content types', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${boundary}`)).toBe(boundary)
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b;c"')).toBe('a b;c')
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeNull()
    expect(multipartBoundary('multipart/form-data')).toBeNull()
    expect(multipartBoundary(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull()
    expect(multipartBoundary(undefined)).toBeNull()
  })

  it('reads part headers: names, file names with quotes and semicolons, RFC 5987 names', () => {
    expect(parsePartHeaders('Content-Disposition: form-data; name="_csrf"')).toEqual({
      name: '_csrf',
      fileName: null,
      contentType: null,
    })
    expect(
      parsePartHeaders(
        'content-disposition: form-data; name="fichier"; filename="inv;2024 %22v2%22.csv"\r\nContent-Type: text/csv',
      ),
    ).toEqual({ name: 'fichier', fileName: 'inv;2024 "v2".csv', contentType: 'text/csv' })
    expect(
      parsePartHeaders(
        `Content-Disposition: form-data; name="f"; filename="x.csv"; filename*=UTF-8''%C3%A9t%C3%A9.csv`,
      ).fileName,
    ).toBe('été.csv')
    expect(() => parsePartHeaders('Content-Type: text/plain')).toThrow(MultipartError)
    expect(() => parsePartHeaders('Content-Disposition: attachment; name="x"')).toThrow(MultipartError)
  })
})

describe('readMultipart', () => {
  const parts = [
    { name: '_csrf', value: 'jeton' },
    { name: 'inventaire', value: 'remplacer' },
    { name: 'fichier', fileName: 'inventaire.csv', bytes: tricky, type: 'text/csv' },
    { name: 'vide', fileName: '', bytes: Buffer.alloc(0), type: 'application/octet-stream' },
    { name: 'centres', fileName: 'données.bin', bytes: binary },
    { name: 'note', value: 'é\r\nà' },
  ]
  const whole = body(parts, { preamble: 'ignored preamble\r\n', epilogue: 'ignored epilogue' })

  it('gives the same fields and files whatever the chunk boundaries (every split of the body)', async () => {
    const reference = await read(whole, whole.length)
    expect(reference.fields).toEqual([
      ['_csrf', 'jeton'],
      ['inventaire', 'remplacer'],
      ['note', 'é\r\nà'],
    ])
    expect(reference.files.map((file) => [file.name, file.fileName])).toEqual([
      ['fichier', 'inventaire.csv'],
      ['vide', ''],
      ['centres', 'données.bin'],
    ])
    expect(reference.files[0]?.bytes.equals(tricky)).toBe(true)
    expect(reference.files[1]?.bytes.length).toBe(0)
    expect(reference.files[2]?.bytes.equals(binary)).toBe(true)
    expect(reference.files.every((file) => file.closed && !file.aborted)).toBe(true)
    expect(reference.received.map((file) => file.bytes)).toEqual([tricky.length, 0, binary.length])
    for (let size = 1; size <= 97; size++) {
      const result = await read(whole, size)
      expect(result.fields).toEqual(reference.fields)
      expect(result.files.map((file) => file.bytes.toString('hex'))).toEqual(
        reference.files.map((file) => file.bytes.toString('hex')),
      )
    }
  })

  it('keeps CRLF at the end of a file and handles a boundary split right after its CR', async () => {
    const content = Buffer.from('x;y\r\n\r\n')
    const bytes = body([{ name: 'fichier', fileName: 'a.csv', bytes: content }])
    const at = bytes.indexOf(`\r\n--${boundary}`, 60)
    const chunks = [bytes.subarray(0, at + 1), bytes.subarray(at + 1)]
    const parser = new MultipartParser(boundary)
    const events = chunks.flatMap((chunk) => parser.push(chunk))
    parser.end()
    const data = Buffer.concat(events.flatMap((event) => (event.kind === 'data' ? [event.bytes] : [])))
    expect(data.equals(content)).toBe(true)
    expect(events.filter((event) => event.kind === 'end')).toHaveLength(1)
  })

  it('accepts padding spaces after a boundary and a body starting straight with it', async () => {
    const bytes = Buffer.from(
      `--${boundary}   \r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${boundary}--`,
    )
    expect((await read(bytes, 3)).fields).toEqual([['a', '1']])
  })

  it('refuses a body cut before its closing boundary, and aborts the file being written', async () => {
    const bytes = body([{ name: 'fichier', fileName: 'a.csv', bytes: binary }])
    const cut = bytes.subarray(0, bytes.length - 30)
    const files: MemoryFile[] = []
    await expect(
      readMultipart(inChunks(cut, 64), boundary, {
        onField: () => {},
        onFile: (headers) => {
          const file: MemoryFile = {
            name: headers.name,
            fileName: null,
            bytes: Buffer.alloc(0),
            closed: false,
            aborted: false,
          }
          files.push(file)
          return {
            write: async () => {},
            close: async () => {},
            abort: async () => {
              file.aborted = true
            },
          }
        },
      }),
    ).rejects.toMatchObject({ code: 'truncated' })
    expect(files[0]?.aborted).toBe(true)
    await expect(read(Buffer.from('no boundary at all'), 4)).rejects.toMatchObject({ code: 'truncated' })
  })

  it('refuses a boundary followed by garbage', async () => {
    const bytes = Buffer.from(`--${boundary}XY\r\n\r\n--${boundary}--`)
    await expect(read(bytes, 5)).rejects.toMatchObject({ code: 'malformed' })
  })

  it('enforces the limits: file size (sink aborted), field size, parts, header size', async () => {
    const big = body([{ name: 'fichier', fileName: 'a.csv', bytes: Buffer.alloc(5000, 0x61) }])
    const files: MemoryFile[] = []
    await expect(
      readMultipart(
        inChunks(big, 512),
        boundary,
        {
          onField: () => {},
          onFile: (headers) => {
            const file: MemoryFile = {
              name: headers.name,
              fileName: null,
              bytes: Buffer.alloc(0),
              closed: false,
              aborted: false,
            }
            files.push(file)
            return {
              write: async (chunk) => {
                file.bytes = Buffer.concat([file.bytes, chunk])
              },
              close: async () => {},
              abort: async () => {
                file.aborted = true
              },
            }
          },
        },
        { maxFileBytes: 4999 },
      ),
    ).rejects.toMatchObject({ code: 'file_too_large' })
    expect(files[0]?.aborted).toBe(true)
    expect(files[0]?.bytes.length).toBeLessThanOrEqual(4999)
    // Exactly at the limit is fine.
    expect((await read(big, 512, { maxFileBytes: 5000 })).files[0]?.bytes.length).toBe(5000)

    await expect(
      read(body([{ name: 'a', value: 'x'.repeat(101) }]), 16, { maxFieldBytes: 100 }),
    ).rejects.toMatchObject({
      code: 'field_too_large',
    })
    const many = body(Array.from({ length: 4 }, (_, index) => ({ name: `f${index}`, value: 'v' })))
    await expect(read(many, 7, { maxParts: 3 })).rejects.toMatchObject({ code: 'too_many_parts' })
    expect((await read(many, 7, { maxParts: 4 })).fields).toHaveLength(4)
    const longHeader = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${'n'.repeat(300)}"\r\n\r\nv\r\n--${boundary}--`,
    )
    await expect(read(longHeader, 50, { maxHeaderBytes: 200 })).rejects.toMatchObject({
      code: 'header_too_large',
    })
  })

  it('stops when a field handler throws (a bad CSRF token): no file is opened', async () => {
    let opened = 0
    await expect(
      readMultipart(inChunks(whole, 10), boundary, {
        onField: (name) => {
          if (name === '_csrf') throw new Error('forged')
        },
        onFile: () => {
          opened++
          return null
        },
      }),
    ).rejects.toThrow('forged')
    expect(opened).toBe(0)
  })

  it('drops the bytes of a file part given no sink', async () => {
    const result = await readMultipart(inChunks(whole, 13), boundary, {
      onField: () => {},
      onFile: () => null,
    })
    expect(result).toEqual([])
  })
})
