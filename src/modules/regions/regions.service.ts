import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import * as repo from './regions.repository.ts';

/**
 * Finds a municipality by NIS code, also by a code that disappeared in the 2025 mergers: such a
 * code maps to the municipality it became part of, and the answer says so.
 */
export async function findMunicipality(deps: Deps, nis: string) {
  const direct = await repo.findMunicipalityByNis(deps.db, nis);
  if (direct) return { municipality: direct, mergedFrom: null };
  const merger = await repo.findMergerByOldNis(deps.db, nis);
  if (!merger) return null;
  const municipality = await repo.findMunicipalityByNis(deps.db, merger.new_nis);
  return municipality
    ? { municipality, mergedFrom: { nisCode: merger.old_nis, nameNl: merger.old_name_nl } }
    : null;
}

/**
 * Reference data (provinces, municipalities) is loaded by migrations only (reference-data.ts), yet
 * most pages list it, and on PGlite one read of the municipalities costs about 13 ms: it is read
 * once per database handle and kept.
 */
function readOnce<T>(memo: WeakMap<Kysely<DB>, Promise<T>>, deps: Deps, read: () => Promise<T>): Promise<T> {
  let rows = memo.get(deps.db);
  if (!rows) {
    rows = read();
    memo.set(deps.db, rows);
    rows.catch(() => memo.delete(deps.db));
  }
  return rows;
}
const municipalityRows = new WeakMap<Kysely<DB>, ReturnType<typeof repo.findMunicipalities>>();
const provinceRows = new WeakMap<Kysely<DB>, ReturnType<typeof repo.findFlemishProvinces>>();

/** The rows of the municipalities of Flanders and Brussels (read once, see readOnce). */
export const flemishAndBrusselsMunicipalityRows = (deps: Deps) =>
  readOnce(municipalityRows, deps, () => repo.findMunicipalities(deps.db, { regions: ['VLG', 'BRU'] }));

/** Municipalities of Flanders and Brussels, for choosing where an organisation is. */
export async function flemishAndBrusselsMunicipalities(deps: Deps) {
  const rows = await flemishAndBrusselsMunicipalityRows(deps);
  return rows.map((m) => ({ nisCode: m.nis_code, nameNl: m.name_nl, nameFr: m.name_fr }));
}

/**
 * The centre of the municipality a postal code belongs to: the nearest Brugwerk can place an
 * address (it has no street-level geocoding).
 */
export async function postalCodeCentre(deps: Deps, postalCode: string) {
  const [first] = await repo.findMunicipalitiesByPostalCode(deps.db, postalCode);
  return first ? ((await findMunicipality(deps, first.nis_code))?.municipality ?? null) : null;
}

/** The Brussels-Capital Region's NIS code: it has no province, so it is a work region of its own. */
export const BRUSSELS_REGION = '04000';

/**
 * The regions coordinators work in (ROTS, signals): the five Flemish provinces and Brussels,
 * each named by its NIS code.
 */
export async function workRegions(deps: Deps) {
  const provinces = await readOnce(provinceRows, deps, () => repo.findFlemishProvinces(deps.db));
  return [
    ...provinces.map((p) => ({ code: p.nis_code, nameNl: p.name_nl, nameFr: p.name_fr })),
    {
      code: BRUSSELS_REGION,
      nameNl: 'Brussels Hoofdstedelijk Gewest',
      nameFr: 'Région de Bruxelles-Capitale',
    },
  ];
}

/** The work region a municipality lies in, or null outside Flanders and Brussels. */
export async function workRegionOf(deps: Deps, municipalityNis: string): Promise<string | null> {
  const found = await findMunicipality(deps, municipalityNis);
  if (!found) return null;
  const m = found.municipality;
  if (m.region === 'BRU') return BRUSSELS_REGION;
  return m.region === 'VLG' ? m.province_nis : null;
}

/** The work regions, each with its municipalities: for choosing a place region by region. */
export async function workRegionsWithMunicipalities(deps: Deps) {
  const [regions, municipalities] = await Promise.all([
    workRegions(deps),
    flemishAndBrusselsMunicipalityRows(deps),
  ]);
  return regions.map((r) => ({
    ...r,
    municipalities: municipalities
      .filter((m) => (r.code === BRUSSELS_REGION ? m.region === 'BRU' : m.province_nis === r.code))
      .map((m) => ({ nisCode: m.nis_code, nameNl: m.name_nl, nameFr: m.name_fr })),
  }));
}
export type WorkRegion = Awaited<ReturnType<typeof workRegions>>[number];
