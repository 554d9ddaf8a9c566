import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObject } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { formBody, parseForm } from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import { neighbourhoodStatuses } from './directory.table.ts';
import { findMark, neighbourhoodDistances, partnersAround, saveMark, schoolsOf } from './neighbourhood.ts';
import { MarkPage, NeighbourhoodPage } from './views/neighbourhood.tsx';

const distance = z.enum(neighbourhoodDistances).optional().catch(undefined);
const markParams = z.object({ school: z.uuid(), partner: z.uuid() });
const markForm = z.object({
  status: z.enum(neighbourhoodStatuses, { message: 'validation.choose' }),
  note: z
    .string()
    .trim()
    .max(1000, { message: 'validation.tooLong' })
    .optional()
    .transform((v) => v || null),
});

/** Ken je buurt, for members of an organisation that owns a school's entry. */
export function neighbourhoodRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const config = { permission: 'directory:neighbourhood' as const };

    /** The user's school with this id, or "not found" (other schools' marks stay invisible). */
    const ownSchool = async (req: FastifyRequest, schoolId: string) =>
      authorizeObject(
        (await schoolsOf(deps.db, req.user!)).find((s) => s.id === schoolId),
        () => true,
      );

    const partnerOf = async (partnerId: string) =>
      authorizeObject(
        await deps.db
          .selectFrom('directory_organizations')
          .select(['id', 'name'])
          .where('id', '=', partnerId)
          .where('kind', '!=', 'school')
          .executeTakeFirst(),
        () => true,
      );

    app.get(
      '/sociale-kaart/ken-je-buurt',
      {
        config,
        schema: {
          querystring: z.object({ school: z.uuid().optional().catch(undefined), afstand: distance }),
        },
      },
      async (req, reply) => {
        const schools = await schoolsOf(deps.db, req.user!);
        const school = schools.find((s) => s.id === req.query.school) ?? schools[0] ?? null;
        const km = req.query.afstand ?? '2';
        const partners =
          school && school.latitude !== null && school.longitude !== null
            ? await partnersAround(
                deps.db,
                school.id,
                { latitude: school.latitude, longitude: school.longitude },
                Number(km),
              )
            : [];
        reply.header('cache-control', 'no-store');
        return sendPage(req, reply, req.t('neighbourhood.title'), (ctx) => (
          <NeighbourhoodPage
            ctx={ctx}
            schools={schools}
            school={school}
            distance={km}
            distances={neighbourhoodDistances}
            partners={partners}
          />
        ));
      },
    );

    app.get(
      '/sociale-kaart/ken-je-buurt/:school/:partner',
      { config, schema: { params: markParams, querystring: z.object({ afstand: distance }) } },
      async (req, reply) => {
        const school = await ownSchool(req, req.params.school);
        const partner = await partnerOf(req.params.partner);
        const mark = await findMark(deps.db, school.id, partner.id);
        return sendPage(req, reply, req.t('neighbourhood.markTitle', { partner: partner.name }), (ctx) => (
          <MarkPage
            ctx={ctx}
            school={school}
            partner={partner}
            distance={req.query.afstand ?? '2'}
            form={{ values: { status: mark?.status ?? 'to_contact', note: mark?.note ?? '' } }}
          />
        ));
      },
    );

    app.post(
      '/sociale-kaart/ken-je-buurt/:school/:partner',
      { config, schema: { params: markParams, body: formBody } },
      async (req, reply) => {
        const school = await ownSchool(req, req.params.school);
        const partner = await partnerOf(req.params.partner);
        const km = distance.parse(req.body.afstand) ?? '2';
        const form = parseForm(markForm, req.body, req.t);
        if (!form.ok) {
          return sendPage(
            req,
            reply,
            req.t('neighbourhood.markTitle', { partner: partner.name }),
            (ctx) => (
              <MarkPage
                ctx={ctx}
                school={school}
                partner={partner}
                distance={km}
                form={{ values: form.values, errors: form.errors }}
              />
            ),
            400,
          );
        }
        await saveMark(deps, actorOf(req), { schoolId: school.id, partnerId: partner.id, ...form.data });
        setFlash(reply, 'success', 'neighbourhood.saved');
        return reply.redirect(`/sociale-kaart/ken-je-buurt?school=${school.id}&afstand=${km}`, 303);
      },
    );
  };
}
