import { readFileSync } from 'node:fs';
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

// Maps drawn on the server as SVG from the 2025 municipality outlines (FPS Finance – AAPD/GAPD,
// see data/SOURCES.md): no tiles, no script, a table beside every map.

export type MunicipalityOutline = Feature<Polygon | MultiPolygon, { nis_code: string; name_nl: string }>;

let outlines: Map<string, MunicipalityOutline> | undefined;

/** The 2025 municipality outlines by NIS code, read once. */
export function municipalityOutlines(): Map<string, MunicipalityOutline> {
  if (!outlines) {
    const topology = JSON.parse(
      readFileSync(new URL('data/municipalities-2025.topojson', import.meta.url), 'utf8'),
    ) as Topology;
    const collection = feature(
      topology,
      topology.objects.municipalities_2025!,
    ) as unknown as FeatureCollection<Polygon | MultiPolygon, { nis_code: string; name_nl: string }>;
    outlines = new Map(collection.features.map((f) => [f.properties.nis_code, f]));
  }
  return outlines;
}

/** A Mercator projection of a fixed-size SVG, fitted around the features with a small margin. */
export function fittedProjection(features: Feature[], width: number, height: number): GeoProjection {
  return geoMercator().fitExtent(
    [
      [12, 12],
      [width - 12, height - 12],
    ],
    { type: 'FeatureCollection', features },
  );
}

export interface ChoroplethMap {
  width: number;
  height: number;
  areas: { nis: string; name: string; d: string; value: number | null; shade: number | null }[];
  /** Class bounds: shade k holds values from bounds[k] up to bounds[k + 1]. */
  bounds: number[];
}

export const SHADES = 5;
const WIDTH = 640;
const HEIGHT = 440;

/**
 * A choropleth of the given municipalities: each area shaded by which of five equal intervals
 * between the lowest and the highest value its value falls in; areas without a value unshaded.
 */
export function choroplethMap(values: { nis: string; value: number | null }[]): ChoroplethMap | null {
  const areas = values.flatMap((v) => {
    const outline = municipalityOutlines().get(v.nis);
    return outline ? [{ outline, value: v.value }] : [];
  });
  if (areas.length === 0) return null;
  const known = areas.map((a) => a.value).filter((v): v is number => v !== null);
  const low = known.length ? Math.min(...known) : 0;
  const high = known.length ? Math.max(...known) : 0;
  const step = (high - low) / SHADES;
  const bounds = Array.from({ length: SHADES + 1 }, (_, k) => low + step * k);
  const shadeOf = (v: number) => (step === 0 ? 0 : Math.min(SHADES - 1, Math.floor((v - low) / step)));
  const path = geoPath(
    fittedProjection(
      areas.map((a) => a.outline),
      WIDTH,
      HEIGHT,
    ),
  );
  return {
    width: WIDTH,
    height: HEIGHT,
    bounds: known.length ? bounds : [],
    areas: areas.map((a) => ({
      nis: a.outline.properties.nis_code,
      name: a.outline.properties.name_nl,
      d: path(a.outline) ?? '',
      value: a.value,
      shade: a.value === null ? null : shadeOf(a.value),
    })),
  };
}
