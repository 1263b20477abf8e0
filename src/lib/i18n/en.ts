import type { Messages } from './fr.ts';

/** English UI strings: the same shape as the French reference dictionary. */

const number = new Intl.NumberFormat('en-GB');
const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' });

function count(n: number, one: string, many: string): string {
  return `${number.format(n)} ${n === 1 ? one : many}`;
}

const parameterNames: Record<string, string> = {
  q: 'search text (q)',
  theme: 'theme (theme)',
  region: 'region (region)',
  departement: 'département (departement)',
  page: 'page number (page)',
  per_page: 'results per page (per_page)',
};

const parameterHints: Record<string, string> = {
  q: 'at most 200 characters.',
  theme: 'a theme code such as EMP or ACE.',
  region: 'a region code such as 84.',
  departement: 'a département code such as 69, 2A or 974.',
  page: 'a whole number between 1 and 1000.',
  per_page: 'a whole number between 1 and 100.',
};

export const en: Messages = {
  lang: 'en',
  site: {
    name: 'Carrefour des innovations sociales',
    poweredBy: 'powered by Tadata',
    skipLink: 'Skip to content',
    navLabel: 'Main navigation',
    navHome: 'Home',
    navSearch: 'Search',
    navMap: 'Map',
    navTerritories: 'Territories',
    navThemes: 'Themes',
    navPartners: 'Partners',
    charter: 'Every project is shown with the partner that listed it and a link to its page.',
    openData: 'Open data: projects API',
    software: 'Tadata, free software',
    about: 'About and charter',
    contact: 'Contact',
    becomePartner: 'Become a partner',
    widget: 'Embed the projects on your site',
  },
  title: (page?: string): string =>
    page ? `${page} — Carrefour des innovations sociales` : 'Carrefour des innovations sociales',
  home: {
    title: 'Find a social innovation project',
    intro:
      'The Carrefour des innovations sociales brings together the projects listed by its partners: foundations, networks, public agencies and associations.',
    description:
      'Search engine of the social innovation projects listed by the partners of the Carrefour des innovations sociales.',
    figuresHeading: 'The Carrefour in figures',
    themesHeading: 'Explore by theme',
    latestHeading: 'Latest projects',
    mapHeading: 'Projects across France',
    mapCaption: 'Projects per 100,000 inhabitants, by région (overseas in insets, and in the table)',
    allTerritories: 'All territories',
    openMap: 'Open the map of projects',
    noProjects: 'No project is published yet.',
    allProjects: 'See all projects',
  },
  figures: {
    projects: (n: number): string => (n === 1 ? 'published project' : 'published projects'),
    partners: (n: number): string => (n === 1 ? 'partner' : 'partners'),
    departements: (n: number): string => (n === 1 ? 'département' : 'départements'),
    communes: (n: number): string => (n === 1 ? 'commune' : 'communes'),
  },
  projectCount: (n: number): string => count(n, 'project', 'projects'),
  search: {
    title: 'Search for a project',
    titleWithQuery: (q: string): string => `Search “${q}”`,
    pageSuffix: (page: number): string => `page ${page}`,
    description: 'Search the social innovation projects listed by the partners of the Carrefour.',
    formLabel: 'Search for a project',
    queryLabel: 'Search for a project',
    queryPlaceholder: 'E.g. employment, food, Lyon…',
    filtersLegend: 'Filters',
    themeLabel: 'Theme',
    allThemes: 'All themes',
    wholeTheme: (label: string): string => `${label} (whole theme)`,
    regionLabel: 'Region',
    allRegions: 'All regions',
    departementLabel: 'Département',
    allDepartements: 'All départements',
    submit: 'Search',
    reset: 'Clear the search',
    resultsHeading: 'Results',
    total: (n: number): string => (n === 0 ? 'No project' : count(n, 'project', 'projects')),
    empty: 'No project matches this search.',
    emptyHint: 'Try other words, remove a filter, or',
    emptyLink: 'browse all projects',
    pageOutOfRange: (page: number, pageCount: number): string =>
      `Page ${page} does not exist: this search has ${pageCount} page${pageCount > 1 ? 's' : ''}.`,
    firstPage: 'Back to the first page',
    json: 'These results as JSON',
    onMap: 'See on the map',
    csv: 'Export as CSV',
    geojson: 'Export as GeoJSON',
    totalAtLeast: (n: number): string => `More than ${number.format(n)} projects`,
    didYouMean: 'Did you mean',
    facetsHeading: 'Refine the search',
    facetNames: {
      theme: 'Themes',
      subtheme: 'Sub-themes',
      public: 'Publics',
      partner: 'Partners',
      region: 'Regions',
      departement: 'Départements',
      epci: 'Intercommunalities',
      commune: 'Communes',
    } as Record<string, string>,
    facetCount: (n: number): string => count(n, 'project', 'projects'),
    facetRemove: (label: string): string => `Remove the filter ${label}`,
    facetAdd: (label: string): string => `Filter on ${label}`,
    facetsEstimated: 'Very broad search: the numbers are estimated on the first results.',
    invalidParameter: (parameter: string): string =>
      `The parameter “${parameterNames[parameter] ?? parameter}” is not valid: expected ${
        parameterHints[parameter] ?? 'another value.'
      }`,
  },
  apiDoc: {
    title: 'Open data API',
    description: 'Documentation of the open API of the projects of the Carrefour des innovations sociales.',
    intro:
      'All published data is freely available as JSON under /api/v1, without a key. Each project names the partners that list it, with the link to their page and the licence of their data: reuse it and credit these partners.',
    openapi: 'The complete description, as OpenAPI 3.1, generated from the schemas that validate requests:',
    examplesTitle: 'Examples',
    parametersTitle: 'Search parameters (the same as the /recherche page)',
    parameters: [
      ['q', 'words: accents optional, typos tolerated, "exact phrase", -exclusion'],
      ['theme, public, partner', 'codes (several allowed, repeated or comma-separated)'],
      ['region, departement, epci, commune', 'INSEE / SIREN codes of the territory'],
      ['lat, lon, radius', 'a point and a radius in kilometres'],
      ['bbox', 'map box: west,south,east,north'],
      ['fresh', 'true: projects seen at their source in the last 12 months'],
      ['sort', 'relevance (default with q), newest, name, distance'],
      ['page, per_page, cursor', 'pagination by page number, or by opaque cursor (links.next)'],
    ] as [string, string][],
    rulesTitle: 'Rules',
    rules: [
      'Errors: { "error": { "code", "parameter", "message" } } with status 400 (invalid parameter, named), 404 or 429.',
      'Rate limit per IP address (configurable): past it, status 429 and a Retry-After header.',
      'Reads open to every origin (CORS); ETag and Cache-Control headers: send If-None-Match to get 304.',
      'Very broad searches: past 2,000 results the total is a minimum (meta.totalExact = false) and facets are estimated on the first results (meta.facetsExact = false).',
      'Exports: /api/v1/projects.csv, .json and .geojson return every result of a search, streamed, with partners, links and licences.',
    ],
    versioningTitle: 'Versioning promise',
    versioning:
      'Version 1 (/api/v1) only changes by additions: new fields, parameters or endpoints may appear, never a field removed, renamed or changed in meaning. An incompatible change will open /api/v2, and /api/v1 will stay served for at least 12 months after it is announced.',
  },
  pagination: {
    label: 'Results pages',
    previous: 'Previous page',
    next: 'Next page',
    status: (page: number, pageCount: number): string => `Page ${page} of ${pageCount}`,
  },
  card: {
    carrier: 'Run by',
    themes: 'Themes',
  },
  credit: {
    listedBy: 'Listed by',
    viewAtPartner: 'See the record on the partner’s site',
    licence: 'Licence',
    lastSeen: (date: string): string => `Last seen on ${date}`,
  },
  project: {
    notFound: 'This project does not exist or is no longer published by the partners of the Carrefour.',
    carrier: 'Run by',
    themes: 'Themes',
    subthemes: 'Sub-themes',
    tags: 'Partner keywords',
    locations: 'Where?',
    postalCode: 'Postal code',
    departement: 'Département',
    region: 'Region',
    national: 'National project',
    noLocation: 'Location not given',
    contactHeading: 'Contact',
    website: 'Project website',
    email: 'Email',
    phone: 'Phone',
    noContact: 'No public contact was published: see the record on the partner’s site to reach the project.',
    sourcesHeading: 'Sources',
    sourcesIntro:
      'This page only shows the essentials. Read the full presentation on the site of each partner that listed the project.',
    licences: 'Licences',
    lastSeen: (date: string): string => `Project last seen on ${date} on a partner’s site.`,
    backToSearch: 'Back to the search',
    mapLabel: "Map of the project's places",
    similarHeading: 'Similar projects elsewhere in France',
    contactCoordinators: 'Contact the CIS coordinators',
    reportError: 'Report an error on this page',
  },
  error: {
    title: (status: number): string =>
      status === 404
        ? 'Page not found'
        : status === 400
          ? 'Invalid request'
          : status < 500
            ? 'Access refused'
            : 'Something went wrong',
    notFound: 'The page you asked for does not exist or was removed.',
    badRequest: 'The request contains a value we do not understand.',
    server: 'The service has a problem. Please try again in a moment.',
    status: (status: number): string => `Error ${status}`,
    searchInstead: 'You can start a search:',
    home: 'Back to the home page',
  },
  formatNumber: (n: number): string => number.format(n),
  formatDate: (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
  },
};
