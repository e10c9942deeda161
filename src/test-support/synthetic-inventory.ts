import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { templateHeader } from '../modules/footprint/import/formats.js'

const types = [
  'Ordinateur portable',
  'Écran',
  'Poste fixe',
  'Smartphone',
  'Imprimante',
  'Serveur',
  'Tablette',
]

/**
 * A realistic template row, the same for a given index: accents, dates, decimal commas, a quoted
 * model now and then. With `lifecycle`, some devices are retired (and given away) and some hosted
 * in datacenters DC0–DC2, which the reader then checks against a datacenter list when given one.
 */
export function syntheticTemplateRow(index: number, options: { lifecycle?: boolean } = {}): string {
  const day = String(1 + (index % 28)).padStart(2, '0')
  const month = String(1 + (index % 12)).padStart(2, '0')
  const model = index % 10 === 0 ? `"Modèle ${index % 97}; série ""${index % 7}"""` : `Modèle ${index % 97}`
  const retired = options.lifecycle === true && index % 9 === 0
  return [
    types[index % types.length],
    model,
    1 + (index % 5),
    `Site ${index % 40}`,
    `Service ${index % 25}`,
    index % 3 === 0 ? 'agents|télétravail' : '',
    `${day}/${month}/20${10 + (index % 14)}`,
    retired ? `${day}/${month}/2024` : '',
    retired ? 'réformé' : 'en service',
    index % 4 === 0 ? 'reconditionné' : 'neuf',
    retired ? 'don' : '',
    options.lifecycle === true && index % 7 === 5 ? `DC${index % 3}` : '',
    index % 6 === 5 ? `${index % 900},5` : '',
    'France',
    '',
    `REF-${index}`,
  ].join(';')
}

/** Writes a template CSV file of `rows` synthetic rows (UTF-8 with BOM, `;`, CRLF), streaming. */
export async function writeSyntheticTemplate(
  path: string,
  rows: number,
  options: { lifecycle?: boolean } = {},
): Promise<void> {
  const out = createWriteStream(path)
  out.write(`\uFEFF${templateHeader('fr').join(';')}\r\n`)
  let batch = ''
  for (let index = 0; index < rows; index++) {
    batch += `${syntheticTemplateRow(index, options)}\r\n`
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await once(out, 'drain')
      batch = ''
    }
  }
  out.end(batch)
  await once(out, 'finish')
}
