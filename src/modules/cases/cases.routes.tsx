import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { AppError, rethrowUnlessRefused } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  atLeastOne,
  checkboxValues,
  choice,
  day,
  optionalText,
  emailField,
  formBody,
  submittedValues,
  optionalEmail,
  parseForm,
  requiredText,
} from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import { isLocale, LANGUAGE_COOKIE, locales, translator, type MessageKey } from '../../platform/i18n/i18n.ts';
import { ageBands, needCodes, schoolLevels } from '../../platform/vocabularies.ts';
import { findServiceById } from '../directory/directory.repository.ts';
import { searchServices } from '../directory/directory.search.ts';
import { workRegions } from '../regions/regions.service.ts';
import { createParentViewLink, eraseOnParentRequest, readParentView } from './cases.retention.ts';
import {
  addCaseMember,
  type CaseAccess,
  caseAuditTrail,
  readCase,
  removeCaseMember,
} from './cases.service.ts';
import {
  cannotShareReasons,
  type CaseKind,
  consentGivers,
  consentInformation,
  consentMethods,
  consentPurposes,
  consultationBases,
  consultationOutcomes,
  legalGrounds,
  referralOutcomes,
  referralStatuses,
} from './cases.table.ts';
import {
  addCaseAction,
  consultationFor,
  consultationOverview,
  giveAdvice,
  recordConsultationOutcome,
  recordRoundTable,
  requestConsultation,
  revealConsultationIdentity,
  setCaseActionDone,
} from './consultations.service.ts';
import {
  addReferralUpdate,
  answerConsent,
  assignHandler,
  createReferral,
  findConsentRequest,
  type Identity,
  readConsentRequest,
  recordOutcome,
  referralFor,
  referralOverview,
  revealReferralIdentity,
  withdrawConsent,
} from './referrals.service.ts';
import { AuditTrailPage, type CaseFormErrors, casePath } from './views/case-parts.tsx';
import { ConsultationPage, NewConsultationPage } from './views/consultation.tsx';
import { ConsentPage, FamilyMessagePage, FamilyRequestsPage, ParentViewPage } from './views/family.tsx';
import { ConsultationsPage, DayPage } from './views/overview.tsx';
import {
  ChooseServicePage,
  intensityLevels,
  NewReferralPage,
  ReferralCreatedPage,
  ReferralPage,
} from './views/referral.tsx';

// ---- Forms (messages are catalogue keys) ---------------------------------------------------------

const confirmed = z.literal('yes', { message: 'cases.confirmRequired' });

const newReferralForm = z.object({
  organisation: z.uuid({ message: 'validation.choose' }),
  pseudonym: requiredText(80),
  needs: atLeastOne(needCodes),
  intensity: choice(intensityLevels).transform(Number),
  note: optionalText(2000),
  parentName: optionalText(120),
  childName: optionalText(120),
  phone: optionalText(40),
  email: optionalEmail,
  consentGivenBy: choice(consentGivers),
  consentInformation: atLeastOne(consentInformation),
  consentPurpose: choice(consentPurposes),
  consentFeedbackText: checkboxValues(['yes'] as const).transform((v) => v.length > 0),
  consentMethod: choice(consentMethods),
  consentLocale: z.enum(locales).default('nl'),
  checkBackDays: z.coerce
    .number({ message: 'cases.referral.checkBackDaysInvalid' })
    .int({ message: 'cases.referral.checkBackDaysInvalid' })
    .min(1, { message: 'cases.referral.checkBackDaysInvalid' })
    .max(180, { message: 'cases.referral.checkBackDaysInvalid' }),
});
const statusForm = z
  .object({
    status: choice(referralStatuses),
    waitWeeks: z
      .string()
      .trim()
      .max(3)
      .optional()
      .refine((v) => !v || /^\d{1,3}$/.test(v), { message: 'cases.status.waitWeeksInvalid' })
      .transform((v) => (v ? Number(v) : null)),
    reasonCode: z
      .union([z.literal(''), choice(cannotShareReasons)])
      .optional()
      .transform((v) => v || null),
    message: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'waiting_list' && v.waitWeeks === null)
      ctx.addIssue({ code: 'custom', path: ['waitWeeks'], message: 'cases.status.waitWeeksRequired' });
    if (v.status === 'cannot_share' && !v.reasonCode)
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'cases.status.reasonRequired' });
  });
const outcomeForm = z.object({
  outcome: choice(referralOutcomes),
  note: optionalText(2000),
  close: checkboxValues(['yes'] as const).transform((v) => v.length > 0),
});
const confirmForm = z.object({ confirm: confirmed });
const memberForm = z.object({ email: emailField });
const revealForm = z.object({ reason: optionalText(300) });
const assignForm = z.object({ handler: emailField });

const newConsultationForm = z.object({
  organisation: z.uuid({ message: 'validation.choose' }),
  region: z.string({ message: 'validation.choose' }).regex(/^\d{5}$/, { message: 'validation.choose' }),
  ageBand: choice(ageBands),
  schoolLevel: choice(schoolLevels),
  needs: atLeastOne(needCodes),
  tried: requiredText(4000),
  question: requiredText(4000),
  schoolName: optionalText(200),
});
const adviceForm = z.object({ advice: requiredText(8000) });
const roundTableForm = z
  .object({
    basis: choice(consultationBases),
    legalGround: z
      .union([z.literal(''), choice(legalGrounds)])
      .optional()
      .transform((v) => v || null),
    meetingOn: day,
    participants: requiredText(2000),
    identity: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.basis === 'legal_ground' && !v.legalGround)
      ctx.addIssue({
        code: 'custom',
        path: ['legalGround'],
        message: 'cases.roundTable.legalGroundRequired',
      });
  });
const actionForm = z.object({
  description: requiredText(500),
  owner: requiredText(120),
  dueOn: z
    .union([z.literal(''), day])
    .optional()
    .transform((v) => v || null),
});
const actionDoneForm = z.object({ done: z.enum(['yes', 'no']) });
const consultationOutcomeForm = z
  .object({ outcome: choice(consultationOutcomes), signal: optionalText(2000) })
  .superRefine((v, ctx) => {
    if (v.outcome === 'none' && !v.signal)
      ctx.addIssue({ code: 'custom', path: ['signal'], message: 'cases.consultationOutcome.signalRequired' });
  });
const familyRequestForm = z.object({
  reference: requiredText(20),
  request: choice(['view', 'erase'] as const),
  confirm: confirmed,
});

const idParams = z.object({ id: z.uuid() });
const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });
const actionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
const tokenParams = z.object({ token: z.string().max(100) });

type Form<S extends z.ZodType> = z.infer<S>;

/** Toeleiding en casusoverleg: referrals, consultations, their members and audit trail, and the family's pages. */
export function casesRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const work = { permission: 'case:work' } as const;
    const regions = () => workRegions(deps);
    const organisationsOf = (req: FastifyRequest) =>
      req.user!.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName }));

    /** A case page, for a member; its read is audited (once) by whoever fetched `access`. */
    async function renderCase(
      req: FastifyRequest,
      reply: FastifyReply,
      access: CaseAccess,
      extra: { state?: CaseFormErrors; identity?: Identity | string; status?: number } = {},
    ) {
      if (access.kind === 'referral') {
        const referral = await referralFor(deps, access);
        return sendPage(
          req,
          reply,
          req.t('cases.referral.title', {
            pseudonym: referral.pseudonym ?? req.t('cases.referral.withdrawnTitle'),
          }),
          (ctx) => (
            <ReferralPage
              ctx={ctx}
              referral={referral}
              identity={extra.identity as Identity | undefined}
              state={extra.state}
            />
          ),
          extra.status ?? 200,
        );
      }
      const [consultation, regionList] = await Promise.all([consultationFor(deps, access), regions()]);
      return sendPage(
        req,
        reply,
        req.t('cases.consultation.listTitle'),
        (ctx) => (
          <ConsultationPage
            ctx={ctx}
            consultation={consultation}
            regions={regionList}
            identity={extra.identity as string | undefined}
            state={extra.state}
          />
        ),
        extra.status ?? 200,
      );
    }

    const showCase = async (
      req: FastifyRequest,
      reply: FastifyReply,
      kind: CaseKind,
      id: string,
      extra: { state?: CaseFormErrors; status?: number } = {},
    ) => renderCase(req, reply, await readCase(deps, actorOf(req), req.user!, id, kind), extra);

    /**
     * A form on a case page: invalid input or a refused change shows the page again with the
     * errors at the form (one audited read); a change redirects back to the page.
     */
    function caseForm<S extends z.ZodType, P extends { id: string } = { id: string }>(
      kind: CaseKind,
      form: string,
      schema: S,
      field: string,
      flash: MessageKey,
      run: (req: FastifyRequest<{ Params: P }>, data: Form<S>) => Promise<unknown>,
    ) {
      return async (req: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
        const caseId = (req.params as { id: string }).id;
        const parsed = parseForm(schema, req.body, req.t);
        if (!parsed.ok)
          return showCase(req, reply, kind, caseId, {
            state: { form, errors: parsed.errors, values: parsed.values },
            status: 400,
          });
        try {
          await run(req, parsed.data);
        } catch (err) {
          rethrowUnlessRefused(err);
          return showCase(req, reply, kind, caseId, {
            state: { form, errors: { [field]: req.t(err.messageKey) }, values: parsed.values },
            status: 422,
          });
        }
        setFlash(reply, 'success', flash);
        return reply.redirect(casePath(kind, caseId), 303);
      };
    }

    // ---- The day's overview ---------------------------------------------------------------------------

    async function showDay(req: FastifyRequest, reply: FastifyReply, state?: CaseFormErrors, status = 200) {
      const actor = actorOf(req);
      const referrals = await referralOverview(deps, actor, req.user!);
      const consultations = await consultationOverview(deps, actor, req.user!);
      const regionList = await regions();
      return sendPage(
        req,
        reply,
        req.t('cases.overview.title'),
        (ctx) => (
          <DayPage
            ctx={ctx}
            referrals={referrals}
            consultations={consultations}
            regions={regionList}
            state={state}
          />
        ),
        status,
      );
    }

    app.get('/toeleiding', { config: work }, (req, reply) => showDay(req, reply));

    // ---- Referrals ------------------------------------------------------------------------------------

    app.get(
      '/toeleiding/nieuw',
      {
        config: work,
        schema: {
          querystring: z.object({
            zoek: z.string().max(200).optional(),
            dienst: z.uuid().optional().catch(undefined),
          }),
        },
      },
      async (req, reply) => {
        const service = req.query.dienst ? await findServiceById(deps.db, req.query.dienst) : undefined;
        if (service)
          return sendPage(req, reply, req.t('cases.referral.newTitle'), (ctx) => (
            <NewReferralPage
              ctx={ctx}
              service={{
                id: service.id,
                name: service.name,
                organizationName: service.organizationName,
                inApp: service.ownerOrganisationId !== null,
              }}
              organisations={organisationsOf(req)}
              form={{ values: { checkBackDays: '14', consentLocale: req.locale } }}
            />
          ));
        const query = req.query.zoek?.trim() ?? '';
        const results = query
          ? (await searchServices(deps.db, { q: query, limit: 20, offset: 0 })).rows.map((r) => ({
              id: r.id,
              name: r.name,
              organizationName: r.organizationName,
            }))
          : null;
        return sendPage(req, reply, req.t('cases.referral.newTitle'), (ctx) => (
          <ChooseServicePage ctx={ctx} query={query} results={results} />
        ));
      },
    );

    app.post(
      '/toeleiding/nieuw',
      {
        config: work,
        schema: { querystring: z.object({ dienst: z.uuid() }), body: formBody },
      },
      async (req, reply) => {
        const service = await findServiceById(deps.db, req.query.dienst);
        if (!service) return reply.redirect('/toeleiding/nieuw', 303);
        const showForm = (
          errors: Record<string, string>,
          values: Record<string, string | string[]>,
          status: number,
        ) =>
          sendPage(
            req,
            reply,
            req.t('cases.referral.newTitle'),
            (ctx) => (
              <NewReferralPage
                ctx={ctx}
                service={{
                  id: service.id,
                  name: service.name,
                  organizationName: service.organizationName,
                  inApp: service.ownerOrganisationId !== null,
                }}
                organisations={organisationsOf(req)}
                form={{ values, errors }}
              />
            ),
            status,
          );
        const values = submittedValues(req.body);
        const parsed = parseForm(newReferralForm, req.body, req.t);
        if (!parsed.ok) return showForm(parsed.errors, values, 400);
        const d = parsed.data;
        const identity =
          d.parentName || d.childName || d.phone || d.email
            ? {
                parentName: d.parentName ?? '',
                childName: d.childName ?? '',
                phone: d.phone ?? '',
                email: d.email,
              }
            : null;
        try {
          const created = await createReferral(deps, actorOf(req), req.user!, {
            organisationId: d.organisation,
            serviceId: service.id,
            needs: d.needs,
            intensity: d.intensity,
            pseudonym: d.pseudonym,
            identity,
            note: d.note,
            consentGivenBy: d.consentGivenBy,
            consentInformation: d.consentInformation,
            consentPurpose: d.consentPurpose,
            consentFeedbackText: d.consentFeedbackText,
            consentMethod: d.consentMethod,
            consentLocale: d.consentLocale,
            checkBackDays: d.checkBackDays,
          });
          return sendPage(req, reply, req.t('cases.referral.createdTitle'), (ctx) => (
            <ReferralCreatedPage
              ctx={ctx}
              caseId={created.caseId}
              reference={created.reference}
              consentLink={
                created.consentLink ? `${deps.config.publicUrl}/toestemming/${created.consentLink}` : null
              }
            />
          ));
        } catch (err) {
          rethrowUnlessRefused(err);
          return showForm({ organisation: req.t(err.messageKey) }, values, 422);
        }
      },
    );

    for (const kind of ['referral', 'consultation'] as const) {
      const base = kind === 'referral' ? '/toeleiding/:id' : '/casusoverleg/:id';
      app.get(base, { config: work, schema: { params: idParams } }, (req, reply) =>
        showCase(req, reply, kind, req.params.id),
      );
      app.get(`${base}/audit`, { config: work, schema: { params: idParams } }, async (req, reply) => {
        await readCase(deps, actorOf(req), req.user!, req.params.id, kind, 'audit_read');
        const rows = await caseAuditTrail(deps, req.params.id);
        return sendPage(req, reply, req.t('cases.audit.title'), (ctx) => (
          <AuditTrailPage ctx={ctx} kind={kind} caseId={req.params.id} rows={rows} />
        ));
      });
      app.post(
        `${base}/leden`,
        { config: work, schema: { params: idParams, body: formBody } },
        caseForm(kind, 'members', memberForm, 'email', 'cases.members.added', (req, d) =>
          addCaseMember(deps, actorOf(req), req.user!, req.params.id, kind, d.email),
        ),
      );
      app.post(
        `${base}/leden/:userId/verwijderen`,
        { config: work, schema: { params: memberParams, body: formBody } },
        async (req, reply) => {
          await removeCaseMember(deps, actorOf(req), req.user!, req.params.id, kind, req.params.userId);
          setFlash(reply, 'success', 'cases.members.removed');
          return reply.redirect(casePath(kind, req.params.id), 303);
        },
      );
      app.post(
        `${base}/identiteit`,
        { config: work, schema: { params: idParams, body: formBody } },
        async (req, reply) => {
          const parsed = parseForm(revealForm, req.body, req.t);
          const reason = parsed.ok ? parsed.data.reason : null;
          const actor = actorOf(req);
          try {
            const revealed =
              kind === 'referral'
                ? await revealReferralIdentity(deps, actor, req.user!, req.params.id, reason)
                : await revealConsultationIdentity(deps, actor, req.user!, req.params.id, reason);
            return renderCase(req, reply, revealed.access, { identity: revealed.identity });
          } catch (err) {
            rethrowUnlessRefused(err);
            return showCase(req, reply, kind, req.params.id, { status: 422 });
          }
        },
      );
    }

    app.post(
      '/toeleiding/:id/toestemming-intrekken',
      { config: work, schema: { params: idParams, body: formBody } },
      caseForm('referral', 'withdraw', confirmForm, 'confirm', 'cases.consent.withdrawn', (req) =>
        withdrawConsent(deps, actorOf(req), req.user!, req.params.id),
      ),
    );
    app.post(
      '/toeleiding/:id/status',
      { config: work, schema: { params: idParams, body: formBody } },
      caseForm('referral', 'status', statusForm, 'status', 'cases.status.saved', (req, d) =>
        addReferralUpdate(deps, actorOf(req), req.user!, req.params.id, d),
      ),
    );
    app.post(
      '/toeleiding/:id/opvolging',
      { config: work, schema: { params: idParams, body: formBody } },
      caseForm('referral', 'outcome', outcomeForm, 'outcome', 'cases.checkBack.saved', (req, d) =>
        recordOutcome(deps, actorOf(req), req.user!, req.params.id, d),
      ),
    );
    app.post(
      '/toeleiding/:id/toewijzen',
      { config: work, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const form = `assign-${req.params.id}`;
        const parsed = parseForm(assignForm, req.body, req.t);
        if (!parsed.ok)
          return showDay(
            req,
            reply,
            { form, errors: { handler: parsed.errors.handler ?? '' }, values: parsed.values },
            400,
          );
        try {
          await assignHandler(deps, actorOf(req), req.user!, req.params.id, parsed.data.handler);
        } catch (err) {
          rethrowUnlessRefused(err);
          return showDay(
            req,
            reply,
            { form, errors: { handler: req.t(err.messageKey) }, values: parsed.values },
            422,
          );
        }
        setFlash(reply, 'success', 'cases.intake.assigned');
        return reply.redirect('/toeleiding', 303);
      },
    );

    // ---- Consultations ---------------------------------------------------------------------------------

    app.get('/casusoverleg', { config: work }, async (req, reply) => {
      const consultations = await consultationOverview(deps, actorOf(req), req.user!);
      const regionList = await regions();
      return sendPage(req, reply, req.t('cases.consultation.listTitle'), (ctx) => (
        <ConsultationsPage ctx={ctx} consultations={consultations} regions={regionList} />
      ));
    });

    const showNewConsultation = async (
      req: FastifyRequest,
      reply: FastifyReply,
      form: { values: Record<string, string | string[]>; errors?: Record<string, string> },
      status = 200,
    ) => {
      const regionList = await regions();
      return sendPage(
        req,
        reply,
        req.t('cases.consultation.newTitle'),
        (ctx) => (
          <NewConsultationPage
            ctx={ctx}
            regions={regionList}
            organisations={organisationsOf(req)}
            form={form}
          />
        ),
        status,
      );
    };
    app.get('/casusoverleg/nieuw', { config: work }, (req, reply) =>
      showNewConsultation(req, reply, { values: {} }),
    );
    app.post('/casusoverleg/nieuw', { config: work, schema: { body: formBody } }, async (req, reply) => {
      const values = submittedValues(req.body);
      const parsed = parseForm(newConsultationForm, req.body, req.t);
      if (!parsed.ok) return showNewConsultation(req, reply, { values, errors: parsed.errors }, 400);
      const d = parsed.data;
      if (!(await regions()).some((r) => r.code === d.region))
        return showNewConsultation(
          req,
          reply,
          { values, errors: { region: req.t('validation.choose') } },
          400,
        );
      try {
        const id = await requestConsultation(deps, actorOf(req), req.user!, {
          organisationId: d.organisation,
          regionCode: d.region,
          ageBand: d.ageBand,
          schoolLevel: d.schoolLevel,
          needs: d.needs,
          tried: d.tried,
          question: d.question,
          schoolName: d.schoolName,
        });
        setFlash(reply, 'success', 'cases.consultation.sent');
        return reply.redirect(`/casusoverleg/${id}`, 303);
      } catch (err) {
        rethrowUnlessRefused(err);
        return showNewConsultation(req, reply, { values, errors: { region: req.t(err.messageKey) } }, 422);
      }
    });

    app.post(
      '/casusoverleg/:id/advies',
      { config: work, schema: { params: idParams, body: formBody } },
      caseForm('consultation', 'advice', adviceForm, 'advice', 'cases.advice.saved', (req, d) =>
        giveAdvice(deps, actorOf(req), req.user!, req.params.id, d.advice),
      ),
    );
    app.post(
      '/casusoverleg/:id/rondetafel',
      { config: work, schema: { params: idParams, body: formBody } },
      caseForm('consultation', 'roundTable', roundTableForm, 'basis', 'cases.roundTable.saved', (req, d) =>
        recordRoundTable(deps, actorOf(req), req.user!, req.params.id, d),
      ),
    );
    app.post(
      '/casusoverleg/:id/acties',
      { config: work, schema: { params: idParams, body: formBody } },
      caseForm('consultation', 'action', actionForm, 'description', 'cases.actions.saved', (req, d) =>
        addCaseAction(deps, actorOf(req), req.user!, req.params.id, d),
      ),
    );
    app.post(
      '/casusoverleg/:id/acties/:actionId',
      { config: work, schema: { params: actionParams, body: formBody } },
      caseForm<typeof actionDoneForm, { id: string; actionId: string }>(
        'consultation',
        'action',
        actionDoneForm,
        'description',
        'cases.actions.changed',
        (req, d) =>
          setCaseActionDone(
            deps,
            actorOf(req),
            req.user!,
            req.params.id,
            req.params.actionId,
            d.done === 'yes',
          ),
      ),
    );
    app.post(
      '/casusoverleg/:id/uitkomst',
      { config: work, schema: { params: idParams, body: formBody } },
      caseForm(
        'consultation',
        'outcome',
        consultationOutcomeForm,
        'outcome',
        'cases.consultationOutcome.saved',
        (req, d) => recordConsultationOutcome(deps, actorOf(req), req.user!, req.params.id, d),
      ),
    );

    // ---- The family's pages ---------------------------------------------------------------------------

    /** The family reads in the language they were asked in, unless they chose one themselves. */
    const familyLanguage = (req: FastifyRequest, locale: string | null) => {
      if (!req.cookies[LANGUAGE_COOKIE] && isLocale(locale)) {
        req.locale = locale;
        req.t = translator(locale);
      }
    };
    const linkGone = (req: FastifyRequest, reply: FastifyReply) =>
      sendPage(
        req,
        reply,
        req.t('cases.family.goneTitle'),
        (ctx) => (
          <FamilyMessagePage
            ctx={ctx}
            title={ctx.t('cases.family.goneTitle')}
            text={ctx.t('cases.family.goneText')}
          />
        ),
        404,
      );

    app.get(
      '/toestemming/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams } },
      async (req, reply) => {
        const read = await readConsentRequest(deps, actorOf(req), req.params.token);
        if (!read) return linkGone(req, reply);
        familyLanguage(req, read.consent_locale);
        return sendPage(req, reply, req.t('cases.family.consentTitle'), (ctx) => (
          <ConsentPage ctx={ctx} request={read} reference={read.reference} token={req.params.token} />
        ));
      },
    );
    app.post(
      '/toestemming/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams, body: formBody } },
      async (req, reply) => {
        const request = await findConsentRequest(deps, req.params.token);
        if (!request) return linkGone(req, reply);
        familyLanguage(req, request.consent_locale);
        const answer = req.body.answer;
        if (answer !== 'yes' && answer !== 'no')
          return reply.redirect(`/toestemming/${req.params.token}`, 303);
        await answerConsent(deps, actorOf(req), req.params.token, answer === 'yes');
        const key = answer === 'yes' ? 'cases.family.thanksYes' : 'cases.family.thanksNo';
        return sendPage(req, reply, req.t('cases.family.thanksTitle'), (ctx) => (
          <FamilyMessagePage ctx={ctx} title={ctx.t('cases.family.thanksTitle')} text={ctx.t(key)} />
        ));
      },
    );
    app.get(
      '/inzage/:token',
      { config: { permission: 'public' }, schema: { params: tokenParams } },
      async (req, reply) => {
        try {
          const view = await readParentView(deps, actorOf(req), req.params.token);
          return sendPage(req, reply, req.t('cases.family.viewTitle'), (ctx) => (
            <ParentViewPage ctx={ctx} view={view} />
          ));
        } catch (err) {
          if (err instanceof AppError && err.statusCode === 404) return linkGone(req, reply);
          throw err;
        }
      },
    );

    // ---- A family's request, served by a platform admin ---------------------------------------------

    const admin = { permission: 'case:serve-family-requests' } as const;
    app.get('/beheer/verzoeken-gezinnen', { config: admin }, (req, reply) =>
      sendPage(req, reply, req.t('cases.requests.title'), (ctx) => (
        <FamilyRequestsPage ctx={ctx} form={{ values: {} }} />
      )),
    );
    app.post(
      '/beheer/verzoeken-gezinnen',
      { config: admin, schema: { body: formBody } },
      async (req, reply) => {
        const parsed = parseForm(familyRequestForm, req.body, req.t);
        const show = (
          form: { values: Record<string, string>; errors?: Record<string, string> },
          result?: { kind: 'link'; link: string } | { kind: 'erased' },
          status = 200,
        ) =>
          sendPage(
            req,
            reply,
            req.t('cases.requests.title'),
            (ctx) => <FamilyRequestsPage ctx={ctx} form={form} result={result} />,
            status,
          );
        if (!parsed.ok) return show({ values: parsed.values, errors: parsed.errors }, undefined, 400);
        try {
          if (parsed.data.request === 'view') {
            const link = await createParentViewLink(deps, actorOf(req), parsed.data.reference);
            return show({ values: {} }, { kind: 'link', link });
          }
          await eraseOnParentRequest(deps, actorOf(req), parsed.data.reference);
          return show({ values: {} }, { kind: 'erased' });
        } catch (err) {
          if (!(err instanceof AppError) || err.statusCode !== 404) throw err;
          return show(
            { values: parsed.values, errors: { reference: req.t('cases.requests.unknown') } },
            undefined,
            404,
          );
        }
      },
    );
  };
}
