import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { FilePublishParts, type FilePublishState } from '../../../../ui/file-publish.js'
import type { FactorBaseSummary } from '../../factor-bases.store.js'
import { operatorBasesPath, publicBasePath } from './base-parts.js'
import { BaseVersionsTable } from './public-bases.page.js'

export type OperatorBasesState = FilePublishState

export const operatorUploadField = 'fichier'

/** Operators publish a platform factor base: the upload form, the problems, the published bases. */
export function OperatorBasesPage({
  c,
  bases,
  maxBytes,
  state,
}: {
  c: Context<AppEnv>
  bases: readonly FactorBaseSummary[]
  maxBytes: number
  state: OperatorBasesState
}) {
  const t = c.get('t')
  const latest = bases[0]
  return (
    <>
      <p>
        <a href="/operateur">{t('operator.title')}</a>
      </p>
      <h1>{t('factor-bases.operator.title')}</h1>
      <FilePublishParts
        c={c}
        field={operatorUploadField}
        action={operatorBasesPath}
        maxBytes={maxBytes}
        state={state}
        keys={{
          file: 'factor-bases.operator.file',
          fileHint: 'factor-bases.operator.fileHint',
          formTitle: 'factor-bases.operator.formTitle',
          rules: 'factor-bases.operator.rules',
          submit: 'factor-bases.operator.submit',
          problemsCaption: 'factor-bases.operator.problemsCaption',
          line: 'factor-bases.import.line',
          path: 'factor-bases.operator.path',
          problem: 'factor-bases.import.reason',
        }}
        startFrom={
          latest ? (
            <p>
              {t('factor-bases.operator.startFrom')}{' '}
              <a href={`${publicBasePath(latest.id, latest.version)}.json`}>
                {t('factor-bases.operator.startFromLink', { id: latest.id, version: latest.version })}
              </a>
            </p>
          ) : null
        }
      />

      <BaseVersionsTable
        c={c}
        bases={bases}
        caption={t('factor-bases.public.caption')}
        href={(base) => publicBasePath(base.id, base.version)}
      />
    </>
  )
}
