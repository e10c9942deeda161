import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppDependencies } from '../../../app-env.js'
import type { StrategyDocumentsTable } from '../../../db/schema.js'
import { ChromiumUnavailable, printPdf } from '../../../lib/print-pdf.js'

/**
 * PDFs of the documents, printed by the machine's Chromium from the same HTML the browser shows.
 * A live draft is printed on each request; a published version once, then kept under
 * DATA_DIR/documents (it never changes). The file name carries a hash of the HTML besides the id,
 * so that a database restored or reset, reusing ids, can never be served another document's PDF.
 */

const inFlight = new Map<string, Promise<Buffer | 'unavailable'>>()

function logFailure(error: unknown, what: string): void {
  console.error(
    JSON.stringify({ level: 'error', message: `PDF of ${what} failed`, error: (error as Error)?.message }),
  )
}

/** The PDF of any HTML, or 'unavailable' when this server cannot print (no Chromium, a failed print). */
export async function printDocumentPdf(
  deps: AppDependencies,
  html: string,
  what: string,
): Promise<Buffer | 'unavailable'> {
  try {
    return await printPdf(html, { chromiumPath: deps.config.chromiumPath })
  } catch (error) {
    if (!(error instanceof ChromiumUnavailable)) logFailure(error, what)
    return 'unavailable'
  }
}

export function storedPdfPath(dataDir: string, document: { id: number; html: string }): string {
  const hash = createHash('sha256').update(document.html, 'utf8').digest('hex').slice(0, 16)
  return join(dataDir, 'documents', `${document.id}-${hash}.pdf`)
}

/** The PDF of a published version, printed once and then read from the data folder. */
export async function storedDocumentPdf(
  deps: AppDependencies,
  document: Pick<StrategyDocumentsTable, 'html'> & { id: number },
): Promise<Buffer | 'unavailable'> {
  const path = storedPdfPath(deps.config.dataDir, document)
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  // Two visitors asking for the same new PDF share one print.
  const pending = inFlight.get(path)
  if (pending) return pending
  const printing = (async () => {
    const pdf = await printDocumentPdf(deps, document.html, `document ${document.id}`)
    if (pdf === 'unavailable') return pdf
    await mkdir(join(deps.config.dataDir, 'documents'), { recursive: true })
    // Written whole then renamed: a reader never sees half a file.
    const partial = `${path}.${randomBytes(6).toString('hex')}.part`
    await writeFile(partial, pdf)
    await rename(partial, path)
    return pdf
  })()
  inFlight.set(path, printing)
  try {
    return await printing
  } finally {
    inFlight.delete(path)
  }
}
