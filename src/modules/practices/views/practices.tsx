import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { FacetCount } from '../../../platform/search/text-search.ts';
import {
  Button,
  CheckboxGroup,
  EmptyState,
  formatDateTime,
  Highlighted,
  Pagination,
  PostForm,
} from '../../../platform/views/components.tsx';
import { renderLimitedMarkdown } from '../../../platform/views/markdown.ts';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type { FicheContent } from '../fiche.ts';
import type { PracticeFacets } from '../practices.search.ts';
import type { PracticeStatus, VersionStatus } from '../practices.table.ts';
import { YearFigures } from './figures.tsx';

export const RADII_KM = ['5', '10', '20', '50'] as const;

export interface PracticeSearchValues {
  q: string;
  sort: 'relevance' | 'date';
  categories: string[];
  targetGroups: string[];
  provinces: string[];
  policyDomains: string[];
  needs: string[];
  cooperationForms: string[];
  evidenceSteps: string[];
  municipality: string;
  radius: string;
}

export interface PracticeResult {
  id: string;
  title: string;
  headline: string;
  category: string | null;
  need_codes: string[];
  municipality_nis: string[];
  last_published_at: Date | null;
}

const label = (ctx: PageContext, prefix: string) => (value: string) =>
  ctx.t(`${prefix}.${value}` as MessageKey);
const asIs = (value: string) => value;

function Facet(props: {
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
      idPrefix={`facet-${props.name}`}
      options={props.facets.map((f) => ({ value: f.value, label: `${props.label(f.value)} (${f.count})` }))}
      checked={props.checked}
    />
  );
}

/** /praktijken: search with facets; works as a plain GET form. */
export function PracticeSearchPage(props: {
  ctx: PageContext;
  values: PracticeSearchValues;
  rows: PracticeResult[];
  total: number;
  page: number;
  facets: PracticeFacets;
  municipalities: { nisCode: string; nameNl: string }[];
  municipalityNames: Map<string, string>;
  query: string;
}) {
  const { ctx, values: v, facets } = props;
  const { t } = ctx;
  const names = (m: FacetCount & { label: string }) => [m.value, m.label] as const;
  const labelOf = new Map([...facets.provinces.map(names), ...facets.municipalities.map(names)]);
  return (
    <section>
      <div class="page-heading">
        <h1>{t('practices.search.title')}</h1>
        <p>{t('practices.search.intro')}</p>
        <p class="actions">
          {ctx.user ? <a href="/praktijken/nieuw">{t('practices.new.link')}</a> : null}
          {ctx.user ? <a href="/praktijken/mijn">{t('practices.mine.link')}</a> : null}
          {ctx.user?.platformRoles.includes('curator') ? (
            <a href="/praktijken/redactie">{t('practices.review.link')}</a>
          ) : null}
          <a href="/praktijken/feed.atom">{t('practices.search.feed')}</a>
          <a href="/api/v1/practices/export.csv">{t('practices.search.exportCsv')}</a>
          <a href="/api/v1/practices/export.json">{t('practices.search.exportJson')}</a>
        </p>
      </div>
      <form method="get" action="/praktijken" class="search-form" role="search">
        <div class="search-bar">
          <div class="field">
            <label for="practice-q">{t('practices.search.q')}</label>
            <input id="practice-q" name="q" type="search" value={v.q} />
          </div>
          <div class="field">
            <label for="practice-sort">{t('practices.search.sort')}</label>
            <select id="practice-sort" name="sort">
              <option value="relevance" selected={v.sort === 'relevance'}>
                {t('practices.search.sortRelevance')}
              </option>
              <option value="date" selected={v.sort === 'date'}>
                {t('practices.search.sortDate')}
              </option>
            </select>
          </div>
          <Button>{t('practices.search.submit')}</Button>
        </div>
        <div class="search-layout">
          <aside class="filters" aria-label={t('practices.search.filters')}>
            <div class="field">
              <label for="practice-municipality">{t('practices.search.municipality')}</label>
              <select id="practice-municipality" name="municipality">
                <option value="">{t('practices.search.anyMunicipality')}</option>
                {props.municipalities.map((m) => (
                  <option key={m.nisCode} value={m.nisCode} selected={m.nisCode === v.municipality}>
                    {m.nameNl}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="practice-radius">{t('practices.search.radius')}</label>
              <select id="practice-radius" name="radius">
                <option value="">{t('practices.search.onlyThere')}</option>
                {RADII_KM.map((r) => (
                  <option key={r} value={r} selected={r === v.radius}>
                    {t('practices.search.withinKm', { km: r })}
                  </option>
                ))}
              </select>
            </div>
            <Facet
              legend={t('practices.field.needCodes')}
              name="need"
              facets={facets.needs}
              checked={v.needs}
              label={label(ctx, 'need')}
            />
            <Facet
              legend={t('practices.field.category')}
              name="category"
              facets={facets.categories}
              checked={v.categories}
              label={asIs}
            />
            <Facet
              legend={t('practices.field.targetGroups')}
              name="targetGroup"
              facets={facets.targetGroups}
              checked={v.targetGroups}
              label={asIs}
            />
            <Facet
              legend={t('practices.search.province')}
              name="province"
              facets={facets.provinces}
              checked={v.provinces}
              label={(value) => labelOf.get(value) ?? value}
            />
            <Facet
              legend={t('practices.field.cooperationForms')}
              name="cooperationForm"
              facets={facets.cooperationForms}
              checked={v.cooperationForms}
              label={label(ctx, 'cooperation')}
            />
            <Facet
              legend={t('practices.field.policyDomains')}
              name="policyDomain"
              facets={facets.policyDomains}
              checked={v.policyDomains}
              label={asIs}
            />
            <Facet
              legend={t('practices.field.evidenceStep')}
              name="evidence"
              facets={facets.evidenceSteps}
              checked={v.evidenceSteps}
              label={label(ctx, 'practices.evidence')}
            />
            <Button variant="secondary">{t('practices.search.apply')}</Button>
          </aside>
          <div class="results" aria-live="polite">
            <p class="result-count">{t('practices.search.count', { count: props.total })}</p>
            {props.rows.length === 0 ? (
              <EmptyState title={t('practices.search.empty')}>
                <p>{t('practices.search.emptyHint')}</p>
              </EmptyState>
            ) : (
              <ol class="result-list">
                {props.rows.map((r) => (
                  <li key={r.id} class="result">
                    <h2>
                      <a href={`/praktijken/${r.id}`}>{r.title}</a>
                    </h2>
                    <p class="excerpt">
                      <Highlighted text={r.headline} />
                    </p>
                    <p class="meta">
                      {[
                        r.category,
                        r.need_codes.map((n) => t(`need.${n}` as MessageKey)).join(', '),
                        r.municipality_nis.map((n) => props.municipalityNames.get(n) ?? n).join(', '),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <Pagination
              ctx={ctx}
              basePath={`/praktijken?${props.query}`}
              page={props.page}
              total={props.total}
            />
          </div>
        </div>
      </form>
    </section>
  );
}

const List = ({ items }: { items: string[] }) =>
  items.length ? (
    <ul>
      {items.map((i, n) => (
        <li key={n}>{i}</li>
      ))}
    </ul>
  ) : null;

function Section(props: { title: string; show: boolean; children: preact.ComponentChildren }) {
  if (!props.show) return null;
  return (
    <section class="fiche-section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

export interface PracticeView {
  id: string;
  status: PracticeStatus;
  content: FicheContent;
  /** The version shown, when it is not the published one (owners and curators looking at work). */
  shownVersion: { number: number; status: VersionStatus; reviewComment: string | null } | null;
  openVersion: { number: number; status: VersionStatus; reviewComment: string | null } | null;
  ownerName: string | null;
  lastReviewedAt: Date | null;
  lastPublishedAt: Date | null;
  runBy: { name: string; href: string }[];
  municipalityNames: Map<string, string>;
  similar: { id: string; title: string; introduction: string }[];
  mayEdit: boolean;
  mayReview: boolean;
  following: boolean | null;
  needsReview: boolean;
}

/** One fiche: the published version for everyone; owners and curators also see the work on it. */
export function PracticePage({ ctx, p }: { ctx: PageContext; p: PracticeView }) {
  const { t } = ctx;
  const c = p.content;
  // Work on a published fiche: a new version in the works besides the one online.
  const work = p.openVersion;
  const newVersion = p.status === 'published' ? work : null;
  return (
    <article class="fiche">
      <p class="no-print">
        <a href="/praktijken">{t('practices.fiche.back')}</a>
      </p>
      {p.shownVersion ? (
        <div class="notice" role="status">
          <p>
            {t('practices.fiche.versionNotice', {
              number: p.shownVersion.number,
              status: t(`practices.status.${p.shownVersion.status}` as MessageKey),
            })}
          </p>
          {p.shownVersion.reviewComment ? (
            <p>
              <strong>{t('practices.fiche.reviewComment')}</strong> {p.shownVersion.reviewComment}
            </p>
          ) : null}
        </div>
      ) : null}
      <h1>{c.title}</h1>
      {c.introduction ? <p class="lead">{c.introduction}</p> : null}
      <dl class="fiche-facts">
        {c.category ? (
          <>
            <dt>{t('practices.field.category')}</dt>
            <dd>{c.category}</dd>
          </>
        ) : null}
        {c.needCodes.length ? (
          <>
            <dt>{t('practices.field.needCodes')}</dt>
            <dd>{c.needCodes.map((n) => t(`need.${n}` as MessageKey)).join(', ')}</dd>
          </>
        ) : null}
        {c.cooperationForms.length ? (
          <>
            <dt>{t('practices.field.cooperationForms')}</dt>
            <dd>{c.cooperationForms.map((n) => t(`cooperation.${n}` as MessageKey)).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('practices.field.evidenceStep')}</dt>
        <dd>{t(`practices.evidence.${c.evidenceStep}` as MessageKey)}</dd>
        {p.ownerName ? (
          <>
            <dt>{t('practices.fiche.owner')}</dt>
            <dd>{p.ownerName}</dd>
          </>
        ) : null}
        <dt>{t('practices.fiche.lastReviewed')}</dt>
        <dd>{p.lastReviewedAt ? formatDateTime(ctx, p.lastReviewedAt) : t('practices.fiche.notReviewed')}</dd>
      </dl>
      <Section title={t('practices.field.goals')} show={c.goals.length > 0}>
        <List items={c.goals} />
      </Section>
      <Section title={t('practices.field.targetGroups')} show={c.targetGroups.length > 0}>
        <List items={c.targetGroups} />
      </Section>
      <section class="fiche-section">
        <h2>{t('practices.field.description')}</h2>
        <div class="prose" dangerouslySetInnerHTML={{ __html: renderLimitedMarkdown(c.description) }} />
      </section>
      <Section title={t('practices.field.buildingBlocks')} show={c.buildingBlocks.length > 0}>
        <dl>
          {c.buildingBlocks.map((b) => (
            <>
              <dt>{b.name}</dt>
              {b.description ? <dd>{b.description}</dd> : null}
            </>
          ))}
        </dl>
      </Section>
      <Section title={t('practices.field.successFactors')} show={c.successFactors.length > 0}>
        <List items={c.successFactors} />
      </Section>
      <Section title={t('practices.field.challenges')} show={c.challenges.length > 0}>
        <List items={c.challenges} />
      </Section>
      <Section title={t('practices.field.places')} show={c.places.length > 0}>
        <ul>
          {c.places.map((pl, n) => (
            <li key={n}>
              <strong>{p.municipalityNames.get(pl.nis) ?? pl.municipality}</strong>
              {pl.localName ? ` — ${pl.localName}` : ''}
              {pl.line ? `: ${pl.line}` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('practices.field.sites')} show={c.sites.length > 0}>
        <ul>
          {c.sites.map((s, n) => (
            <li key={n}>
              {t('practices.fiche.siteLine', {
                name: s.name,
                place: s.municipality ?? '',
                since: s.since,
              })}
              {s.blocks.length ? ` (${s.blocks.join(', ')})` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <YearFigures ctx={ctx} figures={c.figures} />
      <Section title={t('practices.field.ratings')} show={c.ratings.length > 0}>
        <ul>
          {c.ratings.map((r, n) => (
            <li key={n}>
              <a href={r.url} rel="nofollow noopener noreferrer">
                {r.source}
              </a>
              {r.summary ? `: ${r.summary}` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('practices.field.policyDomains')} show={c.policyDomains.length > 0}>
        <List items={c.policyDomains} />
      </Section>
      <Section title={t('practices.field.runBy')} show={p.runBy.length > 0}>
        <ul>
          {p.runBy.map((r) => (
            <li key={r.href}>
              <a href={r.href}>{r.name}</a>
            </li>
          ))}
        </ul>
      </Section>
      <Section
        title={t('practices.field.contact')}
        show={Boolean(c.contact.name || c.contact.email || c.contact.phone)}
      >
        <p>
          {c.contact.name}
          {c.contact.email ? (
            <>
              {' · '}
              <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
            </>
          ) : null}
          {c.contact.phone ? ` · ${c.contact.phone}` : ''}
        </p>
      </Section>

      <aside class="fiche-actions no-print" aria-label={t('practices.fiche.actions')}>
        {p.needsReview && p.mayEdit ? (
          <div class="notice notice--warning">
            <p>{t('practices.fiche.reviewDue')}</p>
            <PostForm ctx={ctx} action={`/praktijken/${p.id}/nog-actueel`}>
              <Button variant="secondary">{t('practices.fiche.confirmCurrent')}</Button>
            </PostForm>
          </div>
        ) : null}
        {p.mayEdit ? (
          <>
            {newVersion ? (
              <p>
                {t('practices.fiche.workNotice', {
                  number: newVersion.number,
                  status: t(`practices.status.${newVersion.status}` as MessageKey),
                })}
              </p>
            ) : null}
            <p class="actions">
              <a href={`/praktijken/${p.id}/bewerken`}>
                {t(newVersion ? 'practices.fiche.editWork' : 'practices.fiche.edit')}
              </a>
              <a href={`/praktijken/${p.id}/versies`}>{t('practices.versions.link')}</a>
            </p>
            {work && (work.status === 'draft' || work.status === 'returned') ? (
              <PostForm ctx={ctx} action={`/praktijken/${p.id}/indienen`}>
                <Button>{t('practices.fiche.submit')}</Button>
              </PostForm>
            ) : null}
          </>
        ) : null}
        {p.mayReview && work?.status === 'submitted' ? (
          <p>
            <a href={`/praktijken/${p.id}/beoordelen`}>{t('practices.review.open')}</a>
          </p>
        ) : null}
        {p.following !== null && p.status === 'published' ? (
          <PostForm ctx={ctx} action={`/praktijken/${p.id}/volgen`}>
            <input type="hidden" name="follow" value={p.following ? '0' : '1'} />
            <Button variant="secondary">
              {t(p.following ? 'practices.fiche.unfollow' : 'practices.fiche.follow')}
            </Button>
          </PostForm>
        ) : null}
        {p.status === 'published' ? (
          <p class="actions">
            <a href={`/praktijken/${p.id}/opmerking`}>{t('practices.suggestion.link')}</a>
            <a href={`/praktijken/${p.id}/tekst`}>{t('practices.fiche.asText')}</a>
          </p>
        ) : null}
      </aside>

      {p.similar.length ? (
        <section class="fiche-section no-print" aria-labelledby="similar-title">
          <h2 id="similar-title">{t('practices.fiche.similar')}</h2>
          <ul>
            {p.similar.map((s) => (
              <li key={s.id}>
                <a href={`/praktijken/${s.id}`}>{s.title}</a>
                {s.introduction ? <span class="meta"> — {s.introduction}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.lastPublishedAt ? (
        <p class="meta">{t('practices.fiche.published', { date: formatDateTime(ctx, p.lastPublishedAt) })}</p>
      ) : null}
    </article>
  );
}
