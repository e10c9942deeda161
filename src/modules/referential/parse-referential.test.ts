import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { referentialDir } from './bundled-referentials.js'
import { parseReferential, type ReferentialProblem } from './parse-referential.js'

/** A small but complete referential: one ambition, one commitment, two questions, one indicator. */
const validYaml = `id: tnr
version: "9.0-test"
title: Référentiel d’essai
source: Écrit pour les tests
maturityScale:
  - { level: 0, label: Inexistant, description: Rien. }
  - { level: 1, label: Initié, description: Un peu. }
  - { level: 2, label: Formalisé, description: Beaucoup. }
  - { level: 3, label: Piloté, description: Tout. }
sizeTiers:
  - { id: S, label: Socle, description: toutes, criteria: { all: true } }
  - { id: M, label: Intermédiaire, description: moyennes, criteria: { minPopulation: 3500 } }
  - { id: L, label: Loi REEN, description: grandes, criteria: { minPopulation: 50000 } }
decreeAxes:
  - { id: 1, label: Commande publique }
obligations:
  - id: rgpd
    title: Protection des données
    titleEn: Data protection
    legalRef: RGPD
    appliesTo: Tous
    rule: { all: true }
    deadline: En vigueur
    target: Un registre.
ambitions:
  - id: A1
    title: Première ambition
    commitments:
      - id: A1.E1
        title: Premier engagement
        summary: Pour essayer.
        decreeAxes: [1]
        questions:
          - id: A1.E1.Q1
            text: Première question ?
            tier: S
            levels: [Rien, Un peu, Beaucoup, Tout]
            obligation: rgpd
            recommendation: { id: R-A1.E1.Q1, text: Faire, priority: obligatoire }
          - id: A1.E1.Q2
            text: Deuxième question ?
            tier: M
            levels: [Rien, Un peu, Beaucoup, Tout]
            recommendation: { id: R-A1.E1.Q2, text: Faire aussi, priority: recommande }
        indicators:
          - id: "1.1"
            name: Un indicateur
            definition: Une part.
            unit: "%"
            source: Registre
            tier: S
            legalRefs: []
            computedFrom: none
            fromQuestion: A1.E1.Q1
`

/** The line (from 1) of the nth line holding a fragment. */
function lineOf(text: string, fragment: string, nth = 1): number {
  let seen = 0
  const index = text.split('\n').findIndex((line) => line.includes(fragment) && ++seen === nth)
  if (index < 0) throw new Error(`no line ${nth} with ${fragment}`)
  return index + 1
}

function problemsOf(text: string): ReferentialProblem[] {
  const parsed = parseReferential(text)
  if (parsed.ok) throw new Error('expected the file to be refused')
  return parsed.problems
}

describe('parseReferential', () => {
  it('reads a valid file, with its French texts and ids', () => {
    const parsed = parseReferential(validYaml)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    expect(parsed.referential.version).toBe('9.0-test')
    const question = parsed.referential.ambitions[0]?.commitments[0]?.questions[1]
    expect(question).toMatchObject({ id: 'A1.E1.Q2', tier: 'M', text: 'Deuxième question ?' })
    expect(question?.levels).toHaveLength(4)
  })

  it('reads the same referential written as JSON, with or without a byte order mark', () => {
    const parsed = parseReferential(validYaml)
    if (!parsed.ok) throw new Error('the YAML fixture must be valid')
    const json = JSON.stringify(parsed.referential)
    expect(parseReferential(json)).toEqual(parsed)
    expect(parseReferential(`\uFEFF${json}`)).toEqual(parsed)
  })

  it('accepts every file shipped in referential/', () => {
    const bundled = readFileSync(join(referentialDir, 'tnr-2026.1.yaml'), 'utf8')
    const parsed = parseReferential(bundled)
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
    if (!parsed.ok) return
    const questions = parsed.referential.ambitions.flatMap((ambition) =>
      ambition.commitments.flatMap((commitment) => commitment.questions),
    )
    expect(questions).toHaveLength(42)
  })

  it('lists every problem of a broken file at once, each with its path and line', () => {
    const broken = validYaml
      // Three levels instead of four.
      .replace(
        'levels: [Rien, Un peu, Beaucoup, Tout]\n            obligation',
        'levels: [Rien, Un peu, Tout]\n            obligation',
      )
      // An obligation that does not exist.
      .replace('obligation: rgpd', 'obligation: rgpd_inconnue')
      // The second question takes the first one's id.
      .replace('- id: A1.E1.Q2', '- id: A1.E1.Q1')
      .replace('id: R-A1.E1.Q2', 'id: R-A1.E1.Q1')
    const problems = problemsOf(broken)
    const byPath = new Map(problems.map((problem) => [problem.path, problem]))
    const question = 'ambitions[0].commitments[0].questions'

    expect(byPath.get(`${question}[0].levels`)).toMatchObject({
      line: lineOf(broken, 'levels: [Rien, Un peu, Tout]'),
    })
    expect(byPath.get(`${question}[0].obligation`)).toMatchObject({
      line: lineOf(broken, 'obligation: rgpd_inconnue'),
      message: expect.stringContaining('rgpd_inconnue'),
    })
    const duplicate = byPath.get(`${question}[1].id`)
    expect(duplicate?.message).toMatch(/A1\.E1\.Q1.*déjà utilisé/)
    expect(duplicate?.line).toBe(lineOf(broken, '- id: A1.E1.Q1', 2))
    expect(problems.every((problem) => problem.message.length > 0)).toBe(true)
  })

  it('reports a missing field on the line of the object that lacks it', () => {
    const broken = validYaml.replace('            unit: "%"\n', '')
    const problems = problemsOf(broken)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      path: 'ambitions[0].commitments[0].indicators[0].unit',
      line: lineOf(broken, '- id: "1.1"'),
    })
  })

  it('reports a YAML syntax error with its line, before any other check', () => {
    const broken = validYaml.replace('title: Première ambition', 'title: [Première ambition')
    const problems = problemsOf(broken)
    expect(problems.length).toBeGreaterThanOrEqual(1)
    expect(problems[0]?.path).toBe('(syntaxe)')
    expect(problems[0]?.line).toBeGreaterThanOrEqual(lineOf(broken, 'title: [Première ambition'))
  })

  it('refuses a key written twice', () => {
    const broken = validYaml.replace(
      'title: Référentiel d’essai',
      'title: Référentiel d’essai\ntitle: Encore',
    )
    const [problem] = problemsOf(broken)
    expect(problem?.path).toBe('(syntaxe)')
    expect([4, 5]).toContain(problem?.line)
  })
})
