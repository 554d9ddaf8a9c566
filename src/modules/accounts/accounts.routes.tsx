import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject, canInOrganisation } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  checkboxValues,
  emailField,
  formBody,
  newPasswordField,
  parseForm,
  requiredText,
} from '../../platform/http/forms.ts';
import { safeReturnPath, sendPage, setFlash } from '../../platform/http/render.tsx';
import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts';
import * as repo from './accounts.repository.ts';
import * as accounts from './accounts.service.ts';
import { clearSessionCookie, setSessionCookie } from './authenticate.ts';
import * as mfa from './mfa.service.ts';
import {
  AccountPage,
  InvitationPage,
  RecoveryCodesPage,
  SecondFactorEnrolPage,
  SecondFactorStatusPage,
  TokensPage,
} from './views/account.tsx';
import { MembersPage, organisationRoles, RemoveMemberPage } from './views/organisation.tsx';
import {
  MessagePage,
  NewPasswordPage,
  RequestResetPage,
  SecondFactorPage,
  SignInPage,
} from './views/sign-in.tsx';

const signInForm = z.object({
  email: emailField,
  password: z.string({ message: 'validation.required' }).min(1, { message: 'validation.required' }).max(1000),
  terug: z.string().optional(),
});
const codeForm = z.object({
  code: requiredText(40),
  terug: z.string().optional(),
});
const tokenForm = z.object({ name: requiredText(100) });
const emailForm = z.object({ email: emailField });
const passwordForm = z.object({ password: newPasswordField });
const newAccountForm = z.object({ name: requiredText(200), password: newPasswordField });
const inviteForm = z.object({
  email: emailField,
  role: z.enum(organisationRoles, { message: 'validation.choose' }),
});
const roleForm = z.object({ role: z.enum(organisationRoles, { message: 'validation.choose' }) });
const rolesForm = z.object({ roles: checkboxValues(organisationRoles) });

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const memberParams = z.object({ slug: z.string().min(1).max(100), userId: z.uuid() });
const tokenParams = z.object({ token: z.string().min(10).max(100) });
const tokenIdParams = z.object({ id: z.uuid() });
const returnQuery = z.object({ terug: z.string().max(500).optional() });

export function invitationMail(t: Translate, organisation: string) {
  return (link: string) => ({
    subject: t('mail.invitationSubject', { organisation }),
    text: t('mail.invitationBody', { organisation, link }),
  });
}

export function resetMail(t: Translate) {
  return (link: string) => ({ subject: t('mail.resetSubject'), text: t('mail.resetBody', { link }) });
}

export function accountsRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // Forms that try secrets or send mail get a tighter limit per client (ASVS 2.2.1).
    const signInLimit = { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' };

    // ------------------------------------------------------------ sign in and out
    app.get(
      '/aanmelden',
      { config: { permission: 'public' }, schema: { querystring: returnQuery } },
      (req, reply) => {
        if (req.user) return reply.redirect(safeReturnPath(req.query.terug, '/account'), 303);
        return sendPage(req, reply, req.t('accounts.signInTitle'), (ctx) => (
          <SignInPage ctx={ctx} returnTo={safeReturnPath(req.query.terug, '/account')} />
        ));
      },
    );

    app.post(
      '/aanmelden',
      {
        config: { permission: 'public', rateLimit: signInLimit },
        schema: { body: formBody },
      },
      async (req, reply) => {
        const returnTo = safeReturnPath(req.body.terug, '/account');
        const form = parseForm(signInForm, req.body, req.t);
        if (!form.ok) {
          return sendPage(
            req,
            reply,
            req.t('accounts.signInTitle'),
            (ctx) => <SignInPage ctx={ctx} values={form.values} errors={form.errors} returnTo={returnTo} />,
            400,
          );
        }
        const result = await accounts.signIn(deps, actorOf(req), form.data.email, form.data.password);
        if (result.outcome !== 'signed-in') {
          const throttled = result.outcome === 'throttled';
          if (throttled) reply.header('retry-after', String(result.retryAfterSeconds));
          const message = throttled
            ? req.t('accounts.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) })
            : req.t('accounts.invalidCredentials');
          return sendPage(
            req,
            reply,
            req.t('accounts.signInTitle'),
            (ctx) => (
              <SignInPage
                ctx={ctx}
                values={{ email: form.data.email }}
                errors={{ email: message }}
                returnTo={returnTo}
              />
            ),
            throttled ? 429 : 401,
          );
        }
        // A new session id at every sign-in; any earlier session of this browser ends (ASVS 3.2.1).
        if (req.session)
          await deps.db.deleteFrom('sessions').where('id_hash', '=', req.session.idHash).execute();
        setSessionCookie(deps, reply, result.sessionToken);
        if (result.secondFactorNeeded)
          return reply.redirect(`/aanmelden/code?terug=${encodeURIComponent(returnTo)}`, 303);
        setFlash(reply, 'success', 'accounts.signedIn');
        return reply.redirect(returnTo, 303);
      },
    );

    app.get(
      '/aanmelden/code',
      { config: { permission: 'public' }, schema: { querystring: returnQuery } },
      (req, reply) => {
        if (!req.session || req.session.mfaPassed) return reply.redirect('/aanmelden', 303);
        return sendPage(req, reply, req.t('accounts.secondFactorTitle'), (ctx) => (
          <SecondFactorPage ctx={ctx} returnTo={safeReturnPath(req.query.terug, '/account')} />
        ));
      },
    );

    app.post(
      '/aanmelden/code',
      {
        config: { permission: 'public', rateLimit: signInLimit },
        schema: { body: formBody },
      },
      async (req, reply) => {
        if (!req.session || req.session.mfaPassed) return reply.redirect('/aanmelden', 303);
        const returnTo = safeReturnPath(req.body.terug, '/account');
        const form = parseForm(codeForm, req.body, req.t);
        const result = form.ok
          ? await mfa.passSecondFactor(deps, actorOf(req), req.session, form.data.code)
          : null;
        if (result?.outcome === 'locked') {
          clearSessionCookie(deps, reply);
          setFlash(reply, 'error', 'accounts.secondFactorLocked');
          return reply.redirect('/aanmelden', 303);
        }
        if (result?.outcome !== 'passed') {
          const errors = form.ok ? { code: req.t('accounts.secondFactorWrong') } : form.errors;
          return sendPage(
            req,
            reply,
            req.t('accounts.secondFactorTitle'),
            (ctx) => <SecondFactorPage ctx={ctx} errors={errors} returnTo={returnTo} />,
            form.ok ? 401 : 400,
          );
        }
        setSessionCookie(deps, reply, result.sessionToken);
        setFlash(reply, 'success', 'accounts.signedIn');
        return reply.redirect(returnTo, 303);
      },
    );

    app.post(
      '/afmelden',
      { config: { permission: 'public' }, schema: { body: formBody } },
      async (req, reply) => {
        if (req.session) await accounts.signOut(deps, actorOf(req), req.session);
        clearSessionCookie(deps, reply);
        setFlash(reply, 'info', 'accounts.signedOut');
        return reply.redirect('/', 303);
      },
    );

    // ------------------------------------------------------------ own account
    app.get(
      '/account',
      { config: { permission: 'account:manage-own', allowDuringSecondFactorEnrolment: true } },
      (req, reply) =>
        sendPage(req, reply, req.t('accounts.accountTitle'), (ctx) => <AccountPage ctx={ctx} />),
    );

    app.get(
      '/account/tweestapsverificatie',
      { config: { permission: 'account:manage-own', allowDuringSecondFactorEnrolment: true } },
      async (req, reply) => {
        const user = req.user!;
        if (user.secondFactorEnabled) {
          return sendPage(req, reply, req.t('accounts.secondFactor'), (ctx) => (
            <SecondFactorStatusPage ctx={ctx} />
          ));
        }
        const enrolment = await mfa.startTotpEnrolment(deps, user.id);
        return sendPage(req, reply, req.t('accounts.enrolTitle'), (ctx) => (
          <SecondFactorEnrolPage ctx={ctx} enrolment={enrolment} />
        ));
      },
    );

    app.post(
      '/account/tweestapsverificatie',
      {
        config: { permission: 'account:manage-own', allowDuringSecondFactorEnrolment: true },
        schema: { body: formBody },
      },
      async (req, reply) => {
        const user = req.user!;
        if (user.secondFactorEnabled) return reply.redirect('/account/tweestapsverificatie', 303);
        const form = parseForm(codeForm, req.body, req.t);
        const codes = form.ok
          ? await mfa.confirmTotpEnrolment(deps, actorOf(req), user.id, form.data.code)
          : null;
        if (!codes) {
          const enrolment = await mfa.startTotpEnrolment(deps, user.id);
          const errors = form.ok ? { code: req.t('accounts.secondFactorWrong') } : form.errors;
          return sendPage(
            req,
            reply,
            req.t('accounts.enrolTitle'),
            (ctx) => <SecondFactorEnrolPage ctx={ctx} enrolment={enrolment} errors={errors} />,
            400,
          );
        }
        req.user = { ...user, secondFactorEnabled: true };
        return sendPage(req, reply, req.t('accounts.recoveryCodesTitle'), (ctx) => (
          <RecoveryCodesPage ctx={ctx} codes={codes} />
        ));
      },
    );

    const showTokens = async (
      req: FastifyRequest,
      reply: FastifyReply,
      extra: { newToken?: string; values?: Record<string, string>; errors?: Record<string, string> } = {},
      status = 200,
    ) => {
      const tokens = await repo.findApiTokensOfUser(deps.db, req.user!.id);
      return sendPage(
        req,
        reply,
        req.t('accounts.tokensTitle'),
        (ctx) => <TokensPage ctx={ctx} tokens={tokens} {...extra} />,
        status,
      );
    };

    app.get('/account/tokens', { config: { permission: 'account:manage-own' } }, (req, reply) =>
      showTokens(req, reply),
    );

    app.post(
      '/account/tokens',
      { config: { permission: 'account:manage-own' }, schema: { body: formBody } },
      async (req, reply) => {
        const form = parseForm(tokenForm, req.body, req.t);
        if (!form.ok) return showTokens(req, reply, { values: form.values, errors: form.errors }, 400);
        const token = await accounts.createApiToken(deps, actorOf(req), req.user!.id, form.data.name);
        return showTokens(req, reply, { newToken: token });
      },
    );

    app.post(
      '/account/tokens/:id/intrekken',
      { config: { permission: 'account:manage-own' }, schema: { params: tokenIdParams, body: formBody } },
      async (req, reply) => {
        const revoked = await accounts.revokeApiToken(deps, actorOf(req), req.user!.id, req.params.id);
        authorizeObject(revoked || null, () => true);
        setFlash(reply, 'success', 'accounts.tokenRevokedFlash');
        return reply.redirect('/account/tokens', 303);
      },
    );

    // ------------------------------------------------------------ password reset
    app.get('/wachtwoord-vergeten', { config: { permission: 'public' } }, (req, reply) =>
      sendPage(req, reply, req.t('accounts.forgotPasswordTitle'), (ctx) => <RequestResetPage ctx={ctx} />),
    );

    app.post(
      '/wachtwoord-vergeten',
      {
        config: { permission: 'public', rateLimit: signInLimit },
        schema: { body: formBody },
      },
      async (req, reply) => {
        const form = parseForm(emailForm, req.body, req.t);
        if (!form.ok) {
          return sendPage(
            req,
            reply,
            req.t('accounts.forgotPasswordTitle'),
            (ctx) => <RequestResetPage ctx={ctx} values={form.values} errors={form.errors} />,
            400,
          );
        }
        await accounts.requestPasswordReset(deps, actorOf(req), form.data.email, resetMail(req.t));
        return sendPage(req, reply, req.t('accounts.forgotPasswordTitle'), (ctx) => (
          <MessagePage
            ctx={ctx}
            title={ctx.t('accounts.forgotPasswordTitle')}
            message={ctx.t('accounts.resetMailSent')}
          />
        ));
      },
    );

    app.get(
      '/wachtwoord-herstellen/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams } },
      async (req, reply) => {
        authorizeObject(await accounts.findOpenPasswordReset(deps, req.params.token), () => true);
        return sendPage(req, reply, req.t('accounts.newPasswordTitle'), (ctx) => (
          <NewPasswordPage ctx={ctx} action={`/wachtwoord-herstellen/${req.params.token}`} />
        ));
      },
    );

    app.post(
      '/wachtwoord-herstellen/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams, body: formBody } },
      async (req, reply) => {
        authorizeObject(await accounts.findOpenPasswordReset(deps, req.params.token), () => true);
        const form = parseForm(passwordForm, req.body, req.t);
        if (!form.ok) {
          return sendPage(
            req,
            reply,
            req.t('accounts.newPasswordTitle'),
            (ctx) => (
              <NewPasswordPage
                ctx={ctx}
                action={`/wachtwoord-herstellen/${req.params.token}`}
                errors={form.errors}
              />
            ),
            400,
          );
        }
        await accounts.resetPassword(deps, actorOf(req), req.params.token, form.data.password);
        clearSessionCookie(deps, reply);
        setFlash(reply, 'success', 'accounts.passwordChanged');
        return reply.redirect('/aanmelden', 303);
      },
    );

    // ------------------------------------------------------------ invitations
    const invitationMode = async (email: string, userEmail: string | undefined) => {
      if (userEmail) {
        if (userEmail === email) return 'accept' as const;
        throw new AppError(409, 'InvitationForOtherAccount', 'accounts.invitationOtherAccount');
      }
      return (await repo.findUserByEmail(deps.db, email))
        ? ('sign-in-first' as const)
        : ('new-account' as const);
    };

    app.get(
      '/uitnodiging/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams } },
      async (req, reply) => {
        const invitation = authorizeObject(
          await accounts.findOpenInvitation(deps, req.params.token),
          () => true,
        );
        const mode = await invitationMode(invitation.email, req.user?.email);
        return sendPage(req, reply, req.t('accounts.invitationTitle'), (ctx) => (
          <InvitationPage
            ctx={ctx}
            token={req.params.token}
            organisationName={invitation.organisationName}
            role={invitation.role}
            mode={mode}
          />
        ));
      },
    );

    app.post(
      '/uitnodiging/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams, body: formBody } },
      async (req, reply) => {
        const invitation = authorizeObject(
          await accounts.findOpenInvitation(deps, req.params.token),
          () => true,
        );
        const mode = await invitationMode(invitation.email, req.user?.email);
        if (mode === 'sign-in-first') {
          return reply.redirect(
            `/aanmelden?terug=${encodeURIComponent(`/uitnodiging/${req.params.token}`)}`,
            303,
          );
        }
        if (mode === 'accept') {
          await accounts.acceptInvitation(deps, actorOf(req), req.params.token, {
            existingUserId: req.user!.id,
          });
          setFlash(reply, 'success', 'accounts.invitationAccepted');
          return reply.redirect('/account', 303);
        }
        const form = parseForm(newAccountForm, req.body, req.t);
        if (!form.ok) {
          return sendPage(
            req,
            reply,
            req.t('accounts.invitationTitle'),
            (ctx) => (
              <InvitationPage
                ctx={ctx}
                token={req.params.token}
                organisationName={invitation.organisationName}
                role={invitation.role}
                mode={mode}
                values={form.values}
                errors={form.errors}
              />
            ),
            400,
          );
        }
        await accounts.acceptInvitation(deps, actorOf(req), req.params.token, form.data);
        setFlash(reply, 'success', 'accounts.accountCreated');
        return reply.redirect('/aanmelden?terug=/account', 303);
      },
    );

    // ------------------------------------------------------------ organisation members
    const findOrganisationFor = async (
      user: Parameters<typeof canInOrganisation>[0],
      slug: string,
      permission: 'organisation:read-members' | 'organisation:manage-members',
    ) =>
      authorizeObject(await repo.findOrganisationBySlug(deps.db, slug), (o) =>
        canInOrganisation(user, permission, o.id),
      );

    const showMembers = async (
      req: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      extra: { values?: Record<string, string>; errors?: Record<string, string> } = {},
      status = 200,
    ) => {
      const organisation = await findOrganisationFor(req.user, slug, 'organisation:read-members');
      const members = await repo.findMembersOfOrganisation(deps.db, organisation.id);
      const requiredRoles = (await repo.findMfaRequirements(deps.db, organisation.id)).map((r) => r.role);
      const canManage = canInOrganisation(req.user, 'organisation:manage-members', organisation.id);
      return sendPage(
        req,
        reply,
        req.t('org.membersTitle', { organisation: organisation.name }),
        (ctx) => (
          <MembersPage
            ctx={ctx}
            organisation={organisation}
            members={members}
            canManage={canManage}
            requiredRoles={requiredRoles}
            {...extra}
          />
        ),
        status,
      );
    };

    app.get(
      '/organisaties/:slug/leden',
      { config: { permission: 'organisation:read-members' }, schema: { params: slugParams } },
      (req, reply) => showMembers(req, reply, req.params.slug),
    );

    app.post(
      '/organisaties/:slug/uitnodigingen',
      {
        config: { permission: 'organisation:manage-members' },
        schema: { params: slugParams, body: formBody },
      },
      async (req, reply) => {
        const organisation = await findOrganisationFor(
          req.user,
          req.params.slug,
          'organisation:manage-members',
        );
        const form = parseForm(inviteForm, req.body, req.t);
        if (!form.ok)
          return showMembers(req, reply, req.params.slug, { values: form.values, errors: form.errors }, 400);
        await accounts.inviteMember(
          deps,
          actorOf(req),
          { ...form.data, organisationId: organisation.id, organisationName: organisation.name },
          invitationMail(req.t, organisation.name),
        );
        setFlash(reply, 'success', 'org.invited');
        return reply.redirect(`/organisaties/${organisation.slug}/leden`, 303);
      },
    );

    app.post(
      '/organisaties/:slug/leden/:userId/rol',
      {
        config: { permission: 'organisation:manage-members' },
        schema: { params: memberParams, body: formBody },
      },
      async (req, reply) => {
        const organisation = await findOrganisationFor(
          req.user,
          req.params.slug,
          'organisation:manage-members',
        );
        authorizeObject(await repo.findMembership(deps.db, req.params.userId, organisation.id), () => true);
        const form = parseForm(roleForm, req.body, req.t);
        if (!form.ok) return showMembers(req, reply, req.params.slug, { errors: form.errors }, 400);
        return backToMembers(reply, organisation.slug, 'org.roleChanged', () =>
          accounts.setMembership(deps, actorOf(req), {
            userId: req.params.userId,
            organisationId: organisation.id,
            role: form.data.role,
          }),
        );
      },
    );

    /** Runs a membership change and returns to the members page with its outcome as a message. */
    const backToMembers = async (
      reply: FastifyReply,
      slug: string,
      done: MessageKey,
      change: () => Promise<void>,
    ) => {
      try {
        await change();
        setFlash(reply, 'success', done);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'LastAdmin') throw err;
        setFlash(reply, 'error', err.messageKey);
      }
      return reply.redirect(`/organisaties/${slug}/leden`, 303);
    };

    const findMember = async (
      slug: string,
      userId: string,
      user: Parameters<typeof canInOrganisation>[0],
    ) => {
      const organisation = await findOrganisationFor(user, slug, 'organisation:manage-members');
      const members = await repo.findMembersOfOrganisation(deps.db, organisation.id);
      const member = authorizeObject(
        members.find((m) => m.userId === userId),
        () => true,
      );
      return { organisation, member };
    };

    app.get(
      '/organisaties/:slug/leden/:userId/verwijderen',
      { config: { permission: 'organisation:manage-members' }, schema: { params: memberParams } },
      async (req, reply) => {
        const { organisation, member } = await findMember(req.params.slug, req.params.userId, req.user);
        return sendPage(req, reply, req.t('org.removeTitle'), (ctx) => (
          <RemoveMemberPage ctx={ctx} organisation={organisation} member={member} />
        ));
      },
    );

    app.post(
      '/organisaties/:slug/leden/:userId/verwijderen',
      {
        config: { permission: 'organisation:manage-members' },
        schema: { params: memberParams, body: formBody },
      },
      async (req, reply) => {
        const { organisation, member } = await findMember(req.params.slug, req.params.userId, req.user);
        return backToMembers(reply, organisation.slug, 'org.removed', () =>
          accounts.removeMembership(deps, actorOf(req), {
            userId: member.userId,
            organisationId: organisation.id,
          }),
        );
      },
    );

    app.post(
      '/organisaties/:slug/tweestapsverificatie',
      {
        config: { permission: 'organisation:manage-members' },
        schema: { params: slugParams, body: formBody },
      },
      async (req, reply) => {
        const organisation = await findOrganisationFor(
          req.user,
          req.params.slug,
          'organisation:manage-members',
        );
        const form = parseForm(rolesForm, req.body, req.t);
        if (!form.ok) return showMembers(req, reply, req.params.slug, { errors: form.errors }, 400);
        for (const role of organisationRoles) {
          await mfa.setSecondFactorRequirement(deps, actorOf(req), {
            organisationId: organisation.id,
            role,
            required: form.data.roles.includes(role),
          });
        }
        setFlash(reply, 'success', 'org.secondFactorSaved');
        return reply.redirect(`/organisaties/${organisation.slug}/leden`, 303);
      },
    );

    // ------------------------------------------------------------ JSON API
    app.get(
      '/api/v1/me',
      {
        config: { permission: 'account:manage-own' },
        schema: {
          summary: 'The user the bearer token belongs to',
          security: [{ bearer: [] }],
          response: {
            200: z.object({
              id: z.string(),
              email: z.string(),
              name: z.string(),
              platformRoles: z.array(z.string()),
              memberships: z.array(z.object({ organisation: z.string(), role: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        const user = req.user!;
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          platformRoles: user.platformRoles,
          memberships: user.memberships.map((m) => ({ organisation: m.slug, role: m.role })),
        };
      },
    );
  };
}
