import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.js'
import { obligations } from './obligations.catalogue.js'
import { CataloguePage } from './views/catalogue.page.js'

/** The public catalogue of obligations and their rules: the method, open to everyone. */
export function obligationsRoutes() {
  const routes = new Hono<AppEnv>()
  routes.get('/obligations', (c) =>
    c.render(<CataloguePage c={c} catalogue={obligations} />, {
      title: c.get('t')('obligations.catalogue.title'),
      section: 'obligations',
    }),
  )
  return routes
}
