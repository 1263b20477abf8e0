/** A box on the map: [[west, south], [east, north]] in degrees. */
export type MapBox = [[number, number], [number, number]];

/** Mainland France, the map's first view. */
export const MAINLAND: MapBox = [
  [-5.3, 41.2],
  [9.7, 51.2],
];

/**
 * The overseas régions the map can fly to (bounds of IGN Admin Express outlines, with a
 * margin), in the order of the insets of the server-rendered map. Each région has one
 * département, whose outline and count its inset shows.
 */
export const OVERSEAS: { code: string; departement: string; name: string; box: MapBox }[] = [
  {
    code: '01',
    departement: '971',
    name: 'Guadeloupe',
    box: [
      [-61.9, 15.8],
      [-60.95, 16.55],
    ],
  },
  {
    code: '02',
    departement: '972',
    name: 'Martinique',
    box: [
      [-61.3, 14.35],
      [-60.75, 14.92],
    ],
  },
  {
    code: '03',
    departement: '973',
    name: 'Guyane',
    box: [
      [-54.7, 2.0],
      [-51.5, 5.85],
    ],
  },
  {
    code: '04',
    departement: '974',
    name: 'La Réunion',
    box: [
      [55.15, -21.45],
      [55.9, -20.8],
    ],
  },
  {
    code: '06',
    departement: '976',
    name: 'Mayotte',
    box: [
      [44.95, -13.05],
      [45.35, -12.6],
    ],
  },
];
