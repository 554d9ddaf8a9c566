import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { brusselsDay } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, rethrowUnlessRefused } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  atLeastOne,
  choice,
  day,
  formBody,
  optionalText,
  parseForm,
  requiredText,
  submittedValues,
} from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { needCodes } from '../../platform/vocabularies.ts';
import { publicCountSchema } from '../../platform/small-counts.ts';
import { regionsHeldBy } from '../collaboration/coordinator-roles.service.ts';
import {
  flemishAndBrusselsMunicipalityRows,
  workRegions,
  workRegionsWithMunicipalities,
} from '../regions/regions.service.ts';
import {
  addFollowUpEntry,
  bundleForCoordinator,
  bundleSignal,
  coordinatorDesk,
  mySignals,
  raiseSignal,
  recordAnswer,
  recordEndorsement,
  recordRecommendation,
  reportYears,
  signalForCoordinator,
  type SignalInput,
  signalReport,
} from './signals.service.ts';
import {
  addresseeLevels,
  bundleStatuses,
  signalFrequencies,
  signalSectors,
  signalSourceTypes,
  signalStatuses,
} from './signals.table.ts';
import {
  BundlePage,
  CoordinatorSignalPage,
  DeskPage,
  MySignalsPage,
  NewSignalPage,
  ReportPage,
  type Places,
  type SignalFormErrors,
  SignalsHomePage,
  WorkingGroupPage,
} from './views/signals.tsx';

// ---- Forms (messages are catalogue keys) ------------------------------------------------------------

/** 'YYYY-MM' (since when it is seen), stored as the first of that month; empty when not known. */
const yearMonth = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(v), {
    message: 'signals.field.seenSinceInvalid',
  })
  .transform((v) => (v ? `${v}-01` : null));

const signalForm = z.object({
  title: requiredText(120),
  description: requiredText(4000),
  needs: atLeastOne(needCodes),
  sector: choice(signalSectors),
  place: z
    .string({ message: 'signals.place.choose' })
    .regex(/^(gemeente|regio):\d{5}$/, { message: 'signals.place.choose' })
    .transform((v): SignalInput['place'] =>
      v.startsWith('regio:') ? { region: v.slice(6) } : { municipality: v.slice(9) },
    ),
  frequency: choice(signalFrequencies),
  seenSince: yearMonth,
  sourceType: choice(signalSourceTypes),
  organisation: z
    .union([z.literal(''), z.uuid()], { message: 'validation.choose' })
    .optional()
    .transform((v) => v || null),
  mayBeNamed: choice(['yes', 'no'] as const).transform((v) => v === 'yes'),
});

const bundleForm = z
  .object({
    bundle: z.union([z.literal('new'), z.uuid()], { message: 'validation.choose' }),
    title: optionalText(120),
  })
  .superRefine((v, ctx) => {
    if (v.bundle === 'new' && !v.title)
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'validation.required' });
  });
// The step forms share the bundle page with the follow-up form, so their fields have names (and
// so ids) of their own.
const endorsementForm = z.object({
  decision: choice(['endorsed', 'not_endorsed'] as const),
  workingGroup: requiredText(200),
  decidedOn: day,
  message: optionalText(2000),
});
const recommendationForm = z.object({
  level: choice(addresseeLevels),
  addressee: requiredText(200),
  recommendation: requiredText(6000),
  sentOn: day,
  message: optionalText(2000),
});
const answerForm = z.object({ answer: requiredText(6000), receivedOn: day, message: optionalText(2000) });
const followUpForm = z.object({
  status: choice(bundleStatuses),
  note: requiredText(2000),
  date: day,
});

// ---- JSON API -------------------------------------------------------------------------------------------

const apiSignalInput = z
  .object({
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().min(1).max(4000),
    needs: z.array(z.enum(needCodes)).min(1).max(needCodes.length),
    sector: z.enum(signalSectors),
    municipality: z
      .string()
      .regex(/^\d{5}$/)
      .optional()
      .describe('NIS code; a code from before the 2025 mergers maps to the new municipality'),
    region: z
      .string()
      .regex(/^\d{5}$/)
      .optional()
      .describe('A work region: a Flemish province NIS code or 04000 (Brussels)'),
    frequency: z.enum(signalFrequencies),
    seenSince: z
      .string()
      .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/)
      .optional(),
    sourceType: z.enum(signalSourceTypes),
    mayBeNamed: z.boolean().default(false),
    organisationId: z.uuid().optional(),
  })
  .refine((v) => (v.municipality === undefined) !== (v.region === undefined), {
    message: 'Give either municipality or region',
    path: ['municipality'],
  });
const reportSchema = z.object({
  region: z.string(),
  year: z.number(),
  perNeed: z.array(z.object({ need: z.string(), count: publicCountSchema })),
  perStatus: z.array(z.object({ status: z.string(), count: publicCountSchema })),
  recommendations: z.array(
    z.object({
      title: z.string(),
      addresseeLevel: z.string(),
      addressee: z.string(),
      recommendation: z.string(),
      sentOn: z.string(),
      signals: publicCountSchema,
      answer: z.string().nullable(),
      answerReceivedOn: z.string().nullable(),
    }),
  ),
});
const reportQuery = z.object({
  regio: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
  jaar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

// Public figures change when a coordinator works: a CDN may keep them for five minutes.
const publicCache = 'public, max-age=300';

const idParams = z.object({ id: z.uuid() });

/** Signalen: intake, a sender's follow-up, the coordinators' desk and bundles, and the public report. */
export function signalsRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const raise = { permission: 'signal:raise' } as const;
    const coordinate = { permission: 'signal:coordinate' } as const;
    const publicUrl = deps.config.publicUrl;

    /** How the coordinators' pages name places: work regions, and municipalities by NIS code. */
    async function places(req: FastifyRequest): Promise<Places> {
      const [regions, rows] = await Promise.all([
        workRegions(deps),
        flemishAndBrusselsMunicipalityRows(deps),
      ]);
      const names = new Map(rows.map((m) => [m.nis_code, req.locale === 'fr' ? m.name_fr : m.name_nl]));
      return { regions, municipalityName: (nis) => names.get(nis) ?? nis };
    }

    /** A known region and year, or null when the question is incomplete or names an unknown region. */
    async function reportFor(region: string | undefined, year: number | undefined) {
      if (!region || !year) return null;
      if (!(await workRegions(deps)).some((r) => r.code === region)) return null;
      return signalReport(deps, region, year);
    }

    // ---- Landing and public report ----------------------------------------------------------------------

    app.get('/signalen', { config: { permission: 'public' } }, async (req, reply) => {
      const [regions, years, coordinated] = await Promise.all([
        workRegions(deps),
        reportYears(deps),
        req.user ? regionsHeldBy(deps, req.user.id, 'signal') : Promise.resolve([]),
      ]);
      return sendPage(req, reply, req.t('nav.signals'), (ctx) => (
        <SignalsHomePage ctx={ctx} isCoordinator={coordinated.length > 0} regions={regions} years={years} />
      ));
    });

    app.get(
      '/signalen/rapport',
      { config: { permission: 'public' }, schema: { querystring: reportQuery } },
      async (req, reply) => {
        const [regions, years, report] = await Promise.all([
          workRegions(deps),
          reportYears(deps),
          reportFor(req.query.regio, req.query.jaar),
        ]);
        return sendPage(req, reply, req.t('signals.report.title'), (ctx) => (
          <ReportPage ctx={ctx} regions={regions} years={years} report={report} />
        ));
      },
    );

    app.get(
      '/signalen/rapport.csv',
      { config: { permission: 'public' }, schema: { querystring: reportQuery } },
      async (req, reply) => {
        const report = await reportFor(req.query.regio, req.query.jaar);
        if (!report) throw new AppError(400, 'UnknownReport', 'signals.report.unknown');
        const t = req.t;
        const csv = stringify([
          ['onderdeel', 'code', 'omschrijving', 'aantal', 'datum', 'bestemmeling'],
          ...report.perNeed.map((r) => ['behoefte', r.need, t(`need.${r.need}`), r.count, '', '']),
          ...report.perStatus.map((r) => [
            'status',
            r.status,
            t(`signals.status.${r.status}`),
            r.count,
            '',
            '',
          ]),
          ...report.recommendations.map((r) => [
            'aanbeveling',
            r.addresseeLevel,
            r.title,
            r.signals,
            r.sentOn,
            r.addressee,
          ]),
        ]);
        return reply
          .header('cache-control', publicCache)
          .header(
            'content-disposition',
            `attachment; filename="signalen-${report.regionCode}-${report.year}.csv"`,
          )
          .type('text/csv; charset=utf-8')
          .send(csv);
      },
    );

    app.get(
      '/api/v1/signals/report',
      {
        config: { permission: 'public' },
        schema: {
          summary:
            'A region\'s signals of one year: counts per need and status (below 5 as "< 5"), recommendations',
          querystring: z.object({
            region: z.string().regex(/^\d{5}$/),
            year: z.coerce.number().int().min(2000).max(2100),
          }),
          response: { 200: reportSchema },
        },
      },
      async (req, reply) => {
        const report = await reportFor(req.query.region, req.query.year);
        if (!report) throw new AppError(400, 'UnknownRegion', 'signals.place.unknown');
        reply.header('cache-control', publicCache);
        const { regionCode, ...rest } = report;
        return { region: regionCode, ...rest };
      },
    );

    // ---- Intake and a sender's own signals -------------------------------------------------------------

    async function showNewSignal(
      req: FastifyRequest,
      reply: FastifyReply,
      form: { values: Record<string, string | string[]>; errors?: Record<string, string> },
      status = 200,
    ) {
      const regions = await workRegionsWithMunicipalities(deps);
      const organisations = req.user!.memberships.map((m) => ({
        id: m.organisationId,
        name: m.organisationName,
      }));
      return sendPage(
        req,
        reply,
        req.t('signals.new.title'),
        (ctx) => <NewSignalPage ctx={ctx} regions={regions} organisations={organisations} form={form} />,
        status,
      );
    }

    app.get('/signalen/nieuw', { config: raise }, (req, reply) =>
      showNewSignal(req, reply, { values: { mayBeNamed: 'no' } }),
    );

    app.post('/signalen/nieuw', { config: raise, schema: { body: formBody } }, async (req, reply) => {
      const values = submittedValues(req.body);
      const parsed = parseForm(signalForm, req.body, req.t);
      if (!parsed.ok) return showNewSignal(req, reply, { values, errors: parsed.errors }, 400);
      const d = parsed.data;
      try {
        await raiseSignal(deps, actorOf(req), req.user!, {
          ...d,
          organisationId: d.organisation,
        });
      } catch (err) {
        rethrowUnlessRefused(err);
        const field = err.code === 'NotYourOrganisation' ? 'organisation' : 'place';
        return showNewSignal(req, reply, { values, errors: { [field]: req.t(err.messageKey) } }, 422);
      }
      setFlash(reply, 'success', 'signals.new.thanks');
      return reply.redirect('/signalen/mijn', 303);
    });

    app.get('/signalen/mijn', { config: raise }, async (req, reply) => {
      const [signals, regions] = await Promise.all([mySignals(deps, req.user!.id), workRegions(deps)]);
      return sendPage(req, reply, req.t('signals.mine.title'), (ctx) => (
        <MySignalsPage ctx={ctx} signals={signals} regions={regions} />
      ));
    });

    app.post(
      '/api/v1/signals',
      {
        config: raise,
        schema: {
          summary: 'Pass a signal on to the signal coordinators of its region',
          body: apiSignalInput,
          security: [{ bearer: [] }],
          response: { 201: z.object({ id: z.uuid(), status: z.literal('new'), url: z.string() }) },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const id = await raiseSignal(deps, actorOf(req), req.user!, {
          title: b.title,
          description: b.description,
          needs: b.needs,
          sector: b.sector,
          place: b.region !== undefined ? { region: b.region } : { municipality: b.municipality! },
          frequency: b.frequency,
          seenSince: b.seenSince ? `${b.seenSince}-01` : null,
          sourceType: b.sourceType,
          mayBeNamed: b.mayBeNamed,
          organisationId: b.organisationId ?? null,
        });
        return reply.status(201).send({ id, status: 'new' as const, url: `${publicUrl}/signalen/mijn` });
      },
    );

    app.get(
      '/api/v1/signals',
      {
        config: raise,
        schema: {
          summary: 'The signals you raised, each with its status and latest follow-up entry',
          security: [{ bearer: [] }],
          response: {
            200: z.object({
              data: z.array(
                z.object({
                  id: z.uuid(),
                  title: z.string(),
                  createdAt: z.string(),
                  needs: z.array(z.string()),
                  region: z.string(),
                  status: z.enum(signalStatuses),
                  latestEntry: z
                    .object({ date: z.string(), kind: z.string(), note: z.string().nullable() })
                    .nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({
        data: (await mySignals(deps, req.user!.id)).map((s) => ({
          id: s.id,
          title: s.title,
          createdAt: s.createdAt.toISOString(),
          needs: s.needs,
          region: s.regionCode,
          status: s.status,
          latestEntry: s.latestEntry,
        })),
      }),
    );

    // ---- Coordinators -------------------------------------------------------------------------------------

    app.get('/signalen/behandelen', { config: coordinate }, async (req, reply) => {
      const [desk, regions] = await Promise.all([coordinatorDesk(deps, req.user!), workRegions(deps)]);
      return sendPage(req, reply, req.t('signals.desk.title'), (ctx) => (
        <DeskPage ctx={ctx} desk={desk} regions={regions} />
      ));
    });

    async function showSignal(
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      state?: SignalFormErrors,
      status = 200,
    ) {
      const [data, placeNames] = await Promise.all([signalForCoordinator(deps, req.user!, id), places(req)]);
      return sendPage(
        req,
        reply,
        data.signal.title,
        (ctx) => <CoordinatorSignalPage ctx={ctx} data={data} places={placeNames} state={state} />,
        status,
      );
    }

    app.get(
      '/signalen/behandelen/signalen/:id',
      { config: coordinate, schema: { params: idParams } },
      (req, reply) => showSignal(req, reply, req.params.id),
    );

    app.post(
      '/signalen/behandelen/signalen/:id/bundel',
      { config: coordinate, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const parsed = parseForm(bundleForm, req.body, req.t);
        if (!parsed.ok) return showSignal(req, reply, req.params.id, { form: 'bundle', ...parsed }, 400);
        const d = parsed.data;
        try {
          const bundleId = await bundleSignal(
            deps,
            actorOf(req),
            req.user!,
            req.params.id,
            d.bundle === 'new' ? { title: d.title! } : { bundleId: d.bundle },
          );
          setFlash(reply, 'success', 'signals.bundle.added');
          return reply.redirect(`/signalen/behandelen/bundels/${bundleId}`, 303);
        } catch (err) {
          rethrowUnlessRefused(err);
          return showSignal(
            req,
            reply,
            req.params.id,
            { form: 'bundle', values: parsed.values, errors: { bundle: req.t(err.messageKey) } },
            422,
          );
        }
      },
    );

    async function showBundle(
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      state?: SignalFormErrors,
      status = 200,
    ) {
      const [data, placeNames] = await Promise.all([bundleForCoordinator(deps, req.user!, id), places(req)]);
      return sendPage(
        req,
        reply,
        data.bundle.title,
        (ctx) => (
          <BundlePage
            ctx={ctx}
            data={data}
            places={placeNames}
            today={brusselsDay(deps.clock.now())}
            state={state}
          />
        ),
        status,
      );
    }

    app.get(
      '/signalen/behandelen/bundels/:id',
      { config: coordinate, schema: { params: idParams } },
      (req, reply) => showBundle(req, reply, req.params.id),
    );

    app.get(
      '/signalen/behandelen/bundels/:id/werkgroep',
      { config: coordinate, schema: { params: idParams } },
      async (req, reply) => {
        const [data, placeNames] = await Promise.all([
          bundleForCoordinator(deps, req.user!, req.params.id),
          places(req),
        ]);
        return sendPage(
          req,
          reply,
          (ctx) => ctx.t('signals.workingGroup.title', { title: data.bundle.title }),
          (ctx) => <WorkingGroupPage ctx={ctx} data={data} places={placeNames} />,
        );
      },
    );

    /**
     * A step on the bundle page: invalid input, or a step that does not fit the bundle's status, shows
     * the page again with the errors at the form; a step done redirects back to the bundle.
     */
    function bundleStep<S extends z.ZodType>(
      /** The last part of the path; also the id of the form on the page. */
      form: string,
      schema: S,
      flash: MessageKey,
      run: (req: FastifyRequest<{ Params: { id: string } }>, data: z.infer<S>) => Promise<unknown>,
    ) {
      app.post(
        `/signalen/behandelen/bundels/:id/${form}`,
        { config: coordinate, schema: { params: idParams, body: formBody } },
        async (req, reply) => {
          const parsed = parseForm(schema, req.body, req.t);
          if (!parsed.ok) return showBundle(req, reply, req.params.id, { form, ...parsed }, 400);
          try {
            await run(req, parsed.data);
          } catch (err) {
            rethrowUnlessRefused(err);
            // The step no longer fits the bundle (another coordinator moved it on): said at the top.
            const errors = { page: req.t(err.messageKey) };
            return showBundle(
              req,
              reply,
              req.params.id,
              { form: 'page', values: parsed.values, errors },
              422,
            );
          }
          setFlash(reply, 'success', flash);
          return reply.redirect(`/signalen/behandelen/bundels/${req.params.id}`, 303);
        },
      );
    }

    bundleStep('onderschrijving', endorsementForm, 'signals.endorsement.saved', (req, d) =>
      recordEndorsement(deps, actorOf(req), req.user!, req.params.id, {
        endorsed: d.decision === 'endorsed',
        workingGroup: d.workingGroup,
        date: d.decidedOn,
        note: d.message,
      }),
    );
    bundleStep('aanbeveling', recommendationForm, 'signals.recommendation.saved', (req, d) =>
      recordRecommendation(deps, actorOf(req), req.user!, req.params.id, {
        ...d,
        date: d.sentOn,
        note: d.message,
      }),
    );
    bundleStep('antwoord', answerForm, 'signals.answer.saved', (req, d) =>
      recordAnswer(deps, actorOf(req), req.user!, req.params.id, {
        answer: d.answer,
        date: d.receivedOn,
        note: d.message,
      }),
    );
    bundleStep('opvolging', followUpForm, 'signals.followUp.saved', (req, d) =>
      addFollowUpEntry(deps, actorOf(req), req.user!, req.params.id, d),
    );
  };
}
