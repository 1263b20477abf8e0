import type { ExploreMessages } from './explore.ts';

/** English UI strings of the exploration pages: the same shape as the French ones. */
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export const exploreEn: ExploreMessages = {
  territories: {
    title: 'Territories',
    intro:
      'The projects listed by the partners of the Carrefour, région by région, per number of inhabitants.',
    description: 'Social innovation projects by région and by département.',
    regionsHeading: 'Projects by région',
    departementsHeading: 'Projects by département',
    name: 'Territory',
    projects: 'Projects',
    per100k: 'Per 100,000 inhabitants',
    population: 'Inhabitants',
    themesHeading: 'Themes of the projects',
    themesCaption: (territory: string): string =>
      `Share of the projects of ${territory} by theme, compared with France`,
    thisTerritory: (territory: string): string => territory,
    france: 'All of France',
    latestHeading: 'Latest projects',
    allProjects: (n: string): string => `See the ${n} projects in the search`,
    comparison: (local: string, national: string): string =>
      `${local} projects per 100,000 inhabitants, against ${national} on average in France.`,
    noProjects: 'No project is listed in this territory yet.',
    regionOf: 'Région',
    breadcrumb: 'Breadcrumb',
    projectsNoun: (n: number): string => (n === 1 ? 'project' : 'projects'),
    inhabitants: 'inhabitants',
    pageDescription: (territory: string, projects: string): string =>
      `${territory}: ${projects} of social innovation listed by the partners of the Carrefour.`,
    themeColumn: 'Theme',
    notFound: 'This territory is unknown.',
    per100kSeries: 'Projects per 100,000 inhabitants',
  },
  themes: {
    title: 'Themes',
    intro: 'The themes and sub-themes of the taxonomy of the Carrefour des innovations sociales.',
    description: 'Social innovation projects by theme.',
    subthemes: 'Sub-themes',
    parent: 'Parent theme',
    regionsHeading: 'Projects by région',
    regionsCaption: (theme: string): string => `Number of “${theme}” projects by région`,
    latestHeading: 'Latest projects',
    allProjects: (n: string): string => `See the ${n} projects in the search`,
    regionColumn: 'Région',
    projectsColumn: 'Projects',
    pageDescription: (theme: string, projects: string): string =>
      `${theme}: ${projects} of social innovation listed by the partners of the Carrefour.`,
    notFound: 'This theme is unknown.',
  },
  partners: {
    title: 'Partners',
    intro:
      'The organisations that list projects and share their data with the Carrefour, each under its own licence.',
    description: 'The partners of the Carrefour des innovations sociales and their projects.',
    website: 'Partner’s website',
    licence: 'Data licence',
    sourcesHeading: 'Data sources',
    lastRun: (date: string): string => `Last harvested on ${date}`,
    neverRun: 'Not harvested yet',
    kinds: {
      html: 'web pages',
      json: 'JSON API',
      feed: 'RSS/Atom feed',
      sitemap: 'sitemap',
      file: 'file',
    } as Record<string, string>,
    latestHeading: 'Latest projects',
    projects: (n: string): string => `${n} published projects`,
    pageDescription: (partner: string, projects: string): string =>
      `${partner}: ${projects} listed for the Carrefour des innovations sociales.`,
    notFound: 'This partner is unknown.',
  },
  map: {
    title: 'Map of projects',
    titleWithQuery: (q: string): string => `Map of projects: “${q}”`,
    description: 'Social innovation projects on a map of France.',
    label: 'Map of projects: arrows to move, + and − to zoom',
    loading: 'Loading the map…',
    attribution: 'Outlines: IGN Admin Express (Licence Ouverte)',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    error: 'The map could not be loaded. The list of projects is still available.',
    keyboard: 'Map: use the arrows to move, + and − to zoom; groups of projects are buttons.',
    noScript: 'The map needs JavaScript.',
    list: 'See these projects as a list',
    cluster: (n: number): string => `${n} projects here: zoom in`,
    listedBy: 'Listed by',
    viewAtPartner: 'see the record on the partner’s site',
    inView: (n: number, total: number): string =>
      n === 0
        ? 'No project in the area shown'
        : `${n} project${n > 1 ? 's' : ''} in the area shown (of ${total})`,
  },
  chart: {
    tableSummary: 'See the data of the chart',
    download: 'Download the data (CSV)',
  },
  formatNumber: (n: number): string => number.format(n),
  formatPercent: (share: number): string => `${number.format(Math.round(share * 1000) / 10)}%`,
};
