import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject, canAnywhere } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { schoolYearOf, schoolYearsAround } from '../../platform/school-year.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  type FieldErrors,
  formBody,
  submittedValues,
  parseForm,
  requiredText,
} from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { list, one } from '../../platform/views/components.tsx';
import { findOrganisationById } from '../accounts/accounts.repository.ts';
import { neighbourhoodStatuses } from '../directory/directory.table.ts';
import { partnersAround, schoolsOf } from '../directory/neighbourhood.ts';
import { searchPractices } from '../practices/practices.search.ts';
import { type Dimension, dimensionsOf, parseSetText, SetTextError, setToText } from './question-set.ts';
import * as repo from './reflection.repository.ts';
import { compareResults, resultsCsv, sessionResults, weakestDimensions } from './reflection.results.ts';
import {
  addAction,
  type AnswerRow,
  browserHash,
  changeAction,
  isCodeShaped,
  isFacilitator,
  normaliseCode,
  recordAnswers,
  repeatSession,
  saveNotes,
  saveSetText,
  setSessionStatus,
  shareResults,
  startSession,
} from './reflection.service.ts';
import type { SessionPartner } from './reflection.table.ts';
import {
  AnswerPage,
  JoinPage,
  ParticipantMessage,
  ReflectionHomePage,
  ReportPage,
  type NextSteps,
  type SessionView,
  SessionPage,
  SetEditPage,
  SetPage,
  SharedResultsPage,
  StartSessionPage,
} from './views/reflection.tsx';

/** The browser's own random id, to keep one browser from answering a session twice. */
const BROWSER_COOKIE = 'brugwerk_deelnemer';
const OPEN_ANSWER_MAX = 2000;
const SUGGESTION_RADIUS_KM = 5;

const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ code: z.string().max(40) });
const schoolYear = z.string().regex(/^\d{4}-\d{4}$/, { message: 'validation.choose' });

const startForm = z.object({
  set: z.uuid({ message: 'validation.choose' }),
  team: requiredText(120),
  organisation: z.uuid({ message: 'validation.choose' }),
  schoolYear,
  location: z.union([z.literal(''), z.uuid()]).optional(),
  dimensions: z
    .union([z.string().max(40), z.array(z.string().max(40)).max(40)])
    .optional()
    .transform((v) => list(v)),
});
const notesForm = z.object({
  notes: z.string().trim().max(20_000, { message: 'validation.tooLong' }).default(''),
});
const actionForm = z.object({
  description: requiredText(500),
  owner: requiredText(120),
  dueOn: z
    .string()
    .trim()
    .max(10)
    .optional()
    .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
      message: 'reflection.actions.dueOnInvalid',
    })
    .transform((v) => v || null),
});
const setEditForm = z.object({ text: requiredText(100_000) });

/**
 * Reads a participant's form against the session's exercises. Field names are the exercise ids
 * (`noden-1`), and `<exercise>:<partner>` for the neighbourhood marks.
 */
function answersFrom(
  dimensions: Dimension[],
  partners: SessionPartner[],
  body: Record<string, string | string[]>,
): { answers: AnswerRow[]; errorKeys: Record<string, MessageKey> } {
  const answers: AnswerRow[] = [];
  const errorKeys: Record<string, MessageKey> = {};
  for (const e of dimensions.flatMap((d) => d.exercises)) {
    if (e.type === 'scale') {
      const value = one(body[e.id]) ?? '';
      if (value === '') continue;
      if (!/^[1-5]$/.test(value)) errorKeys[e.id] = 'validation.choose';
      else answers.push({ exerciseId: e.id, scale: Number(value) });
    } else if (e.type === 'endings') {
      const count = e.endings?.length ?? 0;
      for (const value of new Set(list(body[e.id]))) {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > count)
          errorKeys[e.id] = 'validation.choose';
        else answers.push({ exerciseId: e.id, choice: value });
      }
    } else if (e.type === 'open') {
      const text = (one(body[e.id]) ?? '').trim();
      if (text.length > OPEN_ANSWER_MAX) errorKeys[e.id] = 'validation.tooLong';
      else if (text) answers.push({ exerciseId: e.id, text });
    } else
      for (const p of partners) {
        const value = one(body[`${e.id}:${p.id}`]) ?? '';
        if (value === '') continue;
        if (!(neighbourhoodStatuses as readonly string[]).includes(value))
          errorKeys[e.id] = 'validation.choose';
        else answers.push({ exerciseId: e.id, choice: value, partnerId: p.id });
      }
  }
  const first = dimensions[0]?.exercises[0]?.id ?? 'answers';
  if (answers.length === 0 && Object.keys(errorKeys).length === 0)
    errorKeys[first] = 'reflection.answer.nothing';
  return { answers, errorKeys };
}

/** Reflectie: question sets, team sessions with anonymous answers, results, and what comes next. */
export function reflectionRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    const browserOf = (req: FastifyRequest, reply: FastifyReply): string => {
      const raw = req.cookies[BROWSER_COOKIE];
      const unsigned = raw ? req.unsignCookie(raw) : null;
      if (unsigned?.valid && unsigned.value) return unsigned.value;
      const id = randomUUID();
      reply.setCookie(BROWSER_COOKIE, id, {
        path: '/reflectie',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        signed: true,
        maxAge: 2 * 365 * 24 * 3600,
      });
      return id;
    };
    const joinUrl = (code: string) => `${deps.config.publicUrl}/reflectie/doe-mee/${code}`;
    /** A session only its facilitator may see; "not found" for everyone else. */
    const ownSession = async (req: FastifyRequest, id: string) =>
      authorizeObject(await repo.findSessionById(deps.db, id), (s) => isFacilitator(req.user, s));
    const sessionByCode = async (code: string) => {
      const normal = normaliseCode(code);
      return isCodeShaped(normal) ? repo.findSessionByCode(deps.db, normal) : undefined;
    };
    const knownSession = async (code: string) => authorizeObject(await sessionByCode(code), () => true);

    app.get('/reflectie', { config: { permission: 'public' } }, async (req, reply) => {
      const mayFacilitate = canAnywhere(req.user, 'reflection:facilitate');
      const [sets, sessions] = await Promise.all([
        repo.findSets(deps.db),
        mayFacilitate ? repo.findSessionsOfFacilitator(deps.db, req.user!.id) : null,
      ]);
      return sendPage(req, reply, req.t('reflection.home.title'), (ctx) => (
        <ReflectionHomePage ctx={ctx} sets={sets} sessions={sessions} />
      ));
    });

    // ---- Participants: join with a code, answer once, read shared results -------------------------

    app.get(
      '/reflectie/doe-mee',
      {
        config: { permission: 'public' },
        schema: { querystring: z.object({ code: z.string().max(40).optional() }) },
      },
      async (req, reply) => {
        const value = req.query.code?.trim() ?? '';
        if (value === '')
          return sendPage(req, reply, req.t('reflection.join.title'), (ctx) => (
            <JoinPage ctx={ctx} value="" />
          ));
        const session = await sessionByCode(value);
        if (session) return reply.redirect(`/reflectie/doe-mee/${session.code}`, 303);
        return sendPage(
          req,
          reply,
          req.t('reflection.join.title'),
          (ctx) => <JoinPage ctx={ctx} value={value} error={ctx.t('reflection.join.unknownCode')} />,
          isCodeShaped(normaliseCode(value)) ? 404 : 400,
        );
      },
    );

    const showAnswerForm = async (
      req: FastifyRequest,
      reply: FastifyReply,
      session: repo.SessionRow,
      values: Record<string, string | string[]>,
      errors?: FieldErrors,
    ) => {
      const version = await repo.findSetVersion(deps.db, session.set_version_id);
      return sendPage(
        req,
        reply,
        version.content.title,
        (ctx) => (
          <AnswerPage
            ctx={ctx}
            team={session.team}
            content={version.content}
            dimensions={dimensionsOf(version.content, session.dimensions)}
            partners={session.partners}
            action={`/reflectie/doe-mee/${session.code}`}
            form={{ values, errors }}
          />
        ),
        errors ? 400 : 200,
      );
    };
    const participantMessage = (
      req: FastifyRequest,
      reply: FastifyReply,
      session: repo.SessionRow,
      kind: 'closed' | 'answered',
      status = 200,
    ) =>
      sendPage(
        req,
        reply,
        req.t(`reflection.participant.${kind}Title`),
        (ctx) => (
          <ParticipantMessage
            ctx={ctx}
            title={ctx.t(`reflection.participant.${kind}Title`)}
            text={ctx.t(`reflection.participant.${kind}Text`)}
          >
            {session.results_shared && session.status === 'closed' ? (
              <p>
                <a href={`/reflectie/doe-mee/${session.code}/resultaten`}>
                  {ctx.t('reflection.participant.results')}
                </a>
              </p>
            ) : null}
          </ParticipantMessage>
        ),
        status,
      );

    app.get(
      '/reflectie/doe-mee/:code',
      { config: { permission: 'public' }, schema: { params: codeParams } },
      async (req, reply) => {
        const session = await knownSession(req.params.code);
        const browser = browserOf(req, reply);
        if (await repo.hasParticipated(deps.db, session.id, browserHash(session.id, browser)))
          return participantMessage(req, reply, session, 'answered');
        if (session.status !== 'open') return participantMessage(req, reply, session, 'closed');
        return showAnswerForm(req, reply, session, {});
      },
    );

    app.post(
      '/reflectie/doe-mee/:code',
      { config: { permission: 'public' }, schema: { params: codeParams, body: formBody } },
      async (req, reply) => {
        const session = await knownSession(req.params.code);
        const version = await repo.findSetVersion(deps.db, session.set_version_id);
        const { answers, errorKeys } = answersFrom(
          dimensionsOf(version.content, session.dimensions),
          session.partners,
          req.body,
        );
        if (Object.keys(errorKeys).length) {
          const translated = Object.fromEntries(Object.entries(errorKeys).map(([k, key]) => [k, req.t(key)]));
          const values = submittedValues(req.body);
          return showAnswerForm(req, reply, session, values, translated);
        }
        const outcome = await recordAnswers(deps, session, browserOf(req, reply), answers);
        if (outcome === 'closed') return participantMessage(req, reply, session, 'closed', 409);
        if (outcome === 'already') return participantMessage(req, reply, session, 'answered', 409);
        return reply.redirect(`/reflectie/doe-mee/${session.code}`, 303);
      },
    );

    app.get(
      '/reflectie/doe-mee/:code/resultaten',
      { config: { permission: 'public' }, schema: { params: codeParams } },
      async (req, reply) => {
        const session = authorizeObject(
          await sessionByCode(req.params.code),
          (s) => s.results_shared && s.status === 'closed',
        );
        const version = await repo.findSetVersion(deps.db, session.set_version_id);
        const results = await sessionResults(deps.db, session, version.content);
        return sendPage(req, reply, req.t('reflection.shared.title', { team: session.team }), (ctx) => (
          <SharedResultsPage
            ctx={ctx}
            team={session.team}
            setTitle={version.content.title}
            results={results}
          />
        ));
      },
    );

    // ---- Question sets ------------------------------------------------------------------------------

    const knownSet = async (id: string) => authorizeObject(await repo.findSetById(deps.db, id), () => true);

    app.get(
      '/reflectie/vragensets/:id',
      { config: { permission: 'public' }, schema: { params: idParams } },
      async (req, reply) => {
        const set = await knownSet(req.params.id);
        return sendPage(req, reply, set.content.title, (ctx) => (
          <SetPage
            ctx={ctx}
            set={set}
            mayEdit={canAnywhere(req.user, 'reflection:edit-sets')}
            mayStart={canAnywhere(req.user, 'reflection:facilitate')}
          />
        ));
      },
    );

    const showSetEdit = (
      req: FastifyRequest,
      reply: FastifyReply,
      set: Awaited<ReturnType<typeof knownSet>>,
      text: string,
      errors?: FieldErrors,
    ) =>
      sendPage(
        req,
        reply,
        req.t('reflection.sets.editTitle', { title: set.content.title }),
        (ctx) => <SetEditPage ctx={ctx} set={set} form={{ values: { text }, errors }} />,
        errors ? 400 : 200,
      );

    app.get(
      '/reflectie/vragensets/:id/bewerken',
      { config: { permission: 'reflection:edit-sets' }, schema: { params: idParams } },
      async (req, reply) => {
        const set = await knownSet(req.params.id);
        return showSetEdit(req, reply, set, setToText(set.content));
      },
    );

    app.post(
      '/reflectie/vragensets/:id/bewerken',
      { config: { permission: 'reflection:edit-sets' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const set = await knownSet(req.params.id);
        const form = parseForm(setEditForm, req.body, req.t);
        if (!form.ok) return showSetEdit(req, reply, set, form.values.text ?? '', form.errors);
        try {
          parseSetText(form.data.text);
        } catch (err) {
          if (!(err instanceof SetTextError)) throw err;
          return showSetEdit(req, reply, set, form.data.text, { text: req.t(err.key, { line: err.line }) });
        }
        const changed = await saveSetText(deps, actorOf(req), set.id, form.data.text);
        setFlash(reply, 'success', changed ? 'reflection.sets.saved' : 'reflection.sets.unchanged');
        return reply.redirect(`/reflectie/vragensets/${set.id}`, 303);
      },
    );

    // ---- Facilitators: start, follow, close, share, act --------------------------------------------

    /** The start form: as submitted, or (first shown) with its defaults, all of the set's dimensions. */
    const showStart = async (
      req: FastifyRequest,
      reply: FastifyReply,
      setId: string | undefined,
      submitted?: Record<string, string | string[]>,
      errors?: FieldErrors,
    ) => {
      const user = req.user!;
      const [sets, locations] = await Promise.all([repo.findSets(deps.db), schoolsOf(deps.db, user)]);
      const set = setId ? sets.find((s) => s.id === setId) : undefined;
      if (setId && !set) return authorizeObject(undefined, () => true);
      const values = submitted ?? {
        organisation: user.memberships[0]?.organisationId ?? '',
        schoolYear: schoolYearOf(deps.clock.now()),
        dimensions: set?.content.dimensions.map((d) => d.code) ?? [],
      };
      return sendPage(
        req,
        reply,
        req.t('reflection.start.title'),
        (ctx) => (
          <StartSessionPage
            ctx={ctx}
            sets={sets}
            set={set ?? null}
            organisations={user.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName }))}
            locations={locations.map((l) => ({ id: l.id, name: l.name }))}
            schoolYears={schoolYearsAround(deps.clock.now())}
            form={{ values, errors }}
          />
        ),
        errors ? 400 : 200,
      );
    };

    app.get(
      '/reflectie/sessies/nieuw',
      {
        config: { permission: 'reflection:facilitate' },
        schema: { querystring: z.object({ set: z.uuid().optional() }) },
      },
      async (req, reply) => showStart(req, reply, req.query.set),
    );

    app.post(
      '/reflectie/sessies/nieuw',
      { config: { permission: 'reflection:facilitate' }, schema: { body: formBody } },
      async (req, reply) => {
        const user = req.user!;
        const form = parseForm(startForm, req.body, req.t);
        const values: Record<string, string | string[]> = {
          ...form.values,
          dimensions: list(req.body.dimensions),
        };
        const setId = z.uuid().safeParse(req.body.set).data;
        if (!form.ok) return showStart(req, reply, setId, values, form.errors);
        const data = form.data;
        const set = await repo.findSetById(deps.db, data.set);
        if (!set) return showStart(req, reply, undefined, values, { set: req.t('validation.choose') });
        const errors: FieldErrors = {};
        if (!user.memberships.some((m) => m.organisationId === data.organisation))
          errors.organisation = req.t('validation.choose');
        if (!schoolYearsAround(deps.clock.now()).includes(data.schoolYear))
          errors.schoolYear = req.t('validation.choose');
        const location = data.location
          ? (await schoolsOf(deps.db, user)).find((s) => s.id === data.location)
          : null;
        if (location === undefined) errors.location = req.t('validation.choose');
        const known = set.content.dimensions.map((d) => d.code);
        if (data.dimensions.length === 0 || data.dimensions.some((d) => !known.includes(d)))
          errors.dimensions = req.t('reflection.start.chooseDimension');
        if (Object.keys(errors).length) return showStart(req, reply, set.id, values, errors);
        const id = await startSession(deps, actorOf(req), {
          setId: set.id,
          organisationId: data.organisation,
          team: data.team,
          schoolYear: data.schoolYear,
          dimensions: data.dimensions,
          location: location ?? null,
        });
        setFlash(reply, 'success', 'reflection.session.started');
        return reply.redirect(`/reflectie/sessies/${id}`, 303);
      },
    );

    /** What the session page and the report both show. */
    const sessionView = async (req: FastifyRequest, session: repo.SessionRow): Promise<SessionView> => {
      const [version, participants, actions, next, organisation] = await Promise.all([
        repo.findSetVersion(deps.db, session.set_version_id),
        repo.countParticipants(deps.db, session.id),
        repo.findActions(deps.db, session.id),
        repo.findNextSession(deps.db, session.id),
        session.organisation_id ? findOrganisationById(deps.db, session.organisation_id) : undefined,
      ]);
      const results =
        session.status === 'closed'
          ? await sessionResults(deps.db, session, version.content)
          : { participants, enough: false, dimensions: [] };
      let comparison: SessionView['comparison'] = null;
      const previous =
        results.enough && session.previous_session_id
          ? await repo.findSessionById(deps.db, session.previous_session_id)
          : undefined;
      if (previous && isFacilitator(req.user, previous) && previous.status === 'closed') {
        const before = await sessionResults(
          deps.db,
          previous,
          (await repo.findSetVersion(deps.db, previous.set_version_id)).content,
        );
        if (before.enough)
          comparison = {
            changes: compareResults(before, results),
            previousYear: previous.school_year,
            previousId: previous.id,
          };
      }
      return {
        id: session.id,
        code: session.code,
        team: session.team,
        schoolYear: session.school_year,
        status: session.status,
        resultsShared: session.results_shared,
        notes: session.notes,
        setTitle: version.content.title,
        setVersion: version.number,
        organisationName: organisation?.name ?? null,
        joinUrl: joinUrl(session.code),
        participants,
        results,
        comparison,
        actions,
        nextSessionId: next?.id ?? null,
      };
    };

    /** For the weakest dimensions: matching practices and, around the session's school, matching partners. */
    const nextStepsOf = async (
      req: FastifyRequest,
      session: repo.SessionRow,
      results: SessionView['results'],
    ): Promise<NextSteps> => {
      const location = session.location_entry_id
        ? (await schoolsOf(deps.db, req.user!)).find((s) => s.id === session.location_entry_id)
        : undefined;
      const point =
        location?.latitude != null && location.longitude != null
          ? { latitude: location.latitude, longitude: location.longitude }
          : null;
      const around = point ? await partnersAround(deps.db, location!.id, point, SUGGESTION_RADIUS_KM) : [];
      const suggestions = await Promise.all(
        weakestDimensions(results).map(async (dimension) => {
          const { needs, cooperationForms } = dimension.dimension;
          const found = await searchPractices(deps.db, { needs, cooperationForms, limit: 3, offset: 0 });
          const partners = around
            .filter(
              (p) =>
                needs.length === 0 ||
                p.services.some((s) => s.need_codes.some((n) => (needs as string[]).includes(n))),
            )
            .slice(0, 5)
            .map((p) => ({ id: p.id, name: p.name, km: Math.round(p.km * 10) / 10 }));
          return { dimension, practices: found.rows.map((r) => ({ id: r.id, title: r.title })), partners };
        }),
      );
      return { suggestions, hasLocation: point !== null };
    };

    const showSession = async (
      req: FastifyRequest,
      reply: FastifyReply,
      session: repo.SessionRow,
      forms: Record<string, { values: Record<string, string>; errors?: FieldErrors }> = {},
    ) => {
      const view = await sessionView(req, session);
      const nextSteps = view.results.enough ? await nextStepsOf(req, session, view.results) : null;
      const failed = Object.values(forms).some((f) => f.errors);
      return sendPage(
        req,
        reply,
        req.t('reflection.session.title', { team: session.team, year: session.school_year }),
        (ctx) => <SessionPage ctx={ctx} session={view} nextSteps={nextSteps} forms={forms} />,
        failed ? 400 : 200,
      );
    };

    const facilitate = { permission: 'reflection:facilitate' } as const;

    app.get(
      '/reflectie/sessies/:id',
      { config: facilitate, schema: { params: idParams } },
      async (req, reply) => showSession(req, reply, await ownSession(req, req.params.id)),
    );

    // For the page's live progress (reflection-live.js); the page itself has a refresh link.
    app.get(
      '/reflectie/sessies/:id/stand',
      { config: facilitate, schema: { params: idParams } },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        const participants = await repo.countParticipants(deps.db, session.id);
        return reply.header('cache-control', 'no-store').send({
          status: session.status,
          participants,
          text: req.t('reflection.session.answeredCount', { count: participants }),
        });
      },
    );

    app.post(
      '/reflectie/sessies/:id/status',
      {
        config: facilitate,
        schema: { params: idParams, body: z.object({ status: z.enum(['open', 'closed']) }).passthrough() },
      },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        await setSessionStatus(deps, actorOf(req), session.id, req.body.status);
        setFlash(
          reply,
          'success',
          req.body.status === 'closed' ? 'reflection.session.closed' : 'reflection.session.reopened',
        );
        return reply.redirect(`/reflectie/sessies/${session.id}`, 303);
      },
    );

    app.post(
      '/reflectie/sessies/:id/delen',
      {
        config: facilitate,
        schema: { params: idParams, body: z.object({ shared: z.enum(['0', '1']) }).passthrough() },
      },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        await shareResults(deps, actorOf(req), session.id, req.body.shared === '1');
        setFlash(
          reply,
          'success',
          req.body.shared === '1' ? 'reflection.session.sharedFlash' : 'reflection.session.unsharedFlash',
        );
        return reply.redirect(`/reflectie/sessies/${session.id}`, 303);
      },
    );

    app.post(
      '/reflectie/sessies/:id/notities',
      { config: facilitate, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        const form = parseForm(notesForm, req.body, req.t);
        if (!form.ok) return showSession(req, reply, session, { notes: form });
        await saveNotes(deps, session.id, form.data.notes);
        setFlash(reply, 'success', 'reflection.notes.saved');
        return reply.redirect(`/reflectie/sessies/${session.id}#notes-title`, 303);
      },
    );

    app.post(
      '/reflectie/sessies/:id/acties',
      { config: facilitate, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        const form = parseForm(actionForm, req.body, req.t);
        if (!form.ok) return showSession(req, reply, session, { action: form });
        await addAction(deps, session.id, form.data);
        setFlash(reply, 'success', 'reflection.actions.added');
        return reply.redirect(`/reflectie/sessies/${session.id}#actions-title`, 303);
      },
    );

    app.post(
      '/reflectie/sessies/:id/acties/:actionId',
      {
        config: facilitate,
        schema: {
          params: z.object({ id: z.uuid(), actionId: z.uuid() }),
          body: z.object({ change: z.enum(['done', 'open', 'remove']) }).passthrough(),
        },
      },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        authorizeObject(
          await changeAction(deps, session.id, req.params.actionId, req.body.change),
          (found) => found,
        );
        setFlash(
          reply,
          'success',
          req.body.change === 'remove' ? 'reflection.actions.removed' : 'reflection.actions.changed',
        );
        return reply.redirect(`/reflectie/sessies/${session.id}#actions-title`, 303);
      },
    );

    app.post(
      '/reflectie/sessies/:id/herhalen',
      { config: facilitate, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        const next = await repo.findNextSession(deps.db, session.id);
        const id = next?.id ?? (await repeatSession(deps, actorOf(req), session));
        setFlash(reply, 'success', 'reflection.session.repeated');
        return reply.redirect(`/reflectie/sessies/${id}`, 303);
      },
    );

    app.get(
      '/reflectie/sessies/:id/verslag',
      { config: facilitate, schema: { params: idParams } },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        const view = await sessionView(req, session);
        return sendPage(
          req,
          reply,
          req.t('reflection.report.title', { team: session.team, year: session.school_year }),
          (ctx) => <ReportPage ctx={ctx} session={view} />,
        );
      },
    );

    app.get(
      '/reflectie/sessies/:id/resultaten.csv',
      { config: facilitate, schema: { params: idParams } },
      async (req, reply) => {
        const session = await ownSession(req, req.params.id);
        const version = await repo.findSetVersion(deps.db, session.set_version_id);
        const results =
          session.status === 'closed'
            ? await sessionResults(deps.db, session, version.content)
            : { participants: 0, enough: false, dimensions: [] };
        if (!results.enough)
          return reply.status(409).send({
            error: {
              code: 'NoResultsYet',
              message: req.t('reflection.results.notEnough', { count: results.participants }),
            },
          });
        const csv = resultsCsv(results, {
          status: (s) => req.t(`neighbourhood.status.${s}` as MessageKey),
        });
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="reflectie-${session.school_year}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(csv);
      },
    );
  };
}
