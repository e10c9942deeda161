import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { letterThresholds } from '../assessments/score-assessment.js'
import { readBundledReferentials } from './bundled-referentials.js'
import { loadReferential } from './referential.store.js'

const bundled = readBundledReferentials().at(-1)
if (!bundled) throw new Error('a referential is bundled')
const version = bundled.version

describe.each(testDialects())('referential pages on %s', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const page = async (path: string, lang?: 'fr' | 'en') => {
    const response = await test.get(path, lang ? { lang } : undefined)
    return { status: response.status, html: (await response.text()).replace(/[\u202f\u00a0]/g, ' ') }
  }
  const headingOf = (html: string) => /<h1>(.*?)<\/h1>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '')

  describe('the current version', () => {
    it('shows the title, version, source, and the 3 ambitions with their 9 commitments and counts', async () => {
      const { status, html } = await page('/referentiel')
      expect(status).toBe(200)
      expect(headingOf(html)).toBe('Référentiel Territoires numériques responsables')
      expect(html).toContain(`${version} (en vigueur)`)
      expect(html).toContain('Manifeste « Pour des territoires numériques responsables »')
      expect(html).toContain(
        '3 ambitions, 9 engagements, 42 questions, 49 indicateurs, 11 obligations légales',
      )
      for (const ambition of bundled.ambitions) {
        expect(html).toContain(ambition.title)
        for (const commitment of ambition.commitments)
          expect(html).toContain(`href="/referentiel/${version}/engagements/${commitment.id}"`)
      }
      // A1.E1: 5 questions, 6 indicators.
      expect(html).toContain('Questions : 5 · indicateurs : 6')
    })

    it('shows the maturity scale, the size tiers, the decree axes, downloads, versions and the compare form', async () => {
      const { html } = await page('/referentiel')
      for (const step of bundled.maturityScale) expect(html).toContain(step.label)
      expect(html).toContain('M · <span lang="fr">Intermédiaire</span>')
      expect(html).toContain('communes et EPCI à fiscalité propre &gt; 50 000 habitants (loi REEN)')
      expect(html).toContain('<li value="3">Écoconception des sites et services numériques</li>')
      expect(html).toContain(`href="/referentiel/${version}/export.json"`)
      expect(html).toContain(`href="/referentiel/${version}/export.csv"`)
      expect(html).toContain('href="/obligations"')
      expect(html).toContain('href="/referentiel/methode"')
      expect(html).toMatch(/<caption>Versions publiées du référentiel/)
      expect(html).toContain('action="/referentiel/comparer"')
      expect(html).toContain('name="de"')
      expect(html).toContain('name="a"')
      // The navigation marks the section.
      expect(html).toContain('<a href="/referentiel" aria-current="page">Référentiel</a>')
    })

    it('is the same page at its version’s own address', async () => {
      const { status, html } = await page(`/referentiel/${version}`)
      expect(status).toBe(200)
      expect(html).toContain(`${version} (en vigueur)`)
      expect(html).not.toContain('n’est plus en vigueur')
    })

    it('speaks English around French content marked as such', async () => {
      const { status, html } = await page('/referentiel', 'en')
      expect(status).toBe(200)
      expect(html).toContain('<html lang="en">')
      expect(headingOf(html)).toBe('Referential Territoires numériques responsables')
      expect(html).toContain('<span lang="fr">Territoires numériques responsables</span>')
      expect(html).toContain('Ambitions and commitments')
      expect(html).toContain('Questions: 5 · indicators: 6')
      expect(html).toMatch(/<p lang="fr">La dématérialisation ne doit exclure personne/)
    })

    it('answers an unknown version with a 404 page naming it', async () => {
      const { status, html } = await page('/referentiel/1999.9')
      expect(status).toBe(404)
      expect(html).toContain('Aucune version « 1999.9 » du référentiel n’a été publiée.')
    })
  })

  describe('a commitment', () => {
    const path = `/referentiel/${version}/engagements/A1.E1`

    it('shows its summary, decree axes, questions with levels, obligation and recommendation', async () => {
      const { status, html } = await page(path)
      expect(status).toBe(200)
      expect(headingOf(html)).toBe('A1.E1 · Organiser l’accès de tous aux services publics')
      expect(html).toContain('La dématérialisation ne doit exclure personne')
      expect(html).toContain('5. Démarche numérique responsable pour tous')
      expect(html).toContain('Questions (5)')
      expect(html).toContain('id="q-A1.E1.Q2"')
      expect(html).toContain(
        'Le site principal et les services en ligne disposent-ils d’un audit RGAA valide ?',
      )
      // Each level with its descriptor.
      expect(html).toContain('Niveau 0 · <span lang="fr">Inexistant</span>')
      expect(html).toContain(
        '<dd lang="fr">Tous les services sont audités depuis moins de 3 ans et un plan de mise en conformité est en cours.</dd>',
      )
      expect(html).toContain('<a href="/obligations#rgaa_declaration">')
      expect(html).toContain('Recommandation R-A1.E1.Q2')
      expect(html).toContain('obligatoire (fortement recommandé si l’obligation ne s’applique pas)')
    })

    it('shows its indicators: definition, unit, measures, targets, source, tier, references, computation', async () => {
      const { html } = await page(path)
      expect(html).toContain('Indicateurs (6)')
      expect(html).toContain('id="i-1.2"')
      expect(html).toContain('Conformité RGAA des services en ligne')
      expect(html).toContain(
        'Taux de conformité (%) ; Statut (totalement, partiellement, non conforme) (texte)',
      )
      expect(html).toContain('au moins 100 <span lang="fr">%</span>')
      expect(html).toContain('(<span lang="fr">Taux de conformité</span>)')
      expect(html).toContain('Loi 2005-102, art. 47 ; Décret 2019-768 ; RGAA 4.1')
      expect(html).toContain('Défenseur des droits (2022)')
      expect(html).toContain('à partir de l’autodiagnostic')
      expect(html).toContain(`href="/referentiel/${version}/engagements/A1.E1#q-A1.E1.Q3"`)
      expect(html).toContain('au plus 7 <span lang="fr">jours</span>')
    })

    it('stays lean: few elements, for EcoIndex A', async () => {
      for (const commitment of ['A1.E1', 'A2.E1', 'A3.E3']) {
        const { html } = await page(`/referentiel/${version}/engagements/${commitment}`)
        const elements = (html.match(/<[a-z][a-z0-9]*[\s>/]/g) ?? []).length
        expect(elements, commitment).toBeLessThan(600)
        expect(html.length, commitment).toBeLessThan(60_000)
      }
    })

    it('marks the referential’s French texts on the English page', async () => {
      const { html } = await page(path, 'en')
      expect(html).toContain('Level 3 · <span lang="fr">Piloté</span>')
      expect(html).toContain('mandatory (strongly recommended when the obligation does not apply)')
      // Obligations have an English title.
      expect(html).toContain('Digital accessibility: statement and compliance notice')
    })

    it('answers an unknown commitment, or a commitment of an unknown version, with a 404 page', async () => {
      const unknown = await page(`/referentiel/${version}/engagements/A9.E9`)
      expect(unknown.status).toBe(404)
      expect(unknown.html).toContain(`La version ${version} du référentiel n’a pas d’engagement « A9.E9 ».`)
      const unknownVersion = await page('/referentiel/0.0/engagements/A1.E1')
      expect(unknownVersion.status).toBe(404)
      expect(unknownVersion.html).toContain('Aucune version « 0.0 »')
    })
  })

  describe('downloads', () => {
    it('hands out the JSON exactly as published, as an attachment', async () => {
      const response = await test.get(`/referentiel/${version}/export.json`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="referentiel-tnr-${version}.json"`,
      )
      const text = await response.text()
      const stored = await test.database.db
        .selectFrom('referential_versions')
        .select('content')
        .where('version', '=', version)
        .executeTakeFirstOrThrow()
      expect(text).toBe(stored.content)
      expect(JSON.parse(text)).toEqual(await loadReferential(test.database.db, version))
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(bundled)))
    })

    it('hands out a CSV for spreadsheets: BOM, « ; », a row per question and per indicator', async () => {
      const response = await test.get(`/referentiel/${version}/export.csv`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="referentiel-tnr-${version}.csv"`,
      )
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = new TextDecoder().decode(bytes.slice(3))
      const lines = text.split('\r\n').filter((line) => line !== '')
      expect(lines[0]).toMatch(
        /^type;ambition;engagement;id;texte_ou_nom;palier;types_de_territoire;niveau_0;niveau_1;niveau_2;niveau_3;obligation;recommandation_id;recommandation;priorite;/,
      )
      // No text of the referential holds a line break: one line per row.
      expect(lines.filter((line) => line.startsWith('question;'))).toHaveLength(42)
      expect(lines.filter((line) => line.startsWith('indicateur;'))).toHaveLength(49)
      expect(lines).toHaveLength(1 + 42 + 49)
      expect(text).toContain(
        'question;A1;A1.E1;A1.E1.Q2;Le site principal et les services en ligne disposent-ils d’un audit RGAA valide ?;S;;',
      )
      expect(text).toContain(';rgaa_declaration;R-A1.E1.Q2;')
      // A field holding « ; » is quoted, so that it stays one cell.
      expect(text).toContain(
        ';"Part des bénéficiaires âgés de 60 ans et plus, sans emploi ou résidant en QPV ; part des accompagnements collectifs par rapport aux individuels.";',
      )
    })

    it('answers an unknown version with a 404', async () => {
      expect((await test.get('/referentiel/0.0/export.json')).status).toBe(404)
      expect((await test.get('/referentiel/0.0/export.csv')).status).toBe(404)
    })
  })

  describe('comparing versions', () => {
    it('shows the form alone until two versions are chosen', async () => {
      const { status, html } = await page('/referentiel/comparer')
      expect(status).toBe(200)
      expect(headingOf(html)).toBe('Comparer deux versions du référentiel')
      expect(html).toContain(`<option value="${version}" selected="">${version}</option>`)
      expect(html).not.toContain('De la version 2026')
    })

    it('says there are no differences between a version and itself', async () => {
      const { status, html } = await page(`/referentiel/comparer?de=${version}&a=${version}`)
      expect(status).toBe(200)
      expect(html).toContain(`De la version ${version} à la version ${version}`)
      expect(html).toContain('C’est la même version : aucune différence.')
    })

    it('refuses an unknown version with a 400 page naming the parameter', async () => {
      const { status, html } = await page(`/referentiel/comparer?de=1999.9&a=${version}`)
      expect(status).toBe(400)
      expect(html).toContain('« de » (version de départ)')
      expect(html).toContain(`valeurs possibles : ${version}`)
      const missing = await page(`/referentiel/comparer?de=${version}`)
      expect(missing.status).toBe(400)
      expect(missing.html).toContain('« a » (version d’arrivée)')
      const english = await page('/referentiel/comparer?de=x&a=y', 'en')
      expect(english.html).toContain('“de” (version to compare from)')
    })
  })

  describe('the method', () => {
    it('explains the scoring with the figures the code uses', async () => {
      const { status, html } = await page('/referentiel/methode')
      expect(status).toBe(200)
      expect(headingOf(html)).toBe('Méthode de calcul des scores')
      expect(html).toContain('100 × somme des niveaux ÷ (3 × nombre de questions applicables)')
      expect(html).toContain('100 × 8 ÷ (3 × 5) = 53,3, soit 53')
      for (const step of bundled.maturityScale) expect(html).toContain(step.label)
      for (const threshold of letterThresholds)
        expect(html).toContain(`<th scope="row">${threshold.letter}</th>`)
      expect(html).toContain('de 80 à 100')
      expect(html).toContain('de 0 à 19')
      expect(html).toContain('moins de 3 500 habitants')
      expect(html).toContain('300 000 habitants et plus')
      expect(html).toContain('à partir de 5 autodiagnostics soumis')
      expect(html).toContain('QUARTILE.INCLURE')
      expect(html).toContain('garde la version du référentiel')
    })

    it('exists in English', async () => {
      const { html } = await page('/referentiel/methode', 'en')
      expect(headingOf(html)).toBe('How scores are computed')
      expect(html).toContain('100 × 8 ÷ (3 × 5) = 53.3, so 53')
      expect(html).toContain('QUARTILE.INC')
    })
  })
})
