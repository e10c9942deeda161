/**
 * Receiving the upload form as a stream: the CSRF field must come first and match the cookie
 * before any file byte is written; files go to the data folder under random names, each capped.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../../../app-env.js'
import { constantTimeEqual } from '../../../lib/secrets.js'
import { csrfCookie, csrfField } from '../../accounts/csrf.middleware.js'
import { ensureUploadFolder, newUploadPath, uploadFile } from './import-files.js'
import { type FileSink, MultipartError, multipartBoundary, readMultipart } from './multipart-stream.js'

/** Largest file accepted (each of the two). */
export const maxUploadBytes = 512 * 1024 * 1024
/** The form's file inputs. */
export const uploadFields = ['fichier', 'centres'] as const
type UploadField = (typeof uploadFields)[number]

export interface StoredUpload {
  fileName: string
  /** Relative to the data folder. */
  path: string
  bytes: number
}

export type UploadOutcome =
  | { ok: true; fields: Record<string, string>; files: Partial<Record<UploadField, StoredUpload>> }
  | { ok: false; reason: 'csrf' | 'too_large' | 'malformed' }

class CsrfRefused extends Error {}

/** A file on disk written chunk by chunk, waiting when the disk is slower than the network. */
function diskSink(absolute: string): FileSink {
  const stream = createWriteStream(absolute, { flags: 'wx' })
  return {
    write: async (bytes) => {
      if (!stream.write(bytes)) await once(stream, 'drain')
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.once('error', reject)
        stream.end(() => resolve())
      }),
    abort: async () => {
      stream.destroy()
      await rm(absolute, { force: true })
    },
  }
}

/** A file name as shown back to people: no folders, no control characters, bounded. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'fichier'
}

export async function receiveUpload(
  c: Context<AppEnv>,
  dataDir: string,
  workspaceId: number,
): Promise<UploadOutcome> {
  const boundary = multipartBoundary(c.req.header('content-type'))
  const cookie = getCookie(c, csrfCookie)
  const body = c.req.raw.body
  // Without a multipart body or a cookie, the form's token cannot be checked: refused as forged.
  if (!boundary || !body || !cookie) return { ok: false, reason: 'csrf' }
  const declared = Number(c.req.header('content-length'))
  if (Number.isFinite(declared) && declared > uploadFields.length * maxUploadBytes + 1024 * 1024)
    return { ok: false, reason: 'too_large' }

  let csrfChecked = false
  let folderReady = false
  const fields: Record<string, string> = {}
  const files: Partial<Record<UploadField, StoredUpload>> = {}
  const written: string[] = []
  try {
    const received = await readMultipart(
      body,
      boundary,
      {
        onField: (name, value) => {
          if (!csrfChecked) {
            if (name !== csrfField || !constantTimeEqual(value, cookie)) throw new CsrfRefused()
            csrfChecked = true
            c.set('csrfToken', cookie)
            return
          }
          fields[name] = value
        },
        onFile: async (headers) => {
          if (!csrfChecked) throw new CsrfRefused()
          const field = headers.name as UploadField
          // No file chosen (empty name), an unknown input, or a second file for one input: dropped.
          if (!headers.fileName || !uploadFields.includes(field) || files[field]) return null
          if (!folderReady) {
            await ensureUploadFolder(dataDir, workspaceId)
            folderReady = true
          }
          const path = newUploadPath(workspaceId)
          const absolute = uploadFile(dataDir, path)
          written.push(absolute)
          files[field] = { fileName: cleanFileName(headers.fileName), path, bytes: 0 }
          return diskSink(absolute)
        },
      },
      { maxFileBytes: maxUploadBytes, maxFieldBytes: 8 * 1024, maxParts: 10 },
    )
    for (const file of received) {
      const stored = files[file.field as UploadField]
      if (stored) stored.bytes = file.bytes
    }
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })))
    if (error instanceof CsrfRefused) return { ok: false, reason: 'csrf' }
    if (error instanceof MultipartError)
      return { ok: false, reason: error.code === 'file_too_large' ? 'too_large' : 'malformed' }
    throw error
  }
  return { ok: true, fields, files }
}
