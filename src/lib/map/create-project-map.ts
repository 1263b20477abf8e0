import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap, Marker } from 'maplibre-gl';
import {
  CHOROPLETH_EMPTY,
  CHOROPLETH_PALETTE,
  choroplethSteps,
  type MapPayload,
  toFeatureCollection,
} from './map-data.ts';

export interface MapLabels {
  cluster: (count: number) => string;
  listedBy: string;
  viewAtPartner: string;
  loading: string;
  /** The credit of the outlines' source and licence. */
  attribution: string;
  /** MapLibre's own buttons, which it labels in English otherwise. */
  zoomIn: string;
  zoomOut: string;
  /** A project page's link in the page's language (/en/projets/… on English pages). */
  href: (path: string) => string;
}

interface ProjectSummary {
  data: {
    name: string;
    path: string;
    carrier: string | null;
    city: string | null;
    credits: { partner: { name: string; website: string | null }; sourceUrl: string | null }[];
  };
}

const FRANCE: [[number, number], [number, number]] = [
  [-5.3, 41.2],
  [9.7, 51.2],
];

function safeHttpUrl(value: string | null): string | null {
  return value && /^https?:\/\//i.test(value) ? value : null;
}

/** The popup's content, built from text nodes: scraped values never become HTML. */
function popupContent(summary: ProjectSummary['data'], labels: MapLabels): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-popup';
  const title = document.createElement('a');
  title.href = labels.href(summary.path);
  title.textContent = summary.name;
  title.className = 'map-popup__title';
  root.append(title);
  const details = [summary.carrier, summary.city].filter(Boolean).join(' · ');
  if (details) {
    const p = document.createElement('p');
    p.textContent = details;
    root.append(p);
  }
  for (const credit of summary.credits) {
    const p = document.createElement('p');
    p.className = 'map-popup__credit';
    p.append(`${labels.listedBy} ${credit.partner.name} — `);
    const href = safeHttpUrl(credit.sourceUrl) ?? safeHttpUrl(credit.partner.website);
    if (href) {
      const link = document.createElement('a');
      link.href = href;
      link.rel = 'noopener';
      link.textContent = labels.viewAtPartner;
      p.append(link);
    }
    root.append(p);
  }
  return root;
}

/**
 * A MapLibre map of the search's projects, without any tile server: a plain background,
 * département outlines with a choropleth of counts, and clustered projects drawn as buttons.
 */
export async function createProjectMap(options: {
  container: HTMLElement;
  payload: MapPayload;
  outlines: FeatureCollection;
  labels: MapLabels;
  onMove: (bounds: { west: number; south: number; east: number; north: number }) => void;
}): Promise<{ destroy: () => void; fitTo: (box: [[number, number], [number, number]]) => void }> {
  const maplibre = await import('maplibre-gl');
  await import('maplibre-gl/dist/maplibre-gl.css');
  const { payload, labels } = options;
  const counts = payload.departements;
  const outlines: FeatureCollection = {
    ...options.outlines,
    features: options.outlines.features.map((f) => ({
      ...f,
      properties: { ...f.properties, count: counts[String(f.properties?.code)] ?? 0 },
    })),
  };
  const steps = choroplethSteps(Object.values(counts));
  const fillColor = [
    'step',
    ['get', 'count'],
    CHOROPLETH_EMPTY,
    ...steps.flatMap((threshold, i) => [
      threshold,
      CHOROPLETH_PALETTE[Math.min(i, CHOROPLETH_PALETTE.length - 1)],
    ]),
  ] as ExpressionSpecification;

  const map: MapLibreMap = new maplibre.Map({
    container: options.container,
    bounds: FRANCE,
    locale: { 'NavigationControl.ZoomIn': labels.zoomIn, 'NavigationControl.ZoomOut': labels.zoomOut },
    attributionControl: {
      compact: false,
      customAttribution: labels.attribution,
    },
    style: {
      version: 8,
      sources: {
        outlines: { type: 'geojson', data: outlines },
        projects: {
          type: 'geojson',
          data: toFeatureCollection(payload),
          cluster: true,
          clusterRadius: 48,
          clusterMaxZoom: 13,
        },
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#eef3f6' } },
        {
          id: 'departements-fill',
          type: 'fill',
          source: 'outlines',
          paint: { 'fill-color': fillColor, 'fill-opacity': 0.8 },
        },
        {
          id: 'departements-line',
          type: 'line',
          source: 'outlines',
          paint: { 'line-color': '#7b8a96', 'line-width': 0.6 },
        },
        {
          id: 'clusters',
          type: 'circle',
          source: 'projects',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': '#0b4f6c',
            'circle-opacity': 0.85,
            'circle-radius': ['step', ['get', 'point_count'], 14, 20, 18, 100, 24, 1000, 30],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
      ],
    },
  });
  map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
  map.keyboard.enable();

  const source = () => map.getSource('projects') as GeoJSONSource;
  const markers = new Map<string, Marker>();
  const popup = new maplibre.Popup({ closeButton: true, maxWidth: '320px', offset: 14 });

  const openPopup = async (index: number, lngLat: [number, number]) => {
    const project = payload.projects[index];
    if (!project) return;
    popup.setLngLat(lngLat).setText(labels.loading).addTo(map);
    const response = await fetch(`/api/v1/projects/${encodeURIComponent(project[0])}`);
    if (!response.ok) return;
    const summary = (await response.json()) as ProjectSummary;
    popup.setDOMContent(popupContent(summary.data, labels));
    popup.getElement()?.querySelector('a')?.focus();
  };

  const button = (className: string, text: string, label: string, onClick: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.addEventListener('click', (event) => {
      event.stopPropagation();
      onClick();
    });
    return element;
  };

  // Clusters and single projects in view are HTML buttons: the keyboard reaches them, and no
  // glyph server is needed for the counts.
  const drawMarkers = () => {
    const seen = new Set<string>();
    for (const feature of map.querySourceFeatures('projects')) {
      const [lon, lat] = (feature.geometry as Point).coordinates as [number, number];
      const clusterId = feature.properties?.cluster_id;
      const key = clusterId === undefined ? `p${feature.properties?.i}@${lon},${lat}` : `c${clusterId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (markers.has(key)) continue;
      let element: HTMLButtonElement;
      if (clusterId === undefined) {
        const index = Number(feature.properties?.i);
        const name = payload.projects[index]?.[1] ?? '';
        element = button('map-point', '', name, () => void openPopup(index, [lon, lat]));
        element.dataset.testid = 'map-point';
      } else {
        const count = Number(feature.properties?.point_count);
        element = button('map-cluster', String(count), labels.cluster(count), async () => {
          const zoom = await source().getClusterExpansionZoom(Number(clusterId));
          map.easeTo({ center: [lon, lat], zoom });
        });
        element.dataset.testid = 'map-cluster';
      }
      markers.set(key, new maplibre.Marker({ element }).setLngLat([lon, lat]).addTo(map));
    }
    for (const [key, marker] of markers) {
      if (!seen.has(key)) {
        marker.remove();
        markers.delete(key);
      }
    }
  };

  const reportBounds = () => {
    const b = map.getBounds();
    options.onMove({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() });
  };
  map.on('moveend', () => {
    drawMarkers();
    reportBounds();
  });
  map.on('sourcedata', (event) => {
    if (event.sourceId === 'projects' && event.isSourceLoaded) drawMarkers();
  });
  map.once('load', reportBounds);

  return {
    // No animation: the overseas régions are thousands of kilometres away.
    fitTo: (box) => map.fitBounds(box, { padding: 24, animate: false }),
    destroy: () => {
      for (const marker of markers.values()) marker.remove();
      map.remove();
    },
  };
}
