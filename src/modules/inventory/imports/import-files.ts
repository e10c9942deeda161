/**
 * Where uploaded files wait between upload, check and import: `<dataDir>/imports/<workspace>/`,
 * under a random name (the person's file name is only stored, never used as a path). Paths are
 * stored relative to the data folder, so the folder can move.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'

export function newUploadPath(workspaceId: number): string {
  return join('imports', String(workspaceId), `${randomBytes(16).toString('hex')}.upload`)
}

/** The absolute path of a stored (relative) path; refuses anything outside the data folder. */
export function uploadFile(dataDir: string, stored: string): string {
  const root = resolve(dataDir)
  const path = resolve(root, stored)
  const inside = relative(root, path)
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new Error(`upload path outside the data folder: ${stored}`)
  return path
}

export async function ensureUploadFolder(dataDir: string, workspaceId: number): Promise<void> {
  await mkdir(join(resolve(dataDir), 'imports', String(workspaceId)), { recursive: true })
}

/** Removes uploaded files (those already gone are fine). */
export async function removeUploads(dataDir: string, stored: readonly (string | null)[]): Promise<void> {
  await Promise.all(
    stored
      .filter((path): path is string => path !== null && path !== '')
      .map((path) => rm(uploadFile(dataDir, path), { force: true })),
  )
}
