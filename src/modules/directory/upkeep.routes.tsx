import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject, canInOrganisation } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { type FieldErrors, formBody, parseForm } from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import { badRequest } from '../../platform/errors.ts';
import {
  decideClaim,
  editableServiceFields,
  listChanges,
  listPendingClaims,
  mayEditEntry,
  reportMistake,
  requestClaim,
  serviceForm,
  updateService,
} from './directory.upkeep.ts';
import { findContactPointsWithDetails } from './directory.repository.ts';
import { ClaimsPage, EditServicePage, HistoryPage, OrganizationPage, ReportPage } from './views/upkeep.tsx';

const idParams = z.object({ id: z.uuid() });

const reportForm = z.object({
  message: z
    .string({ message: 'validation.required' })
    .trim()
    .min(10, { message: 'directory.report.tooShort' })
    .max(2000, { message: 'validation.tooLong' }),
  email: z
    .union([z.literal(''), z.string().trim().max(254).email({ message: 'validation.email' })])
    .optional(),
});

/** Keeping the sociale kaart true: editing with history, reports of mistakes, claims. */
export function directoryUpkeepRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    /** A service with its owner, if the caller may edit it; otherwise "not found". */
    const editableService = async (req: FastifyRequest, id: string) => {
      const row = await deps.db
        .selectFrom('directory_services as s')
        .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
        .selectAll('s')
        .select('o.owner_organisation_id as owner')
        .where('s.id', '=', id)
        .where('s.status', '!=', 'defunct')
        .executeTakeFirst();
      return authorizeObject(row, (s) => mayEditEntry(req.user, s.owner));
    };

    const showEditForm = (
      req: FastifyRequest,
      reply: FastifyReply,
      service: Awaited<ReturnType<typeof editableService>>,
      values: Record<string, string | string[]>,
      errors?: FieldErrors,
    ) =>
      sendPage(
        req,
        reply,
        req.t('directory.edit.title', { name: service.name }),
        (ctx) => <EditServicePage ctx={ctx} service={service} form={{ values, errors }} />,
        errors ? 400 : 200,
      );

    app.get(
      '/sociale-kaart/aanbod/:id/bewerken',
      { config: { permission: 'directory:edit' }, schema: { params: idParams } },
      async (req, reply) => {
        const service = await editableService(req, req.params.id);
        const values: Record<string, string | string[]> = {};
        for (const field of editableServiceFields) {
          const value = service[field];
          values[field] =
            typeof value === 'boolean'
              ? value
                ? '1'
                : ''
              : Array.isArray(value)
                ? value
                : String(value ?? '');
        }
        return showEditForm(req, reply, service, values);
      },
    );

    app.post(
      '/sociale-kaart/aanbod/:id/bewerken',
      { config: { permission: 'directory:edit' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const service = await editableService(req, req.params.id);
        const form = parseForm(serviceForm, req.body, req.t);
        if (!form.ok) return showEditForm(req, reply, service, req.body, form.errors);
        const changed = await updateService(deps, actorOf(req), service, form.data);
        const saved = changed.length > 0 || form.data.verified;
        setFlash(
          reply,
          saved ? 'success' : 'info',
          saved ? 'directory.edit.saved' : 'directory.edit.nothingChanged',
        );
        return reply.redirect(`/sociale-kaart/aanbod/${service.id}`, 303);
      },
    );

    app.get(
      '/sociale-kaart/aanbod/:id/geschiedenis',
      { config: { permission: 'directory:edit' }, schema: { params: idParams } },
      async (req, reply) => {
        const service = await editableService(req, req.params.id);
        const changes = await listChanges(deps.db, service.id);
        return sendPage(req, reply, req.t('directory.history.title', { name: service.name }), (ctx) => (
          <HistoryPage ctx={ctx} service={service} changes={changes} />
        ));
      },
    );

    const publicService = async (id: string) =>
      authorizeObject(
        await deps.db
          .selectFrom('directory_services as s')
          .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
          .select(['s.id', 's.name', 'o.owner_organisation_id as ownerOrganisationId'])
          .where('s.id', '=', id)
          .where('s.status', '!=', 'defunct')
          .executeTakeFirst(),
        () => true,
      );

    app.get(
      '/sociale-kaart/aanbod/:id/meld-een-fout',
      { config: { permission: 'public' }, schema: { params: idParams } },
      async (req, reply) => {
        const service = await publicService(req.params.id);
        return sendPage(req, reply, req.t('directory.report.title'), (ctx) => (
          <ReportPage ctx={ctx} service={service} form={{ values: {} }} />
        ));
      },
    );

    app.post(
      '/sociale-kaart/aanbod/:id/meld-een-fout',
      {
        config: {
          permission: 'public',
          rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: { params: idParams, body: formBody },
      },
      async (req, reply) => {
        const service = await publicService(req.params.id);
        const form = parseForm(reportForm, req.body, req.t);
        if (!form.ok) {
          return sendPage(
            req,
            reply,
            req.t('directory.report.title'),
            (ctx) => (
              <ReportPage ctx={ctx} service={service} form={{ values: form.values, errors: form.errors }} />
            ),
            400,
          );
        }
        await reportMistake(deps, actorOf(req), service, {
          message: form.data.message,
          email: form.data.email || null,
        });
        setFlash(reply, 'success', 'directory.report.thanks');
        return reply.redirect(`/sociale-kaart/aanbod/${service.id}`, 303);
      },
    );

    /** The caller's organisations where they are admin: those may claim an entry. */
    const adminOrganisations = (req: FastifyRequest) =>
      (req.user?.memberships ?? [])
        .filter((m) => canInOrganisation(req.user, 'directory:claim', m.organisationId))
        .map((m) => ({ id: m.organisationId, name: m.organisationName }));

    app.get(
      '/sociale-kaart/organisaties/:id',
      { config: { permission: 'public' }, schema: { params: idParams } },
      async (req, reply) => {
        const organization = authorizeObject(
          await deps.db
            .selectFrom('directory_organizations as d')
            .leftJoin('organisations as o', 'o.id', 'd.owner_organisation_id')
            .leftJoin('directory_organizations as clb', 'clb.id', 'd.partner_clb_id')
            .select([
              'd.id',
              'd.name',
              'd.description',
              'd.kind',
              'd.website',
              'd.owner_organisation_id',
              'd.school_institution_number',
              'd.school_network',
              'd.school_levels',
              'd.lop_region',
              'd.partner_clb_id',
              'clb.name as partnerClbName',
              'o.name as ownerName',
            ])
            .where('d.id', '=', req.params.id)
            .executeTakeFirst(),
          () => true,
        );
        const services = await deps.db
          .selectFrom('directory_services')
          .select(['id', 'name', 'last_verified_at'])
          .where('organization_id', '=', organization.id)
          .where('status', '!=', 'defunct')
          .orderBy('name')
          .execute();
        const claimableBy = adminOrganisations(req).filter(
          (o) => o.id !== organization.owner_organisation_id,
        );
        // Contact points with their direct lines, office hours and schools: professional tier.
        const contactPoints = req.user ? await findContactPointsWithDetails(deps.db, organization.id) : null;
        return sendPage(req, reply, organization.name, (ctx) => (
          <OrganizationPage
            ctx={ctx}
            organization={organization}
            services={services}
            claimableBy={claimableBy}
            contactPoints={contactPoints}
          />
        ));
      },
    );

    app.post(
      '/sociale-kaart/organisaties/:id/claimen',
      { config: { permission: 'directory:claim' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const entry = authorizeObject(
          await deps.db
            .selectFrom('directory_organizations')
            .select('id')
            .where('id', '=', req.params.id)
            .executeTakeFirst(),
          () => true,
        );
        const organisationId = String(req.body.organisation ?? '');
        if (!adminOrganisations(req).some((o) => o.id === organisationId))
          throw badRequest('ValidationFailed', 'error.validation');
        await requestClaim(deps, actorOf(req), { directoryOrganizationId: entry.id, organisationId });
        setFlash(reply, 'success', 'directory.claim.requested');
        return reply.redirect(`/sociale-kaart/organisaties/${entry.id}`, 303);
      },
    );

    app.get(
      '/sociale-kaart/claims',
      { config: { permission: 'directory:review-claims' } },
      async (req, reply) => {
        const claims = await listPendingClaims(deps.db);
        return sendPage(req, reply, req.t('directory.claims.title'), (ctx) => (
          <ClaimsPage ctx={ctx} claims={claims} />
        ));
      },
    );

    app.post(
      '/sociale-kaart/claims/:id',
      {
        config: { permission: 'directory:review-claims' },
        schema: { params: idParams, body: formBody },
      },
      async (req, reply) => {
        const decision = req.body.decision;
        if (decision !== 'approve' && decision !== 'reject')
          throw badRequest('ValidationFailed', 'error.validation');
        authorizeObject(
          await decideClaim(deps, actorOf(req), req.params.id, decision === 'approve'),
          (done) => done,
        );
        setFlash(
          reply,
          'success',
          decision === 'approve' ? 'directory.claims.approved' : 'directory.claims.rejected',
        );
        return reply.redirect('/sociale-kaart/claims', 303);
      },
    );
  };
}
