import { readFileSync } from 'node:fs';
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

// The results map, drawn on the server as SVG: the outlines of the municipalities involved (from
// the project's 2025 reference data) and the services as numbered points. No tiles, no script.

type Municipality = Feature<Polygon | MultiPolygon, { nis_code: string; name_nl: string }>;

let municipalities: Map<string, Municipality> | undefined;

/** The 2025 municipality outlines by NIS code, read once. */
function outlines(): Map<string, Municipality> {
  if (!municipalities) {
    const topology = JSON.parse(
      readFileSync(new URL('../regions/data/municipalities-2025.topojson', import.meta.url), 'utf8'),
    ) as Topology;
    const collection = feature(
      topology,
      topology.objects.municipalities_2025!,
    ) as unknown as FeatureCollection<Polygon | MultiPolygon, { nis_code: string; name_nl: string }>;
    municipalities = new Map(collection.features.map((f) => [f.properties.nis_code, f]));
  }
  return municipalities;
}

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
    .map((nis) => outlines().get(nis))
    .filter((a): a is Municipality => Boolean(a));
  if (areas.length === 0 && points.length === 0) return null;
  const fitted: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      ...areas,
      ...points.map((p): Feature => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
      })),
    ],
  };
  const projection = geoMercator().fitExtent(
    [
      [12, 12],
      [WIDTH - 12, HEIGHT - 12],
    ],
    fitted,
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
