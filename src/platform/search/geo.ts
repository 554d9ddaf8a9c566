import { type RawBuilder, sql } from 'kysely';

// Distances on the map of Flanders and Brussels, for SQL: a bounding box an index can use, and the
// exact great-circle distance to check what the box lets through.

export interface Point {
  latitude: number;
  longitude: number;
}

/** The latitude and longitude ranges within `km` of the point (a little wider than the circle). */
export function boundingBox(p: Point, km: number) {
  const dLat = km / 111.2;
  const dLon = km / (111.2 * Math.cos((p.latitude * Math.PI) / 180));
  return {
    latitude: [p.latitude - dLat, p.latitude + dLat] as const,
    longitude: [p.longitude - dLon, p.longitude + dLon] as const,
  };
}

/** Great-circle distance in km (haversine) between the point and the location with table alias `alias`. */
export function haversineKm(p: Point, alias: string): RawBuilder<number> {
  const lat = sql.ref(`${alias}.latitude`);
  const lon = sql.ref(`${alias}.longitude`);
  return sql<number>`(6371 * 2 * asin(sqrt(
    power(sin(radians(${lat} - ${p.latitude}) / 2), 2) +
    cos(radians(${p.latitude})) * cos(radians(${lat})) * power(sin(radians(${lon} - ${p.longitude}) / 2), 2)
  )))`;
}
