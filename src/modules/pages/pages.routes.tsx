import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { countSubjectTerritories } from '../obligations/count-subject-territories.js'
import { currentReferential } from '../referential/referential.store.js'
import { AboutPage } from './views/about.page.js'
import { ApiPage } from './views/api.page.js'
import { HomePage } from './views/home.page.js'

/** The home page and the static information pages. */
export function pagesRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()
  // Official territories do not change while the process runs: count once per referential version.
  let reenCounts:
    | { version: string; counts: Promise<Awaited<ReturnType<typeof countSubjectTerritories>>> }
    | undefined

  routes.get('/', async (c) => {
    const referential = await currentReferential(db)
    const reenStrategy = referential.obligations.find((obligation) => obligation.id === 'reen_strategie')
    if (reenCounts?.version !== referential.version) {
      const counts = reenStrategy ? countSubjectTerritories(db, reenStrategy) : Promise.resolve({})
      reenCounts = { version: referential.version, counts }
      counts.catch(() => {
        reenCounts = undefined
      })
    }
    const counts = await reenCounts.counts
    return c.render(<HomePage c={c} communes={counts.commune ?? 0} epci={counts.epci ?? 0} />, {
      title: c.get('t')('home.title'),
      section: 'home',
    })
  })
  routes.get('/api', (c) => c.render(<ApiPage c={c} />, { title: c.get('t')('api.title'), section: 'api' }))
  routes.get('/a-propos', (c) =>
    c.render(<AboutPage c={c} />, { title: c.get('t')('about.title'), section: 'about' }),
  )
  return routes
}
