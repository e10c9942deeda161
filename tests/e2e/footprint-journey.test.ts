import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { browserAvailable } from './support/browser.js'
import { parseCsv } from './support/csv.js'
import {
  type Actor,
  click,
  createJourney,
  escapeRegExp,
  heading,
  pathOf,
  visit,
  workspaceIdOf,
} from './support/journey.js'
import { useStage } from './support/stage.js'

const demoCity = 'Jalons-sur-Loire (démonstration)'
/** Results, scenarios and frozen years default to the current year: the same clock as the server. */
const year = new Date().getUTCFullYear()
const baseId = 'ademe-negaoctet-2022'
const baseVersion = '2022.1'
const baseFile = fileURLToPath(new URL('../../factor-bases/ademe-negaoctet-2022.1.yaml', import.meta.url))

/**
 * Our inventory, as a French person fills the template in a spreadsheet: dates dd/mm/yyyy, decimal
 * commas. Purchases are a few years back, so every line counts in the current year (stock method).
 */
interface Row {
  type: string
  model: string
  quantity: string
  site: string
  service: string
  purchase: string
  retirement: string
  /** Measured consumption (kWh a year), decimal comma. */
  kwh: string
  /** The line's own lifetime (years), decimal comma. */
  lifetime: string
  reference: string
}
const row = (fields: Partial<Row> & Pick<Row, 'type' | 'quantity' | 'reference'>): Row => ({
  model: '',
  site: 'Hôtel de ville',
  service: '',
  purchase: '',
  retirement: '',
  kwh: '',
  lifetime: '',
  ...fields,
})
const correctRows: Row[] = [
  row({
    type: 'Ordinateur portable',
    model: 'Dell Latitude 5440',
    quantity: '4',
    service: 'Ressources humaines',
    purchase: `15/03/${year - 2}`,
    reference: 'FPJ-001',
  }),
  row({
    type: 'Ordinateur portable',
    // A model the type table does not know: with a misspelt type, nothing settles the line's type.
    model: 'Fujitsu Lifebook U7411',
    quantity: '3',
    site: 'Médiathèque',
    service: 'Culture',
    purchase: `02/09/${year - 1}`,
    reference: 'FPJ-002',
  }),
  row({
    type: 'Écran',
    model: 'Iiyama ProLite XU2493',
    quantity: '5',
    purchase: `10/01/${year - 3}`,
    lifetime: '7,5',
    reference: 'FPJ-003',
  }),
  row({
    type: 'Poste fixe',
    model: 'HP EliteDesk 800 G4',
    quantity: '2',
    site: 'Centre technique municipal',
    purchase: `01/06/${year - 4}`,
    kwh: '120,5',
    reference: 'FPJ-004',
  }),
  row({
    type: 'Smartphone',
    model: 'Samsung Galaxy A54',
    quantity: '6',
    site: 'Police municipale',
    purchase: `20/11/${year - 1}`,
    reference: 'FPJ-005',
  }),
  // Dates known: the lifetime comes from them (exactly 5 years).
  row({
    type: 'Ordinateur portable',
    model: 'HP EliteBook 840 G8',
    quantity: '1',
    purchase: `01/01/${year - 4}`,
    retirement: `01/01/${year + 1}`,
    reference: 'FPJ-006',
  }),
]
/** The same file with two mistakes: a misspelt type (line 3) and a retirement before purchase (line 7). */
const wrongRows: Row[] = correctRows.map((line, index) =>
  index === 1
    ? { ...line, type: 'Ordinateur portabel' }
    : index === 5
      ? { ...line, retirement: `01/01/${year - 5}` }
      : line,
)
const deviceCount = correctRows.reduce((sum, line) => sum + Number(line.quantity), 0)
const laptopCount = correctRows
  .filter((line) => line.type === 'Ordinateur portable')
  .reduce((sum, line) => sum + Number(line.quantity), 0)
const ourTypes: Record<string, string> = {
  'Ordinateur portable': 'laptop',
  Écran: 'monitor',
  'Poste fixe': 'desktop',
  Smartphone: 'smartphone',
}
const frenchNumber = (text: string) => Number(text.replace(',', '.'))

/** The default base's figures, read from its file: the test's own oracle, independent of the engine. */
interface BaseDevice {
  lifetimeYears: number
  activePowerW: number
  hoursPerDay: number
  factors: Record<'manufacturing' | 'distribution' | 'endOfLife', { climate: number }>
}
function readDefaultBase() {
  const base = parseYaml(readFileSync(baseFile, 'utf8')) as {
    version: string
    devices: Record<string, BaseDevice>
    electricity: {
      countries: Record<string, string>
      options: { id: string; perKwh: { climate: number } }[]
    }
  }
  const option = base.electricity.options.find((candidate) => candidate.id === base.electricity.countries.FR)
  if (!option) throw new Error('no electricity option for France in the default base')
  return { base, perKwh: option.perKwh.climate }
}

type Phase = 'manufacturing' | 'distribution' | 'use' | 'endOfLife'
type Figures = Record<Phase | 'total', number>

/**
 * Stock method, current year, by hand: each device carries (manufacturing + distribution + end of
 * life) ÷ lifetime, plus a year of electricity (measured kWh, else power × hours × 365 ÷ 1000) × the
 * French factor. Lifetime: from the dates when both are known, else the line's, else the type's.
 * `extraLaptopYears` applies the scenario (laptops kept that many years longer).
 */
function expectedClimate(rows: Row[], extraLaptopYears = 0): Figures {
  const { base, perKwh } = readDefaultBase()
  const figures: Figures = { manufacturing: 0, distribution: 0, use: 0, endOfLife: 0, total: 0 }
  for (const line of rows) {
    const type = ourTypes[line.type] as string
    const device = base.devices[type] as BaseDevice
    let lifetime = device.lifetimeYears
    if (line.lifetime) lifetime = frenchNumber(line.lifetime)
    if (line.purchase && line.retirement)
      lifetime = Number(line.retirement.slice(-4)) - Number(line.purchase.slice(-4))
    if (type === 'laptop') lifetime += extraLaptopYears
    const kwh = line.kwh ? frenchNumber(line.kwh) : (device.activePowerW * device.hoursPerDay * 365) / 1000
    const quantity = Number(line.quantity)
    for (const phase of ['manufacturing', 'distribution', 'endOfLife'] as const)
      figures[phase] += (quantity * device.factors[phase].climate) / lifetime
    figures.use += quantity * kwh * perKwh
  }
  figures.total = figures.manufacturing + figures.distribution + figures.use + figures.endOfLife
  return figures
}

/** A figure as the pages print it: whole from 100, three significant digits below, tCO2e from 1,000. */
function frenchAmount(value: number, unit = 'kgCO2e'): string {
  const shown = unit === 'kgCO2e' && Math.abs(value) >= 1000 ? value / 1000 : value
  const shownUnit = shown === value ? unit : 'tCO2e'
  const format = Number.isInteger(shown)
    ? new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 })
    : Math.abs(shown) >= 100
      ? new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
      : new Intl.NumberFormat('fr-FR', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 })
  return spaced(`${format.format(shown)} ${shownUnit}`)
}
/** A whole or rounded figure without unit, as the scenario tables print them. */
const frenchNumberOf = (value: number) => frenchAmount(value, '').trim()
const frenchPercent = (share: number) =>
  spaced(new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(share))
/** Every kind of space (Intl's narrow no-break space included) as one plain space, as textOf reads. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim()

/** What a locator reads as rendered (block elements apart), spaces collapsed. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text, block elements apart, is what a person reads
const read = async (locator: Locator) => spaced(await locator.innerText())

/**
 * The IT estate's footprint, as the demo city's admin works it out in a browser with JavaScript
 * DISABLED (axe runs on a scripted replay of each page: see createScriptlessAxe): from the demo's
 * results to the template, a file with two mistakes (refused as is, every error with its line,
 * column and a suggestion), the corrected file imported in place of the inventory, the results
 * checked against a computation by hand from the base's own figures, a figure explained, a scenario
 * previewed then saved; then the other footprint pages once each, and a contributor editing a line.
 * Every page anyone loads gets an axe-core check; a page loaded and never checked fails the last test.
 */
describe.skipIf(!browserAvailable)('the IT footprint, without JavaScript', () => {
  const stage = useStage()
  const { journey, credential, openBrowser, audit, checkEveryPageAudited } = createJourney(stage, {
    screenshotPrefix: 'footprint',
  })
  let fileDir: string

  beforeAll(() => {
    fileDir = mkdtempSync(join(tmpdir(), 'jalons-footprint-'))
  })
  afterAll(() => {
    if (fileDir) rmSync(fileDir, { recursive: true, force: true })
  })

  const main = (actor: Actor) => actor.page.locator('main')
  const workspaceNav = (actor: Actor) =>
    actor.page.getByRole('navigation', { name: 'Navigation de l’espace' })
  const footprintNav = (actor: Actor) =>
    actor.page.getByRole('navigation', { name: 'Navigation de l’empreinte' })
  const statusMessage = (actor: Actor) => read(main(actor).getByRole('status').first())
  /** A table row's cells, one space apart. */
  const cellsOf = async (line: Locator) => spaced((await line.locator('th, td').allInnerTexts()).join(' '))

  /** The id of an inventory line, from its link in the list. */
  async function inventoryItemId(actor: Actor, reference: string): Promise<number> {
    const response = await actor.page.request.get(
      `/espace/${workspaceIdOf(actor)}/empreinte/inventaire?texte=${encodeURIComponent(reference)}`,
    )
    const id = (await response.text()).match(
      new RegExp(`href="/espace/\\d+/empreinte/inventaire/(\\d+)">${escapeRegExp(reference)}<`),
    )?.[1]
    if (!id) throw new Error(`no inventory line ${reference}`)
    return Number(id)
  }

  async function signIn(actor: Actor, email: string, password: string): Promise<void> {
    const { page } = actor
    await visit(actor, '/connexion')
    await audit(actor, 'sign-in')
    await page.getByLabel('Adresse électronique').fill(email)
    await page.getByLabel('Mot de passe', { exact: true }).fill(password)
    await click(actor, page.getByRole('button', { name: 'Se connecter' }))
    expect(pathOf(actor)).toBe('/espaces')
    await audit(actor, 'workspaces')
  }

  /** From the workspace list to the footprint's results, by the links a person follows. */
  async function openFootprint(actor: Actor, label: string): Promise<number> {
    await click(actor, actor.page.getByRole('link', { name: demoCity }))
    await audit(actor, `${label}-workspace-home`)
    const workspaceId = workspaceIdOf(actor)
    await click(actor, workspaceNav(actor).getByRole('link', { name: 'Empreinte' }))
    expect(pathOf(actor)).toBe(`/espace/${workspaceId}/empreinte`)
    await audit(actor, `${label}-results`)
    expect(await heading(actor)).toBe('Empreinte environnementale du parc')
    return workspaceId
  }

  /** The link of the climate total on a results page (its text is the figure). */
  const climateTotal = (actor: Actor) =>
    main(actor).getByRole('link', {
      name: /— comment ce chiffre est-il calculé \? \(total Changement climatique\)$/,
    })

  /** Writes our inventory file, under the template's own header, as UTF-8 with a BOM and CRLF. */
  function writeInventory(name: string, header: string[], rows: Row[]): string {
    const byColumn = (line: Row): Record<string, string> => ({
      type: line.type,
      modele: line.model,
      quantite: line.quantity,
      site: line.site,
      service: line.service,
      date_achat: line.purchase,
      date_retrait: line.retirement,
      statut: 'en service',
      etat_achat: 'neuf',
      kwh_annuel: line.kwh,
      pays: 'France',
      duree_vie_ans: line.lifetime,
      reference: line.reference,
    })
    const lines = [header, ...rows.map((line) => header.map((column) => byColumn(line)[column] ?? ''))]
    const path = join(fileDir, name)
    writeFileSync(path, `\uFEFF${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`, 'utf8')
    return path
  }

  /** The import's page while its job runs: it offers to update now. */
  const isRunning = async (actor: Actor) =>
    (await actor.page.getByRole('link', { name: 'Actualiser maintenant' }).count()) > 0

  /**
   * Waits on an import's page until its job is over. While it runs the page reloads itself every 2 s
   * (HTTP Refresh header, no script): each reload is a new document, checked like any other.
   */
  async function untilSettled(actor: Actor, label: string): Promise<number> {
    let reloads = 0
    for (;;) {
      const running = await isRunning(actor)
      const documents = actor.visits.length
      await audit(actor, reloads === 0 ? label : `${label}-reload-${reloads}`)
      if (!running) return reloads
      expect(reloads, `${label}: still running after ${reloads} reloads`).toBeLessThan(15)
      // Unless the reload already came while the page was being checked, wait for it.
      if (actor.visits.length === documents) await actor.page.waitForEvent('load', { timeout: 6_000 })
      else await actor.page.waitForLoadState('load')
      reloads++
    }
  }

  async function upload(actor: Actor, file: string): Promise<void> {
    const { page } = actor
    const form = page.getByRole('region', { name: 'Envoyer un fichier' })
    await form.getByLabel('Fichier d’inventaire').setInputFiles(file)
    await form.getByLabel(/^Remplacer l’inventaire/).check()
    await click(actor, form.getByRole('button', { name: 'Envoyer et vérifier le fichier' }))
    expect(pathOf(actor)).toMatch(/\/empreinte\/imports\/\d+$/)
  }

  /** "Lignes de données 6", "Lignes valides 4"… from the report's facts. */
  async function reportFacts(actor: Actor): Promise<Record<string, string>> {
    const section = actor.page.getByRole('region', { name: 'Ce que contient le fichier' })
    const terms = await section.locator('dt').allInnerTexts()
    const values = await section.locator('dd').allInnerTexts()
    return Object.fromEntries(terms.map((term, index) => [spaced(term), spaced(values[index] ?? '')]))
  }

  describe('the admin, from the template to a scenario', () => {
    const step = journey()
    let admin: Actor
    let workspaceId: number
    let footprint: string
    let header: string[]
    const expected = expectedClimate(correctRows)
    const expectedTotal = expected.total
    const laptopUse = expectedClimate(correctRows.filter((line) => line.type === 'Ordinateur portable')).use

    step('the admin signs in, reads the demo’s results, then opens the imports', async () => {
      admin = await openBrowser('the admin')
      const account = credential(/^admin of/)
      await signIn(admin, account.email, account.password)
      workspaceId = await openFootprint(admin, 'demo')
      footprint = `/espace/${workspaceId}/empreinte`
      const text = await read(main(admin))
      expect(text).toContain(
        `Base de facteurs : Base par défaut — ADEME Base Empreinte / NegaOctet 2022 (${baseId}, version ${baseVersion}). Méthode stock, année ${year}.`,
      )
      // The demo's inventory holds over a thousand devices: tens of tonnes.
      expect(await read(climateTotal(admin))).toMatch(/^\d+(,\d+)? tCO2e$/)
      expect(
        await footprintNav(admin).getByRole('link', { name: 'Résultats' }).getAttribute('aria-current'),
      ).toBe('page')

      await click(admin, footprintNav(admin).getByRole('link', { name: 'Imports' }))
      expect(pathOf(admin)).toBe(`${footprint}/imports`)
      await audit(admin, 'imports')
      expect(await heading(admin)).toBe('Imports de l’inventaire')
    })

    step('the admin downloads the template, in CSV and in Excel', async () => {
      const { page } = admin
      const csvLink = page.getByRole('link', { name: 'Télécharger le modèle CSV (séparateur « ; »)' })
      const csvHref = (await csvLink.getAttribute('href')) as string
      expect(csvHref).toBe('/empreinte/modele.csv')
      const csv = await page.request.get(csvHref)
      expect(csv.status()).toBe(200)
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
      expect(csv.headers()['content-disposition']).toBe('attachment; filename="modele-inventaire.csv"')
      const bytes = await csv.body()
      expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf])
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))
      const rows = parseCsv(text, ';').filter((cells) => cells.some((cell) => cell !== ''))
      header = rows[0] as string[]
      expect(header).toEqual([
        'type',
        'modele',
        'quantite',
        'site',
        'service',
        'etiquettes',
        'date_achat',
        'date_retrait',
        'statut',
        'etat_achat',
        'filiere_fin_de_vie',
        'datacenter',
        'kwh_annuel',
        'pays',
        'duree_vie_ans',
        'reference',
      ])
      // Five example rows, filled the French way.
      const examples = rows.slice(1)
      expect(examples).toHaveLength(5)
      for (const example of examples) expect(example, example.join(';')).toHaveLength(header.length)
      expect(examples[0]?.slice(0, 3)).toEqual(['Ordinateur portable', 'Dell Latitude 5440', '25'])
      expect(examples[0]?.[6]).toMatch(/^\d\d\/\d\d\/\d{4}$/)
      expect(examples.map((example) => example[12])).toContain('1450,5')

      const xlsxLink = page.getByRole('link', { name: 'Télécharger le modèle Excel (XLSX)' })
      const xlsx = await page.request.get((await xlsxLink.getAttribute('href')) as string)
      expect(xlsx.status()).toBe(200)
      expect(xlsx.headers()['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      // A spreadsheet is a ZIP file.
      expect((await xlsx.body()).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')
    })

    step('a file with two mistakes is checked and refused as is, every error explained', async () => {
      const { page } = admin
      await upload(admin, writeInventory('inventaire-a-corriger.csv', header, wrongRows))
      await untilSettled(admin, 'import-with-errors')
      expect(await heading(admin)).toBe('Import du fichier « inventaire-a-corriger.csv »')
      expect(await read(main(admin))).toContain('vérifié, en attente de votre choix')
      expect(await reportFacts(admin)).toMatchObject({
        'Format reconnu': expect.stringMatching(/modèle/i),
        Encodage: 'UTF-8',
        Séparateur: 'point-virgule (;)',
        'Lignes de données': '6',
        'Lignes valides': '4',
        'Lignes en erreur': '2',
      })
      const errors = page
        .getByRole('region', { name: 'Lignes en erreur' })
        .getByRole('table', { name: 'Erreurs 1 à 2 sur 2' })
      const [typeError, dateError] = await errors.locator('tbody tr').all()
      // Line numbers are the file's (the header is line 1); the column is named as in the file.
      expect(await cellsOf(typeError as Locator)).toMatch(
        /^3 type .*Ordinateur portabel.* type le plus proche : Ordinateur portable Associer « Ordinateur portabel » à un type$/,
      )
      expect(await cellsOf(dateError as Locator)).toBe(
        `7 date_retrait La date de retrait (01/01/${year - 5}) est antérieure à la date d’achat (01/01/${year - 4}).`,
      )
      // The suggestion's link leads to the type mapping, with the label filled in and a way back.
      const mapLink = errors.getByRole('link', { name: 'Associer « Ordinateur portabel » à un type' })
      expect(await mapLink.getAttribute('href')).toBe(
        `${footprint}/correspondances?label=Ordinateur%20portabel&retour=${encodeURIComponent(pathOf(admin))}`,
      )
      // All or nothing by default: no button imports the whole file; the valid rows only, explicitly.
      expect(await page.getByRole('button', { name: /^Importer les \d+ lignes$/ }).count()).toBe(0)
      expect(
        await page
          .getByRole('button', {
            name: 'Importer uniquement les lignes valides : 4 (lignes en erreur ignorées : 2)',
          })
          .count(),
      ).toBe(1)
      expect(await read(main(admin))).toContain(
        'Le fichier contient des erreurs : rien ne sera importé tel quel.',
      )
    })

    step('the corrected file imports in full, in place of the demo’s inventory', async () => {
      const { page } = admin
      await click(admin, page.getByRole('link', { name: 'Retour aux imports' }))
      await audit(admin, 'imports-again')
      await upload(admin, writeInventory('inventaire.csv', header, correctRows))
      await untilSettled(admin, 'import-checked')
      expect(await reportFacts(admin)).toMatchObject({
        'Lignes de données': '6',
        'Lignes valides': '6',
        'Lignes en erreur': '0',
      })
      expect(await page.getByRole('region', { name: 'Lignes en erreur' }).count()).toBe(0)
      expect(await read(main(admin))).toMatch(
        /Cet import remplacera l’inventaire actuel \(\d[\d\s]* lignes seront supprimées\)\./,
      )
      const preview = page.getByRole('table', { name: /premières lignes valides/ })
      expect(await preview.locator('tbody tr').count()).toBe(6)
      expect(await cellsOf(preview.locator('tbody tr').first())).toContain(`15/03/${year - 2}`)

      await click(admin, page.getByRole('button', { name: 'Importer les 6 lignes' }))
      await untilSettled(admin, 'import-done')
      const done = page.getByRole('region', { name: 'Import terminé' })
      expect(await read(done)).toMatch(/^Import terminé 6 lignes importées le /)

      await click(admin, done.getByRole('link', { name: 'Voir l’inventaire' }))
      expect(pathOf(admin)).toBe(`${footprint}/inventaire`)
      await audit(admin, 'inventory')
      expect(await read(main(admin))).toContain(`6 lignes, ${deviceCount} équipements.`)
      const lines = page.getByRole('table', { name: /^Lignes de l’inventaire/ }).locator('tbody tr')
      expect(await lines.count()).toBe(6)
      const references = await lines.locator('th').allInnerTexts()
      expect(references.map(spaced).sort()).toEqual(correctRows.map((line) => line.reference).sort())
    })

    step('the results match the footprint computed by hand from the base’s figures', async () => {
      const { page } = admin
      // The hand computation itself, against the method's oracle: one laptop over its 5 years of
      // life is 191.8 kgCO2e (ADEME's documentation).
      const oneLaptop = row({ type: 'Ordinateur portable', quantity: '1', reference: 'oracle' })
      expect(expectedClimate([oneLaptop]).total * 5).toBeCloseTo(191.8, 1)
      await click(admin, footprintNav(admin).getByRole('link', { name: 'Résultats' }))
      await audit(admin, 'results')
      expect(await read(main(admin))).toContain(
        `Comptés pour ${year} — lignes d’inventaire : 6 ; équipements : ${deviceCount}.`,
      )
      expect(await read(climateTotal(admin)), `expected ${expectedTotal} kgCO2e`).toBe(
        frenchAmount(expectedTotal),
      )
      // The export carries the engine's unrounded figure.
      const json = await page.request.get(
        (await page.getByRole('link', { name: /^Télécharger en JSON/ }).getAttribute('href')) as string,
      )
      expect(json.status()).toBe(200)
      const exported = (await json.json()) as {
        factorBase: { id: string; version: string }
        total: { impacts: { climate: { total: { value: number } } } }
      }
      expect(exported.factorBase).toMatchObject({ id: baseId, version: baseVersion })
      expect(exported.total.impacts.climate.total.value).toBeCloseTo(expectedTotal, 6)
      // The laptops' own line, by type.
      const laptops = expectedClimate(correctRows.filter((line) => line.type === 'Ordinateur portable')).total
      const byType = page.getByRole('table', { name: `Type d’équipement : empreinte ${year}` })
      const laptopRow = byType
        .locator('tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: 'Ordinateur portable' }) })
      expect(await cellsOf(laptopRow)).toMatch(
        new RegExp(`^Ordinateur portable 3 ${laptopCount} ${escapeRegExp(frenchAmount(laptops))} `),
      )
    })

    step('the climate total is explained, phase by phase then by type, with the base version', async () => {
      const base = `Base de facteurs : Base par défaut — ADEME Base Empreinte / NegaOctet 2022 (${baseId}, version ${baseVersion}).`
      await click(admin, climateTotal(admin))
      expect(pathOf(admin)).toMatch(/\/empreinte\/explication\?/)
      await audit(admin, 'explanation-total')
      expect(await heading(admin)).toBe('Comment ce chiffre est-il calculé ?')
      let text = await read(main(admin))
      expect(text).toContain(base)
      expect(text).toContain(`Résultat : ${frenchAmount(expectedTotal)}`)
      // The formula with the numbers filled in, each computed here from the base's figures.
      expect(text).toContain(
        `${frenchAmount(expected.manufacturing)} (fabrication) + ${frenchAmount(expected.distribution)} (distribution) + ${frenchAmount(expected.use)} (usage) + ${frenchAmount(expected.endOfLife)} (fin de vie) = ${frenchAmount(expectedTotal)}`,
      )

      // The use phase, as the sum of the device types…
      await click(
        admin,
        main(admin).getByRole('link', { name: /comment ce chiffre est-il calculé \? \(usage\)$/ }),
      )
      await audit(admin, 'explanation-use')
      text = await read(main(admin))
      expect(text).toContain(base)
      // …and the laptops' use, by type.
      await click(
        admin,
        main(admin).getByRole('link', { name: /comment ce chiffre est-il calculé \? \(Ordinateur portable/ }),
      )
      await audit(admin, 'explanation-laptop-use')
      text = await read(main(admin))
      expect(text).toContain(base)
      expect(text).toContain(`Résultat : ${frenchAmount(laptopUse)}`)
      expect(text).toContain(
        `${frenchAmount(laptopUse)} (Ordinateur portable : ${laptopCount} équipements, 3 lignes)`,
      )

      // One line's use, where power, hours and the electricity factor show. No page links to a
      // line's explanation (reported): it is reached by its address, as the HTTP tests do.
      const itemId = await inventoryItemId(admin, 'FPJ-001')
      await visit(
        admin,
        `${footprint}/explication?annee=${year}&methode=stock&critere=climate&phase=use&element=${itemId}`,
      )
      await audit(admin, 'explanation-line-use')
      text = await read(main(admin))
      expect(text).toContain(base)
      const { base: factors, perKwh } = readDefaultBase()
      const laptop = factors.devices.laptop as BaseDevice
      const kwh = (laptop.activePowerW * laptop.hoursPerDay * 365) / 1000
      const given = (value: number) =>
        new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 }).format(value)
      expect(text).toContain(
        spaced(
          `La formule ${given(laptop.activePowerW)} W × ${given(laptop.hoursPerDay)} h/j × 365 j ÷ 1 000 = ${frenchAmount(kwh, 'kWh')} × ${given(perKwh)} kgCO2e/kWh × 4 (quantité) = ${frenchAmount(4 * kwh * perKwh)}`,
        ),
      )
    })

    step('a scenario keeps laptops two years longer: previewed, nothing saved, then saved', async () => {
      const { page } = admin
      const name = 'Portables gardés sept ans'
      const scenario = expectedClimate(correctRows, 2)
      const avoided = expectedTotal - scenario.total
      const avoidedText = `Évité : ${frenchAmount(avoided)}, soit ${frenchPercent(avoided / expectedTotal)} de la référence. (référence ${frenchAmount(expectedTotal)}, scénario ${frenchAmount(scenario.total)})`

      await click(admin, footprintNav(admin).getByRole('link', { name: 'Scénarios' }))
      expect(pathOf(admin)).toBe(`${footprint}/scenarios`)
      await audit(admin, 'scenarios')
      await click(admin, main(admin).getByRole('link', { name: 'Créer un scénario' }))
      expect(pathOf(admin)).toBe(`${footprint}/scenarios/nouveau`)
      await audit(admin, 'scenario-new')
      expect(await heading(admin)).toBe('Nouveau scénario')
      // Only the types of our inventory are offered.
      const levers = page.getByRole('table', {
        name: 'Leviers par type d’équipement présent dans l’inventaire',
      })
      expect((await levers.locator('tbody th').allInnerTexts()).map(spaced)).toEqual([
        'Ordinateur portable',
        'Poste fixe',
        'Écran',
        'Smartphone',
      ])
      await page.getByLabel('Nom du scénario').fill(name)
      await page.getByLabel('Ordinateur portable : Années de durée de vie en plus').fill('2')

      await click(admin, page.getByRole('button', { name: 'Prévisualiser' }))
      await audit(admin, 'scenario-preview')
      const preview = page.getByRole('region', { name: `Aperçu pour ${year}` })
      let text = await read(preview)
      expect(text).toContain('Cet aperçu n’est pas enregistré.')
      expect(text, `expected ${avoided} kgCO2e avoided`).toContain(avoidedText)
      // The form keeps what was typed, and nothing is saved yet.
      expect(await page.getByLabel('Nom du scénario').inputValue()).toBe(name)
      const list = await page.request.get(`${footprint}/scenarios`)
      expect(await list.text()).not.toContain(name)

      await click(admin, page.getByRole('button', { name: 'Enregistrer' }))
      expect(pathOf(admin)).toMatch(new RegExp(`^${escapeRegExp(footprint)}/scenarios/\\d+`))
      await audit(admin, 'scenario-saved')
      expect(await heading(admin)).toBe(`Scénario « ${name} »`)
      expect(await statusMessage(admin)).toBe('Scénario enregistré.')
      text = await read(main(admin))
      expect(text).toContain('Ordinateur portable : durée de vie allongée (années en plus : 2)')
      expect(text).toContain(avoidedText)
      const byPhase = page.getByRole('table', { name: 'Par phase : Changement climatique (kgCO2e)' })
      const totalRow = byPhase
        .locator('tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: 'Total' }) })
      expect(await cellsOf(totalRow)).toBe(
        spaced(
          `Total ${frenchNumberOf(expectedTotal)} ${frenchNumberOf(scenario.total)} ${frenchNumberOf(avoided)} ${frenchPercent(avoided / expectedTotal)}`,
        ),
      )

      await click(admin, footprintNav(admin).getByRole('link', { name: 'Scénarios' }))
      await audit(admin, 'scenarios-with-ours')
      const saved = page.getByRole('table', { name: /^Scénarios enregistrés/ }).locator('tbody tr')
      const ours = saved.filter({ has: page.getByRole('rowheader', { name }) })
      expect(await ours.count()).toBe(1)
      expect(await cellsOf(ours)).toContain(
        `${frenchNumberOf(avoided)} ${frenchPercent(avoided / expectedTotal)}`,
      )
    })

    step('the year is frozen, and the frozen list shows it', async () => {
      const { page } = admin
      await click(admin, footprintNav(admin).getByRole('link', { name: 'Résultats' }))
      await audit(admin, 'results-before-freeze')
      await click(admin, page.getByRole('button', { name: `Figer le bilan ${year} (méthode stock)` }))
      expect(pathOf(admin)).toBe(`${footprint}/bilans/${year}/stock?info=fige`)
      await audit(admin, 'frozen-year')
      expect(await heading(admin)).toBe(`Bilan figé ${year} (méthode stock)`)
      expect(await read(climateTotal(admin))).toBe(frenchAmount(expectedTotal))

      await click(admin, main(admin).getByRole('link', { name: 'Bilans figés' }).first())
      expect(pathOf(admin)).toBe(`${footprint}/bilans`)
      await audit(admin, 'frozen-list')
      const rows = page
        .getByRole('table', { name: 'Bilans figés, du plus récent au plus ancien' })
        .locator('tbody tr')
      // Ours, then the demo's last year.
      expect(await rows.count()).toBe(2)
      expect(await cellsOf(rows.first())).toMatch(
        new RegExp(
          `^Bilan ${year} \\(stock\\) stock ${baseId} ${escapeRegExp(baseVersion)} .+ ${escapeRegExp(frenchAmount(expectedTotal))}$`,
        ),
      )
    })

    step('a line is edited: a bad quantity is refused with a summary, nothing saved', async () => {
      const { page } = admin
      await click(admin, footprintNav(admin).getByRole('link', { name: 'Inventaire' }))
      await audit(admin, 'inventory-again')
      await click(admin, main(admin).getByRole('link', { name: 'FPJ-001' }))
      const itemPath = pathOf(admin)
      await audit(admin, 'item-edit')
      expect(await heading(admin)).toMatch(/^Modifier la ligne n° \d+$/)
      const quantity = page.getByLabel('Quantité', { exact: true })
      expect(await quantity.inputValue()).toBe('4')
      await quantity.fill('-4')
      await click(admin, page.getByRole('button', { name: 'Enregistrer' }))
      expect(pathOf(admin)).toBe(itemPath)
      await audit(admin, 'item-edit-refused', 400)
      const summary = page.getByRole('alert')
      expect(await read(summary.getByRole('heading'))).toBe('Le formulaire contient des erreurs :')
      const toField = summary.getByRole('link')
      expect(await toField.count()).toBe(1)
      expect(await toField.getAttribute('href')).toBe(`#${await quantity.getAttribute('id')}`)
      expect(await quantity.getAttribute('aria-invalid')).toBe('true')
      // The field's own message is tied to it, and says what is wrong.
      const described = ((await quantity.getAttribute('aria-describedby')) ?? '').split(' ')
      const messages = await Promise.all(described.map((id) => read(page.locator(`[id="${id}"]`))))
      expect(messages).toContain('La quantité « -4 » est négative : indiquez un nombre entier d’au moins 1.')
      expect(await quantity.inputValue()).toBe('-4')
      // Nothing was saved.
      const stored = await page.request.get(itemPath)
      expect(await stored.text()).toMatch(/<input id="quantity" name="quantity" [^>]*value="4"/)
    })

    step('the other footprint pages, once each', async () => {
      const { page } = admin
      await click(admin, page.getByRole('link', { name: 'Retour à l’inventaire' }))
      await audit(admin, 'inventory-back')
      await click(admin, main(admin).getByRole('link', { name: 'Centres de données', exact: true }))
      expect(pathOf(admin)).toBe(`${footprint}/datacenters`)
      await audit(admin, 'datacenters')
      expect(await heading(admin)).toBe('Centres de données')
      // The datacenters stay when the inventory is replaced.
      expect(
        await page.getByRole('table', { name: 'Centres de données de l’espace' }).locator('tbody tr').count(),
      ).toBe(2)

      await click(admin, page.getByRole('link', { name: 'Retour à l’inventaire' }))
      await audit(admin, 'inventory-back-again')
      await click(admin, main(admin).getByRole('link', { name: 'Correspondances de types', exact: true }))
      expect(pathOf(admin)).toBe(`${footprint}/correspondances`)
      await audit(admin, 'type-mappings')

      await click(admin, footprintNav(admin).getByRole('link', { name: 'Réemploi' }))
      expect(pathOf(admin)).toBe(`${footprint}/reemploi`)
      await audit(admin, 'reuse')

      await click(admin, footprintNav(admin).getByRole('link', { name: 'Bases de facteurs' }))
      expect(pathOf(admin)).toBe(`${footprint}/bases`)
      await audit(admin, 'bases')
      expect(await read(main(admin))).toContain(
        `L’espace calcule avec « Base par défaut — ADEME Base Empreinte / NegaOctet 2022 », version ${baseVersion}, méthode stock.`,
      )
      await click(admin, main(admin).getByRole('link', { name: 'Voir cette base' }))
      await audit(admin, 'base-view')
      expect(await heading(admin)).toBe('Base par défaut — ADEME Base Empreinte / NegaOctet 2022')
      expect(await read(main(admin))).toContain(baseVersion)

      await click(admin, footprintNav(admin).getByRole('link', { name: 'Imports' }))
      await audit(admin, 'imports-history')
      const history = page
        .getByRole('table', { name: /^Imports de l’inventaire de cet espace/ })
        .locator('tbody tr')
      expect(await history.count()).toBe(2)
      expect(await cellsOf(history.nth(0))).toMatch(/inventaire\.csv .+ importé \(remplacement\) 6$/)
      expect(await cellsOf(history.nth(1))).toMatch(
        /inventaire-a-corriger\.csv .+ vérifié, en attente de votre choix \(remplacement\) —$/,
      )
    })

    step('the confirmation and editing pages, once each, nothing confirmed', async () => {
      const { page } = admin
      const link = (hrefPart: string) => main(admin).locator(`a[href*="${hrefPart}"]`).first()
      await click(admin, footprintNav(admin).getByRole('link', { name: 'Inventaire' }))
      await audit(admin, 'inventory-for-forms')
      await click(admin, link('/inventaire/nouveau'))
      await audit(admin, 'item-new')
      await visit(admin, `${footprint}/inventaire`)
      await audit(admin, 'inventory-for-delete')
      await click(admin, main(admin).getByRole('link', { name: 'FPJ-001' }))
      await audit(admin, 'item-before-delete')
      await click(admin, link('/supprimer'))
      expect(pathOf(admin)).toMatch(/\/inventaire\/\d+\/supprimer$/)
      await audit(admin, 'item-delete-confirm')
      await visit(admin, `${footprint}/inventaire/vider`)
      await audit(admin, 'inventory-empty-confirm')
      await visit(admin, `${footprint}/datacenters`)
      await audit(admin, 'datacenters-for-edit')
      await click(admin, link('/datacenters/'))
      expect(pathOf(admin)).toMatch(/\/datacenters\/\d+$/)
      await audit(admin, 'datacenter-edit')
      await click(admin, footprintNav(admin).getByRole('link', { name: 'Scénarios' }))
      await audit(admin, 'scenarios-for-edit')
      await click(
        admin,
        main(admin).locator('a[href*="/scenarios/"]').filter({ hasNotText: 'Créer' }).first(),
      )
      const scenarioPath = pathOf(admin)
      await audit(admin, 'scenario-for-edit')
      await click(admin, link('/modifier'))
      await audit(admin, 'scenario-edit')
      await visit(admin, scenarioPath)
      await audit(admin, 'scenario-for-delete')
      await click(admin, link('/supprimer'))
      await audit(admin, 'scenario-delete-confirm')
      await visit(admin, `${footprint}/bases/importer`)
      await audit(admin, 'base-import')
      await visit(admin, `${footprint}/bases`)
      await audit(admin, 'bases-for-copy')
      await page.getByLabel('Nom de la nouvelle base').fill('Base du parcours')
      await click(admin, page.getByRole('button', { name: 'Copier', exact: true }))
      expect(pathOf(admin)).toMatch(/\/bases\/espace-\d+-[^/]+\/1\/modifier/)
      await audit(admin, 'base-edit')
    })

    step('an API token is created, shown once, and reads the footprint', async () => {
      const { page } = admin
      await click(admin, workspaceNav(admin).getByRole('link', { name: 'API' }))
      expect(pathOf(admin)).toBe(`/espace/${workspaceId}/api`)
      await audit(admin, 'api-tokens')
      expect(await heading(admin)).toBe('Accès à l’API')
      await page.getByLabel('Nom du jeton').fill('Tableur de la DSI')
      await click(admin, page.getByRole('button', { name: 'Créer le jeton' }))
      await audit(admin, 'api-token-created')
      expect(await statusMessage(admin)).toMatch(/^Jeton « Tableur de la DSI » créé\. Copiez-le maintenant/)
      const token = await page.getByLabel('Votre jeton').inputValue()
      expect(token).toMatch(/^jal_/)

      const response = await page.request.get(
        `/api/v1/workspaces/${workspaceId}/footprint?year=${year}&method=stock`,
        { headers: { authorization: `Bearer ${token}` } },
      )
      expect(response.status()).toBe(200)
      const body = (await response.json()) as {
        factorBase: { id: string; version: string }
        totals: { climate: { total: number } }
      }
      expect(body.factorBase).toMatchObject({ id: baseId, version: baseVersion })
      expect(body.totals.climate.total).toBeCloseTo(expectedTotal, 6)

      // Shown once: the page, loaded again, lists the token (just used) but no longer shows it.
      await visit(admin, `/espace/${workspaceId}/api`)
      await audit(admin, 'api-tokens-again')
      expect(await page.getByLabel('Votre jeton').count()).toBe(0)
      expect(await page.content()).not.toContain(token)
      const rows = page.getByRole('table', { name: 'Jetons de l’espace' }).locator('tbody tr')
      expect(await cellsOf(rows.first())).toMatch(/^Tableur de la DSI (\d+ \S+ \d{4}) \1 actif Révoquer$/)
    })
  })

  describe('the contributor', () => {
    const step = journey()

    step('a contributor reads the inventory and edits a line', async () => {
      const contributor = await openBrowser('the contributor')
      const { page } = contributor
      const account = credential(/^contributor of/)
      await signIn(contributor, account.email, account.password)
      await openFootprint(contributor, 'contributor')
      await click(contributor, footprintNav(contributor).getByRole('link', { name: 'Inventaire' }))
      await audit(contributor, 'contributor-inventory')
      expect(await read(main(contributor))).toContain(`6 lignes, ${deviceCount} équipements.`)
      await click(contributor, main(contributor).getByRole('link', { name: 'FPJ-005' }))
      await audit(contributor, 'contributor-item-edit')
      await page.getByLabel('Modèle', { exact: true }).fill('Samsung Galaxy A55')
      await click(contributor, page.getByRole('button', { name: 'Enregistrer' }))
      await audit(contributor, 'contributor-item-saved')
      expect(await statusMessage(contributor)).toBe('Modifications enregistrées.')
      const line = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'FPJ-005' }) })
      expect(await cellsOf(line)).toContain('Smartphone Samsung Galaxy A55 6 Police municipale')
    })
  })

  checkEveryPageAudited(40)
})
