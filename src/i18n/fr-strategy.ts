/** The strategy overview, REEN milestones and generated documents (French, the reference). */
export const frStrategy = {
  'strategyNav.label': 'Navigation de la stratégie',
  'strategyNav.overview': 'Vue d’ensemble',
  'strategyNav.indicators': 'Indicateurs',
  'strategyNav.objectives': 'Objectifs',
  'strategyNav.actions': 'Feuille de route',
  'strategyNav.milestones': 'Jalons REEN',
  'strategyNav.documents': 'Documents',
}
