/**
 * UI strings of the exploration pages (territories, themes, partners), French first. Kept apart
 * from the main dictionary so that each area's strings live together; explore-en.ts has the
 * same shape (`ExploreMessages`).
 */
const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const exploreFr = {
  territories: {
    title: 'Les territoires',
    intro:
      'Les projets recensés par les partenaires du Carrefour, région par région, rapportés au nombre d’habitants.',
    description: 'Les projets d’innovation sociale par région et par département.',
    regionsHeading: 'Projets par région',
    departementsHeading: 'Projets par département',
    name: 'Territoire',
    projects: 'Projets',
    per100k: 'Pour 100 000 habitants',
    population: 'Habitants',
    themesHeading: 'Thèmes des projets',
    themesCaption: (territory: string): string =>
      `Part des projets de ${territory} par thème, comparée à la France`,
    thisTerritory: (territory: string): string => territory,
    france: 'France entière',
    latestHeading: 'Derniers projets recensés',
    allProjects: (n: string): string => `Voir les ${n} projets dans la recherche`,
    comparison: (local: string, national: string): string =>
      `${local} projets pour 100 000 habitants, contre ${national} en moyenne en France.`,
    noProjects: 'Aucun projet n’est encore recensé sur ce territoire.',
    regionOf: 'Région',
    breadcrumb: 'Fil d’Ariane',
    projectsNoun: (n: number): string => (n <= 1 ? 'projet' : 'projets'),
    inhabitants: 'habitants',
    pageDescription: (territory: string, projects: string): string =>
      `${territory} : ${projects} d’innovation sociale recensés par les partenaires du Carrefour.`,
    themeColumn: 'Thème',
    notFound: 'Ce territoire est inconnu.',
    per100kSeries: 'Projets pour 100 000 habitants',
  },
  themes: {
    title: 'Les thématiques',
    intro: 'Les thèmes et sous-thèmes de la taxonomie du Carrefour des innovations sociales.',
    description: 'Les projets d’innovation sociale par thème.',
    subthemes: 'Sous-thèmes',
    parent: 'Thème parent',
    regionsHeading: 'Projets par région',
    regionsCaption: (theme: string): string => `Nombre de projets « ${theme} » par région`,
    latestHeading: 'Derniers projets',
    allProjects: (n: string): string => `Voir les ${n} projets dans la recherche`,
    regionColumn: 'Région',
    projectsColumn: 'Projets',
    pageDescription: (theme: string, projects: string): string =>
      `${theme} : ${projects} d’innovation sociale recensés par les partenaires du Carrefour.`,
    notFound: 'Ce thème est inconnu.',
  },
  partners: {
    title: 'Les partenaires',
    intro:
      'Les organisations qui recensent les projets et partagent leurs données avec le Carrefour, chacune sous sa licence.',
    description: 'Les partenaires du Carrefour des innovations sociales et leurs projets.',
    website: 'Site du partenaire',
    licence: 'Licence des données',
    sourcesHeading: 'Sources de données',
    lastRun: (date: string): string => `Dernière collecte le ${date}`,
    neverRun: 'Pas encore collectée',
    kinds: {
      html: 'pages web',
      json: 'API JSON',
      feed: 'flux RSS/Atom',
      sitemap: 'plan de site',
      file: 'fichier',
    } as Record<string, string>,
    latestHeading: 'Derniers projets recensés',
    projects: (n: string): string => `${n} projets publiés`,
    pageDescription: (partner: string, projects: string): string =>
      `${partner} : ${projects} recensés pour le Carrefour des innovations sociales.`,
    notFound: 'Ce partenaire est inconnu.',
  },
  map: {
    title: 'Carte des projets',
    titleWithQuery: (q: string): string => `Carte des projets : « ${q} »`,
    description: 'Les projets d’innovation sociale sur une carte de France.',
    label: 'Carte des projets : flèches pour se déplacer, + et − pour zoomer',
    loading: 'Chargement de la carte…',
    attribution: 'Contours : IGN Admin Express (Licence Ouverte)',
    zoomIn: 'Zoomer',
    zoomOut: 'Dézoomer',
    error: 'La carte n’a pas pu être chargée. La liste des projets reste disponible.',
    keyboard:
      'Carte : utilisez les flèches pour vous déplacer, + et − pour zoomer ; les groupes de projets sont des boutons.',
    noScript: 'La carte a besoin de JavaScript.',
    list: 'Voir ces projets sous forme de liste',
    cluster: (n: number): string => `${n} projets ici : zoomer`,
    listedBy: 'Recensé par',
    viewAtPartner: 'voir la fiche sur le site du partenaire',
    inView: (n: number, total: number): string =>
      n === 0
        ? 'Aucun projet dans la zone affichée'
        : `${n} projet${n > 1 ? 's' : ''} dans la zone affichée (sur ${total})`,
  },
  chart: {
    tableSummary: 'Voir les données du graphique',
    download: 'Télécharger les données (CSV)',
  },
  formatNumber: (n: number): string => number.format(n),
  // French typography: a narrow no-break space before %, so that it never starts a line.
  formatPercent: (share: number): string => `${number.format(Math.round(share * 1000) / 10)}\u202f%`,
};

export type ExploreMessages = typeof exploreFr;
