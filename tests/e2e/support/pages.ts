import type { Locale } from '../../../src/i18n/i18n.js'

/** Codes found at run time through the public API rather than written here. */
export interface Lookups {
  /** SIREN of the Métropole d'Aix-Marseille-Provence, an EPCI with several pages of member communes. */
  aixMarseille: string
}

export interface AppPage {
  /** Short name, also the screenshot's file name. */
  name: string
  path: string | ((lookups: Lookups) => string)
  status: number
  /** What the main heading says, in each language. */
  heading: Record<Locale, RegExp>
}

const notFound = { fr: /^Page introuvable$/, en: /^Page not found$/ }

/** Every page of the application, each reached as a visitor would (plain GET, no JavaScript needed). */
export const appPages: AppPage[] = [
  {
    name: 'home',
    path: '/',
    status: 200,
    heading: { fr: /^Piloter le numérique/, en: /^Steer your territory/ },
  },
  {
    name: 'search-empty',
    path: '/territoires',
    status: 200,
    heading: { fr: /^Territoires$/, en: /^Territories$/ },
  },
  {
    name: 'search-results',
    path: '/territoires?q=lyon',
    status: 200,
    heading: { fr: /^Résultats pour « lyon »$/, en: /^Results for “lyon”$/ },
  },
  {
    name: 'search-too-short',
    path: '/territoires?q=l',
    status: 200,
    heading: { fr: /^Territoires$/, en: /^Territories$/ },
  },
  {
    name: 'search-no-result',
    path: '/territoires?q=zzxqwv',
    status: 200,
    heading: { fr: /^Résultats pour « zzxqwv »$/, en: /^Results for “zzxqwv”$/ },
  },
  {
    name: 'search-page-2',
    path: '/territoires?q=saint&page=2',
    status: 200,
    heading: { fr: /^Résultats pour « saint »$/, en: /^Results for “saint”$/ },
  },
  {
    name: 'commune-lyon',
    path: '/territoires/commune/69123',
    status: 200,
    heading: { fr: /^Lyon$/, en: /^Lyon$/ },
  },
  {
    name: 'epci-aix-marseille',
    path: ({ aixMarseille }) => `/territoires/epci/${aixMarseille}`,
    status: 200,
    heading: { fr: /^Métropole d'Aix-Marseille-Provence$/, en: /^Métropole d'Aix-Marseille-Provence$/ },
  },
  {
    name: 'epci-aix-marseille-page-2',
    path: ({ aixMarseille }) => `/territoires/epci/${aixMarseille}?page=2`,
    status: 200,
    heading: { fr: /^Métropole d'Aix-Marseille-Provence$/, en: /^Métropole d'Aix-Marseille-Provence$/ },
  },
  {
    name: 'metropole-de-lyon',
    path: '/territoires/special/200046977',
    status: 200,
    heading: { fr: /^Métropole de Lyon$/, en: /^Métropole de Lyon$/ },
  },
  {
    name: 'departement-13',
    path: '/territoires/departement/13',
    status: 200,
    heading: { fr: /^Bouches-du-Rhône$/, en: /^Bouches-du-Rhône$/ },
  },
  {
    name: 'region-84',
    path: '/territoires/region/84',
    status: 200,
    heading: { fr: /^Auvergne-Rhône-Alpes$/, en: /^Auvergne-Rhône-Alpes$/ },
  },
  {
    name: 'demo-commune',
    path: '/territoires/commune/DEMO-VILLE',
    status: 200,
    heading: { fr: /^Jalons-sur-Loire \(démonstration\)/, en: /^Jalons-sur-Loire \(démonstration\)/ },
  },
  {
    // What the demo city published (its seed publishes a strategy): documents, objectives, actions.
    name: 'demo-public-strategy',
    path: '/territoires/commune/DEMO-VILLE/strategie',
    status: 200,
    heading: {
      fr: /^Jalons-sur-Loire \(démonstration\)[\s\S]*Stratégie numérique responsable$/,
      en: /^Jalons-sur-Loire \(démonstration\)[\s\S]*Responsible digital strategy$/,
    },
  },
  {
    name: 'demo-epci',
    path: '/territoires/epci/DEMO-AGGLO',
    status: 200,
    heading: { fr: /^Jalons Agglomération \(démonstration\)/, en: /^Jalons Agglomération \(démonstration\)/ },
  },
  {
    name: 'commune-estimate',
    path: '/territoires/commune/69243?agents=40&achats=1000000',
    status: 200,
    heading: { fr: /^Tarare$/, en: /^Tarare$/ },
  },
  {
    name: 'obligations',
    path: '/obligations',
    status: 200,
    heading: { fr: /^Obligations légales et règles/, en: /^Legal obligations and how they apply$/ },
  },
  {
    name: 'referential',
    path: '/referentiel',
    status: 200,
    heading: {
      fr: /^Référentiel Territoires numériques responsables$/,
      en: /^Referential Territoires numériques responsables$/,
    },
  },
  {
    // The largest commitment page (5 questions, 6 indicators): the one closest to the page budget.
    name: 'referential-commitment',
    path: '/referentiel/2026.1/engagements/A1.E1',
    status: 200,
    heading: {
      fr: /^A1\.E1 · Organiser l’accès de tous aux services publics$/,
      en: /^A1\.E1 · Organiser l’accès de tous aux services publics$/,
    },
  },
  {
    name: 'referential-compare',
    path: '/referentiel/comparer?de=2026.1&a=2026.1',
    status: 200,
    heading: {
      fr: /^Comparer deux versions du référentiel$/,
      en: /^Compare two versions of the referential$/,
    },
  },
  {
    name: 'referential-method',
    path: '/referentiel/methode',
    status: 200,
    heading: { fr: /^Méthode de calcul des scores$/, en: /^How scores are computed$/ },
  },
  { name: 'api', path: '/api', status: 200, heading: { fr: /^API ouverte$/, en: /^Open API$/ } },
  {
    name: 'footprint-method',
    path: '/empreinte/methode',
    status: 200,
    heading: {
      fr: /^Méthode de calcul de l’empreinte du parc informatique$/,
      en: /^How the IT estate footprint is computed$/,
    },
  },
  {
    name: 'factor-bases',
    path: '/bases-de-facteurs',
    status: 200,
    heading: { fr: /^Bases de facteurs$/, en: /^Factor bases$/ },
  },
  {
    // The default base's figures, sources and licences: the longest of the public footprint pages.
    name: 'factor-base-default',
    path: '/bases-de-facteurs/ademe-negaoctet-2022/2022.1',
    status: 200,
    // The base's own title, in French whatever the visitor's language (marked lang="fr").
    heading: {
      fr: /^Base par défaut — ADEME Base Empreinte \/ NegaOctet 2022$/,
      en: /^Base par défaut — ADEME Base Empreinte \/ NegaOctet 2022$/,
    },
  },
  {
    name: 'about',
    path: '/a-propos',
    status: 200,
    heading: { fr: /^À propos de Jalons$/, en: /^About Jalons$/ },
  },
  { name: 'not-found', path: '/nope', status: 404, heading: notFound },
  { name: 'territory-not-found', path: '/territoires/commune/00000', status: 404, heading: notFound },
  {
    name: 'bad-request',
    path: '/territoires?page=abc',
    status: 400,
    heading: { fr: /^Requête incorrecte$/, en: /^Bad request$/ },
  },
  { name: 'sign-in', path: '/connexion', status: 200, heading: { fr: /^Se connecter$/, en: /^Sign in$/ } },
  {
    name: 'reset-request',
    path: '/mot-de-passe-oublie',
    status: 200,
    heading: { fr: /^Mot de passe oublié$/, en: /^Forgotten password$/ },
  },
  {
    name: 'workspace-request',
    path: '/demander-un-espace?territoire=commune/69123',
    status: 200,
    heading: { fr: /^Demander l’ouverture d’un espace$/, en: /^Request a workspace$/ },
  },
  {
    name: 'unknown-reset-link',
    path: '/reinitialiser/not-a-real-token',
    status: 404,
    heading: { fr: /^Lien inutilisable$/, en: /^Unusable link$/ },
  },
]

export function pathOf(page: AppPage, lookups: Lookups): string {
  return typeof page.path === 'string' ? page.path : page.path(lookups)
}

/** Finds the codes of Lookups through the public API, as an integrator would. */
export async function findLookups(origin: string): Promise<Lookups> {
  const response = await fetch(`${origin}/api/v1/territories?q=aix-marseille`)
  const body = (await response.json()) as { items: { kind: string; code: string; name: string }[] }
  const metropole = body.items.find(
    (item) => item.kind === 'epci' && item.name.includes('Aix-Marseille-Provence'),
  )
  if (!metropole)
    throw new Error(`The API found no Métropole d'Aix-Marseille-Provence: ${JSON.stringify(body)}`)
  return { aixMarseille: metropole.code }
}
