/** The footprint's public methodology page and the workspace API tokens (French, the reference). */
export const frFootprintMethod = {
  'footprintMethod.title': 'Méthode de calcul de l’empreinte du parc informatique',
  'footprintMethod.lead':
    'Tout ce qu’il faut pour refaire nos calculs à la main : les règles du moteur et la base de facteurs par défaut, « {title} » ({id}, version {version}). Les chiffres de cette page sont lus dans le code et dans la base publiée, jamais recopiés.',
  'footprintMethod.toc': 'Sommaire',
  'footprintMethod.notAvailableShort': 'n.d.',
  'footprintMethod.unit.years': 'ans',
  'footprintMethod.unit.hoursPerDay': 'h/j',
  'footprintMethod.unit.year': 'an',
  'footprintMethod.unit.days': 'j',

  'footprintMethod.criteria.title': 'Critères et unités',
  'footprintMethod.criteria.text':
    'Chaque équipement est évalué sur {count} critères, chacun dans son unité et par équipement :',

  'footprintMethod.phases.title': 'Les quatre phases',
  'footprintMethod.phases.manufacturing':
    'Fabrication : extraction des matières, composants, assemblage (chiffre de la base, par équipement).',
  'footprintMethod.phases.distribution':
    'Distribution : transport jusqu’à l’acheteur (chiffre de la base, par équipement).',
  'footprintMethod.phases.use':
    'Usage : l’électricité consommée dans l’année (calculée, voir « Phase d’usage »).',
  'footprintMethod.phases.endOfLife':
    'Fin de vie : collecte et traitement (chiffre de la base, par équipement).',
  'footprintMethod.phase.manufacturing': 'Fabrication',
  'footprintMethod.phase.distribution': 'Distribution',
  'footprintMethod.phase.use': 'Usage',
  'footprintMethod.phase.endOfLife': 'Fin de vie',
  'footprintMethod.phase.total': 'Total',

  'footprintMethod.methods.title': 'Deux méthodes : stock et flux',
  'footprintMethod.methods.stock':
    'Stock (par défaut) : chaque équipement compté dans l’année porte sa fabrication, sa distribution et sa fin de vie réparties sur sa durée de vie : chiffre × quantité ÷ durée de vie, chaque année où il est en service, y compris les équipements en stock.',
  'footprintMethod.methods.flux':
    'Flux : seuls les équipements achetés dans l’année (date d’achat dans l’année) portent leur fabrication, leur distribution et leur fin de vie, en entier : chiffre × quantité. Les équipements achetés avant, ou sans date d’achat, ne portent que leur usage.',
  'footprintMethod.methods.useSame': 'L’usage est annuel : il est le même dans les deux méthodes.',
  'footprintMethod.period.title': 'Quels équipements comptent pour une année ?',
  'footprintMethod.period.inUse':
    'Un équipement est en service de sa date d’achat (incluse) à sa date de sortie (exclue : le premier jour hors service).',
  'footprintMethod.period.boughtAfter':
    'Acheté après l’année (à partir du 1er janvier suivant) : non compté.',
  'footprintMethod.period.retiredBefore':
    'Sorti avant l’année (date de sortie au 1er janvier de l’année ou avant) : non compté.',
  'footprintMethod.period.noPurchase': 'Sans date d’achat : compté comme en service dans l’année.',
  'footprintMethod.period.retiredWithoutDate':
    'Statut « réformé » sans date de sortie : non compté et signalé (rien ne dit qu’il était en service) ; ajouter la date le fait compter.',
  'footprintMethod.period.wholeYear':
    'Sinon compté pour toute l’année, sans prorata des jours : la règle se refait à la calculatrice.',

  'footprintMethod.lifetime.title': 'Durée de vie',
  'footprintMethod.lifetime.dates':
    'Dates d’achat et de sortie connues (sortie après achat) : les années entre les deux, les mois entiers comptant pour un douzième d’année et les jours restants pour jours ÷ 365,25 (du 15/03/2021 au 15/09/2024 : 3,5 ans).',
  'footprintMethod.lifetime.item': 'Sinon, la durée de vie donnée par l’inventaire pour l’équipement.',
  'footprintMethod.lifetime.type':
    'Sinon, la durée de vie par défaut du type dans la base (tableau ci-dessous).',
  'footprintMethod.lifetime.floor':
    'Jamais moins d’un an : un équipement n’est jamais amorti en moins d’un an.',

  'footprintMethod.use.title': 'Phase d’usage',
  'footprintMethod.use.formula':
    'kWh par an = la consommation annuelle donnée par l’inventaire, sinon puissance (W) × heures par jour × 365 ÷ 1 000 (valeurs du type dans la base) ; × le PUE du centre de données pour un équipement hébergé (l’électricité est alors celle du pays du centre de données ; centre inconnu : PUE 1) ; × le facteur d’électricité du pays ; × la quantité.',
  'footprintMethod.use.country':
    'Un pays que la base ne connaît pas prend le facteur du pays de repli ({fallback} : {factor} {unit}) et il est signalé.',
  'footprintMethod.use.stock': 'Les équipements en stock n’ont pas d’usage.',

  'footprintMethod.refurbished.title': 'Équipements reconditionnés',
  'footprintMethod.refurbished.rule':
    'Un équipement acheté reconditionné évite la fabrication d’un neuf, pas son transport ni sa fin de vie : sa fabrication, pour chaque critère, vaut fabrication × (1 − r), r étant la part évitée publiée (MiNumEco, d’après l’ADEME) ÷ la fabrication d’un neuf :',
  'footprintMethod.refurbished.default':
    'Types sans chiffre propre : le plus petit ratio de la base, {ratio} ({type}), hypothèse prudente. Le ratio publié pour le climat est appliqué aux autres critères.',
  'footprintMethod.refurbished.none':
    'La base ne publie aucun impact évité du reconditionné : les équipements reconditionnés comptent comme des neufs.',

  'footprintMethod.unavailable.title': '« Non disponible » n’est pas zéro',
  'footprintMethod.unavailable.text':
    'Un chiffre que la base ne donne pas (null) ou une phase d’usage sans puissance ni consommation mesurée est « non disponible », jamais 0. Chaque résultat donne la somme de ce qui est disponible et le nombre d’équipements laissés de côté ; il n’est « non disponible » que lorsque rien n’était disponible. Un 0 est un vrai zéro (l’usage des équipements en stock).',
  'footprintMethod.unavailable.flags': 'Chaque résultat signale, avec les lignes concernées :',
  'footprintMethod.flag.noFactor':
    'type sans facteurs dans la base (« autre ») : compté, ses chiffres non disponibles.',
  'footprintMethod.flag.unknownCountry':
    'pays sans facteur d’électricité dans la base : facteur du pays de repli ({fallback}).',
  'footprintMethod.flag.unknownDatacenter': 'centre de données inconnu : PUE 1 et pays de l’équipement.',
  'footprintMethod.flag.noUseProfile':
    'ni puissance dans la base ni consommation mesurée : usage non disponible.',
  'footprintMethod.flag.retiredWithoutDate': 'réformé sans date de sortie : non compté.',

  'footprintMethod.perCapita.title': 'Par agent et par habitant',
  'footprintMethod.perCapita.text':
    'Total de l’année ÷ nombre d’agents (ETP) déclarés sur la page du territoire, et ÷ population du territoire (population totale, sinon municipale, INSEE). Sans l’un de ces nombres, le chiffre correspondant n’est pas donné.',

  'footprintMethod.base.title': 'La base de facteurs par défaut',
  'footprintMethod.base.intro':
    '« {title} », identifiant {id}, version {version} : la version publiée la plus récente de la base par défaut. Une version publiée n’est jamais modifiée ; chaque résultat garde la base et la version avec lesquelles il a été calculé.',
  'footprintMethod.base.source': 'Source',
  'footprintMethod.base.licence': 'Licence',
  'footprintMethod.base.caption':
    'Facteurs par type d’équipement, version {version} (par équipement ; {na} : non disponible)',
  'footprintMethod.base.type': 'Type',
  'footprintMethod.base.mapping': 'Ligne de la source',
  'footprintMethod.base.lifetime': 'Durée de vie (ans)',
  'footprintMethod.base.power': 'Puissance × heures',
  'footprintMethod.base.perPhase': '{criterion} ({unit}) : fabrication / distribution / fin de vie',
  'footprintMethod.base.noFactors': 'sans facteur',

  'footprintMethod.electricity.title': 'Facteurs d’électricité',
  'footprintMethod.electricity.text':
    'Un facteur par défaut par pays ; les autres, publiés et sourcés, servent aux scénarios et aux comparaisons. Un pays inconnu prend le facteur de {fallback}.',
  'footprintMethod.electricity.caption': 'Options d’électricité de la base, version {version}',
  'footprintMethod.electricity.option': 'Option',
  'footprintMethod.electricity.factor': 'Facteur',
  'footprintMethod.electricity.source': 'Source et licence',
  'footprintMethod.electricity.default': 'par défaut pour {countries}',

  'footprintMethod.example.title': 'Exemple : un ordinateur portable sur sa durée de vie',
  'footprintMethod.example.item':
    'Un ordinateur portable acheté le 1er janvier 2020 et sorti le 1er janvier 2025 (5 ans), utilisé en France ({factor} {unit}), critère « {criterion} », méthode stock, calculé ici par le moteur avec la base ci-dessus :',
  'footprintMethod.example.caption': 'Calcul de l’année {year}, phase par phase',
  'footprintMethod.example.phase': 'Phase',
  'footprintMethod.example.formula': 'Calcul',
  'footprintMethod.example.stock':
    'Chaque année de {first} à {last} compte {perYear} {unit} ; sur les {count} années : {total} {unit}.',
  'footprintMethod.example.flux':
    'Méthode flux : {first} {unit} l’année d’achat (fabrication, distribution et fin de vie en entier, plus une année d’usage), puis {later} {unit} par an ; sur la durée de vie : {total} {unit}.',
  'footprintMethod.example.limit':
    'Sans prorata des jours, un équipement dont la vie chevauche les années civiles (acheté en juin, sorti en juin cinq ans plus tard) est compté six années : la méthode stock peut alors compter une part annuelle de plus que sa fabrication.',

  'footprintMethod.scenarios.title': 'Scénarios et taux de réemploi',
  'footprintMethod.scenarios.levers':
    'Les scénarios rejouent le même calcul avec des leviers : allonger la durée de vie d’un type, acheter une part reconditionnée, moins d’équipements (par agent ou en nombre), un autre facteur d’électricité. L’écart avec la situation de départ est l’impact évité.',
  'footprintMethod.reuse.text':
    'Taux de réemploi (loi REEN, art. 16 ; décret n° 2023-266) : parmi les équipements concernés sortis dans l’année, la part dont la destination est l’une des {routes} voies de réemploi (cession, vente, don, reprise agréée). Objectifs : {targets}.',
  'footprintMethod.reuse.target': '{rate} dès {year}',
  'footprintMethod.reuse.scope':
    'Concernés (catégories 2° et 6°) : {concerned}. Exclus : {excluded}, les équipements de plus de dix ans à leur sortie et ceux que le territoire marque comme portant des données sensibles. Sans date d’achat, un équipement est compté ; sans destination, il compte comme non réemployé.',
  'footprintMethod.reuse.obligation': 'L’obligation de réemploi dans le catalogue des obligations',

  'footprintMethod.resources.title': 'Bases et modèles à télécharger',
  'footprintMethod.resources.defaultBase':
    'La base par défaut, version {version}, à consulter et télécharger',
  'footprintMethod.resources.bases': 'Toutes les bases de facteurs publiées, à consulter et télécharger',
  'footprintMethod.resources.template': 'Le modèle d’inventaire (CSV)',
  'footprintMethod.resources.templateXlsx': 'Le modèle d’inventaire (classeur XLSX)',
  'footprintMethod.resources.api': 'L’API : chiffres ouverts, et empreinte d’un espace avec un jeton',

  'apiTokens.title': 'Accès à l’API',
  'apiTokens.lead':
    'Un jeton permet à un autre outil de lire l’empreinte de l’espace « {territory} » par l’API, sans compte. Il ne donne accès qu’à cet espace, en lecture seule.',
  'apiTokens.caption': 'Jetons de l’espace',
  'apiTokens.name': 'Nom',
  'apiTokens.created': 'Créé le',
  'apiTokens.lastUsed': 'Dernière utilisation',
  'apiTokens.state': 'État',
  'apiTokens.never': 'jamais',
  'apiTokens.active': 'actif',
  'apiTokens.revokedOn': 'révoqué le {date}',
  'apiTokens.actions': 'Actions',
  'apiTokens.revoke': 'Révoquer',
  'apiTokens.revokeLabel': 'Révoquer le jeton « {name} »',
  'apiTokens.none': 'Aucun jeton pour l’instant.',
  'apiTokens.create': 'Créer un jeton',
  'apiTokens.nameLabel': 'Nom du jeton',
  'apiTokens.nameHint': 'Pour le reconnaître : l’outil ou la personne qui l’utilise.',
  'apiTokens.createSubmit': 'Créer le jeton',
  'apiTokens.nameRequired': 'Indiquez un nom.',
  'apiTokens.nameTooLong': 'Au plus 80 caractères.',
  'apiTokens.shownOnce': 'Jeton « {name} » créé. Copiez-le maintenant : il ne sera plus jamais affiché.',
  'apiTokens.tokenLabel': 'Votre jeton',
  'apiTokens.revoked': 'Jeton révoqué : il ne donne plus accès à l’API.',
  'apiTokens.usage': 'Utiliser un jeton',
  'apiTokens.usageText':
    'Envoyez-le dans l’en-tête Authorization de chaque requête. L’empreinte d’une année (méthode stock ou flux) et les résultats figés de l’espace :',
  'apiTokens.openapi': 'Description OpenAPI de l’API',
  'apiTokens.method': 'Méthode de calcul de l’empreinte',
}
