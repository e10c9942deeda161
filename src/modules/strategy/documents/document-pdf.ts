import type { AppDependencies } from '../../../app-env.js'
import type { StrategyDocumentsTable } from '../../../db/schema.js'

/**
 * STUB (the documents work fills it in): the PDF of a published version, printed by Chromium from
 * its stored HTML and kept under DATA_DIR/documents; 'unavailable' when no Chromium is installed.
 */
export async function storedDocumentPdf(
  _deps: AppDependencies,
  _document: Pick<StrategyDocumentsTable, 'html'> & { id: number },
): Promise<Buffer | 'unavailable'> {
  return 'unavailable'
}
