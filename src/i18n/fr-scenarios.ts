/** Footprint scenarios and the reuse rate of retired IT (French, the reference). */
export const frScenarios = {
  'scenarios.notAvailable': 'non disponible',
  'scenarios.notFound': 'Ce scénario n’existe pas dans cet espace.',
  'scenarios.year.label': 'Année',
  'scenarios.year.show': 'Afficher',
  'scenarios.method.stock': 'méthode stock',
  'scenarios.method.flux': 'méthode flux',

  'scenarios.list.title': 'Scénarios',
  'scenarios.list.lead':
    'Un scénario pose la question « et si… ? » sur l’inventaire : garder les équipements plus longtemps, acheter reconditionné, en avoir moins, changer de facteur d’électricité. Chacun est calculé par le même moteur que les résultats et comparé à la situation de référence de l’année.',
  'scenarios.list.create': 'Créer un scénario',
  'scenarios.list.none': 'Aucun scénario enregistré pour l’instant.',
  'scenarios.list.caption': 'Scénarios enregistrés, comparés à la référence {year} (base {base})',
  'scenarios.list.name': 'Nom',
  'scenarios.list.levers': 'Leviers',
  'scenarios.list.madeWith': 'Créé avec la base',
  'scenarios.list.otherBase': 'calculé avec la base actuelle de l’espace',
  'scenarios.list.avoided': 'Évité ({unit})',
  'scenarios.list.cannotCompute': 'à revoir',
  'scenarios.list.method':
    'Évité = référence − scénario, toutes phases, pour l’année choisie ; une valeur négative signale un scénario qui ajoute (un facteur d’électricité plus élevé, par exemple). Les scénarios sont calculés avec la base et la méthode actuelles de l’espace.',

  'scenarios.form.createTitle': 'Nouveau scénario',
  'scenarios.form.editTitle': 'Modifier le scénario « {name} »',
  'scenarios.form.lead':
    'Remplissez les leviers utiles, laissez les autres vides. « Prévisualiser » calcule le scénario sans l’enregistrer ; « Enregistrer » le garde sous son nom.',
  'scenarios.form.baseUsed': 'Base de facteurs de l’espace : {id} {version}.',
  'scenarios.form.baseLink': 'Bases de facteurs',
  'scenarios.form.name': 'Nom du scénario',
  'scenarios.form.nameHint': 'Obligatoire pour enregistrer, unique dans l’espace (120 caractères au plus).',
  'scenarios.form.leversLegend': 'Leviers par type d’équipement',
  'scenarios.form.leversHint':
    'Années de plus : durée de vie allongée des équipements en service dans l’année (1 = un an, 0,5 = six mois, 20 au plus). Reconditionné : part des achats neufs de l’année achetée reconditionnée, en % ; la fabrication évitée suit le ratio de la base. En moins : part des équipements en service retirée, en %, arrondie à l’équipement près. Par agent : au plus ce nombre d’équipements par agent déclaré.',
  'scenarios.form.leversCaption': 'Leviers par type d’équipement présent dans l’inventaire',
  'scenarios.form.extend': 'Années de durée de vie en plus',
  'scenarios.form.refurbished': '% acheté reconditionné',
  'scenarios.form.fewer': '% d’équipements en moins',
  'scenarios.form.perAgent': 'Au plus … par agent',
  'scenarios.form.ratioHint': 'ratio {ratio}',
  'scenarios.form.ratiosSummary': 'Ratios du reconditionné et leur source',
  'scenarios.form.source': 'Source',
  'scenarios.form.noRatio': 'aucun ratio dans la base : acheter reconditionné n’y change rien.',
  'scenarios.form.screenPerAgent': 'Un écran par agent',
  'scenarios.form.screenPerAgentHint':
    'Au plus un écran en service par agent déclaré ({agents} agents) : les écrans en trop sont retirés, les plus grosses lignes d’abord.',
  'scenarios.form.noAgents':
    'Les leviers « par agent » (dont « un écran par agent ») demandent le nombre d’agents de la collectivité.',
  'scenarios.form.declareAgents': 'Déclarer le nombre d’agents',
  'scenarios.form.electricityLegend': 'Électricité en France',
  'scenarios.form.electricity': 'Autre option d’électricité de la base',
  'scenarios.form.electricityDefault': 'Celle de la base ({label})',
  'scenarios.form.electricitySources': 'Sources des options d’électricité',
  'scenarios.form.electricityFactor': 'Ou un facteur à vous, en kgCO2e/kWh',
  'scenarios.form.electricityFactorHint':
    'Par exemple 0,05 ; climat seulement, les autres critères gardent ceux de la base. Pas en même temps qu’une option.',
  'scenarios.form.preview': 'Prévisualiser',
  'scenarios.form.save': 'Enregistrer',
  'scenarios.form.previewTitle': 'Aperçu pour {year}',
  'scenarios.form.previewNotSaved': 'Cet aperçu n’est pas enregistré.',

  'scenarios.error.nameRequired': 'donnez un nom au scénario pour l’enregistrer',
  'scenarios.error.nameLong': 'au plus 120 caractères',
  'scenarios.error.duplicate':
    'Un scénario nommé « {name} » existe déjà dans cet espace : choisissez un autre nom.',
  'scenarios.error.number': 'un nombre est attendu, par exemple 1 ou 0,5',
  'scenarios.error.yearsNegative': 'un nombre d’années positif (1 = un an de plus)',
  'scenarios.error.yearsMax': 'au plus 20 ans de plus',
  'scenarios.error.yearsMonths': 'en mois entiers : 1 = un an, 0,5 = six mois, 0,25 = trois mois',
  'scenarios.error.percent': 'un pourcentage entre 0 et 100',
  'scenarios.error.perAgentNegative': 'un nombre positif ou nul par agent',
  'scenarios.error.noAgents': 'le nombre d’agents n’est pas déclaré : ce levier ne peut pas être calculé',
  'scenarios.error.screenPerAgentConflict':
    'contredit le nombre d’écrans par agent saisi dans le tableau : gardez l’un ou l’autre',
  'scenarios.error.electricityUnknown': 'l’option « {option} » n’existe pas dans la base de l’espace',
  'scenarios.error.electricityBoth': 'une option de la base ou un facteur à vous, pas les deux',
  'scenarios.error.factorRange': 'un facteur entre 0 et 2 kgCO2e/kWh',

  'scenarios.notice.created': 'Scénario enregistré.',
  'scenarios.notice.updated': 'Scénario modifié.',
  'scenarios.notice.deleted': 'Scénario supprimé.',

  'scenarios.lever.extend': '{type} : durée de vie allongée (années en plus : {years})',
  'scenarios.lever.refurbished':
    '{type} : {percent} % des achats neufs de l’année achetés reconditionnés (ratio {ratio} ; source : {source})',
  'scenarios.lever.refurbishedNoRatio':
    '{type} : {percent} % achetés reconditionnés (sans ratio dans la base)',
  'scenarios.lever.perAgent': '{type} : au plus {count} par agent',
  'scenarios.lever.fewer': '{type} : {percent} % d’équipements en service en moins',
  'scenarios.lever.fewerYear':
    '{type} : {percent} % d’équipements en service en moins, soit {count} cette année',
  'scenarios.lever.electricityOption': 'Électricité en France : {label} ({factor} kgCO2e/kWh)',
  'scenarios.lever.electricityFactor': 'Électricité en France : {factor} kgCO2e/kWh',
  'scenarios.lever.none': 'Aucun levier : le scénario est la référence.',

  'scenarios.view.title': 'Scénario « {name} »',
  'scenarios.view.meta': 'Année {year} · {method} · base {base}',
  'scenarios.view.madeWithSame': 'Créé avec la base {base}, celle de l’espace aujourd’hui.',
  'scenarios.view.madeWithOther':
    'Ce scénario a été créé avec la base {madeWith} ; l’espace calcule désormais avec la base {base}. Il est calculé avec la base actuelle, pour rester comparable aux résultats de l’espace : ratios du reconditionné, facteurs et options d’électricité sont les siens. Enregistrez-le à nouveau pour l’y rattacher.',
  'scenarios.view.levers': 'Leviers',
  'scenarios.view.edit': 'Modifier',
  'scenarios.view.delete': 'Supprimer',
  'scenarios.view.comparison': 'Référence et scénario en {year}',
  'scenarios.view.byPhase': 'Par phase',
  'scenarios.view.byType': 'Par type d’équipement',
  'scenarios.view.ratios': 'Ratios du reconditionné utilisés',
  'scenarios.view.notes': 'À savoir',
  'scenarios.view.back': 'Retour aux scénarios',
  'scenarios.view.agentsMissing':
    'Ce scénario limite des équipements par agent, et l’espace n’a plus de nombre d’agents déclaré : il ne peut pas être calculé. Déclarez le nombre d’agents sur la page de l’espace, ou modifiez le scénario.',
  'scenarios.view.invalidForBase':
    'Ce scénario ne convient plus à la base actuelle de l’espace ; modifiez-le :',

  'scenarios.avoided.saved': 'Évité : {value}, soit {percent} de la référence.',
  'scenarios.avoided.added': 'En plus : {value}, soit {percent} de la référence.',
  'scenarios.avoided.fromTo': '(référence {baseline}, scénario {scenario})',

  'scenarios.phase.manufacturing': 'Fabrication',
  'scenarios.phase.distribution': 'Distribution',
  'scenarios.phase.use': 'Usage',
  'scenarios.phase.endOfLife': 'Fin de vie',
  'scenarios.phase.total': 'Total',

  'scenarios.table.byPhase': 'Par phase :',
  'scenarios.table.byType': 'Par type d’équipement, toutes phases :',
  'scenarios.table.phase': 'Phase',
  'scenarios.table.type': 'Type',
  'scenarios.table.baseline': 'Référence',
  'scenarios.table.scenario': 'Scénario',
  'scenarios.table.avoided': 'Évité',
  'scenarios.table.percent': 'Évité (%)',

  'scenarios.chart.title': 'Référence et scénario par phase : {criterion} ({unit})',
  'scenarios.chart.desc':
    'Barres horizontales, référence puis scénario pour chaque phase, en {unit} : {phases}.',
  'scenarios.chart.descPhase': '{phase} : référence {baseline}, scénario {scenario}',

  'scenarios.delete.title': 'Supprimer le scénario « {name} » ?',
  'scenarios.delete.text':
    'Le scénario et ses leviers seront supprimés ; l’inventaire et les résultats ne changent pas. Le journal de l’espace garde la trace de la suppression.',
  'scenarios.delete.confirm': 'Supprimer définitivement',
  'scenarios.delete.cancel': 'Annuler et revenir au scénario',

  'reuse.title': 'Réemploi des équipements réformés',
  'reuse.lead':
    'Part des équipements informatiques réformés dans l’année qui sont orientés vers le réemploi, calculée à partir de l’inventaire, face à l’objectif légal.',
  'reuse.legal':
    'Loi n° 2021-1485 du 15 novembre 2021 visant à réduire l’empreinte environnementale du numérique (REEN), article 16 ; décret n° 2023-266. Objectifs : {targets}.',
  'reuse.legal.targetIn': '{percent} en {year}',
  'reuse.legal.targetFrom': '{percent} à partir de {year}',
  'reuse.rateTitle': 'Taux de réemploi {year}',
  'reuse.rate': 'Taux de réemploi : {rate} ({reused} équipements réemployés sur {eligible} concernés)',
  'reuse.empty': 'Aucun équipement concerné n’a été réformé en {year} : le taux ne peut pas être calculé.',
  'reuse.emptyHint':
    'Un équipement compte quand l’inventaire le dit « réformé », avec sa date de réforme dans l’année et, s’il a été réemployé, sa filière (cession, vente, don, reprise agréée).',
  'reuse.gauge.title': 'Taux de réemploi {year} et objectif',
  'reuse.gauge.desc': 'Barre de 0 à 100 % remplie jusqu’à {rate} ; l’objectif est marqué à {target}.',
  'reuse.gauge.descNoTarget': 'Barre de 0 à 100 % remplie jusqu’à {rate} ; pas d’objectif légal cette année.',
  'reuse.gauge.target': 'objectif {target}',
  'reuse.target': 'Objectif légal {year} : {target}.',
  'reuse.noTarget': 'Pas d’objectif légal en {year} : les objectifs commencent en 2023.',
  'reuse.met': 'Objectif atteint.',
  'reuse.notMet': 'Objectif non atteint.',

  'reuse.countsTitle': 'Ce qui est compté',
  'reuse.counts.caption': 'Équipements concernés réformés en {year}',
  'reuse.counts.what': 'Équipements',
  'reuse.counts.items': 'Lignes',
  'reuse.counts.quantity': 'Équipements',
  'reuse.counts.eligible': 'Concernés, réformés dans l’année',
  'reuse.counts.reused': 'Orientés vers le réemploi',
  'reuse.routes.caption': 'Équipements concernés réformés en {year}, par filière',
  'reuse.routes.route': 'Filière',
  'reuse.routes.counts': 'Compte comme réemploi',
  'reuse.routes.yes': 'oui',
  'reuse.routes.no': 'non',
  'reuse.types.caption': 'Équipements concernés réformés en {year}, par type (en équipements)',
  'reuse.types.type': 'Type',
  'reuse.types.rate': 'Taux',

  'reuse.excludedTitle': 'Ce qui est écarté',
  'reuse.excluded.none': 'Aucun équipement écarté pour {year}.',
  'reuse.excluded.outOfScope':
    'Type non concerné par le décret (ni écran de plus de 100 cm², ni petit équipement informatique et de télécommunications)',
  'reuse.excluded.overTenYears': 'Plus de dix ans à la date de la réforme',
  'reuse.excluded.sensitiveData': 'Données classifiées ou sensibles',
  'reuse.excluded.notRetired':
    'Date de réforme dans l’année, mais statut autre que « réformé » (date prévue ?)',
  'reuse.excluded.retiredWithoutDate':
    'Réformé sans date de réforme : l’année n’est pas connue (listé quelle que soit l’année)',
  'reuse.count': '{items} ligne(s), {quantity} équipement(s).',
  'reuse.firstItems': 'Premières lignes :',
  'reuse.itemLink': 'ligne {line}',
  'reuse.andMore': 'et {count} autre(s)',

  'reuse.assumptionsTitle': 'Hypothèses',
  'reuse.assumption.unknownPurchaseDate':
    'Sans date d’achat : l’âge ne peut pas être vérifié, l’équipement est compté comme concerné',
  'reuse.assumption.unknownDisposal': 'Sans filière (ou « inconnue ») : compté comme concerné, non réemployé',
  'reuse.assumption.sensitive':
    'Le décret écarte les équipements portant des informations classifiées ou sensibles ; l’inventaire n’a pas de champ pour le dire : aucun n’est écarté à ce titre.',
  'reuse.assumption.cohort':
    'Taux « par cohorte » : parmi les équipements réformés dans l’année, la part orientée vers le réemploi. La formule du décret rapporte les équipements orientés vers le réemploi pendant l’année au stock d’équipements réformés détenus au 1er janvier ; l’inventaire ne dit ni quand un équipement réformé est sorti, ni ce qui était détenu au 1er janvier. Les deux taux coïncident quand les équipements réformés d’une année sont traités ensemble.',
  'reuse.assumption.proof':
    'La filière enregistre l’engagement de réemploi ; la preuve (attestation de cession, de don ou de reprise) reste dans vos dossiers.',

  'reuse.scopeTitle': 'Équipements concernés',
  'reuse.scope.rule':
    'Sont concernés les équipements réformés dans l’année (statut « réformé », date de réforme entre le 1er janvier et le 31 décembre), d’au plus dix ans à la date de la réforme, des catégories 2° (écrans et équipements à écran de plus de 100 cm²) et 6° (petits équipements informatiques et de télécommunications) de l’article R. 543-172 du code de l’environnement.',
  'reuse.scope.routes': 'Comptent comme réemploi : {routes}.',
  'reuse.scope.caption': 'Types d’équipement de l’inventaire et décret',
  'reuse.scope.included': 'Concerné',
  'reuse.scope.category': 'Catégorie',
  'reuse.scope.basis': 'Pourquoi',
  'reuse.scope.yes': 'oui',
  'reuse.scope.no': 'non',
}
