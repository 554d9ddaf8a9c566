import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { rethrowUnlessRefused } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { formBody, parseForm, requiredText, submittedValues } from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import type { FormState } from '../../platform/views/components.tsx';
import { networkGuards } from './network-guards.ts';
import type { Network } from './networks.service.ts';
import {
  answerPulse,
  closePulseRound,
  findPulseRound,
  openPulseRound,
  pulseHistory,
  pulseMetrics,
  ratersAmong,
  ratingsOf,
  roundOrganisations,
} from './pulse.service.ts';
import { type PulseForm, PulsePage, PulseRoundPage } from './views/pulse.tsx';

const slugParams = z.object({ slug: z.string().max(120) });
const roundParams = z.object({ slug: z.string().max(120), roundId: z.uuid() });
const roundForm = z.object({ title: requiredText(160) });
const confirmForm = z.object({ confirm: z.literal('yes', { message: 'validation.confirm' }) });
const score = z.union([z.literal(''), z.enum(['1', '2', '3', '4'])], { message: 'validation.choose' });

/**
 * An answer form's fields for the other organisations: `trust_<id>` and `value_<id>`, both empty (no tie)
 * or both 1–4. Errors sit next to the field that is missing.
 */
function readAnswer(body: Record<string, unknown>, others: string[]) {
  const errors: Record<string, 'pulse.answer.both' | 'validation.choose'> = {};
  const ratings: { rated: string; trust: number; value: number }[] = [];
  for (const id of others) {
    const trust = score.safeParse(body[`trust_${id}`] ?? '');
    const value = score.safeParse(body[`value_${id}`] ?? '');
    if (!trust.success) errors[`trust_${id}`] = 'validation.choose';
    if (!value.success) errors[`value_${id}`] = 'validation.choose';
    if (!trust.success || !value.success) continue;
    if (trust.data && value.data) ratings.push({ rated: id, trust: +trust.data, value: +value.data });
    else if (trust.data) errors[`value_${id}`] = 'pulse.answer.both';
    else if (value.data) errors[`trust_${id}`] = 'pulse.answer.both';
  }
  return { errors, ratings };
}

/** De netwerkpuls: rounds in which member organisations rate their ties; figures compared over time. */
export function pulseRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { permission: 'network:coordinate' } as const;
    const { takenPart, coordinated } = networkGuards(deps);
    const roundOf = async (network: Network, roundId: string) =>
      authorizeObject(await findPulseRound(deps, network.id, roundId), () => true);

    async function showPulse(req: FastifyRequest, reply: FastifyReply, slug: string, form?: FormState) {
      const { network, access } = await takenPart(req, slug);
      const history = await pulseHistory(deps, network.id);
      return sendPage(
        req,
        reply,
        req.t('pulse.title', { network: network.name }),
        (ctx) => (
          <PulsePage
            ctx={ctx}
            network={network}
            history={history}
            coordinates={access.coordinates}
            form={form}
          />
        ),
        form ? (form.errors?._form ? 422 : 400) : 200,
      );
    }

    app.get('/netwerken/:slug/puls', { config, schema: { params: slugParams } }, (req, reply) =>
      showPulse(req, reply, req.params.slug),
    );

    app.post(
      '/netwerken/:slug/puls',
      { config, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const network = await coordinated(req, req.params.slug);
        const parsed = parseForm(roundForm, req.body, req.t);
        if (!parsed.ok) return showPulse(req, reply, network.slug, parsed);
        try {
          const round = await openPulseRound(deps, actorOf(req), network, parsed.data.title);
          setFlash(reply, 'success', 'pulse.round.opened.flash');
          return reply.redirect(`/netwerken/${network.slug}/puls/${round.id}`, 303);
        } catch (err) {
          rethrowUnlessRefused(err);
          return showPulse(req, reply, network.slug, {
            values: parsed.values,
            errors: { _form: req.t(err.messageKey) },
          });
        }
      },
    );

    async function showRound(
      req: FastifyRequest,
      reply: FastifyReply,
      params: { slug: string; roundId: string },
      errors?: { form: PulseForm; state: FormState },
      status = 200,
    ) {
      const { network, access } = await takenPart(req, params.slug);
      const round = await roundOf(network, params.roundId);
      const [organisations, ratings] = await Promise.all([
        roundOrganisations(deps, round),
        ratingsOf(deps, round.id),
      ]);
      const raters = ratersAmong(req.user!, organisations);
      const metrics = pulseMetrics(
        organisations.map((o) => o.id),
        ratings,
      );
      return sendPage(
        req,
        reply,
        round.title,
        (ctx) => (
          <PulseRoundPage
            ctx={ctx}
            network={network}
            figures={{ round, metrics }}
            organisations={organisations}
            raters={raters.map((r) => ({
              id: r.id,
              name: r.name,
              given: new Map(ratings.filter((x) => x.rater === r.id).map((x) => [x.rated, x])),
            }))}
            coordinates={access.coordinates}
            errors={errors}
          />
        ),
        status,
      );
    }

    app.get('/netwerken/:slug/puls/:roundId', { config, schema: { params: roundParams } }, (req, reply) =>
      showRound(req, reply, req.params),
    );

    app.post(
      '/netwerken/:slug/puls/:roundId/antwoord',
      { config, schema: { params: roundParams, body: formBody } },
      async (req, reply) => {
        const { network } = await takenPart(req, req.params.slug);
        const round = await roundOf(network, req.params.roundId);
        const body = req.body as Record<string, unknown>;
        const rater = typeof body.organisation === 'string' ? body.organisation : '';
        const others = (await roundOrganisations(deps, round)).map((o) => o.id).filter((id) => id !== rater);
        const { errors, ratings } = readAnswer(body, others);
        const values = submittedValues(req.body);
        const form: PulseForm = `answer-${rater}`;
        if (Object.keys(errors).length) {
          const translated = Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, req.t(m)]));
          return showRound(req, reply, req.params, { form, state: { values, errors: translated } }, 400);
        }
        try {
          await answerPulse(deps, actorOf(req), req.user!, round, rater, ratings);
        } catch (err) {
          rethrowUnlessRefused(err);
          const state = { values, errors: { _form: req.t(err.messageKey) } };
          return showRound(req, reply, req.params, { form, state }, 422);
        }
        setFlash(reply, 'success', 'pulse.answer.saved');
        return reply.redirect(`/netwerken/${network.slug}/puls/${round.id}`, 303);
      },
    );

    app.post(
      '/netwerken/:slug/puls/:roundId/afsluiten',
      { config, schema: { params: roundParams, body: formBody } },
      async (req, reply) => {
        const network = await coordinated(req, req.params.slug);
        const round = await roundOf(network, req.params.roundId);
        const parsed = parseForm(confirmForm, req.body, req.t);
        if (!parsed.ok) return showRound(req, reply, req.params, { form: 'close', state: parsed }, 400);
        try {
          await closePulseRound(deps, actorOf(req), round);
        } catch (err) {
          rethrowUnlessRefused(err);
          const state = { values: parsed.values, errors: { confirm: req.t(err.messageKey) } };
          return showRound(req, reply, req.params, { form: 'close', state }, 422);
        }
        setFlash(reply, 'success', 'pulse.round.closedDone');
        return reply.redirect(`/netwerken/${network.slug}/puls/${round.id}`, 303);
      },
    );
  };
}
