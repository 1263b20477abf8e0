/**
 * UI strings of the search charts, the Atom feed, the home suggestions and the map insets,
 * French first. Kept apart from the main dictionary so that each area's strings live together;
 * the English dictionary has the same keys (the type says so).
 */
const numberFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const numberEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export type ChartLocale = 'fr' | 'en';
export type ChartName = 'theme' | 'region' | 'departement' | 'partner' | 'month' | 'stage';
export type StageCode = 'launch' | 'deployment' | 'scaling' | 'completed' | 'unknown';

const fr = {
  views: {
    label: 'Affichage des résultats',
    list: 'Liste',
    map: 'Carte',
    charts: 'Graphiques',
  },
  charts: {
    title: 'Graphiques de la recherche',
    titleWithQuery: (q: string): string => `Graphiques de la recherche « ${q} »`,
    description: 'Les projets de la recherche en cours par thème, territoire, partenaire, mois et stade.',
    intro: (total: string): string =>
      `${total} correspondant à la recherche. Cliquez sur une barre ou une région pour restreindre la recherche.`,
    empty: 'Aucun projet ne correspond à cette recherche : il n’y a rien à représenter.',
    headings: {
      theme: 'Par thème',
      region: 'Par région',
      departement: 'Par département',
      partner: 'Par partenaire',
      month: 'Par mois de premier recensement',
      stage: 'Par stade de maturité',
    } satisfies Record<ChartName, string>,
    captions: {
      theme: 'Nombre de projets de la recherche par thème',
      region: 'Nombre de projets de la recherche par région',
      departement: 'Nombre de projets de la recherche par département',
      partner: 'Nombre de projets de la recherche par partenaire',
      month: 'Nombre de projets de la recherche par mois de premier recensement',
      stage: 'Nombre de projets de la recherche par stade de maturité',
    } satisfies Record<ChartName, string>,
    columns: {
      theme: 'Thème',
      region: 'Région',
      departement: 'Département',
      partner: 'Partenaire',
      month: 'Mois',
      stage: 'Stade',
    } satisfies Record<ChartName, string>,
    projects: 'Projets',
    seriesName: 'Projets',
    tableSummary: 'Voir les données du graphique',
    download: 'Télécharger les données (CSV)',
    truncated: (shown: number, all: number): string =>
      `Le graphique montre les ${shown} premiers sur ${all} ; le tableau les donne tous.`,
    narrow: (label: string, projects: string): string => `${label} : ${projects} — restreindre la recherche`,
    tooltip: (label: string, projects: string): string => `${label} : ${projects}`,
    projectCount: (n: number): string => `${numberFr.format(n)} projet${n > 1 ? 's' : ''}`,
  },
  explore: {
    heading: 'Les projets en graphiques',
    captions: {
      theme: 'Nombre de projets par thème',
      region: 'Nombre de projets par région',
      departement: 'Nombre de projets par département',
      partner: 'Nombre de projets par partenaire',
      month: 'Nombre de projets par mois de premier recensement',
      stage: 'Nombre de projets par stade de maturité',
    } satisfies Record<ChartName, string>,
    more: 'Explorer ces projets en graphiques, avec les filtres de la recherche',
  },
  stages: {
    launch: 'Lancement',
    deployment: 'Déploiement',
    scaling: 'Changement d’échelle',
    completed: 'Terminé',
    unknown: 'Non renseigné',
  } satisfies Record<StageCode, string>,
  feed: {
    link: 'Flux Atom',
    linkTitle: 'Flux Atom des nouveaux projets de cette recherche',
    title: (q: string | null): string =>
      q
        ? `Nouveaux projets « ${q} » — Carrefour des innovations sociales`
        : 'Nouveaux projets — Carrefour des innovations sociales',
    subtitle: 'Les derniers projets recensés par les partenaires du Carrefour pour cette recherche.',
    listedBy: (partners: string): string => `Recensé par ${partners}`,
  },
  suggest: {
    label: 'Rechercher un projet, un thème, un lieu',
    formLabel: 'Rechercher un projet',
    placeholder: 'Ex. : insertion, alimentation, Lyon…',
    submit: 'Rechercher',
    listLabel: 'Suggestions',
    searchKind: 'Recherche',
    searchFor: (q: string): string => `Tous les projets pour « ${q} »`,
    kinds: {
      project: 'Projet',
      theme: 'Thème',
      subtheme: 'Sous-thème',
      region: 'Région',
      departement: 'Département',
      commune: 'Commune',
    },
    count: (n: number): string =>
      n === 0 ? 'Aucune suggestion' : `${n} suggestion${n > 1 ? 's' : ''}, flèches haut et bas pour choisir`,
  },
  regionsMap: {
    caption:
      'Projets pour 100 000 habitants, par région (outre-mer en encadrés) : chaque région mène à sa page',
    tooltip: (name: string, per100k: string): string => `${name} : ${per100k} projets pour 100 000 habitants`,
  },
  overseas: {
    label: 'Régions d’outre-mer',
    mainland: 'France métropolitaine',
    backToMainland: 'Revenir à la France métropolitaine sur la carte',
    projects: (n: number): string => `${numberFr.format(n)} projet${n > 1 ? 's' : ''}`,
    inset: (name: string, projects: string): string => `${name} : ${projects} — afficher sur la carte`,
  },
  formatNumber: (n: number): string => numberFr.format(n),
};

export type ChartsMessages = typeof fr;

const en: ChartsMessages = {
  views: {
    label: 'Show the results as',
    list: 'List',
    map: 'Map',
    charts: 'Charts',
  },
  charts: {
    title: 'Charts of the search',
    titleWithQuery: (q: string): string => `Charts of the search “${q}”`,
    description: 'The projects of the current search by theme, territory, partner, month and stage.',
    intro: (total: string): string =>
      `${total} match the search. Click a bar or a region to narrow the search.`,
    empty: 'No project matches this search: there is nothing to chart.',
    headings: {
      theme: 'By theme',
      region: 'By region',
      departement: 'By département',
      partner: 'By partner',
      month: 'By month first listed',
      stage: 'By maturity stage',
    },
    captions: {
      theme: 'Projects of the search by theme',
      region: 'Projects of the search by region',
      departement: 'Projects of the search by département',
      partner: 'Projects of the search by partner',
      month: 'Projects of the search by month first listed',
      stage: 'Projects of the search by maturity stage',
    },
    columns: {
      theme: 'Theme',
      region: 'Region',
      departement: 'Département',
      partner: 'Partner',
      month: 'Month',
      stage: 'Stage',
    },
    projects: 'Projects',
    seriesName: 'Projects',
    tableSummary: 'Show the chart’s data',
    download: 'Download the data (CSV)',
    truncated: (shown: number, all: number): string =>
      `The chart shows the first ${shown} of ${all}; the table gives them all.`,
    narrow: (label: string, projects: string): string => `${label}: ${projects} — narrow the search`,
    tooltip: (label: string, projects: string): string => `${label}: ${projects}`,
    projectCount: (n: number): string => `${numberEn.format(n)} project${n === 1 ? '' : 's'}`,
  },
  explore: {
    heading: 'The projects in charts',
    captions: {
      theme: 'Projects by theme',
      region: 'Projects by region',
      departement: 'Projects by département',
      partner: 'Projects by partner',
      month: 'Projects by month first listed',
      stage: 'Projects by maturity stage',
    },
    more: 'Explore these projects in charts, with the search filters',
  },
  stages: {
    launch: 'Launch',
    deployment: 'Deployment',
    scaling: 'Scaling up',
    completed: 'Completed',
    unknown: 'Not stated',
  },
  feed: {
    link: 'Atom feed',
    linkTitle: 'Atom feed of the new projects of this search',
    title: (q: string | null): string =>
      q
        ? `New projects “${q}” — Carrefour des innovations sociales`
        : 'New projects — Carrefour des innovations sociales',
    subtitle: 'The latest projects listed by the Carrefour’s partners for this search.',
    listedBy: (partners: string): string => `Listed by ${partners}`,
  },
  suggest: {
    label: 'Search a project, a theme, a place',
    formLabel: 'Search a project',
    placeholder: 'E.g. integration, food, Lyon…',
    submit: 'Search',
    listLabel: 'Suggestions',
    searchKind: 'Search',
    searchFor: (q: string): string => `All projects for “${q}”`,
    kinds: {
      project: 'Project',
      theme: 'Theme',
      subtheme: 'Sub-theme',
      region: 'Region',
      departement: 'Département',
      commune: 'Commune',
    },
    count: (n: number): string =>
      n === 0 ? 'No suggestion' : `${n} suggestion${n === 1 ? '' : 's'}, up and down arrows to choose`,
  },
  regionsMap: {
    caption:
      'Projects per 100,000 inhabitants, by region (overseas in insets): each region leads to its page',
    tooltip: (name: string, per100k: string): string =>
      `${name}: ${per100k} projects per 100,000 inhabitants`,
  },
  overseas: {
    label: 'Overseas regions',
    mainland: 'Mainland France',
    backToMainland: 'Back to mainland France on the map',
    projects: (n: number): string => `${numberEn.format(n)} project${n === 1 ? '' : 's'}`,
    inset: (name: string, projects: string): string => `${name}: ${projects} — show on the map`,
  },
  formatNumber: (n: number): string => numberEn.format(n),
};

export const chartsText: Record<ChartLocale, ChartsMessages> = { fr, en };
export { en as chartsEn, fr as chartsFr };
