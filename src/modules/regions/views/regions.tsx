import {
  Button,
  CheckboxGroup,
  ConfirmCheckbox,
  EmptyState,
  ErrorSummary,
  Field,
  type FormState,
  list,
  one,
  options,
  PostForm,
  RadioGroup,
  Section,
  SelectField,
  TextAreaField,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { needCodes } from '../../../platform/vocabularies.ts';
import type { indicatorOverview } from '../indicators.service.ts';
import type { regionOverview } from '../region-groups.service.ts';
import { indicatorAgeGroups, indicatorCombinations, regionGroupKinds } from '../regions.table.ts';
import type { workRegionsWithMunicipalities } from '../regions.service.ts';

type Overview = Awaited<ReturnType<typeof regionOverview>>;
type Indicators = Awaited<ReturnType<typeof indicatorOverview>>;
type WorkRegions = Awaited<ReturnType<typeof workRegionsWithMunicipalities>>;

/** A name in the reader's language: the French one where there is one and the page is in French. */
export const localName = (locale: string, p: { nameNl: string; nameFr: string | null }) =>
  locale === 'fr' && p.nameFr ? p.nameFr : p.nameNl;
const named = (ctx: PageContext, p: { nameNl: string; nameFr: string | null }) => localName(ctx.locale, p);

export function RegionsPage(props: {
  ctx: PageContext;
  overview: Overview;
  indicators: Indicators;
  isCurator: boolean;
}) {
  const { ctx, overview } = props;
  return (
    <>
      <h1>{ctx.t('nav.regions')}</h1>
      <p class="lead">{ctx.t('regions.home.intro')}</p>
      {props.isCurator ? (
        <p class="button-row">
          <a class="button button--primary" href="/regios/nieuw">
            {ctx.t('regions.group.newTitle')}
          </a>
          <a class="button button--secondary" href="/regios/indicatoren">
            {ctx.t('regions.import.title')}
          </a>
        </p>
      ) : null}
      <Section title={ctx.t('regions.home.workRegions')} id="werkregio">
        <ul>
          {overview.workRegions.map((r) => (
            <li key={r.code}>
              <a href={`/regios/${r.code}`}>{named(ctx, r)}</a> ·{' '}
              {ctx.t('regions.municipalityCount', { count: r.municipalities.length })}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={ctx.t('regions.home.groups')} id="groepen">
        {overview.groups.length === 0 ? (
          <EmptyState title={ctx.t('regions.home.noGroups')} />
        ) : (
          <ul>
            {overview.groups.map((g) => (
              <li key={g.slug}>
                <a href={`/regios/${g.slug}`}>{g.name}</a> · {ctx.t(`regions.kind.${g.kind}`)} ·{' '}
                {ctx.t('regions.municipalityCount', { count: g.size })}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={ctx.t('regions.home.indicators')} id="indicatoren">
        {props.indicators.length === 0 ? (
          <EmptyState title={ctx.t('regions.home.noIndicators')} />
        ) : (
          <ul>
            {props.indicators.map((i) => (
              <li key={i.code}>
                {ctx.locale === 'fr' && i.name_fr ? i.name_fr : i.name_nl} ({i.unit}) ·{' '}
                {ctx.t('regions.home.years', { years: i.years.join(', ') })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

export function RegionGroupFormPage(props: {
  ctx: PageContext;
  title: string;
  action: string;
  workRegions: WorkRegions;
  form: FormState;
  /** Set when changing an existing group: it can then be removed. */
  deleteAction?: string;
}) {
  const { ctx, form } = props;
  const v = form.values;
  const e = form.errors ?? {};
  const chosen = list(v.municipalities);
  return (
    <section class="narrow">
      <p>
        <a href="/regios">{ctx.t('regions.back')}</a>
      </p>
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={props.action}>
        <Field name="name" label={ctx.t('regions.group.name')} value={one(v.name)} error={e.name} required />
        <RadioGroup
          legend={ctx.t('regions.group.kind')}
          name="kind"
          options={options(ctx, 'regions.kind', regionGroupKinds)}
          value={one(v.kind)}
          error={e.kind}
        />
        <TextAreaField
          name="description"
          label={ctx.t('regions.group.description')}
          value={one(v.description)}
          error={e.description}
          rows={3}
        />
        <fieldset
          id="field-municipalities"
          tabindex={-1}
          class={e.municipalities ? 'field--error' : undefined}
        >
          <legend>{ctx.t('regions.group.municipalities')}</legend>
          <p class="field-hint">{ctx.t('regions.group.municipalitiesHint')}</p>
          {e.municipalities ? <p class="field-error">{e.municipalities}</p> : null}
          {props.workRegions.map((r) => {
            const picked = r.municipalities.filter((m) => chosen.includes(m.nisCode)).length;
            return (
              <details key={r.code} open={picked > 0}>
                <summary>
                  {named(ctx, r)} ({ctx.t('regions.group.picked', { count: picked })})
                </summary>
                <CheckboxGroup
                  legend={named(ctx, r)}
                  name="municipalities"
                  idPrefix={`gemeente-${r.code}`}
                  options={r.municipalities.map((m) => ({ value: m.nisCode, label: named(ctx, m) }))}
                  checked={chosen}
                  inline
                />
              </details>
            );
          })}
        </fieldset>
        <Button>{ctx.t('form.save')}</Button>
      </PostForm>
      {props.deleteAction ? (
        <PostForm ctx={ctx} action={props.deleteAction} class="danger-zone">
          <h2>{ctx.t('regions.group.deleteTitle')}</h2>
          <ConfirmCheckbox ctx={ctx} label={ctx.t('regions.group.deleteConfirm')} error={e.confirm} />
          <Button variant="danger">{ctx.t('regions.group.delete')}</Button>
        </PostForm>
      ) : null}
    </section>
  );
}

export function IndicatorImportPage(props: {
  ctx: PageContext;
  form: FormState;
  /** The rows the last file was refused for, already in words. */
  problems?: string[];
}) {
  const { ctx, form } = props;
  const v = form.values;
  const e = form.errors ?? {};
  return (
    <section class="narrow">
      <p>
        <a href="/regios">{ctx.t('regions.back')}</a>
      </p>
      <h1>{ctx.t('regions.import.title')}</h1>
      <p>{ctx.t('regions.import.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action="/regios/indicatoren">
        <Field
          name="code"
          label={ctx.t('regions.import.code')}
          hint={ctx.t('regions.import.codeHint')}
          value={one(v.code)}
          error={e.code}
        />
        <Field name="name" label={ctx.t('regions.import.name')} value={one(v.name)} error={e.name} />
        <Field
          name="unit"
          label={ctx.t('regions.import.unit')}
          hint={ctx.t('regions.import.unitHint')}
          value={one(v.unit)}
          error={e.unit}
        />
        <Field
          name="year"
          label={ctx.t('regions.import.year')}
          value={one(v.year)}
          error={e.year}
          inputmode="numeric"
        />
        <Field name="source" label={ctx.t('regions.import.source')} value={one(v.source)} error={e.source} />
        <RadioGroup
          legend={ctx.t('regions.import.combine')}
          name="combine"
          options={options(ctx, 'regions.combine', indicatorCombinations)}
          value={one(v.combine)}
          error={e.combine}
        />
        <SelectField
          name="ageGroup"
          label={ctx.t('regions.import.ageGroup')}
          options={options(ctx, 'regions.ageGroup', indicatorAgeGroups)}
          value={one(v.ageGroup)}
          error={e.ageGroup}
        />
        <CheckboxGroup
          legend={ctx.t('regions.import.needs')}
          name="needs"
          idPrefix="need"
          options={options(ctx, 'need', needCodes)}
          checked={list(v.needs)}
          error={e.needs}
        />
        <RadioGroup
          legend={ctx.t('regions.import.direction')}
          name="direction"
          options={[
            { value: 'more', label: ctx.t('regions.import.directionMore') },
            { value: 'less', label: ctx.t('regions.import.directionLess') },
          ]}
          value={one(v.direction)}
          error={e.direction}
        />
        {/* With JavaScript a file can be chosen; it is read into the field below (csv-file.js). */}
        <div
          class="field"
          data-csv-file
          data-read-message={ctx.t('regions.import.fileRead', { name: '{name}', lines: '{lines}' })}
          hidden
        >
          <label for="csv-file">{ctx.t('regions.import.file')}</label>
          <p class="field-hint" id="csv-file-hint">
            {ctx.t('regions.import.fileHint')}
          </p>
          <input
            type="file"
            id="csv-file"
            accept=".csv,text/csv,text/plain"
            aria-describedby="csv-file-hint"
          />
          <p class="field-hint" role="status" data-csv-file-status></p>
        </div>
        <script type="module" src="/static/csv-file.js"></script>
        <TextAreaField
          name="csv"
          label={ctx.t('regions.import.csv')}
          hint={ctx.t('regions.import.csvHint')}
          value={one(v.csv)}
          error={e.csv}
          rows={12}
        />
        {props.problems?.length ? (
          <ul class="import-problems" aria-label={ctx.t('regions.import.problemsLabel')}>
            {props.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <Button>{ctx.t('regions.import.submit')}</Button>
      </PostForm>
    </section>
  );
}
