import { readFileSync } from 'node:fs';
import * as echarts from 'echarts';
import { fromAppRoot } from '../platform/app-root.ts';
import { type ChartMark, linkChartMarks } from './link-chart-marks.ts';

type Ring = [number, number][];
interface RegionFeature {
  type: 'Feature';
  properties: { code: string; nom: string; name?: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

let registered = false;

/** Coordinates rounded to a grid (by default about 2 km): plenty for a small map, and a fifth of the size. */
function simplify(ring: Ring, perDegree = 50): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [
      Math.round(lon * perDegree) / perDegree,
      Math.round(lat * perDegree) / perDegree,
    ];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

function simplifyFeature(feature: RegionFeature, perDegree?: number): void {
  feature.properties.name = feature.properties.code;
  const g = feature.geometry;
  if (g.type === 'Polygon') g.coordinates = g.coordinates.map((ring) => simplify(ring, perDegree));
  else g.coordinates = g.coordinates.map((polygon) => polygon.map((ring) => simplify(ring, perDegree)));
}

type MapGeoJson = Parameters<typeof echarts.registerMap>[1];
const readRegions = (file: string) =>
  JSON.parse(readFileSync(fromAppRoot('data', 'reference', file), 'utf8')) as {
    type: 'FeatureCollection';
    features: RegionFeature[];
  };

/** The overseas régions drawn as insets, in the order of their frames. */
export const OVERSEAS_REGIONS = ['01', '02', '03', '04', '06'] as const;

/** Mainland région codes in the order of the map file (the order of the map series' data). */
let mainlandCodes: string[] = [];

function registerRegions(): void {
  if (registered) return;
  const geo = readRegions('regions-metropole-simplifie.geojson');
  for (const feature of geo.features) simplifyFeature(feature);
  mainlandCodes = geo.features.map((f) => f.properties.code);
  // ECharts' own GeoJSON type is looser than ours; the file is standard GeoJSON.
  echarts.registerMap('tadata-regions', geo as unknown as MapGeoJson);
  // Islands are small: a finer grid (about 500 m) keeps their shape.
  const all = readRegions('regions-avec-outre-mer.geojson');
  for (const code of OVERSEAS_REGIONS) {
    const feature = all.features.find((f) => f.properties.code === code);
    if (!feature) continue;
    simplifyFeature(feature, 200);
    echarts.registerMap(`tadata-region-${code}`, {
      type: 'FeatureCollection',
      features: [feature],
    } as unknown as MapGeoJson);
  }
  registered = true;
}

export interface RegionMapOptions {
  /** Draws Guadeloupe, Martinique, Guyane, La Réunion and Mayotte in frames below (default true). */
  insets?: boolean;
  /** Names for the inset frames, by région code (default: none written). */
  names?: Record<string, string>;
  /** A tooltip and a link for each région (see linkChartMarks). */
  markOf?: (code: string) => ChartMark | null;
}

/**
 * France by région, coloured by a value (e.g. projects per 100,000 inhabitants), as SVG rendered
 * on the server: mainland France, and the five overseas régions in inset frames below it.
 */
export function renderRegionMapSvg(
  values: { code: string; value: number }[],
  size = 420,
  options: RegionMapOptions = {},
): string {
  registerRegions();
  const insets = options.insets ?? true;
  const max = Math.max(0.0001, ...values.map((v) => v.value));
  const valueByCode = new Map(values.map((v) => [v.code, v.value]));
  const frame = Math.floor(size / OVERSEAS_REGIONS.length);
  const height = insets ? size + frame + 4 : size;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size, height });
  const mapSeries = (
    map: string,
    codes: string[],
    center: (string | number)[],
    layoutSize: string | number,
  ) => ({
    type: 'map',
    map,
    roam: false,
    layoutCenter: center,
    layoutSize,
    label: { show: false },
    itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
    // Every région given, in the map's order: the SVG's data indices are then the régions'.
    data: codes.map((code) => ({ name: code, value: valueByCode.get(code) ?? 0 })),
  });
  const overseas = insets ? OVERSEAS_REGIONS.filter((code) => echarts.getMap(`tadata-region-${code}`)) : [];
  const series = [
    mapSeries('tadata-regions', mainlandCodes, [size / 2, size / 2], size * 0.98),
    ...overseas.map((code, i) =>
      mapSeries(`tadata-region-${code}`, [code], [frame * i + frame / 2, size + frame / 2 - 4], frame * 0.62),
    ),
  ];
  chart.setOption({
    animation: false,
    visualMap: { min: 0, max, show: false, inRange: { color: ['#e3eef4', '#0b4f6c'] } },
    graphic: overseas.flatMap((code, i) => [
      {
        type: 'rect',
        silent: true,
        shape: { x: frame * i + 2, y: size + 2, width: frame - 4, height: frame - 4 },
        style: { fill: 'none', stroke: '#8c959f', lineWidth: 1 },
      },
      ...(options.names?.[code]
        ? [
            {
              type: 'text',
              silent: true,
              x: frame * i + frame / 2,
              y: size + frame - 14,
              style: {
                text: options.names[code],
                fill: '#1b1f24',
                fontSize: 10,
                align: 'center',
                fontFamily: 'system-ui, sans-serif',
              },
            },
          ]
        : []),
    ]),
    series,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const markOf = options.markOf;
  if (!markOf) return svg;
  const codesBySeries = [mainlandCodes, ...overseas.map((code) => [code])];
  return linkChartMarks(svg, (dataIndex, seriesIndex) => {
    const code = codesBySeries[seriesIndex]?.[dataIndex];
    return code ? markOf(code) : null;
  });
}

/**
 * The régions drawn once per size, with the map's projection: drawing the map costs ~8 ms,
 * placing a point a few microseconds (project pages, one per request). ECharts projects GeoJSON
 * linearly in longitude and latitude, so three points give the whole projection, and the chart is
 * disposed (a live chart would keep the process from exiting).
 */
interface LocationsBackground {
  svg: string;
  project: (lon: number, lat: number) => [number, number];
}
const locationsBackgrounds = new Map<number, LocationsBackground>();

function locationsBackground(size: number): LocationsBackground {
  const cached = locationsBackgrounds.get(size);
  if (cached) return cached;
  registerRegions();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size, height: size });
  chart.setOption({
    animation: false,
    geo: {
      map: 'tadata-regions',
      roam: false,
      layoutCenter: ['50%', '50%'],
      layoutSize: '98%',
      silent: true,
      itemStyle: { areaColor: '#e3eef4', borderColor: '#ffffff', borderWidth: 1 },
      emphasis: { disabled: true },
    },
  });
  const pixel = (lon: number, lat: number) =>
    chart.convertToPixel({ geoIndex: 0 }, [lon, lat]) as unknown as [number, number];
  const [x0, y0] = pixel(0, 45);
  const [x1] = pixel(1, 45);
  const [, y1] = pixel(0, 46);
  const svg = chart.renderToSVGString();
  chart.dispose();
  const background: LocationsBackground = {
    svg,
    project: (lon, lat) => [x0 + lon * (x1 - x0), y0 + (lat - 45) * (y1 - y0)],
  };
  locationsBackgrounds.set(size, background);
  return background;
}

/** Mainland France by région with the given places as dots: the project page's small map. */
export function renderLocationsMapSvg(
  points: { longitude: number; latitude: number; label: string }[],
  size = 280,
): string {
  const { svg, project } = locationsBackground(size);
  const dots = points
    .map((p) => {
      const [x, y] = project(p.longitude, p.latitude);
      return `<circle cx="${round(x)}" cy="${round(y)}" r="4.5" fill="#b3400a" stroke="#ffffff" stroke-width="1.5"/>`;
    })
    .join('');
  return svg.replace(/<\/svg>\s*$/, `${dots}</svg>`);
}

const round = (n: number) => Math.round(n * 10) / 10;
