import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject, canInOrganisation } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { type FieldErrors, formBody, parseForm, visitorMessageForm } from '../../platform/http/forms.ts';
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
  contactPointForm,
  organizationForm,
  editableOrganizationFields,
  saveContactPoint,
  saveEntryChanges,
  serviceForm,
} from './directory.upkeep.ts';
import {
  findContactPointForm,
  findContactPointsOfOrganization,
  findContactPointsWithDetails,
  schoolsNearOrganization,
} from './directory.repository.ts';
import { flemishAndBrusselsMunicipalities } from '../regions/regions.service.ts';
import {
  ClaimsPage,
  ContactPointPage,
  EditOrganizationPage,
  EditServicePage,
  HistoryPage,
  OrganizationPage,
  RemoveContactPointPage,
  ReportPage,
} from './views/upkeep.tsx';

const idParams = z.object({ id: z.uuid() });

/** A row's values as the strings and lists a form shows (ticked checkboxes are "1"). */
function formValues(row: Record<string, unknown>, fields: readonly string[]) {
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    const value = row[field];
    values[field] =
      typeof value === 'boolean'
        ? value
          ? '1'
          : ''
        : Array.isArray(value)
          ? value.map(String)
          : String(value ?? '');
  }
  return values;
}

const reportForm = visitorMessageForm(2000);

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
        const values = formValues(service, editableServiceFields);
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
        const changed = await saveEntryChanges(
          deps,
          actorOf(req),
          { kind: 'service', id: service.id, current: service },
          form.data,
          editableServiceFields,
        );
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
          <HistoryPage
            ctx={ctx}
            entry={{ name: service.name, href: `/sociale-kaart/aanbod/${service.id}` }}
            changes={changes}
          />
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
        await reportMistake(deps, actorOf(req), service, form.data);
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
            canEdit={mayEditEntry(req.user, organization.owner_organisation_id)}
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

    /** An organisation entry with its owner, if the caller may edit it; otherwise "not found". */
    const editableOrganization = async (req: FastifyRequest, id: string) =>
      authorizeObject(
        await deps.db
          .selectFrom('directory_organizations')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst(),
        (o) => mayEditEntry(req.user, o.owner_organisation_id),
      );
    type EditableOrganization = Awaited<ReturnType<typeof editableOrganization>>;

    const showOrganizationForm = async (
      req: FastifyRequest,
      reply: FastifyReply,
      organization: EditableOrganization,
      values: Record<string, string | string[]>,
      errors?: FieldErrors,
    ) => {
      const [municipalities, contactPoints] = await Promise.all([
        flemishAndBrusselsMunicipalities(deps),
        findContactPointsOfOrganization(deps.db, organization.id),
      ]);
      return sendPage(
        req,
        reply,
        req.t('directory.edit.title', { name: organization.name }),
        (ctx) => (
          <EditOrganizationPage
            ctx={ctx}
            organization={organization}
            municipalities={municipalities}
            contactPoints={contactPoints}
            form={{ values, errors }}
          />
        ),
        errors ? 400 : 200,
      );
    };

    app.get(
      '/sociale-kaart/organisaties/:id/bewerken',
      { config: { permission: 'directory:edit' }, schema: { params: idParams } },
      async (req, reply) => {
        const organization = await editableOrganization(req, req.params.id);
        return showOrganizationForm(
          req,
          reply,
          organization,
          formValues(organization, editableOrganizationFields),
        );
      },
    );

    app.post(
      '/sociale-kaart/organisaties/:id/bewerken',
      { config: { permission: 'directory:edit' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const organization = await editableOrganization(req, req.params.id);
        const form = parseForm(organizationForm, req.body, req.t);
        const known =
          form.ok &&
          (await flemishAndBrusselsMunicipalities(deps)).some(
            (m) => m.nisCode === form.data.municipality_nis,
          );
        if (!form.ok || !known) {
          const errors = form.ok ? { municipality_nis: req.t('validation.choose') } : form.errors;
          return showOrganizationForm(req, reply, organization, req.body, errors);
        }
        const changed = await saveEntryChanges(
          deps,
          actorOf(req),
          { kind: 'organization', id: organization.id, current: organization },
          form.data,
          editableOrganizationFields,
        );
        const saved = changed.length > 0 || form.data.verified;
        setFlash(
          reply,
          saved ? 'success' : 'info',
          saved ? 'directory.edit.saved' : 'directory.edit.nothingChanged',
        );
        return reply.redirect(`/sociale-kaart/organisaties/${organization.id}`, 303);
      },
    );

    app.get(
      '/sociale-kaart/organisaties/:id/geschiedenis',
      { config: { permission: 'directory:edit' }, schema: { params: idParams } },
      async (req, reply) => {
        const organization = await editableOrganization(req, req.params.id);
        const changes = await listChanges(deps.db, organization.id);
        return sendPage(req, reply, req.t('directory.history.title', { name: organization.name }), (ctx) => (
          <HistoryPage
            ctx={ctx}
            entry={{ name: organization.name, href: `/sociale-kaart/organisaties/${organization.id}` }}
            changes={changes}
          />
        ));
      },
    );

    const contactParams = z.object({ id: z.uuid(), contactId: z.uuid() });

    const showContactForm = async (
      req: FastifyRequest,
      reply: FastifyReply,
      organization: EditableOrganization,
      contactId: string | null,
      values: Record<string, string | string[]>,
      errors?: FieldErrors,
    ) => {
      const schools = await schoolsNearOrganization(deps.db, organization.id, contactId);
      return sendPage(
        req,
        reply,
        req.t(contactId ? 'directory.contact.editTitle' : 'directory.contact.newTitle'),
        (ctx) => (
          <ContactPointPage
            ctx={ctx}
            organization={organization}
            contactId={contactId}
            schools={schools}
            form={{ values, errors }}
          />
        ),
        errors ? 400 : 200,
      );
    };

    /** Saves the posted contact point form, or shows it again with what is wrong. */
    const saveContactForm = async (
      req: FastifyRequest,
      reply: FastifyReply,
      body: Record<string, string | string[]>,
      organization: EditableOrganization,
      contactId: string | null,
    ) => {
      const form = parseForm(contactPointForm, body, req.t);
      if (!form.ok) return showContactForm(req, reply, organization, contactId, body, form.errors);
      const previous = contactId
        ? await findContactPointForm(deps.db, organization.id, contactId)
        : undefined;
      await saveContactPoint(deps, actorOf(req), organization.id, contactId, form.data, previous);
      setFlash(reply, 'success', 'directory.edit.saved');
      return reply.redirect(`/sociale-kaart/organisaties/${organization.id}/bewerken`, 303);
    };

    app.get(
      '/sociale-kaart/organisaties/:id/aanspreekpunten/nieuw',
      { config: { permission: 'directory:edit' }, schema: { params: idParams } },
      async (req, reply) =>
        showContactForm(req, reply, await editableOrganization(req, req.params.id), null, {}),
    );

    app.post(
      '/sociale-kaart/organisaties/:id/aanspreekpunten/nieuw',
      { config: { permission: 'directory:edit' }, schema: { params: idParams, body: formBody } },
      async (req, reply) =>
        saveContactForm(req, reply, req.body, await editableOrganization(req, req.params.id), null),
    );

    /** A contact point of an organisation the caller may edit. */
    const editableContact = async (req: FastifyRequest, id: string, contactId: string) => {
      const organization = await editableOrganization(req, id);
      const contact = authorizeObject(
        await findContactPointForm(deps.db, organization.id, contactId),
        () => true,
      );
      return { organization, contact };
    };

    app.get(
      '/sociale-kaart/organisaties/:id/aanspreekpunten/:contactId',
      { config: { permission: 'directory:edit' }, schema: { params: contactParams } },
      async (req, reply) => {
        const { organization, contact } = await editableContact(req, req.params.id, req.params.contactId);
        return showContactForm(req, reply, organization, contact.id, {
          title: contact.title,
          name: contact.name ?? '',
          email: contact.email ?? '',
          direct_phone: contact.direct_phone ?? '',
          presence: contact.presence ?? '',
          days: contact.days,
          opens_at: contact.opens_at ?? '',
          closes_at: contact.closes_at ?? '',
          schools: contact.schools,
        });
      },
    );

    app.post(
      '/sociale-kaart/organisaties/:id/aanspreekpunten/:contactId',
      { config: { permission: 'directory:edit' }, schema: { params: contactParams, body: formBody } },
      async (req, reply) => {
        const { organization, contact } = await editableContact(req, req.params.id, req.params.contactId);
        return saveContactForm(req, reply, req.body, organization, contact.id);
      },
    );

    app.get(
      '/sociale-kaart/organisaties/:id/aanspreekpunten/:contactId/verwijderen',
      { config: { permission: 'directory:edit' }, schema: { params: contactParams } },
      async (req, reply) => {
        const { organization, contact } = await editableContact(req, req.params.id, req.params.contactId);
        return sendPage(req, reply, req.t('directory.contact.remove'), (ctx) => (
          <RemoveContactPointPage ctx={ctx} organization={organization} contact={contact} />
        ));
      },
    );

    app.post(
      '/sociale-kaart/organisaties/:id/aanspreekpunten/:contactId/verwijderen',
      { config: { permission: 'directory:edit' }, schema: { params: contactParams } },
      async (req, reply) => {
        const { organization, contact } = await editableContact(req, req.params.id, req.params.contactId);
        await saveContactPoint(deps, actorOf(req), organization.id, contact.id, null, contact);
        setFlash(reply, 'success', 'directory.contact.removed');
        return reply.redirect(`/sociale-kaart/organisaties/${organization.id}/bewerken`, 303);
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
