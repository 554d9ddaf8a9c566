import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { badRequest, forbidden, rethrowUnlessRefused } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { emailField, formBody, optionalText, parseForm, requiredText } from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import type { FormState } from '../../platform/views/components.tsx';
import {
  addWorkshop,
  attendanceOf,
  cancelEvent,
  cancelRegistration,
  createEvent,
  findEvent,
  findRegistration,
  maySeeEvent,
  publishEvent,
  recordAttendance,
  register,
  workshopsOf,
} from './events.service.ts';
import { networkGuards } from './network-guards.ts';
import { endsAfterStart, timedForm, timedInput } from './networks.routes.tsx';
import { accessTo, findNetworkBySlug, maySeeNetwork, type Network } from './networks.service.ts';
import { AttendancePage, type EventForm, EventPage, RegistrationPage } from './views/events.tsx';
import { MeetingFormPage } from './views/networks.tsx';

const slugParams = z.object({ slug: z.string().max(120) });
const eventParams = z.object({ eventSlug: z.string().max(120) });
const workshopParams = z.object({ eventSlug: z.string().max(120), workshopId: z.uuid() });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/) });

const eventForm = timedForm.superRefine(endsAfterStart);
const workshopForm = z.object({
  title: requiredText(160),
  description: optionalText(1000).transform((v) => v ?? ''),
  capacity: z.coerce
    .number({ message: 'event.workshop.capacityInvalid' })
    .int({ message: 'event.workshop.capacityInvalid' })
    .min(1, { message: 'event.workshop.capacityInvalid' })
    .max(2000, { message: 'event.workshop.capacityInvalid' }),
});
/** Checked boxes whose values are ids (workshops, registrations). */
const ids = z
  .union([z.uuid(), z.array(z.uuid()).max(500)], { message: 'validation.choose' })
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()));
const registrationForm = z.object({
  name: requiredText(160),
  email: emailField,
  organisation: optionalText(160).transform((v) => v ?? null),
  workshops: ids.refine((v) => v.length > 0, { message: 'validation.chooseAtLeastOne' }),
});
const confirmForm = z.object({ confirm: z.literal('yes', { message: 'validation.confirm' }) });
const attendanceForm = z.object({ present: ids });

/** Open events of networks: the public page with registration, the organisers' tools, the registrant's own link. */
export function eventsRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const coordinate = { permission: 'network:coordinate' } as const;
    const { coordinated } = networkGuards(deps);

    /** An event its visitor may see; drafts only for the network's coordinators. */
    async function eventFor(req: FastifyRequest, slug: string) {
      const found = await findEvent(deps, slug);
      const network = found ? await findNetworkBySlug(deps, found.network_slug) : undefined;
      const access = network
        ? await accessTo(deps, req.user, network)
        : { takesPart: false, coordinates: false };
      const event = authorizeObject(found, (e) => maySeeEvent(e, access.coordinates));
      return { event, access, networkVisible: Boolean(network && maySeeNetwork(network, access)) };
    }
    async function organised(req: FastifyRequest, slug: string) {
      const found = await eventFor(req, slug);
      if (!found.access.coordinates) throw forbidden();
      return found.event;
    }

    // ---- Preparing an event ---------------------------------------------------------------------------

    const showEventForm = (req: FastifyRequest, reply: FastifyReply, network: Network, form: FormState) => {
      const title = req.t('event.new.title');
      return sendPage(
        req,
        reply,
        title,
        (ctx) => (
          <MeetingFormPage
            ctx={ctx}
            network={network}
            action={`/netwerken/${network.slug}/evenementen/nieuw`}
            title={title}
            withAgenda={false}
            form={form}
          />
        ),
        form.errors ? 400 : 200,
      );
    };

    app.get(
      '/netwerken/:slug/evenementen/nieuw',
      { config: coordinate, schema: { params: slugParams } },
      async (req, reply) =>
        showEventForm(req, reply, await coordinated(req, req.params.slug), {
          values: { startsAt: '09:00', endsAt: '16:00' },
        }),
    );

    app.post(
      '/netwerken/:slug/evenementen/nieuw',
      { config: coordinate, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const network = await coordinated(req, req.params.slug);
        const parsed = parseForm(eventForm, req.body, req.t);
        if (!parsed.ok) return showEventForm(req, reply, network, parsed);
        const event = await createEvent(deps, actorOf(req), network, timedInput(parsed.data));
        setFlash(reply, 'success', 'event.new.done');
        return reply.redirect(`/evenementen/${event.slug}`, 303);
      },
    );

    // ---- The public page and registration ----------------------------------------------------------------

    async function showEvent(
      req: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      errors?: { form: EventForm; state: FormState },
      status = 200,
    ) {
      const { event, access, networkVisible } = await eventFor(req, slug);
      const workshops = await workshopsOf(deps, event.id);
      const open = event.status === 'published' && event.starts_at > deps.clock.now();
      return sendPage(
        req,
        reply,
        event.title,
        (ctx) => (
          <EventPage
            ctx={ctx}
            event={event}
            workshops={workshops}
            networkVisible={networkVisible}
            coordinates={access.coordinates}
            open={open}
            errors={errors}
          />
        ),
        status,
      );
    }

    app.get(
      '/evenementen/:eventSlug',
      { config: { permission: 'public' }, schema: { params: eventParams } },
      (req, reply) => showEvent(req, reply, req.params.eventSlug),
    );

    app.post(
      '/evenementen/:eventSlug/inschrijven',
      { config: { permission: 'public' }, schema: { params: eventParams, body: formBody } },
      async (req, reply) => {
        const { event } = await eventFor(req, req.params.eventSlug);
        const parsed = parseForm(registrationForm, req.body, req.t);
        if (!parsed.ok) return showEvent(req, reply, event.slug, { form: 'register', state: parsed }, 400);
        const { workshops, ...person } = parsed.data;
        try {
          const token = await register(deps, actorOf(req), event, {
            ...person,
            workshopIds: workshops,
            locale: req.locale,
          });
          setFlash(reply, 'success', 'event.register.done');
          return reply.redirect(`/inschrijving/${token}`, 303);
        } catch (err) {
          rethrowUnlessRefused(err);
          const field = err.code === 'AlreadyRegistered' ? 'email' : 'workshops';
          const state = { values: parsed.values, errors: { [field]: req.t(err.messageKey) } };
          return showEvent(req, reply, event.slug, { form: 'register', state }, 422);
        }
      },
    );

    // ---- The organisers' steps ------------------------------------------------------------------------------

    /** A small form of the event page for organisers: parse, act, come back (with errors when any). */
    function eventStep<S extends z.ZodType>(
      path: string,
      form: EventForm,
      schema: S,
      act: (
        req: FastifyRequest,
        event: Awaited<ReturnType<typeof organised>>,
        data: z.infer<S>,
      ) => Promise<unknown>,
      done: Parameters<typeof setFlash>[2],
      errorField: string,
    ) {
      app.post(
        `/evenementen/:eventSlug/${path}`,
        { config: coordinate, schema: { params: eventParams, body: formBody } },
        async (req, reply) => {
          const event = await organised(req, req.params.eventSlug);
          const parsed = parseForm(schema, req.body, req.t);
          if (!parsed.ok) return showEvent(req, reply, event.slug, { form, state: parsed }, 400);
          try {
            await act(req, event, parsed.data);
          } catch (err) {
            rethrowUnlessRefused(err);
            const state = { values: parsed.values, errors: { [errorField]: req.t(err.messageKey) } };
            return showEvent(req, reply, event.slug, { form, state }, 422);
          }
          setFlash(reply, 'success', done);
          return reply.redirect(`/evenementen/${event.slug}`, 303);
        },
      );
    }

    eventStep(
      'workshops',
      'workshop',
      workshopForm,
      (req, event, d) => addWorkshop(deps, actorOf(req), event, d),
      'event.workshop.added',
      'title',
    );
    eventStep(
      'publiceren',
      'publish',
      z.object({}),
      (req, event) => publishEvent(deps, actorOf(req), event),
      'event.publish.done',
      '_form',
    );
    eventStep(
      'afgelasten',
      'cancel',
      confirmForm,
      (req, event) => cancelEvent(deps, actorOf(req), event),
      'event.cancel.done',
      'confirm',
    );

    app.get(
      '/evenementen/:eventSlug/aanwezigheden',
      { config: coordinate, schema: { params: eventParams } },
      async (req, reply) => {
        const event = await organised(req, req.params.eventSlug);
        const [workshops, rows] = await Promise.all([
          workshopsOf(deps, event.id),
          attendanceOf(deps, event.id),
        ]);
        return sendPage(req, reply, req.t('event.attendance.heading', { title: event.title }), (ctx) => (
          <AttendancePage ctx={ctx} event={event} workshops={workshops} rows={rows} />
        ));
      },
    );

    app.post(
      '/evenementen/:eventSlug/aanwezigheden/:workshopId',
      { config: coordinate, schema: { params: workshopParams, body: formBody } },
      async (req, reply) => {
        const event = await organised(req, req.params.eventSlug);
        const parsed = parseForm(attendanceForm, req.body, req.t);
        if (!parsed.ok) throw badRequest();
        await recordAttendance(deps, actorOf(req), event, req.params.workshopId, parsed.data.present);
        setFlash(reply, 'success', 'event.attendance.saved');
        return reply.redirect(
          `/evenementen/${event.slug}/aanwezigheden#workshop-${req.params.workshopId}`,
          303,
        );
      },
    );

    // ---- The registrant's own link ---------------------------------------------------------------------------

    async function showRegistration(req: FastifyRequest, reply: FastifyReply, token: string, error?: string) {
      const found = authorizeObject(await findRegistration(deps, token), () => true);
      return sendPage(
        req,
        reply,
        req.t('event.registration.title', { title: found.event.title }),
        (ctx) => (
          <RegistrationPage
            ctx={ctx}
            found={found}
            action={`/inschrijving/${token}/annuleren`}
            error={error}
          />
        ),
        error ? 400 : 200,
      );
    }

    app.get(
      '/inschrijving/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams } },
      (req, reply) => showRegistration(req, reply, req.params.token),
    );

    app.post(
      '/inschrijving/:token/annuleren',
      { config: { permission: 'public' }, schema: { params: tokenParams, body: formBody } },
      async (req, reply) => {
        const found = authorizeObject(await findRegistration(deps, req.params.token), () => true);
        const parsed = parseForm(confirmForm, req.body, req.t);
        if (!parsed.ok) return showRegistration(req, reply, req.params.token, parsed.errors.confirm);
        try {
          await cancelRegistration(deps, actorOf(req), found);
        } catch (err) {
          rethrowUnlessRefused(err);
          return showRegistration(req, reply, req.params.token, req.t(err.messageKey));
        }
        setFlash(reply, 'success', 'event.registration.cancelled');
        return reply.redirect(`/inschrijving/${req.params.token}`, 303);
      },
    );
  };
}
