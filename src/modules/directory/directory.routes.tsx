import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { checkboxValues } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.tsx';
import { PAGE_SIZE } from '../../platform/views/components.tsx';
import { ageBands, needCodes, organisationTypes, referralMethods } from '../../platform/vocabularies.ts';
import {
  findMunicipality,
  flemishAndBrusselsMunicipalities,
  postalCodeCentre,
} from '../regions/regions.service.ts';
import * as repo from './directory.repository.ts';
import { SearchCache } from '../../platform/search/search-cache.ts';
import { withoutHighlights } from '../../platform/search/text-search.ts';
import { resultsMap } from './directory.map.ts';
import { mayEditEntry, needsVerification } from './directory.upkeep.ts';
import {
  type ServiceSearch,
  belgianMoment,
  readDirectoryGeneration,
  searchServices,
} from './directory.search.ts';
import { SearchPage, ServicePage } from './views/search.tsx';

const radii = ['2', '5', '10', '25'] as const;
const pageParam = z.coerce.number().int().min(1).max(10_000).optional();
const nis = z.string().regex(/^\d{5}$/);

// The search page's GET form, in Dutch parameter names (user-facing URLs are Dutch).
const languageCodes = z
  .union([z.string().regex(/^[a-z]{2,3}$/), z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20)], {
    message: 'validation.choose',
  })
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()));
const clusters = checkboxValues(['1', '2', '3']);
const kinds = checkboxValues(organisationTypes);

const pageQuery = z.object({
  q: z.string().max(200).optional(),
  soort: kinds,
  taal: languageCodes,
  cluster: clusters,
  open: z.literal('1').optional(),
  nood: checkboxValues(needCodes),
  leeftijd: checkboxValues(ageBands),
  doorverwijzing: checkboxValues(referralMethods),
  gratis: z.literal('1').optional(),
  gemeente: z.union([nis, z.literal('')]).optional(),
  postcode: z
    .union([z.string().regex(/^\d{4}$/), z.literal('')], { message: 'directory.postcodeInvalid' })
    .optional(),
  school: z.uuid().optional(),
  straal: z.union([z.enum(radii), z.literal('')]).optional(),
  pagina: pageParam,
});

const apiQuery = z.object({
  q: z.string().max(200).optional(),
  kind: kinds,
  language: languageCodes,
  cluster: clusters,
  openNow: z.enum(['true', 'false']).optional(),
  need: checkboxValues(needCodes),
  ageBand: checkboxValues(ageBands),
  referral: checkboxValues(referralMethods),
  free: z.enum(['true', 'false']).optional(),
  municipality: nis.optional(),
  postcode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  school: z.uuid().optional(),
  radiusKm: z.coerce.number().min(0.5).max(100).optional(),
  page: pageParam,
});

const apiService = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  excerpt: z.string(),
  needs: z.array(z.string()),
  ageBands: z.array(z.string()),
  referralMethods: z.array(z.string()),
  freeOfCharge: z.boolean(),
  capacity: z.string(),
  expectedWaitWeeks: z.number().nullable(),
  distanceKm: z.number().nullable(),
  lastVerifiedAt: z.string().nullable(),
});

/** Sociale kaart: search, service pages and the JSON search API. */
export function directoryRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const cache = new SearchCache(readDirectoryGeneration(deps.db), deps.config.searchCacheSize);

    /**
     * Where distance is measured from: a school (its first location), a postal code (the centre of
     * its municipality) or a municipality (its centre, also for codes merged away in 2025).
     */
    const centreOf = async (from: { school?: string; postcode?: string; municipality?: string }) => {
      if (from.school) {
        const school = await deps.db
          .selectFrom('directory_organizations as o')
          .innerJoin('directory_locations as l', 'l.organization_id', 'o.id')
          .select(['o.name', 'l.latitude', 'l.longitude'])
          .where('o.id', '=', from.school)
          .where('o.kind', '=', 'school')
          .where('l.latitude', 'is not', null)
          .orderBy('l.id')
          .executeTakeFirst();
        return school
          ? { latitude: school.latitude!, longitude: school.longitude!, label: school.name }
          : undefined;
      }
      const found = from.postcode
        ? await postalCodeCentre(deps, from.postcode)
        : from.municipality
          ? (await findMunicipality(deps, from.municipality))?.municipality
          : undefined;
      return found
        ? { latitude: found.latitude, longitude: found.longitude, label: found.name_nl }
        : undefined;
    };

    /**
     * The search both search routes run: their filters, and the place distance is measured from
     * (only with a radius; without one a municipality just filters).
     */
    const searchOf = async (
      filters: Omit<ServiceSearch, 'openAt' | 'municipality' | 'near' | 'withinKm' | 'limit' | 'offset'> & {
        openNow: boolean;
      },
      place: { school?: string; postcode?: string; municipality?: string; radiusKm?: number },
      page: number,
    ) => {
      const centre = place.radiusKm ? await centreOf(place) : undefined;
      const near = centre ? { latitude: centre.latitude, longitude: centre.longitude } : undefined;
      const { openNow, ...rest } = filters;
      const search: ServiceSearch = {
        ...rest,
        openAt: openNow ? belgianMoment(deps.clock.now()) : undefined,
        municipality: near ? undefined : place.municipality,
        near,
        withinKm: near ? place.radiusKm : undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      };
      return { search, centre };
    };

    app.get(
      '/sociale-kaart',
      { config: { permission: 'public' }, schema: { querystring: pageQuery } },
      async (req, reply) => {
        const query = req.query;
        // From a school or postal code, distance always counts (5 km unless chosen); from a
        // municipality only when a radius is chosen (otherwise: services in that municipality).
        const fromPoint = Boolean(query.school || query.postcode);
        const radiusKm = query.straal ? Number(query.straal) : fromPoint ? 5 : undefined;
        const page = query.pagina ?? 1;
        const { search, centre } = await searchOf(
          {
            q: query.q,
            needs: query.nood,
            ageBands: query.leeftijd,
            referralMethods: query.doorverwijzing,
            kinds: query.soort,
            languages: query.taal,
            clusters: query.cluster.map(Number),
            openNow: query.open === '1',
            freeOnly: query.gratis === '1',
          },
          {
            school: query.school,
            postcode: query.postcode || undefined,
            municipality: query.gemeente || undefined,
            radiusKm,
          },
          page,
        );
        // The map is drawn with the results and kept with them: projecting the outlines costs more
        // than the search itself.
        const [results, municipalities] = await Promise.all([
          cache.get(`page:${JSON.stringify(search)}`, async () => {
            const found = await searchServices(deps.db, search, { facets: true });
            const map = resultsMap(
              [query.gemeente, ...found.rows.map((r) => r.municipalityNis)].filter((n): n is string =>
                Boolean(n),
              ),
              found.rows.flatMap((r, i) =>
                r.latitude === null || r.longitude === null
                  ? []
                  : [{ n: i + 1, latitude: r.latitude, longitude: r.longitude }],
              ),
            );
            return { ...found, map };
          }),
          flemishAndBrusselsMunicipalities(deps),
        ]);
        const queryString = new URLSearchParams(
          Object.entries(req.query as Record<string, unknown>).flatMap(([k, v]) =>
            k === 'pagina' || v === undefined ? [] : [v].flat().map((item) => [k, String(item)]),
          ),
        ).toString();
        reply.header('cache-control', 'no-store');
        return sendPage(req, reply, req.t('directory.title'), (ctx) => (
          <SearchPage
            ctx={ctx}
            values={{
              q: query.q ?? '',
              needs: query.nood,
              ageBands: query.leeftijd,
              referralMethods: query.doorverwijzing,
              kinds: query.soort,
              languages: query.taal,
              clusters: query.cluster,
              openNow: query.open === '1',
              free: query.gratis === '1',
              municipality: query.gemeente ?? '',
              postcode: query.postcode ?? '',
              school: query.school ? { id: query.school, name: centre?.label ?? '' } : null,
              radius: query.straal ?? '',
            }}
            rows={results.rows}
            total={results.total}
            page={page}
            facets={results.facets!}
            map={results.map}
            municipalities={municipalities}
            queryString={queryString}
          />
        ));
      },
    );

    app.get(
      '/sociale-kaart/aanbod/:id',
      { config: { permission: 'public' }, schema: { params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const service = authorizeObject(await repo.findServiceById(deps.db, req.params.id), () => true);
        const [addresses, languages, phones, openingHours] = await Promise.all([
          repo.findAddressesOfService(deps.db, service.id),
          repo.findLanguagesOfService(deps.db, service.id),
          repo.findGeneralPhonesOfOrganization(deps.db, service.organization_id),
          repo.findOpeningHoursOfService(deps.db, service.id),
        ]);
        // Direct lines of contact points are professional tier (ARCHITECTURE §4): signed-in only.
        const contactPoints = req.user
          ? await repo.findContactPointsWithDetails(deps.db, service.organization_id)
          : null;
        return sendPage(req, reply, service.name, (ctx) => (
          <ServicePage
            ctx={ctx}
            service={service}
            addresses={addresses}
            languages={languages.map((l) => l.code)}
            phones={phones}
            openingHours={openingHours}
            canEdit={mayEditEntry(req.user, service.ownerOrganisationId)}
            stale={needsVerification(service.last_verified_at, deps.clock.now())}
            contactPoints={contactPoints}
          />
        ));
      },
    );

    app.get(
      '/api/v1/services',
      {
        config: { permission: 'public' },
        schema: {
          summary:
            'Search the directory: Dutch full text, filters, distance (radiusKm) from a school, a postal code or a municipality centre',
          querystring: apiQuery,
          response: {
            200: z.object({
              data: z.array(apiService),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
          },
        },
      },
      async (req) => {
        const q = req.query;
        const page = q.page ?? 1;
        const { search } = await searchOf(
          {
            q: q.q,
            needs: q.need,
            ageBands: q.ageBand,
            referralMethods: q.referral,
            kinds: q.kind,
            languages: q.language,
            clusters: q.cluster.map(Number),
            openNow: q.openNow === 'true',
            freeOnly: q.free === 'true',
          },
          { school: q.school, postcode: q.postcode, municipality: q.municipality, radiusKm: q.radiusKm },
          page,
        );
        const { rows, total } = await cache.get(`api:${JSON.stringify(search)}`, () =>
          searchServices(deps.db, search),
        );
        return {
          data: rows.map((r) => ({
            id: r.id,
            name: r.name,
            organization: { id: r.organizationId, name: r.organizationName },
            excerpt: withoutHighlights(r.headline),
            needs: r.need_codes,
            ageBands: r.age_bands,
            referralMethods: r.referral_methods,
            freeOfCharge: r.free_of_charge,
            capacity: r.capacity_state,
            expectedWaitWeeks: r.expected_wait_weeks,
            distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
            lastVerifiedAt: r.last_verified_at ? r.last_verified_at.toISOString() : null,
          })),
          total,
          page,
          pageSize: PAGE_SIZE,
        };
      },
    );
  };
}
