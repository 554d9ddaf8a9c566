import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import { Feed } from 'feed';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { checkboxValues } from '../../platform/http/forms.ts';
import type { SearchCache } from '../../platform/search/search-cache.ts';
import { withoutHighlights } from '../../platform/search/text-search.ts';
import { cooperationForms, needCodes } from '../../platform/vocabularies.ts';
import { evidenceSteps, type FicheContent, textPart } from './fiche.ts';
import { FicheTextError, ficheToText } from './fiche-text.ts';
import * as repo from './practices.repository.ts';
import { practiceSearchOf, searchPractices } from './practices.search.ts';
import { importFicheText } from './practices.service.ts';

// Open data: published fiches under this licence, stated in every export.
export const PRACTICES_LICENCE = {
  name: 'Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/** Every published fiche, newest first, as open data. */
export async function publishedFiches(db: Kysely<DB>, publicUrl: string) {
  const rows = await db
    .selectFrom('practices as p')
    .innerJoin('practice_versions as v', 'v.id', 'p.published_version_id')
    .select([
      'p.id',
      'v.number',
      'v.content',
      'p.first_published_at',
      'p.last_published_at',
      'p.last_reviewed_at',
      'p.is_demo',
    ])
    .where('p.status', '=', 'published')
    .orderBy('p.first_published_at', 'desc')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    url: `${publicUrl}/praktijken/${r.id}`,
    version: r.number,
    firstPublishedAt: r.first_published_at?.toISOString() ?? null,
    lastPublishedAt: r.last_published_at?.toISOString() ?? null,
    lastReviewedAt: r.last_reviewed_at?.toISOString() ?? null,
    demo: r.is_demo,
    ...r.content,
  }));
}

const csvColumns: [string, (f: FicheContent) => string][] = [
  ['title', (f) => f.title],
  ['introduction', (f) => f.introduction],
  ['category', (f) => f.category ?? ''],
  ['goals', (f) => f.goals.join(' | ')],
  ['target_groups', (f) => f.targetGroups.join(' | ')],
  ['description', (f) => f.description],
  ['success_factors', (f) => f.successFactors.join(' | ')],
  ['challenges', (f) => f.challenges.join(' | ')],
  [
    'places',
    (f) =>
      f.places.map((p) => `${p.nis} ${p.municipality}${p.localName ? `: ${p.localName}` : ''}`).join(' | '),
  ],
  ['policy_domains', (f) => f.policyDomains.join(' | ')],
  ['need_codes', (f) => f.needCodes.join(' | ')],
  ['cooperation_forms', (f) => f.cooperationForms.join(' | ')],
  ['evidence_step', (f) => f.evidenceStep],
  ['building_blocks', (f) => f.buildingBlocks.map((b) => b.name).join(' | ')],
  ['sites', (f) => f.sites.map((s) => `${s.name} (${s.since})`).join(' | ')],
  ['contact_email', (f) => f.contact.email],
];

/** The same fiches as one CSV table; lists are joined with " | ". */
export function fichesCsv(fiches: Awaited<ReturnType<typeof publishedFiches>>) {
  return stringify([
    [
      'id',
      'url',
      'version',
      'first_published_at',
      'last_reviewed_at',
      ...csvColumns.map(([name]) => name),
      'licence',
    ],
    ...fiches.map((f) => [
      f.id,
      f.url,
      f.version,
      f.firstPublishedAt,
      f.lastReviewedAt,
      ...csvColumns.map(([, value]) => value(f)),
      PRACTICES_LICENCE.url,
    ]),
  ]);
}

/** The open-data document: the licence, where it comes from, and the fiches. */
const openData = (practices: Awaited<ReturnType<typeof publishedFiches>>, publicUrl: string) => ({
  licence: PRACTICES_LICENCE,
  source: `${publicUrl}/praktijken`,
  count: practices.length,
  practices,
});

/** Writes the open data to a folder: praktijken.json (with the licence) and praktijken.csv. */
export async function exportPractices(db: Kysely<DB>, publicUrl: string, directory: string) {
  const practices = await publishedFiches(db, publicUrl);
  await mkdir(directory, { recursive: true });
  await writeFile(
    join(directory, 'praktijken.json'),
    `${JSON.stringify(openData(practices, publicUrl), null, 2)}\n`,
  );
  await writeFile(join(directory, 'praktijken.csv'), fichesCsv(practices));
  return [
    { file: 'praktijken.json', records: practices.length },
    { file: 'praktijken.csv', records: practices.length },
  ];
}

const licenceLink = `<${PRACTICES_LICENCE.url}>; rel="license"`;

const apiQuery = z.object({
  q: z.string().max(200).optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  need: checkboxValues(needCodes),
  cooperationForm: checkboxValues(cooperationForms),
  evidence: checkboxValues(evidenceSteps),
  category: z.string().max(200).optional(),
  municipality: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  radiusKm: z.coerce.number().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

const apiPractice = z.object({
  id: z.string(),
  title: z.string(),
  introduction: z.string(),
  excerpt: z.string(),
  category: z.string().nullable(),
  needs: z.array(z.string()),
  cooperationForms: z.array(z.string()),
  evidenceStep: z.string().nullable(),
  municipalities: z.array(z.string()),
  publishedAt: z.string().nullable(),
  url: z.string(),
});

const importQuery = z.object({
  title: z.string().trim().min(1).max(150).optional(),
  publish: z.enum(['true', 'false']).optional(),
});

/** The practices JSON API, the text import, the open-data exports and the Atom feed. */
export function practicesApiRoutes(deps: Deps, cache: SearchCache) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const publicUrl = deps.config.publicUrl;
    /** A published practice and its published version; "not found" otherwise. */
    const publishedWithVersion = async (id: string) => {
      const practice = authorizeObject(await repo.findPublishedPracticeById(deps.db, id), () => true);
      return { practice, version: (await repo.findVersionById(deps.db, practice.published_version_id!))! };
    };

    app.get(
      '/api/v1/practices',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Search published practice fiches (Dutch full text, filters, near a municipality)',
          querystring: apiQuery,
          response: {
            200: z.object({
              data: z.array(apiPractice),
              page: z.number(),
              pageSize: z.number(),
              total: z.number(),
            }),
          },
        },
      },
      async (req, reply) => {
        const q = req.query;
        const page = q.page ?? 1;
        const search = await practiceSearchOf(
          deps,
          {
            q: q.q,
            sort: q.sort,
            needs: q.need,
            cooperationForms: q.cooperationForm,
            evidenceSteps: q.evidence,
            categories: q.category ? [q.category] : [],
          },
          { municipality: q.municipality, radiusKm: q.radiusKm },
          page,
        );
        const { rows, total } = await cache.get(`api:${JSON.stringify(search)}`, () =>
          searchPractices(deps.db, search),
        );
        reply.header('cache-control', 'public, max-age=60');
        return {
          data: rows.map((r) => ({
            id: r.id,
            title: r.title,
            introduction: r.introduction,
            excerpt: withoutHighlights(r.headline),
            category: r.category,
            needs: r.need_codes,
            cooperationForms: r.cooperation_forms,
            evidenceStep: r.evidence_step,
            municipalities: r.municipality_nis,
            publishedAt: r.last_published_at?.toISOString() ?? null,
            url: `${publicUrl}/praktijken/${r.id}`,
          })),
          page,
          pageSize: search.limit,
          total,
        };
      },
    );

    app.get(
      '/api/v1/practices/export.json',
      {
        config: { permission: 'public' },
        schema: { summary: 'All published practice fiches as open data (JSON)' },
      },
      async (_req, reply) => {
        const practices = await publishedFiches(deps.db, publicUrl);
        return reply
          .header('link', licenceLink)
          .header('cache-control', 'public, max-age=300')
          .send({
            licence: PRACTICES_LICENCE,
            source: `${publicUrl}/praktijken`,
            count: practices.length,
            practices,
          });
      },
    );

    app.get(
      '/api/v1/practices/export.csv',
      {
        config: { permission: 'public' },
        schema: { summary: 'All published practice fiches as open data (CSV)' },
      },
      async (_req, reply) =>
        reply
          .header('link', licenceLink)
          .header('cache-control', 'public, max-age=300')
          .header('content-disposition', 'attachment; filename="praktijken.csv"')
          .type('text/csv; charset=utf-8')
          .send(fichesCsv(await publishedFiches(deps.db, publicUrl))),
    );

    app.get(
      '/api/v1/practices/:id',
      {
        config: { permission: 'public' },
        schema: { summary: 'One published practice fiche', params: z.object({ id: z.uuid() }) },
      },
      async (req, reply) => {
        const { practice, version } = await publishedWithVersion(req.params.id);
        reply.header('link', licenceLink);
        return {
          id: practice.id,
          url: `${publicUrl}/praktijken/${practice.id}`,
          version: version.number,
          lastReviewedAt: practice.last_reviewed_at?.toISOString() ?? null,
          licence: PRACTICES_LICENCE,
          ...version.content,
        };
      },
    );

    app.post(
      '/api/v1/practices/import',
      {
        config: { permission: 'practice:write' },
        schema: {
          summary: 'Import one fiche from its text (text/plain); curators may publish it at once',
          querystring: importQuery,
          body: z.string().max(200_000),
          security: [{ bearer: [] }],
        },
      },
      async (req, reply) => {
        const user = req.user!;
        const publish = req.query.publish === 'true';
        if (publish && !user.platformRoles.includes('curator'))
          throw new AppError(403, 'OnlyCuratorsPublish', 'practices.error.onlyCuratorsPublish');
        const owner = user.memberships.find((m) => m.role !== 'member') ?? user.memberships[0];
        try {
          const { id, fiche } = await importFicheText(deps, actorOf(req), req.body, {
            title: req.query.title,
            publish,
            ownerOrganisationId: owner?.organisationId ?? null,
          });
          return reply.status(201).send({
            id,
            status: publish ? 'published' : 'draft',
            url: `${publicUrl}/praktijken/${id}`,
            fiche,
          });
        } catch (err) {
          if (!(err instanceof FicheTextError)) throw err;
          return reply
            .status(422)
            .send({ error: { code: 'NotAFiche', message: err.message, missing: err.missing } });
        }
      },
    );

    app.get('/praktijken/feed.atom', { config: { permission: 'public' } }, async (req, reply) => {
      const latest = (await publishedFiches(deps.db, publicUrl)).slice(0, 30);
      const t = req.t;
      const feed = new Feed({
        id: `${publicUrl}/praktijken`,
        link: `${publicUrl}/praktijken`,
        title: t('practices.feed.title'),
        description: t('practices.feed.description'),
        language: 'nl-BE',
        copyright: PRACTICES_LICENCE.name,
        updated: latest[0]?.firstPublishedAt ? new Date(latest[0].firstPublishedAt) : new Date(0),
        feedLinks: { atom: `${publicUrl}/praktijken/feed.atom` },
      });
      for (const f of latest) {
        feed.addItem({
          id: f.url,
          link: f.url,
          title: f.title,
          description: f.introduction,
          date: new Date(f.firstPublishedAt!),
          category: f.category ? [{ name: f.category }] : [],
        });
      }
      return reply
        .header('cache-control', 'public, max-age=300')
        .type('application/atom+xml; charset=utf-8')
        .send(feed.atom1());
    });

    app.get(
      '/praktijken/:id/tekst',
      { config: { permission: 'public' }, schema: { params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const { version } = await publishedWithVersion(req.params.id);
        return reply.type('text/plain; charset=utf-8').send(ficheToText(textPart(version.content)));
      },
    );
  };
}
