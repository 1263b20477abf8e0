import { readFileSync } from 'node:fs';
import * as echarts from 'echarts';
import { fromAppRoot } from '../platform/app-root.ts';

type Ring = [number, number][];
interface RegionFeature {
  type: 'Feature';
  properties: { code: string; nom: string; name?: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

let registered = false;

/** Coordinates rounded to about 2 km: plenty for a small map, and a fifth of the size. */
function simplify(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [Math.round(lon * 50) / 50, Math.round(lat * 50) / 50];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

function registerRegions(): void {
  if (registered) return;
  const geo = JSON.parse(
    readFileSync(fromAppRoot('data', 'reference', 'regions-metropole-simplifie.geojson'), 'utf8'),
  ) as { type: 'FeatureCollection'; features: RegionFeature[] };
  for (const feature of geo.features) {
    feature.properties.name = feature.properties.code;
    const g = feature.geometry;
    if (g.type === 'Polygon') g.coordinates = g.coordinates.map(simplify);
    else g.coordinates = g.coordinates.map((polygon) => polygon.map(simplify));
  }
  // ECharts' own GeoJSON type is looser than ours; the file is standard GeoJSON.
  echarts.registerMap('tadata-regions', geo as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}

/**
 * Mainland France by région, coloured by a value (projects per 100,000 inhabitants), as SVG
 * rendered on the server. Overseas régions are not drawn: pages list them in the table.
 */
export function renderRegionMapSvg(values: { code: string; value: number }[], size = 420): string {
  registerRegions();
  const max = Math.max(0.0001, ...values.map((v) => v.value));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size, height: size });
  chart.setOption({
    animation: false,
    visualMap: { min: 0, max, show: false, inRange: { color: ['#e3eef4', '#0b4f6c'] } },
    series: [
      {
        type: 'map',
        map: 'tadata-regions',
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '98%',
        label: { show: false },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        data: values.map((v) => ({ name: v.code, value: v.value })),
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Mainland France by région with the given places as dots: the project page's small map. */
export function renderLocationsMapSvg(
  points: { longitude: number; latitude: number; label: string }[],
  size = 280,
): string {
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
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 9,
        itemStyle: { color: '#b3400a', borderColor: '#ffffff', borderWidth: 1.5 },
        data: points.map((p) => ({ name: p.label, value: [p.longitude, p.latitude] })),
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
