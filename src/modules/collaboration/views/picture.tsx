import {
  codeList,
  EmptyState,
  options,
  Section,
  SelectField,
  Table,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { cooperationForms, type CooperationForm, needCodes } from '../../../platform/vocabularies.ts';
import type { NetworkPicture, PictureFilters } from '../network-picture.ts';
import { municipalityField, type RegionsWithMunicipalities } from './collaborations.tsx';

/** Colour and dash per cooperation form: told apart by both (WCAG 1.4.1), each ≥ 3:1 on white (1.4.11). */
export const formStyle: Record<CooperationForm, { colour: string; dash: string }> = {
  referral: { colour: '#0b5fa5', dash: '' },
  exchange: { colour: '#a34f00', dash: '10 5' },
  mediation: { colour: '#2e7d32', dash: '3 4' },
  professionalisation: { colour: '#7b1fa2', dash: '12 4 3 4' },
};

const shortName = (name: string) => (name.length > 28 ? `${name.slice(0, 26)}…` : name);

export function NetworkPicturePage(props: {
  ctx: PageContext;
  picture: NetworkPicture;
  filters: PictureFilters;
  regions: RegionsWithMunicipalities;
  signedIn: boolean;
}) {
  const { ctx, picture: p, filters } = props;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const summary = ctx.t('picture.summary', { organisations: p.nodes.length, ties: p.edges.length });
  return (
    <>
      <p class="no-print">
        <a href="/samenwerking">{ctx.t('collaboration.back')}</a>
      </p>
      <h1>{ctx.t('picture.title')}</h1>
      <p class="lead">{ctx.t(props.signedIn ? 'picture.introSignedIn' : 'picture.intro')}</p>
      <form method="get" action="/samenwerking/netwerkbeeld" class="filters no-print">
        {municipalityField(ctx, props.regions, {
          name: 'gemeente',
          label: ctx.t('picture.filter.municipality'),
          value: filters.municipality ?? '',
          error: undefined,
        })}
        <SelectField
          name="nood"
          label={ctx.t('picture.filter.need')}
          options={[{ value: '', label: ctx.t('picture.filter.all') }, ...options(ctx, 'need', needCodes)]}
          value={filters.need ?? ''}
        />
        <SelectField
          name="vorm"
          label={ctx.t('picture.filter.form')}
          options={[
            { value: '', label: ctx.t('picture.filter.all') },
            ...options(ctx, 'cooperation', cooperationForms),
          ]}
          value={filters.form ?? ''}
        />
        <button type="submit" class="button button--secondary">
          {ctx.t('picture.filter.submit')}
        </button>
      </form>
      {p.nodes.length === 0 ? (
        <EmptyState title={ctx.t('picture.none')} />
      ) : (
        <>
          <figure class="network-picture">
            <svg
              viewBox={`0 0 ${p.width} ${p.height}`}
              role="img"
              aria-labelledby="picture-title picture-desc"
              xmlns="http://www.w3.org/2000/svg"
            >
              <title id="picture-title">{ctx.t('picture.title')}</title>
              <desc id="picture-desc">{summary}</desc>
              <g>
                {p.edges.map((e) => {
                  const style = formStyle[e.forms[0]!];
                  const [a, b] = [byId.get(e.source)!, byId.get(e.target)!];
                  return (
                    <line
                      key={`${e.source}-${e.target}`}
                      x1={a.x}
                      y1={a.y}
                      x2={b.x}
                      y2={b.y}
                      stroke={style.colour}
                      stroke-dasharray={style.dash || undefined}
                      stroke-width={Math.min(2 + e.collaborations.length, 6)}
                    />
                  );
                })}
              </g>
              <g>
                {p.nodes.map((n) => (
                  <g key={n.id}>
                    <circle
                      cx={n.x}
                      cy={n.y}
                      r={6 + Math.min(n.degree, 6)}
                      fill="#ffffff"
                      stroke="#1f2933"
                      stroke-width={2}
                    />
                    <text
                      x={n.x}
                      y={n.y - 14 - Math.min(n.degree, 6)}
                      text-anchor="middle"
                      font-size="13"
                      fill="#1f2933"
                    >
                      {shortName(n.name)}
                    </text>
                  </g>
                ))}
              </g>
            </svg>
            <figcaption>
              {summary}
              <ul class="legend">
                {cooperationForms.map((form) => (
                  <li key={form}>
                    <svg width="40" height="12" aria-hidden="true">
                      <line
                        x1="0"
                        y1="6"
                        x2="40"
                        y2="6"
                        stroke={formStyle[form].colour}
                        stroke-dasharray={formStyle[form].dash || undefined}
                        stroke-width="3"
                      />
                    </svg>{' '}
                    {ctx.t(`cooperation.${form}`)}
                  </li>
                ))}
              </ul>
              <p>{ctx.t('picture.legendExplain')}</p>
            </figcaption>
          </figure>
          <Section title={ctx.t('picture.table')} id="table">
            <Table
              caption={ctx.t('picture.tableCaption')}
              rows={p.edges}
              rowKey={(e) => `${e.source}-${e.target}`}
              columns={[
                { header: ctx.t('picture.organisation'), cell: (e) => byId.get(e.source)!.name },
                { header: ctx.t('picture.partner'), cell: (e) => byId.get(e.target)!.name },
                { header: ctx.t('picture.forms'), cell: (e) => codeList(ctx, 'cooperation', e.forms) },
                { header: ctx.t('picture.collaborations'), cell: (e) => e.collaborations.join('; ') },
              ]}
            />
          </Section>
        </>
      )}
    </>
  );
}
