import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  EmptyState,
  formatDay,
  formatNumber,
  Section,
  SelectField,
  Table,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { type AgeGroup, ageGroups, type NeedCode, needCodes } from '../../../platform/vocabularies.ts';
import type { RegionPicture } from '../region-picture.service.ts';
import { type ChoroplethMap, SHADES } from '../region-map.ts';
import { localName } from './regions.tsx';

type Cell = RegionPicture['cells'][number];

/** The map a reader chose: its key (an indicator code or a supply cell) and what it shows. */
export interface MapLayer {
  key: string;
  label: string;
  unit: string;
  map: ChoroplethMap | null;
  rows: { nis: string; name: string; value: number | null }[];
}

/** The map key of a supply layer ("aanbod:FIN:under12"), and back; null for any other key. */
export const supplyLayerKey = (need: string, ageGroup: string) => `aanbod:${need}:${ageGroup}`;
export function readSupplyLayerKey(key: string | undefined): { need: NeedCode; group: AgeGroup } | null {
  const match = /^aanbod:([A-Z]+):(under12|12plus)$/.exec(key ?? '');
  return match && needCodes.includes(match[1] as NeedCode)
    ? { need: match[1] as NeedCode, group: match[2] as AgeGroup }
    : null;
}

const ratio = (ctx: PageContext, r: number | null) =>
  r === null
    ? ctx.t('regions.picture.noComparison')
    : ctx.t('regions.picture.times', { n: formatNumber(ctx, r) });

const cellName = (ctx: PageContext, c: { need: string; ageGroup: string }) =>
  `${ctx.t(`need.${c.need}` as MessageKey)} · ${ctx.t(`regions.ageGroup.${c.ageGroup}` as MessageKey)}`;

/** One cell of the heat table: the verdict in words, then the two ratios behind it. */
function HeatCell({ ctx, cell }: { ctx: PageContext; cell: Cell }) {
  return (
    <td class={`heat heat--${cell.verdict}`}>
      <strong>{ctx.t(`regions.verdict.${cell.verdict}`)}</strong>
      <br />
      {ctx.t('regions.picture.needShort')}: {ratio(ctx, cell.needRatio)}
      <br />
      {ctx.t('regions.picture.supplyShort')}: {ratio(ctx, cell.supplyRatio)}
    </td>
  );
}

/** The gaps and the strengths, each cell said in words. */
function Findings({ ctx, cells }: { ctx: PageContext; cells: Cell[] }) {
  const say = (c: Cell) =>
    ctx.t('regions.picture.finding', {
      cell: cellName(ctx, c),
      need: formatNumber(ctx, c.needRatio ?? 0),
      supply: formatNumber(ctx, c.supplyRatio ?? 0),
    });
  const lists = [
    { verdict: 'gap', title: 'regions.picture.gaps', none: 'regions.picture.noGaps' },
    { verdict: 'strength', title: 'regions.picture.strengths', none: 'regions.picture.noStrengths' },
  ] as const;
  return (
    <div class="findings">
      {lists.map((l) => {
        const found = cells.filter((c) => c.verdict === l.verdict);
        return (
          <div key={l.verdict}>
            <h3>{ctx.t(l.title)}</h3>
            {found.length ? (
              <ul>
                {found.map((c) => (
                  <li key={`${c.need}-${c.ageGroup}`}>{say(c)}</li>
                ))}
              </ul>
            ) : (
              <p>{ctx.t(l.none)}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function HeatTable({ ctx, cells }: { ctx: PageContext; cells: Cell[] }) {
  return (
    <div class="table-wrap">
      <table class="heat-table">
        <caption>{ctx.t('regions.picture.heatCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('regions.picture.need')}</th>
            {ageGroups.map((g) => (
              <th scope="col" key={g}>
                {ctx.t(`regions.ageGroup.${g}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {needCodes.map((need) => (
            <tr key={need}>
              <th scope="row">{ctx.t(`need.${need}`)}</th>
              {ageGroups.map((g) => (
                <HeatCell key={g} ctx={ctx} cell={cells.find((c) => c.need === need && c.ageGroup === g)!} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SupplyTable({ ctx, cells }: { ctx: PageContext; cells: Cell[] }) {
  return (
    <Table
      caption={ctx.t('regions.picture.supplyCaption')}
      rows={cells}
      rowKey={(c) => `${c.need}-${c.ageGroup}`}
      columns={[
        { header: ctx.t('regions.picture.cell'), cell: (c) => cellName(ctx, c) },
        { header: ctx.t('regions.picture.services'), cell: (c) => c.services },
        { header: ctx.t('regions.picture.waitingList'), cell: (c) => c.waitingList },
        { header: ctx.t('regions.picture.full'), cell: (c) => c.full },
        {
          header: ctx.t('regions.picture.perMunicipality'),
          cell: (c) => formatNumber(ctx, c.servicesPerMunicipality ?? 0),
        },
        {
          header: ctx.t('regions.picture.flemishPerMunicipality'),
          cell: (c) => formatNumber(ctx, c.flemishServicesPerMunicipality ?? 0),
        },
      ]}
    />
  );
}

function IndicatorTable({ ctx, picture }: { ctx: PageContext; picture: RegionPicture }) {
  const total = picture.region.municipalities.length;
  const value = (v: number | null) => (v === null ? '—' : formatNumber(ctx, v));
  return picture.indicators.length === 0 ? (
    <EmptyState title={ctx.t('regions.home.noIndicators')} />
  ) : (
    <Table
      caption={ctx.t('regions.picture.indicatorCaption')}
      rows={picture.indicators}
      rowKey={(i) => i.code}
      columns={[
        {
          header: ctx.t('regions.picture.indicator'),
          cell: (i) => `${localName(ctx.locale, i)} (${i.unit})`,
        },
        { header: ctx.t('regions.import.year'), cell: (i) => i.year },
        {
          header: ctx.t('regions.picture.speaksTo'),
          cell: (i) =>
            [
              ...i.needs.map((n) => ctx.t(`need.${n}` as MessageKey)),
              ctx.t(`regions.ageGroup.${i.ageGroup}`),
            ].join(', '),
        },
        { header: ctx.t('regions.picture.thisRegion'), cell: (i) => value(i.region) },
        { header: ctx.t('regions.picture.flanders'), cell: (i) => value(i.flanders) },
        {
          header: ctx.t('regions.picture.needRatio'),
          cell: (i) =>
            i.combine === 'sum' ? ctx.t('regions.picture.countNotCompared') : ratio(ctx, i.ratio),
        },
        {
          header: ctx.t('regions.picture.covered'),
          cell: (i) => ctx.t('regions.picture.coveredCount', { covered: i.covered, total }),
        },
        { header: ctx.t('regions.import.source'), cell: (i) => i.sources.join('; ') },
      ]}
    />
  );
}

function DemandTable({ ctx, picture }: { ctx: PageContext; picture: RegionPicture }) {
  return (
    <Table
      caption={ctx.t('regions.picture.demandCaption', {
        since: formatDay(ctx, picture.since),
        until: formatDay(ctx, picture.until),
      })}
      rows={picture.demand}
      rowKey={(d) => d.need}
      columns={[
        { header: ctx.t('regions.picture.need'), cell: (d) => ctx.t(`need.${d.need}`) },
        { header: ctx.t('regions.picture.referrals'), cell: (d) => d.referrals },
        { header: ctx.t('regions.picture.consultationsUnder12'), cell: (d) => d.consultationsUnder12 },
        { header: ctx.t('regions.picture.consultations12plus'), cell: (d) => d.consultations12plus },
        { header: ctx.t('regions.picture.signals'), cell: (d) => d.signals },
      ]}
    />
  );
}

function MapFigure(props: {
  ctx: PageContext;
  slug: string;
  layer: MapLayer;
  choices: { label: string; options: { value: string; label: string }[] }[];
}) {
  const { ctx, layer } = props;
  const { map } = layer;
  const value = (v: number | null) => (v === null ? ctx.t('regions.map.noValue') : formatNumber(ctx, v));
  return (
    <>
      <form method="get" action={`/regios/${props.slug}`} class="map-chooser no-print">
        <SelectField
          name="kaart"
          label={ctx.t('regions.map.choose')}
          options={[]}
          groups={props.choices}
          value={layer.key}
        />
        <button type="submit" class="button button--secondary">
          {ctx.t('regions.map.show')}
        </button>
      </form>
      {map ? (
        <figure class="choropleth">
          <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby="kaart-svg-titel">
            <title id="kaart-svg-titel">{ctx.t('regions.map.description', { layer: layer.label })}</title>
            {map.areas.map((a) => (
              <path key={a.nis} d={a.d} class={a.shade === null ? 'shade-none' : `shade-${a.shade}`}>
                <title>{`${a.name}: ${value(a.value)}`}</title>
              </path>
            ))}
          </svg>
          <figcaption>
            {layer.label} ({layer.unit})
            {map.bounds.length ? (
              <ul class="legend">
                {Array.from({ length: SHADES }, (_, k) => (
                  <li key={k}>
                    <span class={`swatch shade-${k}`} aria-hidden="true" />
                    {ctx.t('regions.map.range', {
                      from: formatNumber(ctx, map.bounds[k]!),
                      to: formatNumber(ctx, map.bounds[k + 1]!),
                    })}
                  </li>
                ))}
                <li>
                  <span class="swatch shade-none" aria-hidden="true" />
                  {ctx.t('regions.map.noValue')}
                </li>
              </ul>
            ) : null}
          </figcaption>
        </figure>
      ) : (
        <EmptyState title={ctx.t('regions.map.noOutlines')} />
      )}
      <Table
        caption={ctx.t('regions.map.tableCaption', { layer: layer.label })}
        rows={layer.rows}
        rowKey={(r) => r.nis}
        columns={[
          { header: ctx.t('regions.map.municipality'), cell: (r) => r.name },
          { header: `${layer.label} (${layer.unit})`, cell: (r) => value(r.value) },
        ]}
      />
    </>
  );
}

/** The picture of a region: findings, heat table, supply, demand, map; printable as the region report. */
export function RegionPicturePage(props: {
  ctx: PageContext;
  picture: RegionPicture;
  layer: MapLayer;
  layerChoices: { label: string; options: { value: string; label: string }[] }[];
  isCurator: boolean;
}) {
  const { ctx, picture } = props;
  const { region } = picture;
  const t = ctx.t;
  return (
    <>
      <p class="no-print">
        <a href="/regios">{t('regions.back')}</a>
      </p>
      <h1>{ctx.locale === 'fr' ? region.nameFr : region.name}</h1>
      <p>
        {t(`regions.kind.${region.kind}` as MessageKey)} ·{' '}
        {t('regions.municipalityCount', { count: region.municipalities.length })}
      </p>
      {region.description ? <p class="prewrap">{region.description}</p> : null}
      <p class="button-row no-print">
        {props.isCurator && region.id ? (
          <a class="button button--secondary" href={`/regios/${region.slug}/bewerken`}>
            {t('regions.group.editTitle')}
          </a>
        ) : null}
        <a class="button button--secondary" href={`/api/v1/regions/${region.slug}/figures.csv`}>
          {t('regions.picture.csv')}
        </a>
        <a class="button button--secondary" href={`/api/v1/regions/${region.slug}/figures`}>
          {t('regions.picture.json')}
        </a>
      </p>
      <p class="field-hint">{t('regions.picture.printHint')}</p>

      <Section title={t('regions.picture.findingsTitle')} id="bevindingen">
        <Findings ctx={ctx} cells={picture.cells} />
        <HeatTable ctx={ctx} cells={picture.cells} />
        <p>{t('regions.picture.method', { margin: 10 })}</p>
      </Section>

      <Section title={t('regions.picture.supplyTitle')} id="aanbod">
        <SupplyTable ctx={ctx} cells={picture.cells} />
        <p>
          {t('regions.picture.contactPoints', {
            contactPoints: picture.contactPoints.contactPoints,
            organisations: picture.contactPoints.organisations,
          })}
        </p>
        <h3>{t('regions.picture.practices')}</h3>
        {picture.practices.length === 0 ? (
          <p>{t('regions.picture.noPractices')}</p>
        ) : (
          <ul>
            {picture.practices.map((p) => (
              <li key={p.id}>
                <a href={`/praktijken/${p.id}`}>{p.title}</a>
                {p.needs.length ? ` · ${p.needs.map((n) => t(`need.${n}` as MessageKey)).join(', ')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('regions.picture.demandTitle')} id="vraag">
        <IndicatorTable ctx={ctx} picture={picture} />
        <DemandTable ctx={ctx} picture={picture} />
        <p>{t('signals.report.smallCounts')}</p>
      </Section>

      <Section title={t('regions.map.title')} id="kaart">
        <MapFigure ctx={ctx} slug={region.slug} layer={props.layer} choices={props.layerChoices} />
      </Section>

      <Section title={t('regions.municipalities')} id="gemeenten">
        <ul class="columns">
          {region.municipalities.map((m) => (
            <li key={m.nisCode}>
              {localName(ctx.locale, m)} <span class="field-hint">({m.nisCode})</span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
