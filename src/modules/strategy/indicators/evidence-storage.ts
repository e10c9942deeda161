/**
 * Evidence files on disk: `<dataDir>/evidence/<workspace>/<random>`. The person's file name is
 * only stored in the database (and given back on download), never used as a path; paths are
 * stored relative to `<dataDir>/evidence`, so the data folder can move.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'

const folder = 'evidence'

export function newEvidencePath(workspaceId: number): string {
  return `${workspaceId}/${randomBytes(16).toString('hex')}`
}

/** The absolute path of a stored (relative) path; refuses anything outside the evidence folder. */
export function evidenceFile(dataDir: string, stored: string): string {
  const root = resolve(dataDir, folder)
  const path = resolve(root, stored)
  const inside = relative(root, path)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    throw new Error(`evidence path outside the evidence folder: ${stored}`)
  return path
}

/** Writes a new file (never over an existing one: the name is random, `wx` makes sure). */
export async function writeEvidence(dataDir: string, stored: string, bytes: Uint8Array): Promise<void> {
  const path = evidenceFile(dataDir, stored)
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, bytes, { flag: 'wx' })
}

export function readEvidence(dataDir: string, stored: string): Promise<Buffer> {
  return readFile(evidenceFile(dataDir, stored))
}

/** Removes a stored file; one already gone is fine. */
export async function removeEvidence(dataDir: string, stored: string | null | undefined): Promise<void> {
  if (!stored) return
  await rm(evidenceFile(dataDir, stored), { force: true })
}
