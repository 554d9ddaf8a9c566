import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import * as repo from './regions.repository.ts';
import { findMunicipality } from './regions.service.ts';

const regionCode = z.enum(['VLG', 'WAL', 'BRU']);
const municipality = z.object({
  nisCode: z.string(),
  nameNl: z.string(),
  nameFr: z.string(),
  nameDe: z.string().nullable(),
  region: regionCode,
  provinceNis: z.string().nullable(),
  arrondissementNis: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});
const toMunicipality = (m: Awaited<ReturnType<typeof repo.findMunicipalities>>[number]) => ({
  nisCode: m.nis_code,
  nameNl: m.name_nl,
  nameFr: m.name_fr,
  nameDe: m.name_de,
  region: m.region,
  provinceNis: m.province_nis,
  arrondissementNis: m.arrondissement_nis,
  latitude: m.latitude,
  longitude: m.longitude,
});
// Reference data changes once a year at most: let browsers and a CDN keep it for a day.
const cacheForADay = 'public, max-age=86400';
const topojsonFile = 'modules/regions/data/municipalities-2025.topojson';

export function regionsRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/provinces',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Belgian provinces (Statbel NIS codes)',
          response: {
            200: z.object({
              data: z.array(
                z.object({ nisCode: z.string(), nameNl: z.string(), nameFr: z.string(), region: regionCode }),
              ),
            }),
          },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', cacheForADay);
        const rows = await repo.findProvinces(deps.db);
        return {
          data: rows.map((p) => ({
            nisCode: p.nis_code,
            nameNl: p.name_nl,
            nameFr: p.name_fr,
            region: p.region,
          })),
        };
      },
    );

    app.get(
      '/api/v1/municipalities',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Municipalities on 1 January 2025 (565), optionally by region or province',
          querystring: z.object({
            region: regionCode.optional(),
            province: z
              .string()
              .regex(/^\d{5}$/)
              .optional(),
          }),
          response: { 200: z.object({ data: z.array(municipality) }) },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', cacheForADay);
        const rows = await repo.findMunicipalities(deps.db, {
          regions: req.query.region ? [req.query.region] : undefined,
          provinceNis: req.query.province,
        });
        return { data: rows.map(toMunicipality) };
      },
    );

    app.get(
      '/api/v1/municipalities/:nisCode',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'One municipality; a pre-2025 NIS code answers with the municipality it merged into',
          params: z.object({ nisCode: z.string().regex(/^\d{5}$/) }),
          response: {
            200: z.object({
              data: municipality,
              mergedFrom: z.object({ nisCode: z.string(), nameNl: z.string() }).nullable(),
            }),
          },
        },
      },
      async (req, reply) => {
        const found = authorizeObject(await findMunicipality(deps, req.params.nisCode), () => true);
        reply.header('cache-control', cacheForADay);
        return { data: toMunicipality(found.municipality), mergedFrom: found.mergedFrom };
      },
    );

    app.get(
      '/api/v1/postal-codes/:postalCode',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'The municipality of a postal code (for look-up inside Brugwerk)',
          params: z.object({ postalCode: z.string().regex(/^\d{4}$/) }),
          response: {
            200: z.object({
              data: z.array(
                z.object({
                  postalCode: z.string(),
                  nisCode: z.string(),
                  nameNl: z.string(),
                  nameFr: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const rows = await repo.findMunicipalitiesByPostalCode(deps.db, req.params.postalCode);
        authorizeObject(rows.length ? rows : null, () => true);
        // bpost locality names stay inside the app (no stated licence): the API gives municipalities only.
        const unique = new Map(rows.map((r) => [r.nis_code, r]));
        return {
          data: [...unique.values()].map((r) => ({
            postalCode: r.postal_code,
            nisCode: r.nis_code,
            nameNl: r.name_nl,
            nameFr: r.name_fr,
          })),
        };
      },
    );

    // Municipality outlines for maps. Source: FPS Finance – AAPD/GAPD, administrative units 01/01/2021.
    app.get('/kaart/gemeenten.topojson', { config: { permission: 'public' } }, (_req, reply) =>
      reply
        .header('cache-control', cacheForADay)
        .type('application/json')
        .sendFile(topojsonFile, new URL('../..', import.meta.url).pathname),
    );
  };
}
