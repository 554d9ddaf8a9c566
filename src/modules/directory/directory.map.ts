import type { Feature } from 'geojson';
import { fittedProjection, municipalityOutlines } from '../regions/region-map.ts';
import { geoPath } from 'd3-geo';

// The results map, drawn on the server as SVG: the outlines of the municipalities involved (from
// the project's 2025 reference data) and the services as numbered points. No tiles, no script.

export interface MapPoint {
  n: number;
  latitude: number;
  longitude: number;
}

export interface ResultsMap {
  width: number;
  height: number;
  areas: { nis: string; name: string; d: string }[];
  points: { n: number; x: number; y: number }[];
}

const WIDTH = 600;
const HEIGHT = 420;

/** Projects the municipalities and points to an SVG of fixed size, fitted around both. */
export function resultsMap(municipalityCodes: string[], points: MapPoint[]): ResultsMap | null {
  const areas = [...new Set(municipalityCodes)]
    .map((nis) => municipalityOutlines().get(nis))
    .filter((a) => a !== undefined);
  if (areas.length === 0 && points.length === 0) return null;
  const projection = fittedProjection(
    [
      ...areas,
      ...points.map((p): Feature => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
      })),
    ],
    WIDTH,
    HEIGHT,
  );
  const path = geoPath(projection);
  return {
    width: WIDTH,
    height: HEIGHT,
    areas: areas.map((a) => ({ nis: a.properties.nis_code, name: a.properties.name_nl, d: path(a) ?? '' })),
    points: points.map((p) => {
      const [x, y] = projection([p.longitude, p.latitude]) ?? [0, 0];
      return { n: p.n, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
    }),
  };
}
