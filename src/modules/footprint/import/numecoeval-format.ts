/**
 * NumEcoEval's input files: physical equipment (`nomEquipementPhysique;…;type;…`) and datacenters
 * (`nomCourtDatacenter;nomLongDatacenter;pue;localisation;…`), `;` or `,`, columns in any order.
 * Mapping (docs/footprint-imports.md): `nomEquipementPhysique` → reference, `nomOrganisation` →
 * site, `nomEntite` → service, `fabricant` + `modele` → model, `type` (or `modele` when the type is
 * empty or unknown) through the type mapping table, `paysDUtilisation` → country code.
 */
import type { Datacenter } from '../inventory-item.js'
import { collectRows, readCsvDatacenterRows, readCsvItemRows } from './csv-rows.js'
import type { DatacenterRow, ImportRow, ImportSource, InventoryImport, ReadOptions } from './types.js'

/** Rows of a physical equipment file, one at a time (bounded memory). */
export function readNumEcoEvalEquipmentRows(
  source: ImportSource,
  options: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  return readCsvItemRows(source, options, ['numecoeval-equipment'])
}

/** Rows of a datacenter file, one at a time. */
export function readNumEcoEvalDatacenterRows(
  source: ImportSource,
  options: ReadOptions = {},
): AsyncGenerator<DatacenterRow> {
  return readCsvDatacenterRows(source, options)
}

export interface NumEcoEvalFiles {
  equipment: ImportSource
  /** The datacenter file, if any: then an item naming a datacenter it does not describe is an error. */
  datacenters?: ImportSource
}

/** Both files read: the equipment file's result, with the datacenters, and the datacenter file's own result. */
export interface NumEcoEvalImport extends InventoryImport {
  /** The datacenter file as read (its errors and problem are its own, lines in that file); null without one. */
  datacenterFile: InventoryImport | null
}

/**
 * Both files at once (small files). The datacenters are read first; the equipment is checked
 * against them (and against `options.datacenters`, when given). `errors` and `fileProblem` are the
 * equipment file's; the datacenter file's are in `datacenterFile`.
 */
export async function readNumEcoEvalFiles(
  files: NumEcoEvalFiles,
  options: ReadOptions = {},
): Promise<NumEcoEvalImport> {
  const datacenterSource = files.datacenters
  const datacenterFile = datacenterSource
    ? await collectRows((withFormat) => readNumEcoEvalDatacenterRows(datacenterSource, withFormat), options)
    : null
  const datacenters: Datacenter[] = datacenterFile?.datacenters ?? []
  const known = datacenterFile ? [...(options.datacenters ?? []), ...datacenters] : options.datacenters
  const equipment = await collectRows(
    (withFormat) => readNumEcoEvalEquipmentRows(files.equipment, withFormat),
    known ? { ...options, datacenters: known } : options,
  )
  return { ...equipment, datacenters, datacenterFile }
}
