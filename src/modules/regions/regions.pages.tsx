import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canAnywhere } from '../../platform/authz/permissions.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound, rethrowUnlessRefused } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import {
  checkboxValues,
  choice,
  formBody,
  type FormBody,
  optionalText,
  parseForm,
  requiredText,
  submittedValues,
} from '../../platform/http/forms.ts';
import { sendPage, setFlash } from '../../platform/http/render.tsx';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { ageGroups, needCodes } from '../../platform/vocabularies.ts';
import { importIndicatorCsv, indicatorOverview } from './indicators.service.ts';
import {
  deleteRegionGroup,
  findRegion,
  type Region,
  regionOverview,
  saveRegionGroup,
} from './region-groups.service.ts';
import { indicatorAgeGroups, indicatorCombinations, regionGroupKinds } from './regions.table.ts';
import { workRegionsWithMunicipalities } from './regions.service.ts';
import { choroplethMap } from './region-map.ts';
import { regionPicture, type RegionPicture } from './region-picture.service.ts';
import {
  type MapLayer,
  readSupplyLayerKey,
  RegionPicturePage,
  supplyLayerKey,
} from './views/region-picture.tsx';
import { IndicatorImportPage, localName, RegionGroupFormPage, RegionsPage } from './views/regions.tsx';

const groupForm = z.object({
  name: requiredText(120),
  kind: choice(regionGroupKinds),
  description: optionalText(1000),
  municipalities: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()))
    .refine((v) => v.length > 0, { message: 'regions.group.chooseMunicipalities' }),
});
const deleteForm = z.object({ confirm: z.literal('yes', { message: 'regions.group.confirmRequired' }) });
const importForm = z.object({
  code: z
    .string({ message: 'validation.required' })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'validation.slug' })
    .max(60, { message: 'validation.tooLong' }),
  name: requiredText(200),
  unit: requiredText(40),
  year: z.coerce
    .number({ message: 'regions.import.yearInvalid' })
    .int({ message: 'regions.import.yearInvalid' })
    .min(1990, { message: 'regions.import.yearInvalid' })
    .max(2100, { message: 'regions.import.yearInvalid' }),
  source: requiredText(300),
  combine: choice(indicatorCombinations),
  ageGroup: choice(indicatorAgeGroups),
  needs: checkboxValues(needCodes),
  direction: choice(['more', 'less'] as const),
  csv: requiredText(200_000),
});
// A pasted CSV of every municipality is longer than an ordinary form field may be.
const importBody = z.record(
  z.string(),
  z.union([z.string().max(200_000), z.array(z.string().max(100)).max(20)]),
);
const slugParams = z.object({ slug: z.string().max(80) });
const mapQuery = z.object({ kaart: z.string().max(100).optional() });

type Translate = FastifyRequest['t'];

/** What the map can show: each indicator, and the services per municipality of each need and age group. */
function layerChoices(t: Translate, locale: string, picture: RegionPicture) {
  return [
    ...(picture.indicators.length
      ? [
          {
            label: t('regions.map.indicators'),
            options: picture.indicators.map((i) => ({ value: i.code, label: localName(locale, i) })),
          },
        ]
      : []),
    ...ageGroups.map((g) => ({
      label: t('regions.map.supplyFor', { group: t(`regions.ageGroup.${g}`) }),
      options: needCodes.map((need) => ({ value: supplyLayerKey(need, g), label: t(`need.${need}`) })),
    })),
  ];
}

/**
 * The layer the reader chose; without a choice, or with a key that no longer exists (an old link),
 * the first indicator, or where there is none the supply for money matters under 12.
 */
function mapLayer(t: Translate, locale: string, picture: RegionPicture, key: string | undefined): MapLayer {
  const supplyCell = readSupplyLayerKey(key);
  const indicator = supplyCell
    ? undefined
    : (picture.indicators.find((i) => i.code === key) ?? picture.indicators[0]);
  const { need, group } = supplyCell ?? { need: 'FIN', group: 'under12' as const };
  const chosen = indicator
    ? {
        key: indicator.code,
        label: localName(locale, indicator),
        unit: indicator.unit,
        values: picture.layers.indicators.get(indicator.code)!,
      }
    : {
        key: supplyLayerKey(need, group),
        label: `${t(`need.${need}` as MessageKey)} · ${t(`regions.ageGroup.${group}`)}`,
        unit: t('regions.map.servicesUnit'),
        values: picture.layers.supply(need, group),
      };
  const names = new Map(picture.region.municipalities.map((m) => [m.nisCode, localName(locale, m)]));
  return {
    key: chosen.key,
    label: chosen.label,
    unit: chosen.unit,
    map: choroplethMap(chosen.values),
    rows: chosen.values.map((v) => ({ nis: v.nis, name: names.get(v.nis) ?? v.nis, value: v.value })),
  };
}

/** A group as its form shows it. */
const storedValues = (region: Region): FormBody => ({
  name: region.name,
  kind: region.kind,
  description: region.description ?? '',
  municipalities: region.municipalities.map((m) => m.nisCode),
});

/** Regio's: the regions (work regions and the curators' groups) and the indicator import. */
export function regionPagesRoutes(deps: Deps) {
  return async function (fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const curate = { permission: 'region:curate' } as const;
    const isCurator = (req: FastifyRequest) => canAnywhere(req.user, 'region:curate');

    app.get('/regios', { config: { permission: 'public' } }, async (req, reply) => {
      const [overview, indicators] = await Promise.all([regionOverview(deps), indicatorOverview(deps)]);
      return sendPage(req, reply, req.t('nav.regions'), (ctx) => (
        <RegionsPage ctx={ctx} overview={overview} indicators={indicators} isCurator={isCurator(req)} />
      ));
    });

    async function showGroupForm(
      req: FastifyRequest,
      reply: FastifyReply,
      form: { values: FormBody; errors?: Record<string, string> },
      existing: { slug: string } | null,
      status = 200,
    ) {
      const workRegions = await workRegionsWithMunicipalities(deps);
      return sendPage(
        req,
        reply,
        req.t(existing ? 'regions.group.editTitle' : 'regions.group.newTitle'),
        (ctx) => (
          <RegionGroupFormPage
            ctx={ctx}
            title={ctx.t(existing ? 'regions.group.editTitle' : 'regions.group.newTitle')}
            action={existing ? `/regios/${existing.slug}/bewerken` : '/regios/nieuw'}
            deleteAction={existing ? `/regios/${existing.slug}/verwijderen` : undefined}
            workRegions={workRegions}
            form={form}
          />
        ),
        status,
      );
    }

    /** Saves the group form: errors next to the fields, a name already taken next to the name. */
    async function saveGroup(
      req: FastifyRequest<{ Body: FormBody }>,
      reply: FastifyReply,
      existing: { id: string; slug: string } | null,
    ) {
      const values = submittedValues(req.body);
      const parsed = parseForm(groupForm, req.body, req.t);
      if (!parsed.ok) return showGroupForm(req, reply, { values, errors: parsed.errors }, existing, 400);
      try {
        const slug = await saveRegionGroup(deps, actorOf(req), existing?.id ?? null, parsed.data);
        setFlash(reply, 'success', 'regions.group.saved');
        return reply.redirect(`/regios/${slug}`, 303);
      } catch (err) {
        rethrowUnlessRefused(err);
        const field = err.code === 'NameTaken' ? 'name' : 'municipalities';
        return showGroupForm(
          req,
          reply,
          { values, errors: { [field]: req.t(err.messageKey) } },
          existing,
          422,
        );
      }
    }

    /** A curators' group by its path; work regions and unknown paths are not editable ("not found"). */
    async function editableGroup(slug: string) {
      const region = await findRegion(deps, slug);
      if (!region?.id) throw notFound();
      return { region, id: region.id };
    }

    app.get('/regios/nieuw', { config: curate }, (req, reply) =>
      showGroupForm(req, reply, { values: {} }, null),
    );
    app.post('/regios/nieuw', { config: curate, schema: { body: formBody } }, (req, reply) =>
      saveGroup(req, reply, null),
    );

    app.get('/regios/indicatoren', { config: curate }, (req, reply) =>
      sendPage(req, reply, req.t('regions.import.title'), (ctx) => (
        <IndicatorImportPage
          ctx={ctx}
          form={{
            values: {
              combine: 'mean',
              ageGroup: 'all',
              direction: 'more',
              year: String(new Date(deps.clock.now()).getUTCFullYear() - 1),
            },
          }}
        />
      )),
    );

    app.post('/regios/indicatoren', { config: curate, schema: { body: importBody } }, async (req, reply) => {
      const values = submittedValues(req.body);
      const show = (errors: Record<string, string>, problems: string[] | undefined, status: number) =>
        sendPage(
          req,
          reply,
          req.t('regions.import.title'),
          (ctx) => <IndicatorImportPage ctx={ctx} form={{ values, errors }} problems={problems} />,
          status,
        );
      const parsed = parseForm(importForm, req.body, req.t);
      if (!parsed.ok) return show(parsed.errors, undefined, 400);
      const d = parsed.data;
      const result = await importIndicatorCsv(deps, actorOf(req), {
        indicator: {
          code: d.code,
          nameNl: d.name,
          nameFr: null,
          unit: d.unit,
          combine: d.combine,
          higherMeansMoreNeed: d.direction === 'more',
          ageGroup: d.ageGroup,
          needs: d.needs,
        },
        year: d.year,
        source: d.source,
        csv: d.csv,
      });
      if (!result.ok) {
        const problems = result.problems.map((p) =>
          req.t(`regions.import.problem.${p.problem}`, {
            line: p.line,
            nis: p.nis ?? '',
            value: p.value ?? '',
          }),
        );
        return show({ csv: req.t('regions.import.refused', { count: problems.length }) }, problems, 422);
      }
      setFlash(reply, 'success', result.changed > 0 ? 'regions.import.stored' : 'regions.import.unchanged');
      return reply.redirect('/regios#indicatoren', 303);
    });

    app.get(
      '/regios/:slug',
      { config: { permission: 'public' }, schema: { params: slugParams, querystring: mapQuery } },
      async (req, reply) => {
        const region = await findRegion(deps, req.params.slug);
        if (!region) throw notFound();
        const picture = await regionPicture(deps, region);
        const layer = mapLayer(req.t, req.locale, picture, req.query.kaart);
        return sendPage(req, reply, req.locale === 'fr' ? region.nameFr : region.name, (ctx) => (
          <RegionPicturePage
            ctx={ctx}
            picture={picture}
            layer={layer}
            layerChoices={layerChoices(req.t, req.locale, picture)}
            isCurator={isCurator(req)}
          />
        ));
      },
    );

    app.get(
      '/regios/:slug/bewerken',
      { config: curate, schema: { params: slugParams } },
      async (req, reply) => {
        const { region } = await editableGroup(req.params.slug);
        return showGroupForm(req, reply, { values: storedValues(region) }, { slug: region.slug });
      },
    );

    app.post(
      '/regios/:slug/bewerken',
      { config: curate, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const { region, id } = await editableGroup(req.params.slug);
        return saveGroup(req, reply, { id, slug: region.slug });
      },
    );

    app.post(
      '/regios/:slug/verwijderen',
      { config: curate, schema: { params: slugParams, body: formBody } },
      async (req, reply) => {
        const { region, id } = await editableGroup(req.params.slug);
        const parsed = parseForm(deleteForm, req.body, req.t);
        if (!parsed.ok)
          return showGroupForm(
            req,
            reply,
            { values: storedValues(region), errors: parsed.errors },
            { slug: region.slug },
            400,
          );
        await deleteRegionGroup(deps, actorOf(req), id);
        setFlash(reply, 'success', 'regions.group.deleted');
        return reply.redirect('/regios', 303);
      },
    );
  };
}
