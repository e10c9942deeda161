import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { MessageKey } from '../../../i18n/i18n.js'
import { type ExportFormat, exportFormats } from '../export-inventory.js'
import { footprintBase } from './form-controls.js'

const formatKeys: Record<ExportFormat, { label: MessageKey; hint: MessageKey }> = {
  'modele-csv': { label: 'inventory.export.templateCsv', hint: 'inventory.export.templateCsvHint' },
  'modele-xlsx': { label: 'inventory.export.templateXlsx', hint: 'inventory.export.templateXlsxHint' },
  numecoeval: { label: 'inventory.export.numecoeval', hint: 'inventory.export.numecoevalHint' },
  'numecoeval-datacenters': {
    label: 'inventory.export.numecoevalDatacenters',
    hint: 'inventory.export.numecoevalDatacentersHint',
  },
  'pcr-si': { label: 'inventory.export.pcrSi', hint: 'inventory.export.pcrSiHint' },
}

/** The inventory's downloads, one link per format the imports read back. */
export function ExportList({ c }: { c: Context<AppEnv> }) {
  const t = c.get('t')
  const path = `${footprintBase(c)}/inventaire/export`
  return (
    <section aria-labelledby="exporter" class="panel">
      <h2 id="exporter">{t('inventory.export.title')}</h2>
      <p>{t('inventory.export.lead')}</p>
      <ul>
        {exportFormats.map((format) => (
          <li>
            <a href={`${path}?format=${format}`} download>
              {t(formatKeys[format].label)}
            </a>{' '}
            <span class="hint">{t(formatKeys[format].hint)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
