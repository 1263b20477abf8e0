import type { SearchParams } from './search.views.ts';

/**
 * The filters of a search that the search form has no field for, as hidden [name, value] fields,
 * so that submitting new words keeps them (the form's own fields: q, the first theme, région,
 * département). The list keeps its sort; other views (charts) have none.
 */
export function formHiddenFields(params: SearchParams, options: { sort: boolean }): [string, string][] {
  return [
    ...params.themes.slice(1).map((v) => ['theme', v]),
    ...params.publics.map((v) => ['public', v]),
    ...params.partners.map((v) => ['partner', v]),
    ...params.stages.map((v) => ['stage', v]),
    ...params.methods.map((v) => ['method', v]),
    ...(params.epci ? [['epci', params.epci]] : []),
    ...(params.commune ? [['commune', params.commune]] : []),
    ...(params.near
      ? [
          ['lat', String(params.near.lat)],
          ['lon', String(params.near.lon)],
          ...(params.near.radiusKm !== null ? [['radius', String(params.near.radiusKm)]] : []),
        ]
      : []),
    ...(params.bbox
      ? [['bbox', [params.bbox.west, params.bbox.south, params.bbox.east, params.bbox.north].join(',')]]
      : []),
    ...(params.fresh ? [['fresh', 'true']] : []),
    ...(options.sort && params.sort !== 'relevance' && params.sort !== 'newest'
      ? [['sort', params.sort]]
      : []),
  ] as [string, string][];
}
