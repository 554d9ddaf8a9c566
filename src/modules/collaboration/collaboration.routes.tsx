import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject, canAnywhere } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, rethrowUnlessRefused } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  atLeastOne,
  checkboxValues,
  choice,
  day,
  formBody,
  type FormBody,
  optionalText,
  parseForm,
  requiredText,
  submittedValues,
} from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import { schoolYearOf, schoolYearsAround } from '../../platform/school-year.ts';
import { one } from '../../platform/views/components.tsx';
import { cooperationForms, needCodes } from '../../platform/vocabularies.ts';
import { findOrganisationNames } from '../accounts/accounts.repository.ts';
import { findMunicipality, workRegionsWithMunicipalities } from '../regions/regions.service.ts';
import { localName } from '../regions/views/regions.tsx';
import { drawNetwork, filterCollaborations } from './network-picture.ts';
import { NetworkPicturePage } from './views/picture.tsx';
import { RegionRolesPage } from './views/networks.tsx';
import { roleHoldings } from './coordinator-roles.service.ts';
import {
  agreementTemplates,
  EXTRA_ROWS,
  MAX_ROWS_PER_TOPIC,
  suggestedCommitments,
} from './agreement-templates.ts';
import {
  agreementKinds,
  collaborationLevels,
  collaborationStatuses,
  type Commitment,
  type CommitmentTopic,
  intensities,
} from './collaboration.table.ts';
import {
  acceptAgreement,
  type Agreement,
  agreementsOf,
  changeCollaboration,
  type Collaboration,
  type CollaborationInput,
  compareAgreements,
  findCollaboration,
  findEvaluations,
  isCurrentVersion,
  mayManageCollaboration,
  organisationsAdministeredBy,
  maySeeCollaboration,
  partnersAdministeredBy,
  planEvaluation,
  recordEvaluation,
  registerCollaboration,
  saveAgreement,
  setPublicConsent,
  visibleCollaborations,
} from './collaborations.service.ts';
import {
  type AgreementDraft,
  AgreementComparePage,
  AgreementFormPage,
  AgreementPage,
  CollaborationFormPage,
  CollaborationHomePage,
  CollaborationPage,
  type PageFormErrors,
} from './views/collaborations.tsx';

// ---- Forms (messages are catalogue keys) ------------------------------------------------------------

const optionalId = z
  .union([z.literal(''), z.uuid()], { message: 'validation.choose' })
  .optional()
  .transform((v) => v || null);
const optionalDay = z
  .union([z.literal(''), day])
  .optional()
  .transform((v) => v || null);

const collaborationForm = z.object({
  title: requiredText(160),
  description: optionalText(4000).transform((v) => v ?? ''),
  initiator: optionalId,
  forms: atLeastOne(cooperationForms),
  intensity: choice(intensities),
  level: choice(collaborationLevels),
  needs: checkboxValues(needCodes),
  municipality: z
    .union([z.literal(''), z.string().regex(/^\d{5}$/)], { message: 'validation.choose' })
    .optional()
    .transform((v) => v || null),
  place: optionalText(200),
  startsOn: day,
  endsOn: optionalDay,
  status: choice(collaborationStatuses),
});
const newCollaborationForm = collaborationForm.extend({
  organisation: z.uuid({ message: 'validation.choose' }),
});
const consentForm = z.object({
  organisation: z.uuid({ message: 'validation.choose' }),
  consent: choice(['yes', 'no'] as const),
});
const planForm = z.object({ plannedOn: day });
const heldForm = z.object({ heldOn: day, notes: optionalText(4000).transform((v) => v ?? '') });
const acceptForm = z.object({
  organisation: z.uuid({ message: 'validation.choose' }),
  confirm: z.literal('yes', { message: 'agreement.accept.confirmRequired' }),
});

/** The network picture's filters; an unknown value is a 400 like any other bad query. */
const pictureQuery = z.object({
  gemeente: z.union([z.literal(''), z.string().regex(/^\d{5}$/)]).optional(),
  nood: z.union([z.literal(''), z.enum(needCodes)]).optional(),
  vorm: z.union([z.literal(''), z.enum(cooperationForms)]).optional(),
});

/** The partner fields (`partner-0` …) as one list, kept in order, blanks dropped. */
const partnersFrom = (body: FormBody) =>
  Array.from({ length: 50 }, (_, i) => one(body[`partner-${i}`]) ?? '').filter((v) => v !== '');

const idParams = z.object({ id: z.uuid() });
const agreementParams = z.object({ id: z.uuid(), agreementId: z.uuid() });

/** Samenwerking: the collaboration registry and its agreements. Networks live in networks.routes.tsx. */
export function collaborationRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const manage = { permission: 'collaboration:manage' } as const;

    /** Seen by partners' members (or by all when public); "not found" for everyone else. */
    const visible = async (req: FastifyRequest, id: string) =>
      authorizeObject(await findCollaboration(deps, id), (c) => maySeeCollaboration(req.user, c));
    const managed = async (req: FastifyRequest, id: string) =>
      authorizeObject(await findCollaboration(deps, id), (c) => mayManageCollaboration(req.user, c));

    app.get('/samenwerking', { config: { permission: 'public' } }, async (req, reply) => {
      const visibleToUser = await visibleCollaborations(deps, req.user);
      const own = req.user
        ? visibleToUser.filter((c) =>
            c.partners.some((p) => req.user!.memberships.some((m) => m.organisationId === p.organisationId)),
          )
        : null;
      const shared = visibleToUser.filter((c) => c.isPublic);
      return sendPage(req, reply, req.t('nav.collaboration'), (ctx) => (
        <CollaborationHomePage
          ctx={ctx}
          own={own}
          shared={shared}
          mayRegister={canAnywhere(req.user, 'collaboration:manage')}
        />
      ));
    });

    app.get('/samenwerking/rollen', { config: { permission: 'public' } }, async (req, reply) => {
      const regions = await workRegionsWithMunicipalities(deps);
      const holdings = await Promise.all(regions.map((r) => roleHoldings(deps, { regionCode: r.code })));
      return sendPage(req, reply, req.t('roles.region.title'), (ctx) => (
        <RegionRolesPage
          ctx={ctx}
          regions={regions.map((r, i) => ({
            code: r.code,
            name: localName(ctx.locale, r),
            holdings: holdings[i]!,
          }))}
        />
      ));
    });

    app.get(
      '/samenwerking/netwerkbeeld',
      { config: { permission: 'public' }, schema: { querystring: pictureQuery } },
      async (req, reply) => {
        const filters = {
          municipality: req.query.gemeente || null,
          need: req.query.nood || null,
          form: req.query.vorm || null,
        };
        const [collaborations, regions] = await Promise.all([
          visibleCollaborations(deps, req.user),
          workRegionsWithMunicipalities(deps),
        ]);
        const picture = drawNetwork(filterCollaborations(collaborations, filters), filters);
        return sendPage(req, reply, req.t('picture.title'), (ctx) => (
          <NetworkPicturePage
            ctx={ctx}
            picture={picture}
            filters={filters}
            regions={regions}
            signedIn={Boolean(req.user)}
          />
        ));
      },
    );

    // ---- Registering and changing ---------------------------------------------------------------------

    async function showForm(
      req: FastifyRequest,
      reply: FastifyReply,
      target: { collaboration: Collaboration } | null,
      form: { values: FormBody; errors?: Record<string, string> },
      status = 200,
    ) {
      const [organisations, regions] = await Promise.all([
        findOrganisationNames(deps.db),
        workRegionsWithMunicipalities(deps),
      ]);
      const ownOrganisations = target ? null : organisationsAdministeredBy(req.user!);
      const title = req.t(target ? 'collaboration.edit.title' : 'collaboration.new.title');
      return sendPage(
        req,
        reply,
        title,
        (ctx) => (
          <CollaborationFormPage
            ctx={ctx}
            action={target ? `/samenwerking/${target.collaboration.id}/wijzigen` : '/samenwerking/nieuw'}
            title={title}
            backHref={target ? `/samenwerking/${target.collaboration.id}` : '/samenwerking'}
            ownOrganisations={ownOrganisations}
            organisations={organisations}
            regions={regions}
            form={form}
          />
        ),
        status,
      );
    }

    /** The form as sent, with the partner fields as one list, to show it again. */
    const valuesOf = (body: FormBody) => ({ ...submittedValues(body), partner: partnersFrom(body) });

    const inputOf = (d: z.infer<typeof collaborationForm>, partnerIds: string[]): CollaborationInput => ({
      title: d.title,
      description: d.description,
      forms: d.forms,
      intensity: d.intensity,
      needs: d.needs,
      level: d.level,
      municipalityNis: d.municipality,
      place: d.place,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      status: d.status,
      partnerIds,
      initiatorOrganisationId: d.initiator,
    });

    /** A refusal from the service shown next to the field it is about. */
    const fieldOfRefusal = (code: string) =>
      ({ InitiatorNotPartner: 'initiator', EndsBeforeStart: 'endsOn', NotAdmin: 'organisation' })[code] ??
      'partner';

    app.get('/samenwerking/nieuw', { config: manage }, (req, reply) =>
      showForm(req, reply, null, {
        values: {
          intensity: 'recurring',
          level: 'school_policy',
          status: 'active',
          startsOn: schoolYearOf(deps.clock.now()).slice(0, 4) + '-09-01',
        },
      }),
    );

    app.post('/samenwerking/nieuw', { config: manage, schema: { body: formBody } }, async (req, reply) => {
      const values = valuesOf(req.body);
      const partners = partnersFrom(req.body);
      const parsed = parseForm(newCollaborationForm, req.body, req.t);
      if (!parsed.ok) return showForm(req, reply, null, { values, errors: parsed.errors }, 400);
      try {
        const id = await registerCollaboration(
          deps,
          actorOf(req),
          req.user!,
          parsed.data.organisation,
          inputOf(parsed.data, partners),
        );
        setFlash(reply, 'success', 'collaboration.new.done');
        return reply.redirect(`/samenwerking/${id}`, 303);
      } catch (err) {
        rethrowUnlessRefused(err);
        return showForm(
          req,
          reply,
          null,
          { values, errors: { [fieldOfRefusal(err.code)]: req.t(err.messageKey) } },
          422,
        );
      }
    });

    app.get(
      '/samenwerking/:id',
      { config: { permission: 'public' }, schema: { params: idParams } },
      async (req, reply) => showCollaboration(req, reply, await visible(req, req.params.id)),
    );

    async function showCollaboration(
      req: FastifyRequest,
      reply: FastifyReply,
      c: Collaboration,
      formErrors?: PageFormErrors,
      status = 200,
    ) {
      const [evaluations, agreements, municipality] = await Promise.all([
        findEvaluations(deps, c.id),
        agreementsOf(deps, c.id),
        c.municipalityNis ? findMunicipality(deps, c.municipalityNis) : null,
      ]);
      return sendPage(
        req,
        reply,
        c.title,
        (ctx) => (
          <CollaborationPage
            ctx={ctx}
            collaboration={c}
            municipalityName={
              municipality
                ? localName(ctx.locale, {
                    nameNl: municipality.municipality.name_nl,
                    nameFr: municipality.municipality.name_fr,
                  })
                : null
            }
            mayManage={mayManageCollaboration(req.user, c)}
            administered={partnersAdministeredBy(req.user, c)}
            evaluations={evaluations}
            agreements={agreements}
            formErrors={formErrors}
          />
        ),
        status,
      );
    }

    app.get(
      '/samenwerking/:id/wijzigen',
      { config: manage, schema: { params: idParams } },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        return showForm(
          req,
          reply,
          { collaboration: c },
          {
            values: {
              title: c.title,
              description: c.description,
              partner: c.partners.map((p) => p.organisationId),
              initiator: c.initiatorOrganisationId ?? '',
              forms: c.forms,
              intensity: c.intensity,
              level: c.level,
              needs: c.needs,
              municipality: c.municipalityNis ?? '',
              place: c.place ?? '',
              startsOn: c.startsOn,
              endsOn: c.endsOn ?? '',
              status: c.status,
            },
          },
        );
      },
    );

    app.post(
      '/samenwerking/:id/wijzigen',
      { config: manage, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        const values = valuesOf(req.body);
        const partners = partnersFrom(req.body);
        const parsed = parseForm(collaborationForm, req.body, req.t);
        if (!parsed.ok)
          return showForm(req, reply, { collaboration: c }, { values, errors: parsed.errors }, 400);
        // An admin cannot drop the last organisation they speak for: they would lose the collaboration.
        if (
          !partnersAdministeredBy(req.user, {
            ...c,
            partners: c.partners.filter((p) => partners.includes(p.organisationId)),
          }).length
        )
          return showForm(
            req,
            reply,
            { collaboration: c },
            { values, errors: { partner: req.t('collaboration.partners.keepOwn') } },
            422,
          );
        try {
          await changeCollaboration(deps, actorOf(req), c, inputOf(parsed.data, partners));
        } catch (err) {
          rethrowUnlessRefused(err);
          return showForm(
            req,
            reply,
            { collaboration: c },
            { values, errors: { [fieldOfRefusal(err.code)]: req.t(err.messageKey) } },
            422,
          );
        }
        setFlash(reply, 'success', 'collaboration.edit.done');
        return reply.redirect(`/samenwerking/${c.id}`, 303);
      },
    );

    app.post(
      '/samenwerking/:id/openbaar',
      { config: manage, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        const parsed = parseForm(consentForm, req.body, req.t);
        if (!parsed.ok) return showCollaboration(req, reply, c, { form: 'public', state: parsed }, 400);
        try {
          await setPublicConsent(
            deps,
            actorOf(req),
            req.user!,
            c,
            parsed.data.organisation,
            parsed.data.consent === 'yes',
          );
        } catch (err) {
          rethrowUnlessRefused(err);
          const state = { values: parsed.values, errors: { organisation: req.t(err.messageKey) } };
          return showCollaboration(req, reply, c, { form: 'public', state }, 422);
        }
        setFlash(reply, 'success', 'collaboration.public.saved');
        return reply.redirect(`/samenwerking/${c.id}#partners-title`, 303);
      },
    );

    app.post(
      '/samenwerking/:id/evaluaties',
      { config: manage, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        const parsed = parseForm(planForm, req.body, req.t);
        if (!parsed.ok) return showCollaboration(req, reply, c, { form: 'plan', state: parsed }, 400);
        await planEvaluation(deps, actorOf(req), c.id, parsed.data.plannedOn);
        setFlash(reply, 'success', 'collaboration.evaluation.plannedDone');
        return reply.redirect(`/samenwerking/${c.id}#evaluations-title`, 303);
      },
    );

    app.post(
      '/samenwerking/:id/evaluaties/:evaluationId',
      {
        config: manage,
        schema: { params: z.object({ id: z.uuid(), evaluationId: z.uuid() }), body: formBody },
      },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        const parsed = parseForm(heldForm, req.body, req.t);
        if (!parsed.ok)
          return showCollaboration(
            req,
            reply,
            c,
            { form: `held-${req.params.evaluationId}`, state: parsed },
            400,
          );
        await recordEvaluation(deps, actorOf(req), c.id, req.params.evaluationId, parsed.data);
        setFlash(reply, 'success', 'collaboration.evaluation.recordedDone');
        return reply.redirect(`/samenwerking/${c.id}#evaluations-title`, 303);
      },
    );

    // ---- Agreements ----------------------------------------------------------------------------------

    const schoolYears = () => schoolYearsAround(deps.clock.now());
    const draftQuery = z.object({
      soort: z.enum(agreementKinds).optional().catch(undefined),
      schooljaar: z
        .string()
        .regex(/^\d{4}-\d{4}$/)
        .optional()
        .catch(undefined),
      van: z.uuid().optional().catch(undefined),
    });

    /** A first draft: a copy of an earlier version (to change it or renew it), or the template's suggestions. */
    function draftFrom(
      req: FastifyRequest,
      query: z.infer<typeof draftQuery>,
      from: Agreement | undefined,
    ): AgreementDraft {
      const years = schoolYears();
      const kind = query.soort ?? from?.kind ?? 'agreement_note';
      const schoolYear =
        query.schooljaar && years.includes(query.schooljaar)
          ? query.schooljaar
          : (from?.schoolYear ?? schoolYearOf(deps.clock.now()));
      const rows: AgreementDraft['rows'] = {};
      for (const topic of agreementTemplates[kind]) {
        const filled = from
          ? from.commitments
              .filter((c) => c.topic === topic)
              .map((c) => ({ text: c.text, by: c.responsible ?? '' }))
          : suggestedCommitments[topic].map((key) => ({ text: req.t(key), by: '' }));
        rows[topic] = [...filled, ...Array.from({ length: EXTRA_ROWS }, () => ({ text: '', by: '' }))];
      }
      return { kind, schoolYear, reviewOn: from?.reviewOn ?? '', rows };
    }

    async function showAgreementForm(
      req: FastifyRequest,
      reply: FastifyReply,
      c: Collaboration,
      draft: AgreementDraft,
      errors?: Record<string, string>,
      status = 200,
    ) {
      return sendPage(
        req,
        reply,
        req.t('agreement.new.title'),
        (ctx) => (
          <AgreementFormPage
            ctx={ctx}
            collaboration={c}
            schoolYears={schoolYears()}
            draft={draft}
            errors={errors}
          />
        ),
        status,
      );
    }

    app.get(
      '/samenwerking/:id/afspraken/nieuw',
      { config: manage, schema: { params: idParams, querystring: draftQuery } },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        const all = await agreementsOf(deps, c.id);
        const from = req.query.van ? all.find((a) => a.id === req.query.van) : undefined;
        return showAgreementForm(req, reply, c, draftFrom(req, req.query, from));
      },
    );

    /**
     * Reads the checklist rows (`<topic>-<i>-text`, `<topic>-<i>-by`): blank rows are dropped, and
     * "more rows" for a topic comes back to the form with the rows kept and three more.
     */
    function readAgreement(body: FormBody, c: Collaboration) {
      const errors: Record<string, string> = {};
      const kind = z.enum(agreementKinds).safeParse(one(body.kind));
      const schoolYear = one(body.schoolYear) ?? '';
      const reviewOn = (one(body.reviewOn) ?? '').trim();
      const draft: AgreementDraft = {
        kind: kind.success ? kind.data : 'agreement_note',
        schoolYear: schoolYears().includes(schoolYear) ? schoolYear : schoolYearOf(deps.clock.now()),
        reviewOn,
        rows: {},
      };
      const partnerIds = new Set(c.partners.map((p) => p.organisationId));
      const commitments: Commitment[] = [];
      for (const topic of agreementTemplates[draft.kind]) {
        const count = Math.min(MAX_ROWS_PER_TOPIC, Math.max(0, Number(one(body[`rows-${topic}`])) || 0));
        const rows = Array.from({ length: count }, (_, i) => ({
          text: (one(body[`${topic}-${i}-text`]) ?? '').trim(),
          by: one(body[`${topic}-${i}-by`]) ?? '',
        }));
        for (const row of rows) {
          if (row.text.length > 500) errors[topic] = 'validation.tooLong';
          else if (row.by && !partnerIds.has(row.by)) errors[topic] = 'validation.choose';
          else if (row.text)
            commitments.push({
              topic: topic as CommitmentTopic,
              text: row.text,
              responsible: row.by || null,
            });
        }
        const more = one(body.meer) === topic ? 3 : 0;
        draft.rows[topic] = [...rows, ...Array.from({ length: more }, () => ({ text: '', by: '' }))].slice(
          0,
          MAX_ROWS_PER_TOPIC,
        );
      }
      if (!kind.success || !schoolYears().includes(schoolYear)) errors.kind = 'validation.choose';
      if (reviewOn && !day.safeParse(reviewOn).success) errors.reviewOn = 'validation.date';
      if (commitments.length === 0) errors[agreementTemplates[draft.kind][0]!] = 'agreement.commitments.none';
      return { draft, commitments, errors, wantsMore: Boolean(one(body.meer)) };
    }

    app.post(
      '/samenwerking/:id/afspraken/nieuw',
      { config: manage, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        const { draft, commitments, errors, wantsMore } = readAgreement(req.body, c);
        if (wantsMore) return showAgreementForm(req, reply, c, draft);
        const translated = Object.fromEntries(
          Object.entries(errors).map(([k, v]) => [k, req.t(v as 'validation.choose')]),
        );
        if (Object.keys(errors).length) return showAgreementForm(req, reply, c, draft, translated, 400);
        const id = await saveAgreement(deps, actorOf(req), req.user!, c, {
          schoolYear: draft.schoolYear,
          kind: draft.kind,
          commitments,
          reviewOn: draft.reviewOn || null,
        });
        setFlash(reply, 'success', 'agreement.saved');
        return reply.redirect(`/samenwerking/${c.id}/afspraken/${id}`, 303);
      },
    );

    app.get(
      '/samenwerking/:id/afspraken/vergelijk',
      {
        config: { permission: 'public' },
        schema: {
          params: idParams,
          querystring: z.object({
            van: z.uuid().optional().catch(undefined),
            met: z.uuid().optional().catch(undefined),
          }),
        },
      },
      async (req, reply) => {
        const c = await visible(req, req.params.id);
        const all = await agreementsOf(deps, c.id);
        const older = all.find((a) => a.id === req.query.van);
        const newer = all.find((a) => a.id === req.query.met);
        if (!older || !newer) throw new AppError(400, 'ChooseTwoVersions', 'agreement.compare.chooseTwo');
        return sendPage(req, reply, req.t('agreement.compare.title'), (ctx) => (
          <AgreementComparePage
            ctx={ctx}
            collaboration={c}
            older={older}
            newer={newer}
            rows={compareAgreements(older, newer)}
          />
        ));
      },
    );

    async function showAgreement(
      req: FastifyRequest,
      reply: FastifyReply,
      c: Collaboration,
      agreementId: string,
      errors?: Record<string, string>,
      status = 200,
    ) {
      const all = await agreementsOf(deps, c.id);
      const agreement = authorizeObject(
        all.find((a) => a.id === agreementId),
        () => true,
      );
      const mayAcceptFor = partnersAdministeredBy(req.user, c).filter(
        (p) => !agreement.acceptances.some((a) => a.organisationId === p.organisationId),
      );
      return sendPage(
        req,
        reply,
        req.t(`agreement.kind.${agreement.kind}`),
        (ctx) => (
          <AgreementPage
            ctx={ctx}
            collaboration={c}
            agreement={agreement}
            isCurrent={isCurrentVersion(agreement, all)}
            mayAcceptFor={mayAcceptFor}
            errors={errors}
          />
        ),
        status,
      );
    }

    app.get(
      '/samenwerking/:id/afspraken/:agreementId',
      { config: { permission: 'public' }, schema: { params: agreementParams } },
      async (req, reply) =>
        showAgreement(req, reply, await visible(req, req.params.id), req.params.agreementId),
    );

    app.post(
      '/samenwerking/:id/afspraken/:agreementId/aanvaarden',
      { config: manage, schema: { params: agreementParams, body: formBody } },
      async (req, reply) => {
        const c = await managed(req, req.params.id);
        const parsed = parseForm(acceptForm, req.body, req.t);
        if (!parsed.ok) return showAgreement(req, reply, c, req.params.agreementId, parsed.errors, 400);
        const all = await agreementsOf(deps, c.id);
        const agreement = authorizeObject(
          all.find((a) => a.id === req.params.agreementId),
          () => true,
        );
        try {
          await acceptAgreement(deps, actorOf(req), req.user!, c, agreement, all, parsed.data.organisation);
        } catch (err) {
          rethrowUnlessRefused(err);
          return showAgreement(req, reply, c, agreement.id, { organisation: req.t(err.messageKey) }, 422);
        }
        setFlash(reply, 'success', 'agreement.accept.done');
        return reply.redirect(`/samenwerking/${c.id}/afspraken/${agreement.id}`, 303);
      },
    );
  };
}
