import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  checkboxValues,
  type FieldErrors,
  formBody,
  parseForm,
  visitorMessageForm,
} from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import { SearchCache } from '../../platform/search/search-cache.ts';
import { cooperationForms, needCodes } from '../../platform/vocabularies.ts';
import { findOrganisationById } from '../accounts/accounts.repository.ts';
import { findEntryNames } from '../directory/directory.repository.ts';
import { flemishAndBrusselsMunicipalities } from '../regions/regions.service.ts';
import {
  changedFields,
  emptyFiche,
  evidenceSteps,
  type FicheContent,
  ficheForm,
  ficheFormValues,
} from './fiche.ts';
import * as repo from './practices.repository.ts';
import { keptSimilarPractices, practiceSearchOf, searchPractices } from './practices.search.ts';
import { practicesApiRoutes } from './practices.api.ts';
import {
  confirmStillCurrent,
  mayEditPractice,
  maySeeWork,
  municipalityNames,
  needsReview,
  publishVersion,
  returnVersion,
  saveFiche,
  setFollowing,
  startPractice,
  submitFiche,
  suggestChange,
} from './practices.service.ts';
import { PracticePage, PracticeSearchPage, RADII_KM } from './views/practices.tsx';
import {
  FicheFormPage,
  MyPracticesPage,
  ReviewPage,
  ReviewQueuePage,
  SuggestionPage,
  VersionsPage,
} from './views/workflow.tsx';

const idParams = z.object({ id: z.uuid() });
const nis = z.string().regex(/^\d{5}$/);
const freeValues = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(20)])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()));

// The search page's GET form, in Dutch parameter names.
const pageQuery = z.object({
  q: z.string().max(200).optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  need: checkboxValues(needCodes),
  cooperationForm: checkboxValues(cooperationForms),
  evidence: checkboxValues(evidenceSteps),
  category: freeValues,
  targetGroup: freeValues,
  policyDomain: freeValues,
  province: z
    .union([nis, z.array(nis).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat())),
  municipality: z.union([nis, z.literal('')]).optional(),
  radius: z.union([z.enum(RADII_KM), z.literal('')]).optional(),
  pagina: z.coerce.number().int().min(1).max(10_000).optional(),
});

const reviewForm = z
  .object({
    decision: z.enum(['publish', 'return'], { message: 'practices.review.chooseDecision' }),
    comment: z.string().trim().max(4000, { message: 'validation.tooLong' }).optional(),
  })
  .refine((f) => f.decision !== 'return' || (f.comment?.length ?? 0) >= 5, {
    path: ['comment'],
    message: 'practices.review.commentNeeded',
  });

const suggestionForm = visitorMessageForm(4000);

/** Praktijkendatabank pages: search, the fiche, and the submit–review–publish workflow. */
export function practicesRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const cache = new SearchCache(repo.readPracticeGeneration(deps.db), deps.config.searchCacheSize);
    await app.register(practicesApiRoutes(deps, cache));
    const municipalitiesNamed = async () =>
      new Map((await flemishAndBrusselsMunicipalities(deps)).map((m) => [m.nisCode, m.nameNl]));

    /** A practice the caller may see: published, or work they own or review. Else "not found". */
    const visiblePractice = async (req: FastifyRequest, id: string) =>
      authorizeObject(
        await repo.findPracticeById(deps.db, id),
        (p) => p.status === 'published' || maySeeWork(req.user, p),
      );
    const published = async (id: string) =>
      authorizeObject(await repo.findPublishedPracticeById(deps.db, id), () => true);
    const editablePractice = async (req: FastifyRequest, id: string) =>
      authorizeObject(await repo.findPracticeById(deps.db, id), (p) => mayEditPractice(req.user, p));

    app.get(
      '/praktijken',
      { config: { permission: 'public' }, schema: { querystring: pageQuery } },
      async (req, reply) => {
        const q = req.query;
        const page = q.pagina ?? 1;
        const search = await practiceSearchOf(
          deps,
          {
            q: q.q,
            sort: q.sort,
            needs: q.need,
            cooperationForms: q.cooperationForm,
            evidenceSteps: q.evidence,
            categories: q.category,
            targetGroups: q.targetGroup,
            policyDomains: q.policyDomain,
            provinces: q.province,
          },
          { municipality: q.municipality || undefined, radiusKm: q.radius ? Number(q.radius) : undefined },
          page,
        );
        const [results, municipalities] = await Promise.all([
          cache.get(`page:${JSON.stringify(search)}`, () =>
            searchPractices(deps.db, search, { facets: true }),
          ),
          flemishAndBrusselsMunicipalities(deps),
        ]);
        const queryString = new URLSearchParams(
          Object.entries(req.query as Record<string, unknown>).flatMap(([k, v]) =>
            k === 'pagina' || v === undefined ? [] : [v].flat().map((item) => [k, String(item)]),
          ),
        ).toString();
        return sendPage(req, reply, req.t('practices.search.title'), (ctx) => (
          <PracticeSearchPage
            ctx={ctx}
            values={{
              q: q.q ?? '',
              sort: q.sort ?? 'relevance',
              needs: q.need,
              cooperationForms: q.cooperationForm,
              evidenceSteps: q.evidence,
              categories: q.category,
              targetGroups: q.targetGroup,
              policyDomains: q.policyDomain,
              provinces: q.province,
              municipality: q.municipality ?? '',
              radius: q.radius ?? '',
            }}
            rows={results.rows}
            total={results.total}
            page={page}
            facets={results.facets!}
            municipalities={municipalities}
            municipalityNames={new Map(municipalities.map((m) => [m.nisCode, m.nameNl]))}
            query={queryString}
          />
        ));
      },
    );

    // ---- Starting and changing a fiche -------------------------------------------------------

    const showForm = (
      req: FastifyRequest,
      reply: FastifyReply,
      page: { action: string; title: string; back: { href: string; label: string }; withOwner: boolean },
      values: Record<string, string | string[]>,
      errors?: FieldErrors,
    ) =>
      sendPage(
        req,
        reply,
        page.title,
        (ctx) => (
          <FicheFormPage
            ctx={ctx}
            action={page.action}
            title={page.title}
            back={page.back}
            form={{ values, errors }}
            organisations={
              page.withOwner
                ? req.user!.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName }))
                : undefined
            }
          />
        ),
        errors ? 400 : 200,
      );

    /** Reads the fiche form, including that the sociale-kaart links point at existing entries. */
    const readFiche = async (req: FastifyRequest) => {
      const form = parseForm(ficheForm(await municipalityNames(deps)), req.body, req.t);
      if (!form.ok) return form;
      const known = await findEntryNames(deps.db, form.data.runBy);
      if (known.length < form.data.runBy.length)
        return {
          ok: false as const,
          errors: { runBy: req.t('practices.form.runByUnknown') },
          values: form.values,
        };
      return form;
    };

    const newPage = (req: FastifyRequest) => ({
      action: '/praktijken/nieuw',
      title: req.t('practices.new.title'),
      back: { href: '/praktijken', label: req.t('practices.fiche.back') },
      withOwner: true,
    });

    app.get('/praktijken/nieuw', { config: { permission: 'practice:write' } }, async (req, reply) =>
      showForm(req, reply, newPage(req), {
        ...ficheFormValues(emptyFiche()),
        ownerOrganisationId: req.user!.memberships[0]?.organisationId ?? '',
      }),
    );

    app.post(
      '/praktijken/nieuw',
      { config: { permission: 'practice:write' }, schema: { body: formBody } },
      async (req, reply) => {
        const owner = typeof req.body.ownerOrganisationId === 'string' ? req.body.ownerOrganisationId : '';
        const ownerAllowed = owner === '' || req.user!.memberships.some((m) => m.organisationId === owner);
        const form = await readFiche(req);
        if (!form.ok || !ownerAllowed) {
          const errors = {
            ...(form.ok ? {} : form.errors),
            ...(ownerAllowed ? {} : { ownerOrganisationId: req.t('validation.choose') }),
          };
          return showForm(req, reply, newPage(req), req.body, errors);
        }
        const id = await startPractice(deps, actorOf(req), {
          content: form.data,
          ownerOrganisationId: owner || null,
        });
        setFlash(reply, 'success', 'practices.new.saved');
        return reply.redirect(`/praktijken/${id}`, 303);
      },
    );

    const editPage = (req: FastifyRequest, id: string) => ({
      action: `/praktijken/${id}/bewerken`,
      title: req.t('practices.edit.title'),
      back: { href: `/praktijken/${id}`, label: req.t('practices.versions.back') },
      withOwner: false,
    });

    /** What the owner edits: the version in the works, else the published one. */
    const workContent = async (
      practiceId: string,
      publishedVersionId: string | null,
    ): Promise<FicheContent> => {
      const open = await repo.findOpenVersion(deps.db, practiceId);
      return (open ?? (await repo.findVersionById(deps.db, publishedVersionId!))!).content;
    };

    app.get(
      '/praktijken/:id/bewerken',
      { config: { permission: 'practice:write' }, schema: { params: idParams } },
      async (req, reply) => {
        const practice = await editablePractice(req, req.params.id);
        const content = await workContent(practice.id, practice.published_version_id);
        return showForm(req, reply, editPage(req, practice.id), ficheFormValues(content));
      },
    );

    app.post(
      '/praktijken/:id/bewerken',
      { config: { permission: 'practice:write' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const practice = await editablePractice(req, req.params.id);
        const form = await readFiche(req);
        if (!form.ok) return showForm(req, reply, editPage(req, practice.id), req.body, form.errors);
        await saveFiche(deps, actorOf(req), practice, form.data);
        setFlash(reply, 'success', 'practices.edit.saved');
        return reply.redirect(`/praktijken/${practice.id}`, 303);
      },
    );

    app.post(
      '/praktijken/:id/indienen',
      { config: { permission: 'practice:write' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const practice = await editablePractice(req, req.params.id);
        await submitFiche(deps, actorOf(req), practice);
        setFlash(reply, 'success', 'practices.fiche.submitted');
        return reply.redirect(`/praktijken/${practice.id}`, 303);
      },
    );

    app.post(
      '/praktijken/:id/nog-actueel',
      { config: { permission: 'practice:write' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const practice = await editablePractice(req, req.params.id);
        if (practice.status === 'published') await confirmStillCurrent(deps, actorOf(req), practice);
        setFlash(reply, 'success', 'practices.fiche.confirmed');
        return reply.redirect(`/praktijken/${practice.id}`, 303);
      },
    );

    app.get('/praktijken/mijn', { config: { permission: 'practice:write' } }, async (req, reply) => {
      const user = req.user!;
      const rows = await repo.findPracticesOfUser(
        deps.db,
        user.id,
        user.memberships.filter((m) => m.role !== 'member').map((m) => m.organisationId),
      );
      return sendPage(req, reply, req.t('practices.mine.title'), (ctx) => (
        <MyPracticesPage ctx={ctx} rows={rows} />
      ));
    });

    // ---- Review ----------------------------------------------------------------------------

    app.get('/praktijken/redactie', { config: { permission: 'practice:review' } }, async (req, reply) => {
      const rows = await repo.findSubmittedVersions(deps.db);
      return sendPage(req, reply, req.t('practices.review.title'), (ctx) => (
        <ReviewQueuePage ctx={ctx} rows={rows} />
      ));
    });

    /** The submitted version of a practice, with what it changes. */
    const submitted = async (id: string) => {
      const practice = authorizeObject(await repo.findPracticeById(deps.db, id), () => true);
      const version = authorizeObject(
        await repo.findOpenVersion(deps.db, id),
        (v) => v.status === 'submitted',
      );
      const published = practice.published_version_id
        ? (await repo.findVersionById(deps.db, practice.published_version_id))!.content
        : emptyFiche();
      return { practice, version, changes: changedFields(published, version.content) };
    };

    const showReview = (
      req: FastifyRequest,
      reply: FastifyReply,
      s: Awaited<ReturnType<typeof submitted>>,
      values: Record<string, string | string[]>,
      errors?: FieldErrors,
    ) =>
      sendPage(
        req,
        reply,
        req.t('practices.review.pageTitle', { title: s.version.content.title, number: s.version.number }),
        (ctx) => (
          <ReviewPage
            ctx={ctx}
            practiceId={s.practice.id}
            title={s.version.content.title}
            number={s.version.number}
            changes={s.changes}
            isNew={!s.practice.published_version_id}
            form={{ values, errors }}
          />
        ),
        errors ? 400 : 200,
      );

    app.get(
      '/praktijken/:id/beoordelen',
      { config: { permission: 'practice:review' }, schema: { params: idParams } },
      async (req, reply) => showReview(req, reply, await submitted(req.params.id), {}),
    );

    app.post(
      '/praktijken/:id/beoordelen',
      { config: { permission: 'practice:review' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const s = await submitted(req.params.id);
        const form = parseForm(reviewForm, req.body, req.t);
        if (!form.ok) return showReview(req, reply, s, req.body, form.errors);
        if (form.data.decision === 'publish') await publishVersion(deps, actorOf(req), s.version);
        else await returnVersion(deps, actorOf(req), s.version, form.data.comment!);
        setFlash(
          reply,
          'success',
          form.data.decision === 'publish' ? 'practices.review.published' : 'practices.review.returned',
        );
        return reply.redirect('/praktijken/redactie', 303);
      },
    );

    // ---- Versions ----------------------------------------------------------------------------

    app.get(
      '/praktijken/:id/versies',
      {
        config: { permission: 'practice:write' },
        schema: {
          params: idParams,
          querystring: z.object({
            van: z.coerce.number().int().min(1).max(100_000).optional(),
            naar: z.coerce.number().int().min(1).max(100_000).optional(),
          }),
        },
      },
      async (req, reply) => {
        const practice = authorizeObject(await repo.findPracticeById(deps.db, req.params.id), (p) =>
          maySeeWork(req.user, p),
        );
        const versions = await repo.findVersionsOfPractice(deps.db, practice.id);
        const { van, naar } = req.query;
        let compared: { from: number; to: number; changes: ReturnType<typeof changedFields> } | undefined;
        if (van !== undefined && naar !== undefined) {
          const content = async (n: number) => {
            const v = authorizeObject(
              versions.find((x) => x.number === n),
              () => true,
            );
            return (await repo.findVersionById(deps.db, v.id))!.content;
          };
          compared = { from: van, to: naar, changes: changedFields(await content(van), await content(naar)) };
        }
        const title = versions[0]!.title;
        return sendPage(req, reply, req.t('practices.versions.title', { title }), (ctx) => (
          <VersionsPage
            ctx={ctx}
            practiceId={practice.id}
            title={title}
            versions={versions}
            compared={compared}
          />
        ));
      },
    );

    // ---- Following and suggestions -----------------------------------------------------------

    app.post(
      '/praktijken/:id/volgen',
      { config: { permission: 'practice:write' }, schema: { params: idParams, body: formBody } },
      async (req, reply) => {
        const practice = await published(req.params.id);
        const follow = req.body.follow !== '0';
        await setFollowing(deps, practice.id, req.user!.id, follow);
        setFlash(reply, 'success', follow ? 'practices.fiche.followed' : 'practices.fiche.unfollowed');
        return reply.redirect(`/praktijken/${practice.id}`, 303);
      },
    );

    app.get(
      '/praktijken/:id/opmerking',
      { config: { permission: 'public' }, schema: { params: idParams } },
      async (req, reply) => {
        const practice = await published(req.params.id);
        return sendPage(req, reply, req.t('practices.suggestion.title'), (ctx) => (
          <SuggestionPage ctx={ctx} practice={practice} form={{ values: {} }} />
        ));
      },
    );

    app.post(
      '/praktijken/:id/opmerking',
      {
        config: {
          permission: 'public',
          rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: { params: idParams, body: formBody },
      },
      async (req, reply) => {
        const practice = await published(req.params.id);
        const form = parseForm(suggestionForm, req.body, req.t);
        if (!form.ok) {
          return sendPage(
            req,
            reply,
            req.t('practices.suggestion.title'),
            (ctx) => (
              <SuggestionPage
                ctx={ctx}
                practice={practice}
                form={{ values: form.values, errors: form.errors }}
              />
            ),
            400,
          );
        }
        await suggestChange(deps, actorOf(req), practice, form.data);
        setFlash(reply, 'success', 'practices.suggestion.thanks');
        return reply.redirect(`/praktijken/${practice.id}`, 303);
      },
    );

    // ---- The fiche ---------------------------------------------------------------------------

    app.get(
      '/praktijken/:id',
      { config: { permission: 'public' }, schema: { params: idParams } },
      async (req, reply) => {
        const practice = await visiblePractice(req, req.params.id);
        const owner = maySeeWork(req.user, practice);
        const open = owner ? await repo.findOpenVersion(deps.db, practice.id) : undefined;
        // Everyone reads the published version; before the first publication, owners and curators read the work.
        const shown = practice.published_version_id
          ? (await repo.findVersionById(deps.db, practice.published_version_id))!
          : open!;
        const [runBy, names, similar, following, ownerRow] = await Promise.all([
          findEntryNames(deps.db, shown.content.runBy),
          municipalitiesNamed(),
          // The list kept in the database (worked out on a first view and daily), cached with the search answers.
          practice.status === 'published'
            ? cache.get(`similar:${practice.id}`, () =>
                keptSimilarPractices(deps.db, practice, deps.clock.now()),
              )
            : [],
          req.user ? repo.isFollowing(deps.db, practice.id, req.user.id) : null,
          practice.owner_organisation_id
            ? findOrganisationById(deps.db, practice.owner_organisation_id)
            : undefined,
        ]);
        const versionInfo = (v: typeof open) =>
          v ? { number: v.number, status: v.status, reviewComment: v.review_comment } : null;
        return sendPage(req, reply, shown.content.title, (ctx) => (
          <PracticePage
            ctx={ctx}
            p={{
              id: practice.id,
              status: practice.status,
              content: shown.content,
              shownVersion: practice.published_version_id ? null : versionInfo(shown),
              openVersion: versionInfo(open),
              ownerName: ownerRow?.name ?? null,
              lastReviewedAt: practice.last_reviewed_at,
              lastPublishedAt: practice.last_published_at,
              runBy: runBy.map((r) => ({
                name: r.name,
                href: `/sociale-kaart/${r.kind === 'service' ? 'aanbod' : 'organisaties'}/${r.id}`,
              })),
              municipalityNames: names,
              similar,
              mayEdit: mayEditPractice(req.user, practice),
              mayReview: Boolean(req.user?.platformRoles.includes('curator')),
              following,
              needsReview:
                practice.status === 'published' && needsReview(practice.last_reviewed_at, deps.clock.now()),
            }}
          />
        ));
      },
    );
  };
}
