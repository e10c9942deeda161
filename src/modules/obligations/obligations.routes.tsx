import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { currentReferential } from '../referential/referential.store.js'
import { CataloguePage } from './views/catalogue.page.js'

/** The public catalogue of obligations and their rules: the method, open to everyone. */
export function obligationsRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()
  routes.get('/obligations', async (c) =>
    c.render(<CataloguePage c={c} catalogue={(await currentReferential(db)).obligations} />, {
      title: c.get('t')('obligations.catalogue.title'),
      section: 'obligations',
    }),
  )
  return routes
}
