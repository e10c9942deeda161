import { z } from 'zod'
import { referentialSchema } from './referential.schemas.js'

const versionString = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/)
  .describe('A published version, e.g. 2026.1')

export const apiReferentialPathSchema = z.object({ version: versionString })

/** The referential exactly as published (the file format, see docs/referential.md), plus when. */
export const referentialResponseSchema = referentialSchema
  .extend({
    publishedAt: z.string().describe('When this version was published (ISO 8601, UTC)'),
  })
  .meta({ id: 'Referential' })

export const referentialVersionsResponseSchema = z
  .object({
    current: z.string().describe('The version in force: the latest published'),
    items: z.array(
      z.object({
        version: z.string(),
        title: z.string(),
        origin: z
          .enum(['bundled', 'upload'])
          .describe('bundled: shipped with the code; upload: published by an operator'),
        publishedAt: z.string(),
        url: z.string().describe('API URL of this version'),
      }),
    ),
  })
  .meta({ id: 'ReferentialVersions' })
