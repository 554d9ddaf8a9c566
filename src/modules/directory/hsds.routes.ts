import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import {
  hsdsOrganization,
  hsdsPage,
  hsdsService,
  hsdsServiceAtLocation,
  hsdsTaxonomies,
  hsdsTaxonomyTerms,
} from './hsds.ts';

// The Open Referral read API (HSDA) at /api/hsds/, following ../shared/hsds-3.0/schema/openapi.json.
const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
  modified_after: z.iso.datetime({ offset: true }).optional(),
});
const idParams = z.object({ id: z.uuid() });
const document = z.record(z.string(), z.unknown());
const page = z.object({
  total_items: z.number(),
  total_pages: z.number(),
  page_number: z.number(),
  size: z.number(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(document),
});
// Open data: shareable by a CDN for a few minutes.
const openData = 'public, max-age=300';

export function hsdsRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { permission: 'public' as const };

    app.get('/api/hsds/', { config, schema: { summary: 'HSDS API information' } }, async () => ({
      version: '3.0',
      profile: 'https://openreferral.org/specification/3.0',
      openapi_url: '/api/v1/openapi.json',
    }));

    /** One page of full HSDS documents from a table, in name order, optionally changed after a time. */
    const documentsPage = async (
      table: 'directory_services' | 'directory_organizations',
      build: (id: string) => Promise<Record<string, unknown> | null>,
      q: z.infer<typeof listQuery>,
    ) => {
      let query = deps.db.selectFrom(table);
      // Defunct services are gone from the open data; organisations have no status.
      if (table === 'directory_services') query = query.where(sql.ref('status'), '!=', 'defunct');
      if (q.modified_after) query = query.where('updated_at', '>', new Date(q.modified_after));
      const [ids, total] = await Promise.all([
        query
          .select('id')
          .orderBy('name')
          .orderBy('id')
          .limit(q.per_page)
          .offset((q.page - 1) * q.per_page)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const contents = [];
      for (const { id } of ids) contents.push((await build(id))!);
      return hsdsPage(contents, Number(total.n), q.page, q.per_page);
    };

    app.get(
      '/api/hsds/services',
      {
        config,
        schema: { summary: 'HSDS services, paged', querystring: listQuery, response: { 200: page } },
      },
      async (req, reply) => {
        reply.header('cache-control', openData);
        return documentsPage('directory_services', (id) => hsdsService(deps.db, id), req.query);
      },
    );

    app.get(
      '/api/hsds/services/:id',
      { config, schema: { summary: 'One HSDS service', params: idParams } },
      async (req, reply) => {
        const service = authorizeObject(await hsdsService(deps.db, req.params.id), () => true);
        reply.header('cache-control', openData);
        return service;
      },
    );

    app.get(
      '/api/hsds/organizations',
      {
        config,
        schema: { summary: 'HSDS organizations, paged', querystring: listQuery, response: { 200: page } },
      },
      async (req, reply) => {
        reply.header('cache-control', openData);
        return documentsPage('directory_organizations', (id) => hsdsOrganization(deps.db, id), req.query);
      },
    );

    app.get(
      '/api/hsds/organizations/:id',
      { config, schema: { summary: 'One HSDS organization', params: idParams } },
      async (req, reply) => {
        const organization = authorizeObject(await hsdsOrganization(deps.db, req.params.id), () => true);
        reply.header('cache-control', openData);
        return organization;
      },
    );

    app.get(
      '/api/hsds/service_at_locations',
      {
        config,
        schema: {
          summary: 'HSDS services at locations, paged',
          querystring: listQuery.extend({ organization_id: z.uuid().optional() }),
          response: { 200: page },
        },
      },
      async (req, reply) => {
        const q = req.query;
        let query = deps.db
          .selectFrom('directory_service_at_locations as sal')
          .innerJoin('directory_services as s', 's.id', 'sal.service_id')
          .where('s.status', '!=', 'defunct');
        if (q.modified_after) query = query.where('s.updated_at', '>', new Date(q.modified_after));
        if (q.organization_id) query = query.where('s.organization_id', '=', q.organization_id);
        const [ids, total] = await Promise.all([
          query
            .select('sal.id')
            .orderBy('s.name')
            .orderBy('sal.id')
            .limit(q.per_page)
            .offset((q.page - 1) * q.per_page)
            .execute(),
          query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        const contents = [];
        for (const { id } of ids) contents.push((await hsdsServiceAtLocation(deps.db, id))!);
        reply.header('cache-control', openData);
        return hsdsPage(contents, Number(total.n), q.page, q.per_page);
      },
    );

    app.get(
      '/api/hsds/service_at_locations/:id',
      { config, schema: { summary: 'One HSDS service at a location', params: idParams } },
      async (req, reply) => {
        const link = authorizeObject(await hsdsServiceAtLocation(deps.db, req.params.id), () => true);
        reply.header('cache-control', openData);
        return link;
      },
    );

    app.get(
      '/api/hsds/taxonomies',
      { config, schema: { summary: 'HSDS taxonomies', response: { 200: page } } },
      async () => {
        const all = await hsdsTaxonomies(deps.db);
        return hsdsPage(all, all.length, 1, Math.max(all.length, 1));
      },
    );

    app.get(
      '/api/hsds/taxonomy_terms',
      { config, schema: { summary: 'HSDS taxonomy terms', response: { 200: page } } },
      async () => {
        const all = await hsdsTaxonomyTerms(deps.db);
        return hsdsPage(all, all.length, 1, Math.max(all.length, 1));
      },
    );
  };
}
