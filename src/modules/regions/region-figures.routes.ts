import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { publicCountSchema } from '../../platform/small-counts.ts';
import { MARGIN } from './region-gaps.ts';
import { findRegion, regionOverview } from './region-groups.service.ts';
import { regionPicture, type RegionPicture } from './region-picture.service.ts';

// Open data (issue: region figures as JSON and CSV through the API, small counts suppressed). Case
// and signal counts below 5 read "< 5"; service and contact point counts are about organisations,
// not people, and are given as they are.

const publicCache = 'public, max-age=300';
const slugParams = z.object({ slug: z.string().max(80) });
const ratio = z.number().nullable();

const figuresSchema = z.object({
  region: z.object({
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    municipalities: z.array(z.string()),
  }),
  since: z.string(),
  until: z.string(),
  margin: z.number(),
  cells: z.array(
    z.object({
      need: z.string(),
      ageGroup: z.string(),
      verdict: z.enum(['gap', 'strength', 'balanced', 'unknown']),
      needRatio: ratio,
      supplyRatio: ratio,
      indicators: z.array(z.string()),
      services: z.number().int(),
      waitingList: z.number().int(),
      full: z.number().int(),
      servicesPerMunicipality: ratio,
      flemishServicesPerMunicipality: ratio,
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      year: z.number().int(),
      combine: z.enum(['sum', 'mean']),
      higherMeansMoreNeed: z.boolean(),
      ageGroup: z.string(),
      needs: z.array(z.string()),
      region: ratio,
      flanders: ratio,
      ratio,
      covered: z.number().int(),
      sources: z.array(z.string()),
    }),
  ),
  demand: z.array(
    z.object({
      need: z.string(),
      referrals: publicCountSchema,
      consultationsUnder12: publicCountSchema,
      consultations12plus: publicCountSchema,
      signals: publicCountSchema,
    }),
  ),
  contactPoints: z.object({ contactPoints: z.number().int(), organisations: z.number().int() }),
  practices: z.array(z.object({ id: z.string(), title: z.string(), needs: z.array(z.string()) })),
});

function figures(picture: RegionPicture): z.infer<typeof figuresSchema> {
  const { region, layers: _, indicators, ...rest } = picture;
  return {
    ...rest,
    region: {
      slug: region.slug,
      name: region.name,
      kind: region.kind,
      municipalities: region.municipalities.map((m) => m.nisCode),
    },
    margin: MARGIN,
    indicators: indicators.map((i) => ({
      code: i.code,
      name: i.nameNl,
      unit: i.unit,
      year: i.year,
      combine: i.combine,
      higherMeansMoreNeed: i.higherMeansMoreNeed,
      ageGroup: i.ageGroup,
      needs: i.needs,
      region: i.region,
      flanders: i.flanders,
      ratio: i.ratio,
      covered: i.covered,
      sources: i.sources,
    })),
  };
}

/** The same figures as one long table: part, need, age group, code, measure, value. */
function figuresCsv(f: z.infer<typeof figuresSchema>): string {
  const rows: (string | number | null)[][] = [
    ['onderdeel', 'behoefte', 'leeftijd', 'code', 'maat', 'waarde'],
  ];
  for (const c of f.cells)
    for (const measure of [
      'verdict',
      'needRatio',
      'supplyRatio',
      'services',
      'waitingList',
      'full',
      'servicesPerMunicipality',
      'flemishServicesPerMunicipality',
    ] as const)
      rows.push(['cel', c.need, c.ageGroup, '', measure, c[measure]]);
  for (const i of f.indicators)
    for (const measure of ['region', 'flanders', 'ratio', 'covered', 'year'] as const)
      rows.push(['indicator', i.needs.join(' '), i.ageGroup, i.code, measure, i[measure]]);
  for (const d of f.demand)
    for (const measure of ['referrals', 'consultationsUnder12', 'consultations12plus', 'signals'] as const)
      rows.push(['vraag', d.need, '', '', measure, d[measure]]);
  rows.push(['aanspreekpunten', '', '', '', 'contactPoints', f.contactPoints.contactPoints]);
  rows.push(['aanspreekpunten', '', '', '', 'organisations', f.contactPoints.organisations]);
  return stringify(rows.map((r) => r.map((v) => v ?? '')));
}

export function regionFiguresRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    async function figuresOf(slug: string) {
      const region = await findRegion(deps, slug);
      if (!region) throw notFound();
      return figures(await regionPicture(deps, region));
    }

    app.get(
      '/api/v1/regions',
      {
        config: { permission: 'public' },
        schema: {
          summary:
            "The regions with a picture: provinces, Brussels and the curators' groups of municipalities",
          response: {
            200: z.object({
              data: z.array(
                z.object({
                  slug: z.string(),
                  name: z.string(),
                  kind: z.string(),
                  municipalities: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async (_req, reply) => {
        const { workRegions, groups } = await regionOverview(deps);
        reply.header('cache-control', publicCache);
        return {
          data: [
            ...workRegions.map((r) => ({
              slug: r.code,
              name: r.nameNl,
              kind: 'work_region',
              municipalities: r.municipalities.length,
            })),
            ...groups.map((g) => ({ slug: g.slug, name: g.name, kind: g.kind, municipalities: g.size })),
          ],
        };
      },
    );

    app.get(
      '/api/v1/regions/:slug/figures',
      {
        config: { permission: 'public' },
        schema: {
          summary:
            'A region\'s figures: gaps and strengths per need and age group, supply, indicators, case and signal counts (below 5 as "< 5")',
          params: slugParams,
          response: { 200: figuresSchema },
        },
      },
      async (req, reply) => {
        const body = await figuresOf(req.params.slug);
        reply.header('cache-control', publicCache);
        return body;
      },
    );

    app.get(
      '/api/v1/regions/:slug/figures.csv',
      {
        config: { permission: 'public' },
        schema: { summary: "A region's figures as one long CSV table", params: slugParams },
      },
      async (req, reply) => {
        const body = await figuresOf(req.params.slug);
        return reply
          .header('cache-control', publicCache)
          .header('content-disposition', `attachment; filename="regio-${body.region.slug}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(figuresCsv(body));
      },
    );
  };
}
