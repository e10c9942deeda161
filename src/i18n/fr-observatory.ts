/** The national view's messages (French, the reference). */
export const frObservatory = {
  'nav.observatory': 'Observatoire',
  'observatory.title': 'Observatoire national des autodiagnostics {year}',
  'observatory.lead':
    'Les autodiagnostics soumis par les collectivités, en quartiles, à l’échelle nationale et par groupe de pairs (type de collectivité et tranche de population). Un chiffre n’est montré que s’il porte sur au moins {minimum} collectivités ; aucun nom n’apparaît. Les territoires de démonstration ne comptent pas.',
  'observatory.demoLink': 'Voir les chiffres des territoires de démonstration',
  'observatory.demoShown': 'Chiffres des territoires de démonstration (fictifs).',
  'observatory.realLink': 'Revenir aux chiffres réels',
  'observatory.show': 'Afficher',
  'observatory.count': '{count} autodiagnostic(s) soumis pour {year}.',
  'observatory.nationalCaption': 'Scores sur 100, toutes collectivités, {year}',
  'observatory.groupsCaption': 'Score global sur 100 par groupe de pairs, {year}',
  'observatory.group': 'Groupe',
  'observatory.assessments': 'Autodiagnostics',
  'observatory.q1': 'Premier quartile',
  'observatory.median': 'Médiane',
  'observatory.q3': 'Troisième quartile',
  'observatory.hidden': 'non affiché (moins de 5 collectivités)',
  'observatory.fewer': 'moins de {minimum}',
} as const
