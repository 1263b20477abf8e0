/**
 * French UI strings: the reference dictionary. Every other language exports an object of the
 * same type (`Messages`), so a missing or misspelt key is a type error. Pages and components
 * never import a dictionary: they read the current one through `i18n` ($lib/i18n/current.ts),
 * and server code through `messages(locale)` ($lib/server/i18n/messages.ts).
 */

const number = new Intl.NumberFormat('fr-FR');
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** "1 projet", "2 projets", "Aucun projet"… French takes the singular for 0 and 1. */
function count(n: number, one: string, many: string): string {
  return `${number.format(n)} ${n <= 1 ? one : many}`;
}

/** Parameter names of /recherche and /api/v1/projects, as a French reader knows them. */
const parameterNames: Record<string, string> = {
  q: 'texte recherché (q)',
  theme: 'thème (theme)',
  region: 'région (region)',
  departement: 'département (departement)',
  page: 'numéro de page (page)',
  per_page: 'nombre de résultats par page (per_page)',
  public: 'public (public)',
  partner: 'partenaire (partner)',
  epci: 'intercommunalité (epci)',
  commune: 'commune (commune)',
  lat: 'latitude (lat)',
  lon: 'longitude (lon)',
  radius: 'rayon en km (radius)',
  bbox: 'cadre de carte (bbox)',
  fresh: 'fraîcheur (fresh)',
  sort: 'tri (sort)',
  cursor: 'curseur (cursor)',
};

const parameterHints: Record<string, string> = {
  q: '200 caractères au plus.',
  theme: 'un code de thème comme EMP ou ACE.',
  region: 'un code de région comme 84.',
  departement: 'un code de département comme 69, 2A ou 974.',
  page: 'un nombre entier entre 1 et 1000.',
  per_page: 'un nombre entier entre 1 et 100.',
  public: 'un code de public.',
  partner: 'l’identifiant d’un partenaire, en minuscules.',
  epci: 'un code SIREN d’intercommunalité à 9 chiffres.',
  commune: 'un code INSEE de commune comme 69123.',
  lat: 'une latitude entre -90 et 90, avec lon.',
  lon: 'une longitude entre -180 et 180, avec lat.',
  radius: 'un rayon en kilomètres, avec lat et lon.',
  bbox: 'ouest,sud,est,nord en degrés décimaux.',
  fresh: 'true ou false.',
  sort: 'relevance, newest, name ou distance (distance avec lat et lon).',
  cursor: 'un curseur donné par une réponse précédente.',
};

export const fr = {
  lang: 'fr',
  ogLocale: 'fr_FR',
  /** "Licence :" — French puts a non-breaking space before the colon. */
  colon: (label: string): string => `${label}\u00a0:`,
  site: {
    name: 'Carrefour des innovations sociales',
    poweredBy: 'propulsé par Tadata',
    skipLink: 'Aller au contenu',
    navLabel: 'Navigation principale',
    navHome: 'Accueil',
    navSearch: 'Rechercher',
    navMap: 'Carte',
    navTerritories: 'Territoires',
    navThemes: 'Thématiques',
    navPartners: 'Partenaires',
    charter: "Chaque projet est présenté avec le partenaire qui l'a recensé et un lien vers sa page.",
    openData: 'Données ouvertes : API des projets',
    software: 'Tadata, logiciel libre',
    about: 'À propos et charte',
    contact: 'Contact',
    becomePartner: 'Devenir partenaire',
    widget: 'Intégrer les projets sur votre site',
    languageLabel: 'Langue',
  },
  /** The text of a page's <title>. */
  title: (page?: string): string =>
    page ? `${page} — Carrefour des innovations sociales` : 'Carrefour des innovations sociales',
  home: {
    title: 'Trouver un projet d’innovation sociale',
    intro:
      'Le Carrefour des innovations sociales rassemble les projets recensés par ses partenaires : fondations, réseaux, agences publiques et associations.',
    description:
      'Moteur de recherche des projets d’innovation sociale recensés par les partenaires du Carrefour des innovations sociales.',
    figuresHeading: 'Le Carrefour en chiffres',
    themesHeading: 'Explorer par thème',
    latestHeading: 'Derniers projets recensés',
    mapHeading: 'Les projets en France',
    mapCaption:
      'Projets recensés pour 100 000 habitants, par région (outre-mer en encadrés, et dans le tableau)',
    allTerritories: 'Tous les territoires',
    openMap: 'Ouvrir la carte des projets',
    noProjects: 'Aucun projet n’est encore publié.',
    allProjects: 'Voir tous les projets',
    mapColumns: ['Région', 'Projets', 'Pour 100 000 habitants'],
  },
  /** Nouns after a key figure: the number itself is shown apart, larger. */
  figures: {
    projects: (n: number): string => (n <= 1 ? 'projet publié' : 'projets publiés'),
    partners: (n: number): string => (n <= 1 ? 'partenaire' : 'partenaires'),
    departements: (n: number): string => (n <= 1 ? 'département' : 'départements'),
    communes: (n: number): string => (n <= 1 ? 'commune' : 'communes'),
  },
  projectCount: (n: number): string => count(n, 'projet', 'projets'),
  search: {
    title: 'Rechercher un projet',
    titleWithQuery: (q: string): string => `Recherche « ${q} »`,
    pageSuffix: (page: number): string => `page ${page}`,
    description:
      'Rechercher parmi les projets d’innovation sociale recensés par les partenaires du Carrefour.',
    formLabel: 'Rechercher un projet',
    queryLabel: 'Rechercher un projet',
    queryPlaceholder: 'Ex. : insertion, alimentation, Lyon…',
    filtersLegend: 'Filtres',
    themeLabel: 'Thème',
    allThemes: 'Tous les thèmes',
    wholeTheme: (label: string): string => `${label} (tout le thème)`,
    regionLabel: 'Région',
    allRegions: 'Toutes les régions',
    departementLabel: 'Département',
    allDepartements: 'Tous les départements',
    submit: 'Rechercher',
    reset: 'Effacer la recherche',
    resultsHeading: 'Résultats',
    total: (n: number): string => (n === 0 ? 'Aucun projet' : count(n, 'projet', 'projets')),
    empty: 'Aucun projet ne correspond à cette recherche.',
    emptyHint: 'Essayez d’autres mots, retirez un filtre, ou',
    emptyLink: 'parcourez tous les projets',
    pageOutOfRange: (page: number, pageCount: number): string =>
      `La page ${page} n’existe pas : cette recherche compte ${pageCount} page${pageCount > 1 ? 's' : ''}.`,
    firstPage: 'Revenir à la première page',
    json: 'Ces résultats en JSON',
    onMap: 'Voir sur la carte',
    csv: 'Exporter en CSV',
    geojson: 'Exporter en GeoJSON',
    totalEstimated: (n: number): string => `Environ ${number.format(n)} projets`,
    didYouMean: 'Vouliez-vous dire',
    facetsHeading: 'Affiner la recherche',
    facetNames: {
      theme: 'Thèmes',
      subtheme: 'Sous-thèmes',
      public: 'Publics',
      partner: 'Partenaires',
      stage: 'Stade de maturité',
      region: 'Régions',
      departement: 'Départements',
      epci: 'Intercommunalités',
      commune: 'Communes',
    } as Record<string, string>,
    facetCount: (n: number): string => count(n, 'projet', 'projets'),
    facetRemove: (label: string): string => `Retirer le filtre ${label}`,
    facetAdd: (label: string): string => `Filtrer sur ${label}`,
    facetSearchLabel: (facet: string): string => `Chercher dans : ${facet}`,
    facetSearchPlaceholder: 'Chercher…',
    facetSearchButton: 'Chercher',
    facetSearchNone: (text: string): string => `Aucune valeur ne contient « ${text} ».`,
    facetsEstimated: 'Recherche très large : les nombres sont estimés sur un échantillon des résultats.',
    invalidParameter: (parameter: string): string =>
      `Le paramètre « ${parameterNames[parameter] ?? parameter} » n’est pas valide : attendu ${
        parameterHints[parameter] ?? 'une autre valeur.'
      }`,
  },
  apiDoc: {
    title: 'API open data',
    description: 'Documentation de l’API ouverte des projets du Carrefour des innovations sociales.',
    intro:
      'Toutes les données publiées sont accessibles librement en JSON sous /api/v1, sans clé. Chaque projet cite les partenaires qui le recensent, avec le lien vers leur page et la licence de leurs données : réutilisez-les en citant ces partenaires.',
    openapi:
      'La description complète, au format OpenAPI 3.1, générée à partir des schémas qui valident les requêtes :',
    examplesTitle: 'Exemples',
    /** The examples' summaries by path, when they differ from the French of openapi.ts. */
    exampleSummaries: {} as Record<string, string>,
    parametersTitle: 'Paramètres de recherche (les mêmes que la page /recherche)',
    parameters: [
      [
        'q',
        'mots recherchés : accents facultatifs, fautes de frappe tolérées, "expression exacte", -exclusion',
      ],
      ['theme, public, partner', 'codes (plusieurs possibles, répétés ou séparés par des virgules)'],
      ['region, departement, epci, commune', 'codes INSEE / SIREN du territoire'],
      ['lat, lon, radius', 'un point et un rayon en kilomètres'],
      ['bbox', 'cadre de carte : ouest,sud,est,nord'],
      ['fresh', 'true : projets vus à la source depuis moins de 12 mois'],
      ['sort', 'relevance (par défaut avec q), newest, name, distance'],
      ['page, per_page, cursor', 'pagination par numéro de page, ou par curseur opaque (links.next)'],
    ] as [string, string][],
    rulesTitle: 'Règles',
    rules: [
      'Erreurs : { "error": { "code", "parameter", "message" } } avec le statut 400 (paramètre invalide, nommé), 404 ou 429.',
      'Limite de débit par adresse IP (configurable) : au-delà, statut 429 et en-tête Retry-After.',
      'Lectures ouvertes à toutes les origines (CORS) ; en-têtes ETag et Cache-Control : renvoyez If-None-Match pour obtenir 304.',
      'Recherches très larges : au-delà de 300 résultats, le comptage s’arrête : meta.total est un minimum, meta.totalExact = false, meta.totalIsEstimate = true et meta.totalEstimate donne une estimation ; les facettes sont estimées sur un échantillon (meta.facetsExact = false).',
      'Exports : /api/v1/projects.csv, .json et .geojson renvoient tous les résultats d’une recherche, en flux, avec partenaires, liens et licences.',
    ],
    versioningTitle: 'Promesse de version',
    versioning:
      'La version 1 (/api/v1) ne change que par ajouts : de nouveaux champs, paramètres ou points d’accès peuvent apparaître, jamais un champ retiré, renommé ou changé de sens. Un changement incompatible ouvrira /api/v2, et /api/v1 restera servie au moins 12 mois après son annonce.',
  },
  pagination: {
    label: 'Pagination des résultats',
    previous: 'Page précédente',
    next: 'Page suivante',
    status: (page: number, pageCount: number): string => `Page ${page} sur ${pageCount}`,
  },
  card: {
    carrier: 'Porté par',
    themes: 'Thèmes',
  },
  credit: {
    listedBy: 'Recensé par',
    viewAtPartner: 'Voir la fiche sur le site du partenaire',
    licence: 'Licence',
    lastSeen: (date: string): string => `Vu pour la dernière fois le ${date}`,
  },
  project: {
    notFound: 'Ce projet n’existe pas ou n’est plus publié par les partenaires du Carrefour.',
    carrier: 'Porté par',
    themes: 'Thèmes',
    subthemes: 'Sous-thèmes',
    tags: 'Mots-clés des partenaires',
    locations: 'Où ?',
    postalCode: 'Code postal',
    departement: 'Département',
    region: 'Région',
    national: 'Projet national',
    noLocation: 'Lieu non précisé',
    contactHeading: 'Contact',
    website: 'Site web du projet',
    email: 'Courriel',
    phone: 'Téléphone',
    noContact:
      'Aucun contact public n’a été publié : consultez la fiche sur le site du partenaire pour joindre le projet.',
    sourcesHeading: 'Sources',
    sourcesIntro:
      'Cette fiche ne reprend que les informations essentielles. Retrouvez la présentation complète sur le site de chaque partenaire qui a recensé le projet.',
    licences: 'Licences',
    lastSeen: (date: string): string =>
      `Projet vu pour la dernière fois le ${date} sur le site d’un partenaire.`,
    backToSearch: 'Retour à la recherche',
    mapLabel: 'Carte des lieux du projet',
    similarHeading: 'Des projets semblables ailleurs en France',
    contactCoordinators: 'Contacter les coordinateurs du Carrefour',
    reportError: 'Signaler une erreur sur cette fiche',
  },
  error: {
    title: (status: number): string =>
      status === 404
        ? 'Page introuvable'
        : status === 400
          ? 'Requête invalide'
          : status < 500
            ? 'Accès impossible'
            : 'Une erreur est survenue',
    notFound: 'La page demandée n’existe pas ou a été retirée.',
    badRequest: 'La demande contient une valeur que nous ne comprenons pas.',
    server: 'Le service rencontre un problème. Réessayez dans quelques instants.',
    status: (status: number): string => `Erreur ${status}`,
    searchInstead: 'Vous pouvez lancer une recherche :',
    home: 'Revenir à l’accueil',
    internal: 'Erreur interne du serveur',
  },
  contact: {
    title: 'Contacter le Carrefour',
    errorReportTitle: 'Signaler une erreur',
    description: 'Écrire aux coordinateurs du Carrefour des innovations sociales.',
    aboutProject: (name: string): [string, string, string] => ['À propos de « ', name, ' »'],
    routesIntro: 'Selon votre demande, le bon interlocuteur n’est pas toujours le Carrefour :',
    projectItself: 'le projet lui-même :',
    projectWebsite: 'le projet lui-même, par son site :',
    partnerListed: (partner: string): string => `le partenaire qui l’a recensé, ${partner} :`,
    partnerRecord: 'sa fiche du projet',
    coordinators: 'les coordinateurs du Carrefour, avec le formulaire ci-dessous.',
    sent: 'Merci, votre message a bien été transmis aux coordinateurs du Carrefour.',
    submit: 'Envoyer le message',
    name: 'Votre nom',
    email: 'Votre adresse électronique',
    emailHint: 'Pour vous répondre ; elle n’est jamais publiée.',
    subject: 'Objet',
    message: 'Votre message',
    errorSeen: 'L’erreur constatée',
  },
  partnerForm: {
    title: 'Devenir partenaire',
    description: 'Votre organisation recense des projets d’innovation sociale ? Rejoignez le Carrefour.',
    lead: 'Votre organisation recense des projets d’innovation sociale sur son site ? En rejoignant le Carrefour, vous les rendez visibles avec ceux des autres partenaires, partout en France, sans rien ressaisir.',
    points: [
      'Vous signez la charte et choisissez la licence de vos données (par exemple CC BY-SA).',
      'Vous indiquez les pages où vous présentez vos projets, ou un flux, une API, un fichier.',
      'Chaque projet affiché vous cite et renvoie vers sa page sur votre site.',
      'Vous pouvez exclure des projets ou des types de contenus (par exemple les images).',
    ],
    readCharter: 'Lire la charte',
    sent: 'Merci ! Les coordinateurs du Carrefour vous répondront rapidement.',
    submit: 'Envoyer la demande',
    organisation: 'Votre organisation',
    website: 'La page où vous présentez vos projets',
    websiteHint: 'Par exemple https://www.exemple.org/projets',
    message: 'Présentez-nous vos projets et vos données',
  },
  /** The public forms: the spam trap, required fields, and what went wrong. */
  form: {
    trap: 'Ne pas remplir ce champ',
    required: ' (obligatoire)',
    reasons: {
      spam: 'Votre message n’a pas pu être envoyé. Rechargez la page et réessayez.',
      too_fast: 'Le formulaire a été envoyé trop vite. Relisez-le, puis envoyez-le à nouveau.',
      expired: 'Le formulaire a expiré. Rechargez la page et réessayez.',
      rate_limited: 'Vous avez envoyé plusieurs messages récemment. Réessayez dans une heure.',
      invalid: 'Certains champs sont à corriger.',
    },
    /** By the codes of contact-message.ts's schema. */
    fieldErrors: {
      name_required: 'indiquez votre nom',
      email_invalid: 'indiquez une adresse électronique valide',
      website_invalid: 'indiquez une adresse commençant par https://',
      message_too_short: 'votre message est trop court',
      organisation_required: 'indiquez votre organisation',
      too_long: 'ce texte est trop long',
      invalid: 'cette valeur n’est pas valide',
    } as Record<string, string>,
  },
  about: {
    title: 'À propos et charte',
    description:
      'Le Carrefour des innovations sociales, sa charte de réutilisation des données et le logiciel libre Tadata.',
    heading: 'À propos du Carrefour',
    lead: 'Le Carrefour des innovations sociales rend visibles les innovations sociales dans leur diversité, petites ou grandes, par territoire et par thème. Il rassemble les projets que ses partenaires — fondations, réseaux, agences publiques, associations — présentent déjà sur leurs propres sites, et renvoie vers eux.',
    howTitle: 'Comment ça marche',
    how: [
      'Chaque partenaire indique les pages où il présente des projets, ou un flux, une API, un fichier.',
      'Tadata, le logiciel libre du Carrefour, les collecte poliment, les rapproche d’une taxonomie commune et des territoires français, et rassemble les projets cités par plusieurs partenaires.',
      'Le moteur de recherche, la carte et les pages par territoire, thème et partenaire les publient, chacun avec le partenaire qui l’a recensé.',
    ],
    charterTitle: 'La charte',
    charter: [
      'Chaque projet affiché, où que ce soit (page, liste, carte, API, export, widget), cite le ou les partenaires qui l’ont recensé et renvoie vers sa page sur le site de chacun.',
      'Seules les informations essentielles sont reprises : nom du projet, structure porteuse, courte présentation, lieu, contact public, et ce que les règles de réutilisation du partenaire autorisent. Jamais le texte complet : la suite est sur le site du partenaire.',
      'Un partenaire peut exclure des projets et des types de contenus (par exemple les images) : ils n’apparaissent pas, et disparaissent à la mise à jour suivante s’ils étaient déjà publiés.',
      'Les projets d’un partenaire suspendu ou sorti disparaissent des vues publiques, sauf s’ils sont aussi recensés par un autre partenaire actif.',
      'Chaque fiche indique sa licence (celle du partenaire, par exemple CC BY-SA) et sa fraîcheur (la dernière fois qu’elle a été vue chez le partenaire).',
      'Chacun peut contacter le porteur d’un projet (contact public), le partenaire, ou les coordinateurs.',
    ],
    openDataTitle: 'Données ouvertes',
    /** Text before the API link, the link, and the text after it. */
    openData: [
      'Les projets sont réutilisables sous la licence de chaque partenaire, par l’',
      'API ouverte',
      ' et ses exports. Les données de référence viennent de La Poste (codes postaux), de l’IGN (contours) et du code officiel géographique.',
    ] as [string, string, string],
    writeTitle: 'Nous écrire',
    contactLink: 'Contacter les coordinateurs',
    partnerLink: 'Devenir partenaire',
  },
  widget: {
    title: 'Intégrer les projets sur votre site',
    description: 'Un widget pour afficher les projets du Carrefour, en liste ou en carte, sur votre site.',
    lead: 'Choisissez une recherche, copiez le code, collez-le dans votre page : la liste ou la carte des projets s’affiche et se met à jour toute seule. Chaque projet y cite le partenaire qui l’a recensé.',
    query: 'Mots recherchés',
    theme: 'Thème',
    allThemes: 'Tous les thèmes',
    region: 'Région',
    allRegions: 'Toutes les régions',
    view: 'Affichage',
    list: 'Liste',
    map: 'Carte',
    language: 'Langue du widget',
    update: 'Mettre à jour le code',
    snippetTitle: 'Le code à copier',
    snippetLabel: 'Code d’intégration',
    previewTitle: 'Aperçu',
    previewFrame: 'Aperçu du widget',
    iframeTitle: 'Projets d’innovation sociale — Carrefour des innovations sociales',
  },
  embed: {
    title: 'Projets',
    more: 'Tous ces projets sur le Carrefour des innovations sociales',
  },
  formatNumber: (n: number): string => number.format(n),
  /** "12 mars 2024" from an ISO 8601 date. */
  formatDate: (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
  },
};

export type Messages = typeof fr;
