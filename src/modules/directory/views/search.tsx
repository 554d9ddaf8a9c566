import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  CheckboxGroup,
  EmptyState,
  Highlighted,
  formatDateTime,
  Pagination,
  Table,
} from '../../../platform/views/components.tsx';
import type { ResultsMap } from '../directory.map.ts';
import { type ContactPointView, ContactPoints, hoursText } from './contact-points.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type { ServiceFacets } from '../directory.search.ts';
import type { FacetCount } from '../../../platform/search/text-search.ts';
import type { ServiceTranslation } from '../directory.table.ts';

export interface SearchValues {
  q: string;
  needs: string[];
  ageBands: string[];
  referralMethods: string[];
  kinds: string[];
  languages: string[];
  clusters: string[];
  openNow: boolean;
  free: boolean;
  municipality: string;
  postcode: string;
  /** Distance is measured from this school (a link from the school's page or Ken je buurt). */
  school: { id: string; name: string } | null;
  radius: string;
}

export interface ResultRow {
  id: string;
  name: string;
  organizationName: string;
  headline: string;
  need_codes: string[];
  free_of_charge: boolean;
  capacity_state: string;
  expected_wait_weeks: number | null;
  distanceKm: number | null;
  municipalityNis: string | null;
}

/** A filter with the number of matching entries next to each value. */
function FacetGroup(props: {
  legend: string;
  name: string;
  facets: FacetCount[];
  checked: string[];
  label: (value: string) => string;
}) {
  if (props.facets.length === 0 && props.checked.length === 0) return null;
  return (
    <CheckboxGroup
      legend={props.legend}
      name={props.name}
      idPrefix={props.name}
      options={props.facets.map((f) => ({ value: f.value, label: `${props.label(f.value)} (${f.count})` }))}
      checked={props.checked}
    />
  );
}

export function WaitingState({
  ctx,
  row,
}: {
  ctx: PageContext;
  row: Pick<ResultRow, 'capacity_state' | 'expected_wait_weeks'>;
}) {
  if (row.capacity_state === 'full') return <span class="tag tag--warning">{ctx.t('directory.full')}</span>;
  if (row.capacity_state !== 'waiting_list') return null;
  return (
    <span class="tag tag--warning">
      {row.expected_wait_weeks
        ? ctx.t('directory.waitingListWeeks', { weeks: row.expected_wait_weeks })
        : ctx.t('directory.waitingList')}
    </span>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  values: SearchValues;
  rows: ResultRow[];
  total: number;
  page: number;
  facets: ServiceFacets;
  municipalities: { nisCode: string; nameNl: string }[];
  queryString: string;
  map: ResultsMap | null;
}) {
  const { ctx, values } = props;
  const { t } = ctx;
  const label = (prefix: string) => (value: string) => t(`${prefix}.${value}` as MessageKey);
  const languageName = new Intl.DisplayNames([ctx.locale], { type: 'language' });
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p class="lead">{t('directory.intro')}</p>
      {ctx.user ? (
        <p class="actions">
          {ctx.user.memberships.length ? (
            <a href="/sociale-kaart/ken-je-buurt">{t('neighbourhood.title')}</a>
          ) : null}
          {ctx.user.memberships.length && ctx.user.platformRoles.includes('curator') ? ' · ' : null}
          {ctx.user.platformRoles.includes('curator') ? (
            <a href="/sociale-kaart/claims">{t('directory.claims.title')}</a>
          ) : null}
        </p>
      ) : null}
      <form method="get" action="/sociale-kaart" class="search-form" role="search">
        <div class="field">
          <label for="field-q">{t('directory.searchLabel')}</label>
          <p class="field-hint" id="field-q-hint">
            {t('directory.searchHint')}
          </p>
          <input id="field-q" name="q" type="search" value={values.q} aria-describedby="field-q-hint" />
        </div>
        <div class="search-layout">
          <div class="filters">
            <h2>{t('directory.filtersTitle')}</h2>
            <div class="field">
              <label for="field-gemeente">{t('directory.filterMunicipality')}</label>
              <select id="field-gemeente" name="gemeente">
                <option value="">{t('directory.anyMunicipality')}</option>
                {props.municipalities.map((m) => (
                  <option key={m.nisCode} value={m.nisCode} selected={m.nisCode === values.municipality}>
                    {m.nameNl}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="field-postcode">{t('directory.filterPostcode')}</label>
              <p class="field-hint" id="field-postcode-hint">
                {t('directory.filterPostcodeHint')}
              </p>
              <input
                id="field-postcode"
                name="postcode"
                type="text"
                inputmode="numeric"
                autocomplete="postal-code"
                value={values.postcode}
                aria-describedby="field-postcode-hint"
                class="input--short"
              />
            </div>
            {values.school ? (
              <p class="field">
                <input type="hidden" name="school" value={values.school.id} />
                {t('directory.fromSchool', { school: values.school.name })}{' '}
                <a href="/sociale-kaart">{t('directory.fromSchoolRemove')}</a>
              </p>
            ) : null}
            <div class="field">
              <label for="field-straal">{t('directory.filterRadius')}</label>
              <select id="field-straal" name="straal">
                <option value="">{t('directory.anyRadius')}</option>
                {['2', '5', '10', '25'].map((km) => (
                  <option key={km} value={km} selected={km === values.radius}>
                    {t('directory.radiusKm', { km })}
                  </option>
                ))}
              </select>
            </div>
            <FacetGroup
              legend={t('directory.filterNeeds')}
              name="nood"
              facets={props.facets.needs}
              checked={values.needs}
              label={label('need')}
            />
            <FacetGroup
              legend={t('directory.filterAges')}
              name="leeftijd"
              facets={props.facets.ageBands}
              checked={values.ageBands}
              label={label('age')}
            />
            <FacetGroup
              legend={t('directory.filterReferral')}
              name="doorverwijzing"
              facets={props.facets.referralMethods}
              checked={values.referralMethods}
              label={label('referral')}
            />
            <FacetGroup
              legend={t('directory.filterKinds')}
              name="soort"
              facets={props.facets.kinds}
              checked={values.kinds}
              label={label('orgType')}
            />
            <FacetGroup
              legend={t('directory.filterLanguages')}
              name="taal"
              facets={props.facets.languages}
              checked={values.languages}
              label={(code) => languageName.of(code) ?? code}
            />
            <FacetGroup
              legend={t('directory.filterClusters')}
              name="cluster"
              facets={props.facets.clusters}
              checked={values.clusters}
              label={(n) => t('directory.cluster', { n })}
            />
            <span class="checkbox">
              <input type="checkbox" id="field-gratis" name="gratis" value="1" checked={values.free} />
              <label for="field-gratis">{t('directory.filterFree')}</label>
            </span>
            <span class="checkbox">
              <input type="checkbox" id="field-open" name="open" value="1" checked={values.openNow} />
              <label for="field-open">{t('directory.filterOpenNow')}</label>
            </span>
            <button type="submit" class="button button--primary">
              {t('directory.searchButton')}
            </button>
          </div>
          <div class="results">
            <h2 aria-live="polite">{t('directory.resultsCount', { total: props.total })}</h2>
            {props.rows.length === 0 ? (
              <EmptyState title={t('directory.noResults')}>
                <p>{t('directory.noResultsHint')}</p>
              </EmptyState>
            ) : (
              <ol class="result-list">
                {props.rows.map((r) => (
                  <li key={r.id} class="result">
                    <h3>
                      <a href={`/sociale-kaart/aanbod/${r.id}`}>{r.name}</a>
                    </h3>
                    <p class="result__organisation">
                      {r.organizationName}
                      {r.distanceKm !== null
                        ? ` · ${t('directory.km', { km: r.distanceKm.toFixed(1) })}`
                        : ''}
                    </p>
                    <p>
                      <Highlighted text={r.headline} />
                    </p>
                    <p class="tags">
                      {r.need_codes.map((n) => (
                        <span class="tag" key={n}>
                          {t(`need.${n}` as MessageKey)}
                        </span>
                      ))}
                      {r.free_of_charge ? <span class="tag tag--free">{t('directory.free')}</span> : null}
                      <WaitingState ctx={ctx} row={r} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <Pagination
              ctx={ctx}
              basePath={`/sociale-kaart?${props.queryString}`}
              page={props.page}
              total={props.total}
            />
            {props.map ? <ResultsMapFigure ctx={ctx} map={props.map} rows={props.rows} /> : null}
          </div>
        </div>
      </form>
    </>
  );
}

/** The map of this page of results, and the same as a table (for screen readers, print, no SVG). */
function ResultsMapFigure(props: { ctx: PageContext; map: ResultsMap; rows: ResultRow[] }) {
  const { ctx, map } = props;
  const { t } = ctx;
  const nameOf = new Map(map.areas.map((a) => [a.nis, a.name]));
  const placed = props.rows
    .map((r, i) => ({ ...r, n: i + 1 }))
    .filter((r) => map.points.some((p) => p.n === r.n));
  return (
    <section class="results-map" aria-labelledby="kaart-titel">
      <h2 id="kaart-titel">{t('directory.map.title')}</h2>
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-labelledby="kaart-svg-titel"
        class="results-map__svg"
      >
        <title id="kaart-svg-titel">{t('directory.map.description', { count: map.points.length })}</title>
        {map.areas.map((a) => (
          <path key={a.nis} d={a.d} class="results-map__area">
            <title>{a.name}</title>
          </path>
        ))}
        {map.points.map((p) => (
          <g key={p.n} class="results-map__point" transform={`translate(${p.x} ${p.y})`}>
            <circle r="9" />
            <text text-anchor="middle" dy="4">
              {p.n}
            </text>
          </g>
        ))}
      </svg>
      <Table
        caption={t('directory.map.tableCaption')}
        rows={placed}
        rowKey={(r) => r.id}
        columns={[
          { header: t('directory.map.number'), cell: (r) => r.n },
          {
            header: t('directory.service'),
            cell: (r) => <a href={`/sociale-kaart/aanbod/${r.id}`}>{r.name}</a>,
          },
          {
            header: t('directory.filterMunicipality'),
            cell: (r) => (r.municipalityNis ? (nameOf.get(r.municipalityNis) ?? '—') : '—'),
          },
          {
            header: t('directory.distance'),
            cell: (r) => (r.distanceKm === null ? '—' : t('directory.km', { km: r.distanceKm.toFixed(1) })),
          },
        ]}
      />
    </section>
  );
}

export interface ServiceView {
  id: string;
  name: string;
  description: string;
  organization_id: string;
  organizationName: string;
  plain_what_to_ask: string | null;
  plain_cost: string | null;
  plain_how_to_get_there: string | null;
  fees_description: string | null;
  need_codes: string[];
  age_bands: string[];
  referral_methods: string[];
  capacity_state: string;
  expected_wait_weeks: number | null;
  last_verified_at: Date | null;
  translations: Partial<Record<'fr' | 'en', ServiceTranslation>>;
}

export function ServicePage(props: {
  ctx: PageContext;
  service: ServiceView;
  addresses: {
    address_1: string;
    address_2: string | null;
    postal_code: string;
    city: string;
    transportation: string | null;
  }[];
  languages: string[];
  phones: { number: string; description: string | null }[];
  openingHours: { id: string; byday: string | null; opens_at: string | null; closes_at: string | null }[];
  canEdit: boolean;
  /** Not checked by a person for six months. */
  stale: boolean;
  contactPoints: ContactPointView[] | null;
}) {
  const { ctx, service } = props;
  const { t } = ctx;
  const translation = ctx.locale === 'nl' ? undefined : service.translations[ctx.locale];
  // Texts the owner did not translate stay Dutch, and say so (lang="nl" for screen readers).
  const text = (
    field: 'name' | 'description' | 'plain_what_to_ask' | 'plain_cost' | 'plain_how_to_get_there',
    dutch: string | null,
  ) => {
    const translated = translation?.[field];
    if (translated) return <>{translated}</>;
    if (!dutch) return null;
    return ctx.locale === 'nl' ? (
      <>{dutch}</>
    ) : (
      <>
        <span lang="nl">{dutch}</span> <span class="untranslated">({t('directory.onlyDutch')})</span>
      </>
    );
  };
  return (
    <article class="service">
      <p>
        <a href="/sociale-kaart">{t('directory.backToSearch')}</a>
      </p>
      <h1>{text('name', service.name)}</h1>
      <p class="result__organisation">
        <a href={`/sociale-kaart/organisaties/${service.organization_id}`}>{service.organizationName}</a>
      </p>
      {props.canEdit ? (
        <p class="actions">
          <a href={`/sociale-kaart/aanbod/${service.id}/bewerken`}>{t('directory.edit.link')}</a> ·{' '}
          <a href={`/sociale-kaart/aanbod/${service.id}/geschiedenis`}>{t('directory.edit.historyLink')}</a>
        </p>
      ) : null}
      <p>
        <WaitingState ctx={ctx} row={service} />
      </p>
      <p>{text('description', service.description)}</p>
      <h2>{t('directory.whatToAsk')}</h2>
      <p>{text('plain_what_to_ask', service.plain_what_to_ask)}</p>
      <h2>{t('directory.whatItCosts')}</h2>
      <p>{text('plain_cost', service.plain_cost ?? service.fees_description)}</p>
      <h2>{t('directory.howToGetThere')}</h2>
      {props.addresses.map((a) => (
        <p key={a.address_1}>
          {a.address_1}
          {a.address_2 ? `, ${a.address_2}` : ''}, {a.postal_code} {a.city}
        </p>
      ))}
      <p>{text('plain_how_to_get_there', service.plain_how_to_get_there)}</p>
      <dl class="summary-list">
        <dt>{t('directory.howToRefer')}</dt>
        <dd>{service.referral_methods.map((m) => t(`referral.${m}` as MessageKey)).join(', ') || '—'}</dd>
        <dt>{t('directory.languages')}</dt>
        <dd>{props.languages.join(', ') || '—'}</dd>
        <dt>{t('directory.needs')}</dt>
        <dd>{service.need_codes.map((n) => t(`need.${n}` as MessageKey)).join(', ') || '—'}</dd>
        <dt>{t('directory.ages')}</dt>
        <dd>{service.age_bands.map((a) => t(`age.${a}` as MessageKey)).join(', ') || '—'}</dd>
        <dt>{t('directory.openingHours')}</dt>
        <dd>
          {props.openingHours.length === 0
            ? '—'
            : props.openingHours.map((h, i) => (
                <span key={h.id}>
                  {i > 0 ? '; ' : ''}
                  {hoursText(ctx, h)}
                </span>
              ))}
        </dd>
        <dt>{t('directory.generalContact')}</dt>
        <dd>{props.phones.map((p) => p.number).join(', ') || '—'}</dd>
      </dl>
      <h2>{t('directory.contactPoints')}</h2>
      <ContactPoints ctx={ctx} contactPoints={props.contactPoints} />
      <p class="verified">
        {service.last_verified_at
          ? t('directory.lastVerified', { date: formatDateTime(ctx, service.last_verified_at) })
          : t('directory.notVerified')}
        {props.stale ? <> {t('directory.stale')}</> : null}
      </p>
      <p>
        <a href={`/sociale-kaart/aanbod/${service.id}/meld-een-fout`}>{t('directory.report.link')}</a>
      </p>
    </article>
  );
}
