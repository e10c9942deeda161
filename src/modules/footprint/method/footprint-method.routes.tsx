import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { defaultFactorBase } from '../factor-bases.store.js'
import { FootprintMethodPage } from './views/footprint-method.page.js'
import { type WorkedExample, workedExample } from './worked-example.js'

/** The public methodology page: no account, generated from the code and the default base. */
export function footprintMethodRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()
  // A published base version never changes: its example is computed once per version.
  const examples = new Map<string, WorkedExample>()
  const exampleOf = (base: FactorBase) => {
    const key = `${base.id}@${base.version}`
    let example = examples.get(key)
    if (!example) {
      example = workedExample(base)
      examples.set(key, example)
    }
    return example
  }

  routes.get('/empreinte/methode', async (c) => {
    const base = await defaultFactorBase(db)
    return c.render(<FootprintMethodPage c={c} base={base} example={exampleOf(base)} />, {
      title: c.get('t')('footprintMethod.title'),
      description: c.get('t')('footprintMethod.lead', {
        title: base.title,
        id: base.id,
        version: base.version,
      }),
    })
  })
  return routes
}
