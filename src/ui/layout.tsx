import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { PropsWithChildren } from 'hono/jsx'
import type { AppEnv } from '../app-env.js'
import { officialDataset } from '../modules/territories/official-dataset.js'
import { assetUrl } from './static-assets.js'

export interface PageProps {
  title: string
  /** Current section in the navigation, for aria-current. */
  section?: 'home' | 'territories' | 'referential' | 'obligations' | 'api' | 'about'
  description?: string
}

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: module augmentation must stay an interface
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>
  }
}

/** Sign in, or the signed-in person's links and a sign-out button (a form: signing out changes state). */
function UserMenu({ c }: { c: Context<AppEnv> }) {
  const t = c.get('t')
  const user = c.get('user')
  if (!user) return <a href="/connexion">{t('nav.signIn')}</a>
  return (
    <>
      <a href="/espaces">{t('nav.workspaces')}</a>
      {user.platformRole === 'operator' ? <a href="/operateur">{t('nav.operator')}</a> : null}
      {user.platformRole ? <a href="/observatoire">{t('nav.observatory')}</a> : null}
      <a href="/compte">{t('nav.account')}</a>
      <form method="post" action="/deconnexion" class="sign-out">
        <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
        <button type="submit">{t('nav.signOut')}</button>
      </form>
    </>
  )
}

/** Where the language switch sends back to: same page, only local paths. */
function currentPath(c: Context<AppEnv>): string {
  const url = new URL(c.req.url)
  return url.pathname + url.search
}

function Layout({ children, title, section, description }: PropsWithChildren<PageProps>, c: Context<AppEnv>) {
  const t = c.get('t')
  const locale = c.get('locale')
  const otherLocale = locale === 'fr' ? 'en' : 'fr'
  const navItems = [
    { id: 'home', href: '/', label: t('nav.home') },
    { id: 'territories', href: '/territoires', label: t('nav.territories') },
    { id: 'referential', href: '/referentiel', label: t('nav.referential') },
    { id: 'obligations', href: '/obligations', label: t('nav.obligations') },
    { id: 'api', href: '/api', label: t('nav.api') },
    { id: 'about', href: '/a-propos', label: t('nav.about') },
  ] as const
  const switchHref = `/langue?lang=${otherLocale}&retour=${encodeURIComponent(currentPath(c))}`
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <meta name="description" content={description ?? t('site.tagline')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          {t('skip.toContent')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-name">{t('site.name')}</span>
              <span class="brand-tagline">{t('site.tagline')}</span>
            </a>
            <div class="header-tools">
              <UserMenu c={c} />
              <a
                class="lang-switch"
                href={switchHref}
                lang={otherLocale}
                hreflang={otherLocale}
                title={t('lang.switchLabel')}
              >
                {t('lang.switchTo')}
              </a>
            </div>
          </div>
          <nav class="wrap" aria-label={t('nav.label')}>
            <ul class="nav-list">
              {navItems.map((item) => (
                <li>
                  <a href={item.href} aria-current={section === item.id ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="contenu" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {t('footer.data', {
                geography: officialDataset.geographyVintage,
                package: officialDataset.packageName,
                licence: officialDataset.licence,
              })}
            </p>
            <p>{t('footer.source')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}

/**
 * c.render(): the page in the layout, as a plain string. (hono's jsxRenderer hands c.html() a String
 * object, which @hono/node-server cannot send on its fast path: it builds a full web Response and
 * streams the body back, about a tenth of a territory page's CPU.)
 */
export const renderer = createMiddleware<AppEnv>(async (c, next) => {
  c.setRenderer(async (content, props) => {
    const page = Layout({ ...props, children: content } as PropsWithChildren<PageProps>, c) as unknown as {
      toString(): string | Promise<string>
    }
    return c.html(`<!DOCTYPE html>${await page.toString()}`)
  })
  await next()
})
