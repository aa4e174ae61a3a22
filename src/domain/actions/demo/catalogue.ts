// Words of the demonstration plans: credible French titles and descriptions per thématique,
// porteurs, partners (the programme's operators), budget ranges, filières and tags. « {ti} » is
// replaced by the territory's name, « {region} » by its region, « {site} » by a local site name.

import type { AxeCode, ThematiqueCode } from '../vocabulary';

export const REGION_NAMES: Record<string, string> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': "Provence-Alpes-Côte d'Azur",
  '94': 'Corse',
};

export interface ThemeWords {
  titles: readonly string[];
  descriptions: readonly string[];
  /** Budget range in euros (log-uniform draw). */
  budget: readonly [number, number];
}

export const SITES = [
  "l'ancienne filature",
  "l'ancienne papeterie",
  "l'ancienne fonderie",
  "l'ex-site textile",
  'l’ancienne gare de marchandises',
  "l'ancienne tuilerie",
  "l'ancienne usine de mécanique",
  "l'ex-laiterie",
  "l'ancienne scierie",
  "l'ancienne verrerie",
] as const;

export const ZONES = [
  'du parc d’activités de la Gare',
  'de la zone d’activités des Grands Champs',
  'de la zone industrielle Nord',
  'du parc d’activités du Moulin',
  'de la zone d’activités de la Plaine',
  'de la ZAE des Forges',
  'du parc industriel de l’Europe',
  'de la zone portuaire',
] as const;

export const THEME_WORDS: Record<ThematiqueCode, ThemeWords> = {
  'valorisation-industrie': {
    titles: [
      "Semaine de l'industrie – {ti}",
      'Visites d’entreprises pour les collégiens et lycéens',
      "Salon de l'industrie et des métiers – {ti}",
      "Campagne « L'industrie recrute » sur le territoire",
      "Parcours de découverte des métiers de l'industrie",
      'Usine ouverte : journées portes ouvertes des industriels',
      "Ambassadeurs de l'industrie dans les établissements scolaires",
      "Film et exposition sur l'histoire industrielle du territoire",
    ],
    descriptions: [
      "Faire découvrir l'industrie locale aux jeunes et à leurs familles, en lien avec les établissements scolaires et les industriels de {ti}.",
      "Changer l'image de l'industrie auprès des habitants : visites de sites, témoignages de salariés et d'apprentis, présence sur les forums.",
    ],
    budget: [5_000, 150_000],
  },
  'nouvelles-formations': {
    titles: [
      "Création d'un campus des métiers de l'industrie",
      'Ouverture d’une formation de technicien de maintenance industrielle',
      "Plateau technique de formation à l'usinage",
      'Création d’un BTS en alternance Conception des processus de réalisation de produits',
      'École de production – {ti}',
      'Formation qualifiante aux métiers de la soudure',
      'Antenne du CNAM pour les formations industrielles',
      'Titre professionnel de conducteur de ligne de production',
    ],
    descriptions: [
      "Créer sur le territoire une offre de formation qui répond aux besoins des industriels, avec la Région, l'Éducation nationale et les OPCO.",
      'Former localement les techniciens et opérateurs dont les entreprises manquent, en alternance, au plus près des sites de production.',
    ],
    budget: [20_000, 3_000_000],
  },
  'rh-marque-employeur': {
    titles: [
      'Marque employeur territoriale – {ti}',
      'Groupement d’employeurs industriels',
      'Plateforme de recrutement mutualisée des industriels',
      'Accompagnement RH des PME industrielles',
      'Club RH des entreprises industrielles',
      'Dispositif d’accueil des nouveaux salariés et de leur conjoint',
    ],
    descriptions: [
      'Rendre les entreprises industrielles du territoire plus attractives pour les candidats grâce à une démarche collective de marque employeur.',
      'Mutualiser entre industriels les outils de recrutement, de fidélisation et de gestion prévisionnelle des emplois et des compétences.',
    ],
    budget: [10_000, 300_000],
  },
  'besoin-formation': {
    titles: [
      'Diagnostic des besoins en compétences des industriels',
      'GPEC territoriale de l’industrie',
      'Étude des besoins en formation de la filière',
      'Observatoire local de l’emploi industriel',
      'Recensement des métiers en tension – {ti}',
    ],
    descriptions: [
      'Identifier avec les entreprises, France Travail et les OPCO les compétences qui manqueront dans les cinq prochaines années.',
      "Objectiver les besoins de recrutement et de formation des industriels pour adapter l'offre de formation locale.",
    ],
    budget: [10_000, 120_000],
  },
  'aide-installation': {
    titles: [
      'Résidence pour alternants et jeunes salariés',
      'Guichet d’accueil des nouveaux arrivants',
      'Logements temporaires pour salariés en mobilité',
      'Accompagnement à l’installation des salariés et de leur famille',
      'Offre de mobilité vers les zones d’activités',
      'Service de garde d’enfants en horaires décalés',
    ],
    descriptions: [
      "Faciliter l'arrivée des salariés recrutés par les industriels : logement, mobilité, emploi du conjoint, garde d'enfants.",
      'Lever les freins périphériques à l’emploi industriel avec Action Logement et les collectivités.',
    ],
    budget: [30_000, 2_500_000],
  },
  'transition-energetique': {
    titles: [
      'Réseau de chaleur alimenté par la chaleur fatale industrielle',
      'Centrale photovoltaïque en toiture des bâtiments industriels',
      'Unité de méthanisation territoriale',
      'Schéma de décarbonation des entreprises industrielles',
      "Communauté d'énergie renouvelable {zone}",
      'Station de production et de distribution d’hydrogène vert',
      'Accompagnement des PME à la sobriété énergétique',
      'Chaufferie biomasse mutualisée',
    ],
    descriptions: [
      'Réduire la consommation d’énergie fossile des industriels et produire localement une énergie renouvelable.',
      'Accompagner les entreprises de {ti} dans leur trajectoire de décarbonation, du diagnostic au financement des investissements.',
    ],
    budget: [50_000, 15_000_000],
  },
  eit: {
    titles: [
      'Démarche d’écologie industrielle et territoriale – {ti}',
      'Plateforme de mutualisation des déchets industriels',
      'Synergies inter-entreprises {zone}',
      'Recyclerie des matériaux du bâtiment et de l’industrie',
      'Animation d’un club d’économie circulaire',
      'Valorisation des coproduits de l’industrie agroalimentaire',
    ],
    descriptions: [
      'Identifier et mettre en œuvre des échanges de flux entre entreprises : déchets, énergie, eau, équipements et services mutualisés.',
      "Animer une démarche d'écologie industrielle et territoriale avec les entreprises, la CCI et l'ADEME.",
    ],
    budget: [20_000, 800_000],
  },
  'gestion-eau': {
    titles: [
      'Réutilisation des eaux usées traitées pour les process industriels',
      'Diagnostic de la ressource en eau des industriels',
      'Sobriété hydrique des entreprises {zone}',
      'Station de prétraitement des effluents industriels',
      'Récupération des eaux pluviales sur les sites industriels',
    ],
    descriptions: [
      "Sécuriser l'approvisionnement en eau des industriels et réduire les prélèvements, avec l'agence de l'eau.",
      'Accompagner les entreprises dans la réduction de leur consommation d’eau et la réutilisation de leurs eaux.',
    ],
    budget: [40_000, 6_000_000],
  },
  'infrastructures-numeriques': {
    titles: [
      'Raccordement en fibre optique des zones d’activités',
      'Couverture 5G industrielle {zone}',
      'Datacenter de proximité',
      'Très haut débit pour les sites industriels isolés',
    ],
    descriptions: [
      'Doter les zones d’activités de connexions très haut débit indispensables à la production et à la maintenance à distance.',
      'Résorber les zones blanches numériques qui pénalisent les entreprises industrielles du territoire.',
    ],
    budget: [100_000, 5_000_000],
  },
  'usages-numeriques': {
    titles: [
      'Accompagnement des PME vers l’industrie du futur',
      'Diagnostics numériques des entreprises industrielles',
      'Cybersécurité des PME industrielles',
      'Jumeau numérique de la zone industrielle',
      'Formation des dirigeants à la donnée et à l’intelligence artificielle',
    ],
    descriptions: [
      "Aider les PME à adopter les outils numériques de l'industrie du futur : robotisation, suivi de production, maintenance prédictive.",
      'Sensibiliser et accompagner les entreprises à la transformation numérique et à la cybersécurité.',
    ],
    budget: [10_000, 400_000],
  },
  'tiers-lieux': {
    titles: [
      'Tiers-lieu industriel et fab lab – {ti}',
      'Atelier partagé de prototypage',
      "Création d'un tiers-lieu dans {site}",
      'Espace de coworking et de formation industrielle',
      'Micro-folie et fab lab des métiers',
    ],
    descriptions: [
      'Ouvrir un lieu partagé où entreprises, porteurs de projet, étudiants et habitants prototypent, se forment et se rencontrent.',
      "Créer un tiers-lieu dédié à l'industrie, animé avec les entreprises et les organismes de formation.",
    ],
    budget: [80_000, 2_500_000],
  },
  'ecosysteme-innovation': {
    titles: [
      "Centre d'innovation et de transfert technologique",
      'Plateforme d’essais mutualisée pour les industriels',
      'Programme d’accélération des start-up industrielles',
      'Partenariat entreprises – laboratoires de recherche',
      'Démonstrateur industriel – {ti}',
      "Pépinière et hôtel d'entreprises industrielles",
      'Chaire industrielle avec l’université',
    ],
    descriptions: [
      "Rapprocher les entreprises des laboratoires et des centres techniques pour accélérer l'innovation de produits et de procédés.",
      'Structurer un écosystème d’innovation local autour des filières d’excellence du territoire.',
    ],
    budget: [50_000, 8_000_000],
  },
  'sites-cles-en-main': {
    titles: [
      'Site industriel clés en main {zone}',
      'Pré-aménagement et procédures anticipées {zone}',
      'Candidature au dispositif Sites clés en main France 2030',
      'Extension {zone}',
      'Études environnementales préalables du futur site industriel',
    ],
    descriptions: [
      "Préparer un foncier immédiatement disponible pour l'implantation d'une activité industrielle : maîtrise foncière, études, autorisations.",
      'Anticiper les procédures environnementales et d’urbanisme pour réduire les délais d’implantation des industriels.',
    ],
    budget: [300_000, 25_000_000],
  },
  'requalification-friche': {
    titles: [
      'Requalification de la friche de {site}',
      'Dépollution et reconversion de {site}',
      'Reconversion de {site} en village d’entreprises',
      'Inventaire des friches industrielles – {ti}',
      'Démolition et réaménagement de {site}',
    ],
    descriptions: [
      "Redonner une vocation industrielle à une friche : dépollution, démolition, réaménagement et commercialisation, avec l'EPF et le Fonds vert.",
      'Recycler le foncier déjà artificialisé pour accueillir de nouvelles activités productives sans consommer d’espaces naturels.',
    ],
    budget: [200_000, 12_000_000],
  },
  'optimisation-foncier': {
    titles: [
      'Stratégie foncière économique – {ti}',
      'Densification {zone}',
      'Observatoire du foncier économique',
      'Schéma d’aménagement des zones d’activités (objectif ZAN)',
      'Remobilisation des locaux d’activités vacants',
      'Mutualisation des stationnements et des espaces {zone}',
    ],
    descriptions: [
      "Recenser le foncier et l'immobilier d'activités disponibles et optimiser les zones existantes dans la perspective du zéro artificialisation nette.",
      'Densifier les parcs d’activités existants et remettre sur le marché les terrains et bâtiments sous-utilisés.',
    ],
    budget: [20_000, 4_000_000],
  },
};

/** Titles of actions without thématique, per axis. */
export const AXE_WORDS: Record<AxeCode, ThemeWords> = {
  competences: {
    titles: ['Forum emploi de l’industrie', 'Plan d’action compétences – {ti}', 'Job dating des industriels'],
    descriptions: ['Rapprocher les demandeurs d’emploi et les industriels qui recrutent.'],
    budget: [5_000, 100_000],
  },
  foncier: {
    titles: [
      'Acquisition foncière pour l’accueil d’entreprises',
      'Aménagement {zone}',
      'Offre immobilière d’ateliers relais',
    ],
    descriptions: ['Développer une offre foncière et immobilière adaptée aux besoins des industriels.'],
    budget: [100_000, 6_000_000],
  },
  innovation: {
    titles: [
      'Programme d’innovation des PME – {ti}',
      'Appel à projets innovation industrielle',
      'Rencontres innovation entreprises – recherche',
    ],
    descriptions: ['Soutenir les projets d’innovation des entreprises industrielles du territoire.'],
    budget: [20_000, 1_000_000],
  },
  transition: {
    titles: [
      'Plan climat des zones d’activités',
      'Mobilité décarbonée des salariés {zone}',
      'Bilan carbone collectif des industriels',
    ],
    descriptions: ['Engager les entreprises du territoire dans la transition écologique.'],
    budget: [20_000, 1_500_000],
  },
  transversal: {
    titles: [
      "Animation du Territoire d'industrie – {ti}",
      'Recrutement et cofinancement du chef de projet',
      'Stratégie industrielle du territoire',
      'Accueil et accompagnement des projets d’implantation',
      "Observatoire de l'industrie locale",
      'Plan de communication du Territoire d’industrie',
      'Fabrique prospective – {ti}',
      'Club des industriels – {ti}',
    ],
    descriptions: [
      "Piloter et animer le plan d'action du Territoire d'industrie avec le binôme élu-industriel et les partenaires.",
      "Coordonner l'action des partenaires publics et privés au service des projets industriels du territoire.",
    ],
    budget: [15_000, 300_000],
  },
};

/** Porteurs, weighted by how often they lead an action of the axis. */
export const OWNERS: readonly { name: string; axes: readonly AxeCode[]; weight: number }[] = [
  {
    name: 'Intercommunalité – {ti}',
    axes: ['competences', 'foncier', 'innovation', 'transition', 'transversal'],
    weight: 10,
  },
  { name: 'Région {region}', axes: ['competences', 'innovation', 'transition', 'foncier'], weight: 3 },
  { name: 'CCI {region}', axes: ['competences', 'innovation', 'transition', 'transversal'], weight: 3 },
  { name: 'Chambre de métiers et de l’artisanat', axes: ['competences'], weight: 1 },
  { name: 'UIMM {region}', axes: ['competences'], weight: 2 },
  {
    name: 'Club d’entreprises – {ti}',
    axes: ['competences', 'transition', 'innovation', 'transversal'],
    weight: 2,
  },
  { name: 'PME industrielle (métallurgie)', axes: ['transition', 'innovation', 'foncier'], weight: 1 },
  { name: 'ETI agroalimentaire', axes: ['transition', 'competences'], weight: 1 },
  { name: 'Groupe industriel (site de production)', axes: ['transition', 'innovation'], weight: 1 },
  { name: 'Lycée professionnel', axes: ['competences'], weight: 1 },
  { name: 'Université – IUT', axes: ['competences', 'innovation'], weight: 1 },
  {
    name: 'Agence de développement économique',
    axes: ['foncier', 'innovation', 'transversal', 'competences'],
    weight: 2,
  },
  { name: 'Syndicat mixte d’aménagement', axes: ['foncier'], weight: 2 },
  { name: 'Établissement public foncier', axes: ['foncier'], weight: 2 },
  { name: 'Commune', axes: ['foncier', 'competences'], weight: 2 },
  { name: 'Association tiers-lieu', axes: ['innovation'], weight: 1 },
  { name: 'Pôle de compétitivité', axes: ['innovation'], weight: 1 },
  { name: 'Syndicat d’énergie', axes: ['transition'], weight: 1 },
  { name: 'Département', axes: ['competences', 'foncier', 'transversal'], weight: 1 },
];

export const PARTNERS: readonly string[] = [
  'Bpifrance',
  'Banque des Territoires',
  'ADEME',
  'France Travail',
  'Business France',
  'Action Logement',
  'Cerema',
  'CNAM',
  'Région {region}',
  'Département',
  'DREETS',
  'Préfecture',
  'Agence de l’eau',
  'OPCO 2i',
  'UIMM {region}',
  'CCI {region}',
  'Établissement public foncier',
  'Campus des métiers et des qualifications',
  'Éducation nationale',
  'Pôle de compétitivité',
];

export const FILIERES: readonly string[] = [
  'Métallurgie',
  'Agroalimentaire',
  'Aéronautique',
  'Automobile',
  'Chimie',
  'Bois',
  'Plasturgie',
  'Textile',
  'Santé',
  'Énergie',
  'Électronique',
  'Ferroviaire',
  'Matériaux',
  'Mécanique',
];

export const TAGS: readonly string[] = [
  'France 2030',
  'Fonds vert',
  'Rebond industriel',
  'Ingénierie ANCT',
  'Action cœur de ville',
  'Petites villes de demain',
  'Décarbonation',
  'Emploi des jeunes',
  'Fabrique prospective',
  'ZAN',
];
