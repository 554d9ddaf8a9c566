import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject, canAnywhere } from '../../platform/authz/permissions.ts';
import { brusselsDay, brusselsMoment, brusselsTime } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, rethrowUnlessRefused } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  choice,
  day,
  emailField,
  formBody,
  type FormBody,
  optionalEmail,
  optionalText,
  parseForm,
  requiredText,
  submittedValues,
} from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import { findOrganisationNames, findUserByEmail } from '../accounts/accounts.repository.ts';
import { loadCurrentUser } from '../accounts/authenticate.ts';
import { findMunicipality, workRegionsWithMunicipalities } from '../regions/regions.service.ts';
import { localName } from '../regions/views/regions.tsx';
import { meetingsCalendar } from './calendar.ts';
import { eventsOf } from './events.service.ts';
import { networkGuards } from './network-guards.ts';
import { organisationsAdministeredBy } from './collaborations.service.ts';
import { actionStatuses, networkKinds } from './collaboration.table.ts';
import { assignRole, handOverRole, roleHoldings } from './coordinator-roles.service.ts';
import { coordinatorRoleCodes } from './coordinator-roles.table.ts';
import {
  actionsOf,
  addAction,
  addAgendaItem,
  addMember,
  agendaOf,
  calendarFeedOwner,
  cancelMeeting,
  changeMeeting,
  changeNetwork,
  createNetwork,
  decisionsOf,
  feedMeetings,
  findMeeting,
  findNetworkBySlug,
  followUpsOf,
  hasCalendarFeed,
  listNetworks,
  type Meeting,
  meetingsOf,
  membersOf,
  type Network,
  networkActions,
  networksOf,
  planMeeting,
  recordDecision,
  removeMember,
  renewCalendarFeed,
  saveMinutes,
  sendInvitations,
  setActionStatus,
} from './networks.service.ts';
import {
  CalendarPage,
  type FormErrors,
  type MeetingForm,
  MeetingFormPage,
  MeetingPage,
  type NetworkForm,
  NetworkFormPage,
  NetworkPage,
  NetworksPage,
} from './views/networks.tsx';

// ---- Forms (messages are catalogue keys) ------------------------------------------------------------

const time = z
  .string({ message: 'validation.time' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });
const municipality = z
  .union([z.literal(''), z.string().regex(/^\d{5}$/)], { message: 'validation.choose' })
  .optional()
  .transform((v) => v || null);
const networkForm = z.object({
  name: requiredText(160),
  kind: choice(networkKinds),
  purpose: requiredText(4000),
  municipality,
  public: choice(['yes', 'no'] as const).transform((v) => v === 'yes'),
});
const newNetworkForm = networkForm.extend({ organisation: z.uuid({ message: 'validation.choose' }) });
const memberForm = z
  .object({
    kind: choice(['organisation', 'individual'] as const),
    organisation: z.union([z.literal(''), z.uuid()], { message: 'validation.choose' }).optional(),
    name: optionalText(160),
    email: optionalEmail.transform((v) => v || null),
    showPublicly: choice(['yes', 'no'] as const)
      .optional()
      .transform((v) => v === 'yes'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'organisation' && !v.organisation)
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'validation.choose' });
    if (v.kind === 'individual' && !v.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.required' });
  });
/** What a meeting and an event have in common: a title, a day with Brussels start and end times, a place. */
export const timedForm = z.object({
  title: requiredText(160),
  day,
  startsAt: time,
  endsAt: time,
  location: optionalText(300).transform((v) => v ?? ''),
  description: optionalText(4000).transform((v) => v ?? ''),
});
export const endsAfterStart = (v: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx) => {
  if (v.endsAt <= v.startsAt)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'meeting.endsAt.beforeStart' });
};
/** The form's day and times as moments. */
export const timedInput = (d: z.infer<typeof timedForm>) => ({
  title: d.title,
  startsAt: brusselsMoment(d.day, d.startsAt),
  endsAt: brusselsMoment(d.day, d.endsAt),
  location: d.location,
  description: d.description,
});
const meetingForm = timedForm
  .extend({
    agenda: optionalText(4000).transform((v) =>
      (v ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(0, 40),
    ),
  })
  .superRefine(endsAfterStart);
const agendaForm = z.object({ title: requiredText(300) });
const decisionForm = z.object({ text: requiredText(2000) });
const actionForm = z.object({
  description: requiredText(500),
  owner: requiredText(160),
  dueOn: z
    .union([z.literal(''), day])
    .optional()
    .transform((v) => v || null),
});
const minutesForm = z.object({
  minutes: optionalText(50_000).transform((v) => v ?? ''),
  held: z
    .literal('yes')
    .optional()
    .transform((v) => v === 'yes'),
});
const confirmForm = z.object({ confirm: z.literal('yes', { message: 'validation.confirm' }) });
const holderForm = z.object({
  email: emailField,
  organisation: z.uuid({ message: 'validation.choose' }),
  showOwnContact: choice(['yes', 'no'] as const).transform((v) => v === 'yes'),
});
const roleForm = holderForm.extend({
  code: choice(coordinatorRoleCodes),
  deputy: choice(['yes', 'no'] as const).transform((v) => v === 'yes'),
});

const slugParams = z.object({ slug: z.string().max(120) });
const meetingParams = z.object({ slug: z.string().max(120), meetingId: z.uuid() });

/** Netwerken: networks with members, roles, meetings (agenda, decisions, actions, minutes) and calendars. */
export function networksRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const coordinate = { permission: 'network:coordinate' } as const;
    const publicUrl = deps.config.publicUrl;

    const { seen, takenPart, coordinated } = networkGuards(deps);
    async function meetingOf(network: Network, meetingId: string) {
      return authorizeObject(await findMeeting(deps, network.id, meetingId), () => true);
    }

    app.get('/netwerken', { config: { permission: 'public' } }, async (req, reply) => {
      const networks = await listNetworks(deps, req.user);
      return sendPage(req, reply, req.t('network.list.title'), (ctx) => (
        <NetworksPage
          ctx={ctx}
          networks={networks}
          mayCreate={canAnywhere(req.user, 'network:create')}
          signedIn={Boolean(req.user)}
        />
      ));
    });

    // ---- Starting and changing a network --------------------------------------------------------------

    async function showNetworkForm(
      req: FastifyRequest,
      reply: FastifyReply,
      network: Network | null,
      form: { values: FormBody; errors?: Record<string, string> },
      status = 200,
    ) {
      const regions = await workRegionsWithMunicipalities(deps);
      const title = req.t(network ? 'network.edit.title' : 'network.new.title');
      const ownOrganisations = network ? null : organisationsAdministeredBy(req.user!);
      return sendPage(
        req,
        reply,
        title,
        (ctx) => (
          <NetworkFormPage
            ctx={ctx}
            action={network ? `/netwerken/${network.slug}/wijzigen` : '/netwerken/nieuw'}
            title={title}
            backHref={network ? `/netwerken/${network.slug}` : '/netwerken'}
            ownOrganisations={ownOrganisations}
            regions={regions}
            form={form}
          />
        ),
        status,
      );
    }

    app.get('/netwerken/nieuw', { config: { permission: 'network:create' } }, (req, reply) =>
      showNetworkForm(req, reply, null, { values: { kind: 'learning_network', public: 'yes' } }),
    );

    app.post(
      '/netwerken/nieuw',
      { config: { permission: 'network:create' }, schema: { body: formBody } },
      async (req, reply) => {
        const parsed = parseForm(newNetworkForm, req.body, req.t);
        const values = submittedValues(req.body);
        if (!parsed.ok) return showNetworkForm(req, reply, null, { values, errors: parsed.errors }, 400);
        const { organisation, public: isPublic, municipality: nis, ...rest } = parsed.data;
        try {
          const network = await createNetwork(deps, actorOf(req), req.user!, organisation, {
            ...rest,
            municipalityNis: nis,
            isPublic,
          });
          setFlash(reply, 'success', 'network.new.done');
          return reply.redirect(`/netwerken/${network.slug}`, 303);
        } catch (err) {
          rethrowUnlessRefused(err);
          return showNetworkForm(
            req,
            reply,
            null,
            { values, errors: { organisation: req.t(err.messageKey) } },
            422,
          );
        }
      },
    );

    app.get(
      '/netwerken/:slug/wijzigen',
      { config: coordinate, schema: { params: slugParams } },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        return showNetworkForm(req, reply, n, {
          values: {
            name: n.name,
            kind: n.kind,
            purpose: n.purpose,
            municipality: n.municipality_nis ?? '',
            public: n.is_public ? 'yes' : 'no',
          },
        });
      },
    );

    app.post(
      '/netwerken/:slug/wijzigen',
      { config: coordinate, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const parsed = parseForm(networkForm, req.body, req.t);
        if (!parsed.ok)
          return showNetworkForm(
            req,
            reply,
            n,
            { values: submittedValues(req.body), errors: parsed.errors },
            400,
          );
        const { public: isPublic, municipality: nis, ...rest } = parsed.data;
        await changeNetwork(deps, actorOf(req), n, { ...rest, municipalityNis: nis, isPublic });
        setFlash(reply, 'success', 'network.edit.done');
        return reply.redirect(`/netwerken/${n.slug}`, 303);
      },
    );

    // ---- The network's page: members, roles, meetings, actions ---------------------------------------

    async function showNetwork(
      req: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      errors?: FormErrors<NetworkForm>,
      status = 200,
    ) {
      const { network: n, access } = await seen(req, slug);
      const [members, holdings, meetings, actions, events, organisations, municipality] = await Promise.all([
        membersOf(deps, n.id),
        roleHoldings(deps, { networkId: n.id }),
        meetingsOf(deps, n.id),
        access.takesPart ? networkActions(deps, n.id) : [],
        eventsOf(deps, n.id),
        access.coordinates ? findOrganisationNames(deps.db) : [],
        n.municipality_nis ? findMunicipality(deps, n.municipality_nis) : null,
      ]);
      return sendPage(
        req,
        reply,
        n.name,
        (ctx) => (
          <NetworkPage
            ctx={ctx}
            network={n}
            access={access}
            municipalityName={
              municipality
                ? localName(ctx.locale, {
                    nameNl: municipality.municipality.name_nl,
                    nameFr: municipality.municipality.name_fr,
                  })
                : null
            }
            members={members}
            holdings={access.coordinates ? holdings : holdings.filter((h) => !h.endedAt)}
            meetings={meetings}
            actions={actions}
            events={events}
            organisations={organisations}
            now={deps.clock.now()}
            errors={errors}
          />
        ),
        status,
      );
    }

    app.get(
      '/netwerken/:slug',
      { config: { permission: 'public' }, schema: { params: slugParams } },
      (req, reply) => showNetwork(req, reply, req.params.slug),
    );

    /** A refusal of the service on one of the network page's forms, shown next to `field`. */
    const refusedOn = async (
      req: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      form: NetworkForm,
      field: string,
      work: () => Promise<unknown>,
    ) => {
      try {
        await work();
        return null;
      } catch (err) {
        rethrowUnlessRefused(err);
        const state = {
          values: submittedValues(req.body as FormBody),
          errors: { [field]: req.t(err.messageKey) },
        };
        return showNetwork(req, reply, slug, { form, state }, 422);
      }
    };

    app.post(
      '/netwerken/:slug/leden',
      { config: coordinate, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const parsed = parseForm(memberForm, req.body, req.t);
        if (!parsed.ok) return showNetwork(req, reply, n.slug, { form: 'member', state: parsed }, 400);
        const d = parsed.data;
        const refusal = await refusedOn(
          req,
          reply,
          n.slug,
          'member',
          d.kind === 'organisation' ? 'organisation' : 'email',
          () =>
            addMember(
              deps,
              actorOf(req),
              n,
              d.kind === 'organisation'
                ? { kind: 'organisation', organisationId: d.organisation!, representativeEmail: d.email }
                : { kind: 'individual', name: d.name!, email: d.email, showPublicly: d.showPublicly },
            ),
        );
        if (refusal) return refusal;
        setFlash(reply, 'success', 'network.member.added');
        return reply.redirect(`/netwerken/${n.slug}#members-title`, 303);
      },
    );

    app.post(
      '/netwerken/:slug/leden/:memberId/verwijderen',
      {
        config: coordinate,
        schema: { params: z.object({ slug: z.string().max(120), memberId: z.uuid() }), body: formBody },
      },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const parsed = parseForm(confirmForm, req.body, req.t);
        if (!parsed.ok)
          return showNetwork(
            req,
            reply,
            n.slug,
            { form: `remove-${req.params.memberId}`, state: parsed },
            400,
          );
        const refusal = await refusedOn(req, reply, n.slug, `remove-${req.params.memberId}`, 'confirm', () =>
          removeMember(deps, actorOf(req), n, req.params.memberId),
        );
        if (refusal) return refusal;
        setFlash(reply, 'success', 'network.member.removed');
        return reply.redirect(`/netwerken/${n.slug}#members-title`, 303);
      },
    );

    /** The person a role goes to: an account with that address, member of the chosen organisation. */
    async function holderOf(email: string, organisationId: string) {
      const user = await findUserByEmail(deps.db, email.trim().toLowerCase());
      if (!user) throw new AppError(422, 'UnknownPerson', 'network.roles.unknownPerson');
      const member = await deps.db
        .selectFrom('memberships')
        .select('user_id')
        .where('user_id', '=', user.id)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      if (!member) throw new AppError(422, 'NotInOrganisation', 'network.roles.notInOrganisation');
      return user.id;
    }

    app.post(
      '/netwerken/:slug/rollen',
      { config: coordinate, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const parsed = parseForm(roleForm, req.body, req.t);
        if (!parsed.ok) return showNetwork(req, reply, n.slug, { form: 'role', state: parsed }, 400);
        const d = parsed.data;
        const refusal = await refusedOn(req, reply, n.slug, 'role', 'email', async () =>
          assignRole(deps, actorOf(req), {
            networkId: n.id,
            code: d.code,
            userId: await holderOf(d.email, d.organisation),
            organisationId: d.organisation,
            deputy: d.deputy,
            showOwnContact: d.showOwnContact,
          }),
        );
        if (refusal) return refusal;
        setFlash(reply, 'success', 'network.roles.assigned');
        return reply.redirect(`/netwerken/${n.slug}#roles-title`, 303);
      },
    );

    app.post(
      '/netwerken/:slug/rollen/:holdingId/overdragen',
      {
        config: coordinate,
        schema: { params: z.object({ slug: z.string().max(120), holdingId: z.uuid() }), body: formBody },
      },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const holding = authorizeObject(
          (await roleHoldings(deps, { networkId: n.id })).find(
            (h) => h.id === req.params.holdingId && !h.endedAt,
          ),
          () => true,
        );
        const form = `handover-${holding.id}` as const;
        const parsed = parseForm(holderForm, req.body, req.t);
        if (!parsed.ok) return showNetwork(req, reply, n.slug, { form, state: parsed }, 400);
        const d = parsed.data;
        const refusal = await refusedOn(req, reply, n.slug, form, 'email', async () =>
          handOverRole(deps, actorOf(req), {
            holdingId: holding.id,
            toUserId: await holderOf(d.email, d.organisation),
            toOrganisationId: d.organisation,
            showOwnContact: d.showOwnContact,
          }),
        );
        if (refusal) return refusal;
        setFlash(reply, 'success', 'network.roles.handedOver');
        return reply.redirect(`/netwerken/${n.slug}#roles-title`, 303);
      },
    );

    app.post(
      '/netwerken/:slug/acties/:actionId',
      {
        config: coordinate,
        schema: { params: z.object({ slug: z.string().max(120), actionId: z.uuid() }), body: formBody },
      },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const status = z.enum(actionStatuses).safeParse(req.body.status);
        if (!status.success) throw new AppError(400, 'UnknownStatus', 'validation.choose');
        const back =
          typeof req.headers.referer === 'string' &&
          req.headers.referer.includes(`/netwerken/${n.slug}/vergaderingen/`)
            ? new URL(req.headers.referer).pathname
            : `/netwerken/${n.slug}`;
        await setActionStatus(deps, actorOf(req), n, req.params.actionId, status.data).catch((err) => {
          if (err instanceof AppError && err.statusCode === 422)
            throw new AppError(404, 'NotFound', 'error.notFound');
          throw err;
        });
        setFlash(reply, 'success', 'meeting.action.statusSaved');
        return reply.redirect(`${back}#actions-title`, 303);
      },
    );

    // ---- Meetings -------------------------------------------------------------------------------------

    async function showMeetingForm(
      req: FastifyRequest,
      reply: FastifyReply,
      n: Network,
      meeting: Meeting | null,
      form: { values: FormBody; errors?: Record<string, string> },
      status = 200,
    ) {
      const title = req.t(meeting ? 'meeting.edit.title' : 'meeting.new.title');
      return sendPage(
        req,
        reply,
        title,
        (ctx) => (
          <MeetingFormPage
            ctx={ctx}
            network={n}
            action={
              meeting
                ? `/netwerken/${n.slug}/vergaderingen/${meeting.id}/wijzigen`
                : `/netwerken/${n.slug}/vergaderingen/nieuw`
            }
            title={title}
            withAgenda={!meeting}
            form={form}
          />
        ),
        status,
      );
    }
    const meetingInput = (d: z.infer<typeof meetingForm>) => ({ ...timedInput(d), agenda: d.agenda });

    app.get(
      '/netwerken/:slug/vergaderingen/nieuw',
      { config: coordinate, schema: { params: slugParams } },
      async (req, reply) =>
        showMeetingForm(req, reply, await coordinated(req, req.params.slug), null, {
          values: { startsAt: '09:30', endsAt: '11:30' },
        }),
    );

    app.post(
      '/netwerken/:slug/vergaderingen/nieuw',
      { config: coordinate, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const parsed = parseForm(meetingForm, req.body, req.t);
        if (!parsed.ok)
          return showMeetingForm(
            req,
            reply,
            n,
            null,
            { values: submittedValues(req.body), errors: parsed.errors },
            400,
          );
        const id = await planMeeting(deps, actorOf(req), n, meetingInput(parsed.data));
        setFlash(reply, 'success', 'meeting.new.done');
        return reply.redirect(`/netwerken/${n.slug}/vergaderingen/${id}`, 303);
      },
    );

    async function showMeeting(
      req: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      meetingId: string,
      errors?: FormErrors<MeetingForm>,
      status = 200,
    ) {
      const { network, access } = await takenPart(req, slug);
      const meeting = await meetingOf(network, meetingId);
      const [agenda, followUps, decisions, actions] = await Promise.all([
        agendaOf(deps, meeting.id),
        followUpsOf(deps, meeting),
        decisionsOf(deps, meeting.id),
        actionsOf(deps, meeting.id),
      ]);
      return sendPage(
        req,
        reply,
        meeting.title,
        (ctx) => (
          <MeetingPage
            ctx={ctx}
            network={network}
            meeting={meeting}
            coordinates={access.coordinates}
            agenda={agenda}
            followUps={followUps}
            decisions={decisions}
            actions={actions}
            errors={errors}
          />
        ),
        status,
      );
    }

    app.get(
      '/netwerken/:slug/vergaderingen/:meetingId',
      { config: { permission: 'network:coordinate' }, schema: { params: meetingParams } },
      (req, reply) => showMeeting(req, reply, req.params.slug, req.params.meetingId),
    );

    app.get(
      '/netwerken/:slug/vergaderingen/:meetingId/wijzigen',
      { config: coordinate, schema: { params: meetingParams } },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const m = await meetingOf(n, req.params.meetingId);
        return showMeetingForm(req, reply, n, m, {
          values: {
            title: m.title,
            day: brusselsDay(m.starts_at),
            startsAt: brusselsTime(m.starts_at),
            endsAt: brusselsTime(m.ends_at),
            location: m.location,
            description: m.description,
          },
        });
      },
    );

    app.post(
      '/netwerken/:slug/vergaderingen/:meetingId/wijzigen',
      { config: coordinate, schema: { params: meetingParams, body: formBody } },
      async (req, reply) => {
        const n = await coordinated(req, req.params.slug);
        const m = await meetingOf(n, req.params.meetingId);
        const parsed = parseForm(meetingForm, req.body, req.t);
        if (!parsed.ok)
          return showMeetingForm(
            req,
            reply,
            n,
            m,
            { values: submittedValues(req.body), errors: parsed.errors },
            400,
          );
        await changeMeeting(deps, actorOf(req), n, m, meetingInput(parsed.data));
        setFlash(reply, 'success', 'meeting.edit.done');
        return reply.redirect(`/netwerken/${n.slug}/vergaderingen/${m.id}`, 303);
      },
    );

    /** The small forms of a meeting page: parse, act, and come back to the page (with errors when any). */
    function meetingStep<S extends z.ZodType>(
      path: string,
      form: MeetingForm,
      schema: S,
      act: (req: FastifyRequest, n: Network, m: Meeting, data: z.infer<S>) => Promise<unknown>,
      done: Parameters<typeof setFlash>[2],
      anchor: string,
    ) {
      app.post(
        `/netwerken/:slug/vergaderingen/:meetingId/${path}`,
        { config: coordinate, schema: { params: meetingParams, body: formBody } },
        async (req, reply) => {
          const n = await coordinated(req, req.params.slug);
          const m = await meetingOf(n, req.params.meetingId);
          const parsed = parseForm(schema, req.body, req.t);
          if (!parsed.ok) return showMeeting(req, reply, n.slug, m.id, { form, state: parsed }, 400);
          try {
            await act(req, n, m, parsed.data);
          } catch (err) {
            rethrowUnlessRefused(err);
            const state = { values: parsed.values, errors: { _form: req.t(err.messageKey) } };
            return showMeeting(req, reply, n.slug, m.id, { form, state }, 422);
          }
          setFlash(reply, 'success', done);
          return reply.redirect(`/netwerken/${n.slug}/vergaderingen/${m.id}#${anchor}`, 303);
        },
      );
    }

    meetingStep(
      'agenda',
      'agenda',
      agendaForm,
      (req, _n, m, d) => addAgendaItem(deps, actorOf(req), m, d.title),
      'meeting.agenda.added',
      'agenda-title',
    );
    meetingStep(
      'besluiten',
      'decision',
      decisionForm,
      (req, _n, m, d) => recordDecision(deps, actorOf(req), m, d.text),
      'meeting.decisions.added',
      'decisions-title',
    );
    meetingStep(
      'acties',
      'action',
      actionForm,
      (req, _n, m, d) => addAction(deps, actorOf(req), m, d),
      'meeting.action.added',
      'actions-title',
    );
    meetingStep(
      'verslag',
      'minutes',
      minutesForm,
      (req, _n, m, d) => saveMinutes(deps, actorOf(req), m, d),
      'meeting.minutes.saved',
      'minutes-title',
    );
    meetingStep(
      'uitnodigen',
      'invite',
      z.object({}),
      (req, n, m) => {
        const t = req.t;
        const when = new Intl.DateTimeFormat('nl-BE', {
          dateStyle: 'full',
          timeStyle: 'short',
          timeZone: 'Europe/Brussels',
        }).format(m.starts_at);
        return sendInvitations(deps, actorOf(req), n, m, {
          subject: t('meeting.invite.subject', { title: m.title, network: n.name }),
          text: t('meeting.invite.text', {
            title: m.title,
            network: n.name,
            when,
            location: m.location || '—',
            link: `${publicUrl}/netwerken/${n.slug}/vergaderingen/${m.id}`,
          }),
        });
      },
      'meeting.invite.sent',
      'invite-title',
    );
    meetingStep(
      'afgelasten',
      'cancel',
      confirmForm,
      (req, _n, m) => cancelMeeting(deps, actorOf(req), m),
      'meeting.cancel.done',
      'agenda-title',
    );

    // ---- Calendar feeds ------------------------------------------------------------------------------

    const sendCalendar = (reply: FastifyReply, name: string, body: string) =>
      reply
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', `inline; filename="${name}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(body);

    app.get(
      '/netwerken/:slug/agenda.ics',
      { config: { permission: 'public' }, schema: { params: slugParams } },
      async (req, reply) => {
        const network = authorizeObject(await findNetworkBySlug(deps, req.params.slug), (n) => n.is_public);
        const meetings = await feedMeetings(deps, [network.id]);
        return sendCalendar(reply, network.slug, meetingsCalendar(network.name, publicUrl, meetings));
      },
    );

    const own = { permission: 'account:manage-own' } as const;
    app.get('/netwerken/kalender', { config: own }, async (req, reply) => {
      const hasFeed = await hasCalendarFeed(deps, req.user!.id);
      return sendPage(req, reply, req.t('calendar.title'), (ctx) => (
        <CalendarPage ctx={ctx} link={null} hasFeed={hasFeed} />
      ));
    });

    // The new link is shown once, on this answer; only its hash is kept.
    app.post('/netwerken/kalender', { config: own, schema: { body: formBody } }, async (req, reply) => {
      const token = await renewCalendarFeed(deps, actorOf(req), req.user!.id);
      const link = `${publicUrl}/kalender/${token}.ics`;
      return sendPage(req, reply, req.t('calendar.title'), (ctx) => (
        <CalendarPage ctx={ctx} link={link} hasFeed />
      ));
    });

    app.get(
      '/kalender/:file',
      { config: { permission: 'public' }, schema: { params: z.object({ file: z.string().max(100) }) } },
      async (req, reply) => {
        const token = /^([A-Za-z0-9_-]{32})\.ics$/.exec(req.params.file)?.[1];
        const userId = authorizeObject(token ? await calendarFeedOwner(deps, token) : undefined, () => true);
        const person = authorizeObject(await loadCurrentUser(deps, userId, 'token'), () => true);
        const meetings = await feedMeetings(deps, await networksOf(deps, person));
        return sendCalendar(
          reply,
          'brugwerk',
          meetingsCalendar(req.t('calendar.personalName'), publicUrl, meetings),
        );
      },
    );
  };
}
