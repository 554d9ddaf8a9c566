import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countAuditEntries, listAuditEntries } from '../../platform/audit/audit.ts';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { checkboxValues, formBody, parseForm, requiredText } from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import {
  Button,
  CheckboxGroup,
  EmptyState,
  formatDateTime,
  PAGE_SIZE,
  pageNumber,
  Pagination,
  PostForm,
  Table,
} from '../../platform/views/components.tsx';
import { countMail, findMailById, listMail } from '../../platform/mail/outbox.ts';
import * as repo from './accounts.repository.ts';
import * as accounts from './accounts.service.ts';
import type { PlatformRole } from './accounts.table.ts';
import * as mfa from './mfa.service.ts';
import { roleLabelKey } from './views/account.tsx';
import { OrganisationsPage } from './views/organisation.tsx';
import { organisationTypes } from '../../platform/vocabularies.ts';
import { flemishAndBrusselsMunicipalities } from '../regions/regions.service.ts';

const platformRoles = ['curator', 'platform-admin'] as const satisfies readonly PlatformRole[];
const mfaRoles = ['member', 'editor', 'admin', 'curator', 'platform-admin'] as const;
const platformRolesForm = z.object({ roles: checkboxValues(platformRoles) });
const mfaRolesForm = z.object({ roles: checkboxValues(mfaRoles) });
const organisationForm = z.object({
  name: requiredText(200),
  slug: z
    .string()
    .trim()
    .max(60, { message: 'validation.tooLong' })
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, { message: 'validation.slug' })
    .optional(),
  type: z.enum(organisationTypes, { message: 'validation.choose' }),
  municipality: z.string({ message: 'validation.choose' }).regex(/^\d{5}$/, { message: 'validation.choose' }),
});
const pageQuery = z.object({ pagina: z.string().max(10).optional() });

/** Platform administration: users and their platform roles, platform-wide MFA, the mailbox, the audit log. */
export function adminRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/beheer/gebruikers',
      { config: { permission: 'user:manage' }, schema: { querystring: pageQuery } },
      async (req, reply) => {
        const page = pageNumber(req.query);
        const [users, total] = await Promise.all([
          repo.findUsers(deps.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
          repo.countUsers(deps.db),
        ]);
        const required = (await repo.findMfaRequirements(deps.db, null)).map((r) => r.role);
        return sendPage(req, reply, req.t('admin.usersTitle'), (ctx) => (
          <>
            <h1>{ctx.t('admin.usersTitle')}</h1>
            <Table
              caption={ctx.t('admin.usersCaption', { total })}
              rowKey={(u) => u.id}
              rows={users}
              columns={[
                { header: ctx.t('accounts.name'), cell: (u) => u.name },
                { header: ctx.t('accounts.email'), cell: (u) => u.email },
                {
                  header: ctx.t('accounts.secondFactor'),
                  cell: (u) =>
                    u.totp_enabled_at ? (
                      <>
                        {ctx.t('accounts.secondFactorOn')} ·{' '}
                        <a href={`/beheer/gebruikers/${u.id}/tweestapsverificatie-wissen`}>
                          {ctx.t('admin.resetSecondFactor')}
                          <span class="visually-hidden"> {u.name}</span>
                        </a>
                      </>
                    ) : (
                      ctx.t('accounts.secondFactorOff')
                    ),
                },
                {
                  header: ctx.t('accounts.platformRoles'),
                  cell: (u) => (
                    <PostForm
                      ctx={ctx}
                      action={`/beheer/gebruikers/${u.id}/platformrollen`}
                      class="inline-form"
                    >
                      <CheckboxGroup
                        inline
                        legend={ctx.t('admin.platformRolesOf', { name: u.name })}
                        name="roles"
                        idPrefix={`pr-${u.id}`}
                        options={platformRoles.map((r) => ({ value: r, label: ctx.t(roleLabelKey[r]) }))}
                        checked={u.platform_roles}
                      />
                      <button type="submit" class="button button--secondary">
                        {ctx.t('form.save')}
                        <span class="visually-hidden"> {u.name}</span>
                      </button>
                    </PostForm>
                  ),
                },
              ]}
            />
            <Pagination ctx={ctx} basePath="/beheer/gebruikers" page={page} total={total} />
            <h2>{ctx.t('admin.secondFactorTitle')}</h2>
            <PostForm ctx={ctx} action="/beheer/tweestapsverificatie">
              <CheckboxGroup
                legend={ctx.t('admin.secondFactorLegend')}
                name="roles"
                idPrefix="mfa"
                options={mfaRoles.map((r) => ({ value: r, label: ctx.t(roleLabelKey[r]) }))}
                checked={required}
              />
              <Button variant="secondary">{ctx.t('form.save')}</Button>
            </PostForm>
          </>
        ));
      },
    );

    const showOrganisations = async (
      req: FastifyRequest,
      reply: FastifyReply,
      extra: { values?: Record<string, string>; errors?: Record<string, string> } = {},
      status = 200,
    ) => {
      const page = pageNumber(req.query);
      const [organisations, total, municipalities] = await Promise.all([
        repo.findOrganisations(deps.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        repo.countOrganisations(deps.db),
        flemishAndBrusselsMunicipalities(deps),
      ]);
      return sendPage(
        req,
        reply,
        req.t('admin.organisationsTitle'),
        (ctx) => (
          <OrganisationsPage
            ctx={ctx}
            organisations={organisations}
            page={page}
            total={total}
            municipalities={municipalities}
            {...extra}
          />
        ),
        status,
      );
    };

    app.get(
      '/beheer/organisaties',
      { config: { permission: 'organisation:create' }, schema: { querystring: pageQuery } },
      (req, reply) => showOrganisations(req, reply),
    );

    app.post(
      '/beheer/organisaties',
      { config: { permission: 'organisation:create' }, schema: { body: formBody } },
      async (req, reply) => {
        const form = parseForm(organisationForm, req.body, req.t);
        if (!form.ok) return showOrganisations(req, reply, { values: form.values, errors: form.errors }, 400);
        const slug = form.data.slug || accounts.slugify(form.data.name);
        const known = (await flemishAndBrusselsMunicipalities(deps)).some(
          (m) => m.nisCode === form.data.municipality,
        );
        const errors: Record<string, string> = {};
        if (!known) errors.municipality = req.t('validation.choose');
        if (!slug) errors.slug = req.t('validation.slug');
        if (Object.keys(errors).length)
          return showOrganisations(req, reply, { values: form.values, errors }, 400);
        try {
          await accounts.createOrganisation(deps, actorOf(req), {
            slug,
            name: form.data.name,
            type: form.data.type,
            municipalityNis: form.data.municipality,
          });
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'SlugTaken') throw err;
          return showOrganisations(
            req,
            reply,
            { values: form.values, errors: { slug: req.t(err.messageKey) } },
            409,
          );
        }
        setFlash(reply, 'success', 'admin.organisationCreated');
        return reply.redirect(`/organisaties/${slug}/leden`, 303);
      },
    );

    app.post(
      '/beheer/gebruikers/:id/platformrollen',
      {
        config: { permission: 'user:manage' },
        schema: { params: z.object({ id: z.uuid() }), body: formBody },
      },
      async (req, reply) => {
        authorizeObject(await repo.findUserById(deps.db, req.params.id), () => true);
        const form = parseForm(platformRolesForm, req.body, req.t);
        if (!form.ok) throw badRequest('ValidationFailed', 'error.validation');
        await accounts.setPlatformRoles(deps, actorOf(req), req.params.id, form.data.roles);
        setFlash(reply, 'success', 'admin.rolesSaved');
        return reply.redirect('/beheer/gebruikers', 303);
      },
    );

    // For a lost phone with lost recovery codes: the person enrols again at their next sign-in.
    app.get(
      '/beheer/gebruikers/:id/tweestapsverificatie-wissen',
      { config: { permission: 'user:manage' }, schema: { params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const user = authorizeObject(
          await repo.findUserById(deps.db, req.params.id),
          (u) => u.totp_enabled_at !== null,
        );
        return sendPage(req, reply, req.t('admin.resetSecondFactor'), (ctx) => (
          <section class="narrow">
            <h1>{ctx.t('admin.resetSecondFactor')}</h1>
            <p>{ctx.t('admin.resetSecondFactorConfirm', { name: user.name })}</p>
            <PostForm ctx={ctx} action={`/beheer/gebruikers/${user.id}/tweestapsverificatie-wissen`}>
              <Button variant="danger">{ctx.t('admin.resetSecondFactorButton')}</Button>
            </PostForm>
            <p>
              <a href="/beheer/gebruikers">{ctx.t('form.cancel')}</a>
            </p>
          </section>
        ));
      },
    );

    app.post(
      '/beheer/gebruikers/:id/tweestapsverificatie-wissen',
      {
        config: { permission: 'user:manage' },
        schema: { params: z.object({ id: z.uuid() }), body: formBody },
      },
      async (req, reply) => {
        authorizeObject(await repo.findUserById(deps.db, req.params.id), (u) => u.totp_enabled_at !== null);
        await mfa.resetSecondFactor(deps, actorOf(req), req.params.id);
        setFlash(reply, 'success', 'admin.secondFactorReset');
        return reply.redirect('/beheer/gebruikers', 303);
      },
    );

    app.post(
      '/beheer/tweestapsverificatie',
      { config: { permission: 'user:manage' }, schema: { body: formBody } },
      async (req, reply) => {
        const form = parseForm(mfaRolesForm, req.body, req.t);
        if (!form.ok) throw badRequest('ValidationFailed', 'error.validation');
        for (const role of mfaRoles) {
          await mfa.setSecondFactorRequirement(deps, actorOf(req), {
            organisationId: null,
            role,
            required: form.data.roles.includes(role),
          });
        }
        setFlash(reply, 'success', 'org.secondFactorSaved');
        return reply.redirect('/beheer/gebruikers', 303);
      },
    );

    app.get(
      '/beheer/mailbox',
      { config: { permission: 'mailbox:read' }, schema: { querystring: pageQuery } },
      async (req, reply) => {
        const page = pageNumber(req.query);
        const [mails, total] = await Promise.all([
          listMail(deps.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
          countMail(deps.db),
        ]);
        return sendPage(req, reply, req.t('admin.mailboxTitle'), (ctx) => (
          <>
            <h1>{ctx.t('admin.mailboxTitle')}</h1>
            <p>{ctx.t(deps.config.smtpUrl ? 'admin.mailboxSmtp' : 'admin.mailboxNoSmtp')}</p>
            {mails.length === 0 ? (
              <EmptyState title={ctx.t('admin.mailboxEmpty')} />
            ) : (
              <Table
                caption={ctx.t('admin.mailboxCaption', { total })}
                rowKey={(m) => m.id}
                rows={mails}
                columns={[
                  { header: ctx.t('admin.mailCreated'), cell: (m) => formatDateTime(ctx, m.created_at) },
                  { header: ctx.t('admin.mailTo'), cell: (m) => m.to_address },
                  {
                    header: ctx.t('admin.mailSubject'),
                    cell: (m) => <a href={`/beheer/mailbox/${m.id}`}>{m.subject}</a>,
                  },
                  { header: ctx.t('admin.mailSent'), cell: (m) => formatDateTime(ctx, m.sent_at) },
                ]}
              />
            )}
            <Pagination ctx={ctx} basePath="/beheer/mailbox" page={page} total={total} />
          </>
        ));
      },
    );

    app.get(
      '/beheer/mailbox/:id',
      { config: { permission: 'mailbox:read' }, schema: { params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const mail = authorizeObject(await findMailById(deps.db, req.params.id), () => true);
        return sendPage(req, reply, mail.subject, (ctx) => (
          <>
            <h1>{mail.subject}</h1>
            <dl class="summary-list">
              <dt>{ctx.t('admin.mailTo')}</dt>
              <dd>{mail.to_address}</dd>
              <dt>{ctx.t('admin.mailCreated')}</dt>
              <dd>{formatDateTime(ctx, mail.created_at)}</dd>
            </dl>
            <pre class="mail-body" data-testid="mail-body">
              {mail.body_text}
            </pre>
            <p>
              <a href="/beheer/mailbox">{ctx.t('admin.backToMailbox')}</a>
            </p>
          </>
        ));
      },
    );

    app.get(
      '/beheer/audit',
      { config: { permission: 'audit:read' }, schema: { querystring: pageQuery } },
      async (req, reply) => {
        const page = pageNumber(req.query);
        const [entries, total] = await Promise.all([
          listAuditEntries(deps.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
          countAuditEntries(deps.db),
        ]);
        return sendPage(req, reply, req.t('admin.auditTitle'), (ctx) => (
          <>
            <h1>{ctx.t('admin.auditTitle')}</h1>
            <Table
              caption={ctx.t('admin.auditCaption', { total })}
              rowKey={(e) => String(e.id)}
              rows={entries}
              columns={[
                { header: ctx.t('admin.auditWhen'), cell: (e) => formatDateTime(ctx, e.occurred_at) },
                { header: ctx.t('admin.auditEvent'), cell: (e) => <code>{e.event}</code> },
                { header: ctx.t('admin.auditOutcome'), cell: (e) => e.outcome },
                { header: ctx.t('admin.auditActor'), cell: (e) => e.actor_user_id ?? e.actor_label ?? '—' },
                {
                  header: ctx.t('admin.auditSubject'),
                  cell: (e) => (e.subject_type ? `${e.subject_type}:${e.subject_id}` : '—'),
                },
              ]}
            />
            <Pagination ctx={ctx} basePath="/beheer/audit" page={page} total={total} />
          </>
        ));
      },
    );
  };
}
