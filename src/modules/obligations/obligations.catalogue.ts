import { z } from 'zod'
import { type Obligation, obligationSchema } from './obligations.schemas.js'

/**
 * The legal obligations a territory may be subject to, with machine-readable applicability.
 * Sources: Légifrance texts cited in `legalRef`, summarised in our own words (docs/obligations.md).
 * Adding an obligation is adding an entry here: the engine has no per-obligation code.
 */
const catalogue: Obligation[] = [
  {
    id: 'reen_strategie',
    title: 'Stratégie numérique responsable (loi REEN)',
    titleEn: 'Responsible digital strategy (REEN law)',
    legalRef:
      'Loi n° 2021-1485 (REEN), art. 35 ; décret n° 2022-1084 (art. D2311-15-1 CGCT) ; art. L2311-1-1 CGCT',
    appliesTo: 'Communes et EPCI à fiscalité propre de plus de 50 000 habitants',
    rule: {
      kinds: ['commune', 'epci'],
      minPopulation: 50_000,
      reviewKinds: ['special'],
      reviewNote:
        'La Métropole de Lyon est une collectivité à statut particulier, que la loi ne nomme pas ; elle exerce les compétences d’une métropole : la démarche lui est recommandée.',
    },
    deadline: '2025-01-01',
    milestones: [
      { id: 'programme_travail', label: 'Programme de travail', deadline: '2023-01-01' },
      { id: 'strategie', label: 'Stratégie numérique responsable', deadline: '2025-01-01' },
      {
        id: 'bilan_annuel',
        label: 'Bilan annuel dans le rapport sur la situation en matière de développement durable',
        deadline: 'Chaque année, avant le débat sur le projet de budget',
      },
    ],
    target:
      'Un programme de travail (bilan de l’impact environnemental du numérique sur le territoire, actions déjà menées), puis une stratégie fixant des objectifs de réduction, des indicateurs de suivi, des mesures et des moyens, revue chaque année.',
    notes:
      'Aucune sanction n’est prévue. Départements et régions ne sont pas soumis à cette obligation ; la démarche leur reste ouverte.',
  },
  {
    id: 'reen_reemploi_parc',
    title: 'Réemploi du matériel informatique réformé',
    titleEn: 'Reuse of retired IT equipment',
    legalRef: 'Loi n° 2021-1485 (REEN), art. 16 ; décret n° 2023-266',
    appliesTo: 'État, collectivités et leurs groupements, quelle que soit leur taille',
    rule: { all: true },
    deadline: 'Objectif annuel depuis 2023',
    target:
      'Part des équipements informatiques réformés dans l’année orientés vers le réemploi ou la préparation en vue du réemploi : 25 % en 2023, 35 % en 2024, 50 % à partir de 2025.',
    yearlyTargets: [
      { from: 2023, percent: 25 },
      { from: 2024, percent: 35 },
      { from: 2025, percent: 50 },
    ],
    notes:
      'Écrans de plus de 100 cm² et petits équipements informatiques et de télécommunication ; sont exclus les équipements de plus de 10 ans et ceux qui contiennent des données sensibles.',
  },
  {
    id: 'agec_achats_reemploi',
    title: 'Achats issus du réemploi ou intégrant des matières recyclées',
    titleEn: 'Purchases from reuse or with recycled content',
    legalRef: 'Loi n° 2020-105 (AGEC), art. 58 ; décret n° 2024-134 ; art. R2196-1 CCP',
    appliesTo: 'Acheteurs publics (État, collectivités et leurs groupements), sans seuil de taille',
    rule: { all: true },
    deadline: 'Paliers 2024, 2027 et 2030 ; déclaration annuelle',
    target:
      'Informatique et téléphonie : au moins 20 % en 2024, 25 % en 2027 et 30 % en 2030 de la dépense annuelle hors taxes issus du réemploi, de la réutilisation ou intégrant des matières recyclées.',
    yearlyTargets: [
      { from: 2024, percent: 20 },
      { from: 2027, percent: 25 },
      { from: 2030, percent: 30 },
    ],
  },
  {
    id: 'climat_resilience_marches',
    title: 'Considérations environnementales dans tous les marchés publics',
    titleEn: 'Environmental considerations in every public contract',
    legalRef: 'Loi n° 2021-1104 (Climat et résilience), art. 35',
    appliesTo: 'Tous les acheteurs publics',
    rule: { all: true },
    deadline: '2026-08-22',
    target:
      'Chaque marché comporte des conditions d’exécution environnementales et au moins un critère d’attribution environnemental.',
  },
  {
    id: 'spaser',
    title: 'Schéma de promotion des achats socialement et écologiquement responsables (SPASER)',
    titleEn: 'Socially and environmentally responsible purchasing plan (SPASER)',
    legalRef: 'Art. L2111-3 CCP ; loi n° 2021-1104 (Climat et résilience), art. 35',
    appliesTo: 'Acheteurs publics dont le montant annuel d’achats dépasse 50 millions d’euros',
    rule: { minPurchasesEur: 50_000_000 },
    deadline: 'En vigueur',
    target: 'Un schéma adopté et publié, avec des indicateurs propres à l’acheteur.',
  },
  {
    id: 'rgaa_declaration',
    title: 'Accessibilité numérique : déclaration et mention de conformité',
    titleEn: 'Digital accessibility: statement and compliance notice',
    legalRef: 'Loi n° 2005-102, art. 47 ; décret n° 2019-768 ; RGAA 4.1',
    appliesTo: 'Tous les organismes publics, sans seuil de taille',
    rule: { all: true },
    deadline: 'En vigueur ; déclaration renouvelée au plus tard tous les 3 ans',
    target:
      'Audit de conformité au RGAA, déclaration d’accessibilité publiée et statut de conformité affiché sur chaque service en ligne.',
  },
  {
    id: 'rgaa_schema_plan',
    title: 'Accessibilité numérique : schéma pluriannuel et plan d’action annuel',
    titleEn: 'Digital accessibility: multi-year plan and annual action plan',
    legalRef: 'Loi n° 2005-102, art. 47 ; décret n° 2019-768',
    appliesTo: 'Tous les organismes publics, sans seuil de taille',
    rule: { all: true },
    deadline: 'En vigueur ; schéma de 3 ans au plus, plan d’action chaque année',
    target: 'Un schéma pluriannuel de mise en accessibilité et son plan d’action de l’année, publiés.',
  },
  {
    id: 'algorithmes_publication',
    title: 'Algorithmes publics : publication des règles des principaux traitements',
    titleEn: 'Public algorithms: publishing the rules of the main processing',
    legalRef: 'Art. L312-1-3 CRPA',
    appliesTo: 'Administrations de plus de 50 agents (ETP) ; collectivités de plus de 3 500 habitants',
    rule: { minPopulation: 3_500, orMinAgents: 50, agentsStrict: true },
    deadline: 'En vigueur',
    target:
      'Publier en ligne les règles qui définissent les principaux traitements algorithmiques fondant des décisions individuelles.',
  },
  {
    id: 'algorithmes_mention',
    title: 'Algorithmes publics : mention explicite et information individuelle',
    titleEn: 'Public algorithms: explicit notice and individual information',
    legalRef: 'Art. L311-3-1 et R311-3-1-1 à R311-3-1-2 CRPA',
    appliesTo:
      'Toutes les administrations, pour les décisions individuelles fondées sur un traitement algorithmique',
    rule: { all: true },
    deadline: 'En vigueur',
    target:
      'Une mention explicite sur chaque décision concernée, et sur demande les règles et les principales caractéristiques du traitement.',
  },
  {
    id: 'open_data_defaut',
    title: 'Ouverture des données par défaut',
    titleEn: 'Open data by default',
    legalRef: 'Art. L312-1-1 CRPA (loi n° 2016-1321 pour une République numérique) ; décret n° 2016-1922',
    appliesTo: 'Collectivités de plus de 3 500 habitants employant au moins 50 agents (ETP)',
    rule: { minPopulation: 3_500, minAgents: 50 },
    deadline: 'En vigueur',
    target: 'Documents et données publiés en ligne par défaut, dans un format ouvert, et tenus à jour.',
  },
]

/** Parsed at import: a malformed entry stops the start with the path of the problem. */
export const obligations: readonly Obligation[] = z.array(obligationSchema).parse(catalogue)

/** An obligation the code relies on by id; a missing one is a programming error caught at start. */
export function obligationById(id: string): Obligation {
  const obligation = obligations.find((candidate) => candidate.id === id)
  if (!obligation) throw new Error(`No obligation ${id} in the catalogue`)
  return obligation
}
