import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  CheckboxGroup,
  codeList,
  EmptyState,
  ErrorSummary,
  Facts,
  Field,
  formatDateTime,
  formatDay,
  type FormState,
  list,
  one,
  options,
  PostForm,
  RadioGroup,
  Section,
  SelectField,
  Table,
  TextAreaField,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { needCodes } from '../../../platform/vocabularies.ts';
import type { WorkRegion, workRegionsWithMunicipalities } from '../../regions/regions.service.ts';
import {
  type CoordinatorBundle,
  type CoordinatorSignal,
  followUpStatuses,
  type MySignal,
  type SignalReport,
  type similarSignals,
} from '../signals.service.ts';
import {
  addresseeLevels,
  type BundleStatus,
  signalFrequencies,
  signalSectors,
  signalSourceTypes,
  type SignalStatus,
} from '../signals.table.ts';

/** How coordinators' pages name places: work regions by code, municipalities by NIS code. */
export interface Places {
  regions: WorkRegion[];
  municipalityName: (nis: string) => string;
}
type RegionsWithMunicipalities = Awaited<ReturnType<typeof workRegionsWithMunicipalities>>;
type Similar = Awaited<ReturnType<typeof similarSignals>>;

/** A form on a coordinator's page that came back with errors. */
export interface SignalFormErrors {
  form: string;
  errors: FieldErrors;
  values: Record<string, string>;
}
const errorsOf = (state: SignalFormErrors | undefined, form: string) =>
  state?.form === form ? state : undefined;

const placeName = (ctx: PageContext, p: { nameNl: string; nameFr: string }) =>
  ctx.locale === 'fr' ? p.nameFr : p.nameNl;
export const regionName = (ctx: PageContext, regions: WorkRegion[], code: string) => {
  const r = regions.find((x) => x.code === code);
  return r ? placeName(ctx, r) : code;
};
const statusLabel = (ctx: PageContext, status: SignalStatus) => ctx.t(`signals.status.${status}`);

function StatusTag(props: { ctx: PageContext; status: SignalStatus }) {
  return <span class={`status-tag status-tag--${props.status}`}>{statusLabel(props.ctx, props.status)}</span>;
}

// ---- Landing page ---------------------------------------------------------------------------------------

export function SignalsHomePage(props: {
  ctx: PageContext;
  isCoordinator: boolean;
  regions: WorkRegion[];
  years: number[];
}) {
  const { ctx } = props;
  return (
    <>
      <h1>{ctx.t('nav.signals')}</h1>
      <p class="lead">{ctx.t('signals.home.intro')}</p>
      <ol class="steps">
        <li>{ctx.t('signals.home.step1')}</li>
        <li>{ctx.t('signals.home.step2')}</li>
        <li>{ctx.t('signals.home.step3')}</li>
      </ol>
      {ctx.user ? (
        <p class="button-row">
          <a class="button button--primary" href="/signalen/nieuw">
            {ctx.t('signals.new.title')}
          </a>
          <a class="button button--secondary" href="/signalen/mijn">
            {ctx.t('signals.mine.title')}
          </a>
          {props.isCoordinator ? (
            <a class="button button--secondary" href="/signalen/behandelen">
              {ctx.t('signals.desk.title')}
            </a>
          ) : null}
        </p>
      ) : (
        <p>
          <a href="/aanmelden?terug=/signalen/nieuw">{ctx.t('signals.home.signInToRaise')}</a>
        </p>
      )}
      <ReportChooser ctx={ctx} regions={props.regions} years={props.years} />
    </>
  );
}

function ReportChooser(props: {
  ctx: PageContext;
  regions: WorkRegion[];
  years: number[];
  region?: string | undefined;
  year?: number | undefined;
}) {
  const { ctx } = props;
  return (
    <form method="get" action="/signalen/rapport" class="report-chooser no-print">
      <h2>{ctx.t('signals.report.title')}</h2>
      <p>{ctx.t('signals.report.intro')}</p>
      <SelectField
        name="regio"
        label={ctx.t('signals.report.region')}
        options={props.regions.map((r) => ({ value: r.code, label: placeName(ctx, r) }))}
        value={props.region}
      />
      <SelectField
        name="jaar"
        label={ctx.t('signals.report.year')}
        options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
        value={props.year ? String(props.year) : undefined}
      />
      <Button variant="secondary">{ctx.t('signals.report.show')}</Button>
    </form>
  );
}

// ---- Intake ---------------------------------------------------------------------------------------------

export function NewSignalPage(props: {
  ctx: PageContext;
  regions: RegionsWithMunicipalities;
  organisations: { id: string; name: string }[];
  form: FormState;
}) {
  const { ctx, form } = props;
  const v = form.values;
  const e = form.errors ?? {};
  return (
    <section class="narrow">
      <p>
        <a href="/signalen">{ctx.t('signals.backToSignals')}</a>
      </p>
      <h1>{ctx.t('signals.new.title')}</h1>
      <p>{ctx.t('signals.new.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action="/signalen/nieuw">
        <Field
          name="title"
          label={ctx.t('signals.field.title')}
          hint={ctx.t('signals.field.titleHint')}
          value={one(v.title)}
          error={e.title}
          required
        />
        <TextAreaField
          name="description"
          label={ctx.t('signals.field.description')}
          hint={ctx.t('signals.field.descriptionHint')}
          value={one(v.description)}
          error={e.description}
          rows={6}
          required
        />
        <CheckboxGroup
          legend={ctx.t('signals.field.needs')}
          name="needs"
          idPrefix="need"
          options={options(ctx, 'need', needCodes)}
          checked={list(v.needs)}
          error={e.needs}
        />
        <SelectField
          name="sector"
          label={ctx.t('signals.field.sector')}
          options={[
            { value: '', label: ctx.t('signals.field.choose') },
            ...options(ctx, 'signals.sector', signalSectors),
          ]}
          value={one(v.sector)}
          error={e.sector}
        />
        <SelectField
          name="place"
          label={ctx.t('signals.field.place')}
          hint={ctx.t('signals.field.placeHint')}
          options={[{ value: '', label: ctx.t('signals.field.choose') }]}
          groups={props.regions.map((r) => ({
            label: placeName(ctx, r),
            options: [
              {
                value: `regio:${r.code}`,
                label: ctx.t('signals.field.wholeRegion', { region: placeName(ctx, r) }),
              },
              ...r.municipalities.map((m) => ({ value: `gemeente:${m.nisCode}`, label: placeName(ctx, m) })),
            ],
          }))}
          value={one(v.place)}
          error={e.place}
        />
        <RadioGroup
          legend={ctx.t('signals.field.frequency')}
          name="frequency"
          options={options(ctx, 'signals.frequency', signalFrequencies)}
          value={one(v.frequency)}
          error={e.frequency}
        />
        <Field
          name="seenSince"
          label={ctx.t('signals.field.seenSince')}
          hint={ctx.t('signals.field.seenSinceHint')}
          value={one(v.seenSince)}
          error={e.seenSince}
          inputmode="numeric"
        />
        <RadioGroup
          legend={ctx.t('signals.field.sourceType')}
          name="sourceType"
          options={options(ctx, 'signals.source', signalSourceTypes)}
          value={one(v.sourceType)}
          error={e.sourceType}
        />
        {props.organisations.length > 0 ? (
          <SelectField
            name="organisation"
            label={ctx.t('signals.field.organisation')}
            options={[
              ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
              { value: '', label: ctx.t('signals.field.noOrganisation') },
            ]}
            value={one(v.organisation)}
            error={e.organisation}
          />
        ) : null}
        <RadioGroup
          legend={ctx.t('signals.field.mayBeNamed')}
          hint={ctx.t('signals.field.mayBeNamedHint')}
          name="mayBeNamed"
          options={[
            { value: 'no', label: ctx.t('signals.field.mayBeNamedNo') },
            { value: 'yes', label: ctx.t('signals.field.mayBeNamedYes') },
          ]}
          value={one(v.mayBeNamed)}
          error={e.mayBeNamed}
        />
        <Button>{ctx.t('signals.new.submit')}</Button>
      </PostForm>
    </section>
  );
}

// ---- What a sender sees ---------------------------------------------------------------------------------

function EntryText(props: { ctx: PageContext; entry: { kind: string; note: string | null; date: string } }) {
  const { ctx, entry } = props;
  return (
    <>
      <strong>{formatDay(ctx, entry.date)}</strong> · {ctx.t(`signals.entry.${entry.kind}` as MessageKey)}
      {entry.note ? <p class="entry-note">{entry.note}</p> : null}
    </>
  );
}

export function MySignalsPage(props: { ctx: PageContext; signals: MySignal[]; regions: WorkRegion[] }) {
  const { ctx } = props;
  return (
    <>
      <p>
        <a href="/signalen">{ctx.t('signals.backToSignals')}</a>
      </p>
      <h1>{ctx.t('signals.mine.title')}</h1>
      <p>{ctx.t('signals.mine.intro')}</p>
      <p class="button-row">
        <a class="button button--primary" href="/signalen/nieuw">
          {ctx.t('signals.new.title')}
        </a>
      </p>
      {props.signals.length === 0 ? (
        <EmptyState title={ctx.t('signals.mine.empty')}>
          <p>{ctx.t('signals.mine.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ul class="signal-list">
          {props.signals.map((s) => (
            <li key={s.id} class="signal-card" id={`signaal-${s.id}`}>
              <h2>{s.title}</h2>
              <p>
                <StatusTag ctx={ctx} status={s.status} />{' '}
                {ctx.t('signals.mine.raisedOn', {
                  date: formatDateTime(ctx, s.createdAt),
                  region: regionName(ctx, props.regions, s.regionCode),
                })}
              </p>
              <p class="field-hint">{codeList(ctx, 'need', s.needs)}</p>
              <p class="field-hint">
                {ctx.t(s.mayBeNamed ? 'signals.mine.namedYes' : 'signals.mine.namedNo')}
              </p>
              <div class="latest-entry">
                <h3>{ctx.t('signals.mine.latestEntry')}</h3>
                {s.latestEntry ? (
                  <EntryText ctx={ctx} entry={s.latestEntry} />
                ) : (
                  <p>{ctx.t('signals.mine.noEntryYet')}</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// ---- Coordinators ---------------------------------------------------------------------------------------

export interface Desk {
  regions: string[];
  newSignals: {
    id: string;
    title: string;
    created_at: Date;
    needs: string[];
    region_code: string;
    source_type: string;
  }[];
  bundles: {
    id: string;
    title: string;
    status: BundleStatus;
    region_code: string;
    updated_at: Date;
    signal_count: number;
  }[];
}

export function DeskPage(props: { ctx: PageContext; desk: Desk; regions: WorkRegion[] }) {
  const { ctx, desk } = props;
  const open = desk.bundles.filter((b) => b.status !== 'closed');
  const closed = desk.bundles.filter((b) => b.status === 'closed');
  const bundleTable = (caption: string, rows: Desk['bundles']) => (
    <Table
      caption={caption}
      rowKey={(b) => b.id}
      rows={rows}
      columns={[
        {
          header: ctx.t('signals.bundle.titleColumn'),
          cell: (b) => <a href={`/signalen/behandelen/bundels/${b.id}`}>{b.title}</a>,
        },
        { header: ctx.t('signals.statusColumn'), cell: (b) => <StatusTag ctx={ctx} status={b.status} /> },
        { header: ctx.t('signals.bundle.signalCount'), cell: (b) => b.signal_count },
        { header: ctx.t('signals.regionColumn'), cell: (b) => regionName(ctx, props.regions, b.region_code) },
        { header: ctx.t('signals.updatedColumn'), cell: (b) => formatDateTime(ctx, b.updated_at) },
      ]}
    />
  );
  return (
    <>
      <p>
        <a href="/signalen">{ctx.t('signals.backToSignals')}</a>
      </p>
      <h1>{ctx.t('signals.desk.title')}</h1>
      <p>
        {ctx.t('signals.desk.intro', {
          regions: desk.regions.map((r) => regionName(ctx, props.regions, r)).join(', '),
        })}
      </p>
      <Section title={ctx.t('signals.desk.new')} id="nieuw">
        {desk.newSignals.length === 0 ? (
          <EmptyState title={ctx.t('signals.desk.noNew')} />
        ) : (
          <Table
            caption={ctx.t('signals.desk.new')}
            rowKey={(s) => s.id}
            rows={desk.newSignals}
            columns={[
              {
                header: ctx.t('signals.field.title'),
                cell: (s) => <a href={`/signalen/behandelen/signalen/${s.id}`}>{s.title}</a>,
              },
              { header: ctx.t('signals.receivedColumn'), cell: (s) => formatDateTime(ctx, s.created_at) },
              { header: ctx.t('signals.field.needs'), cell: (s) => codeList(ctx, 'need', s.needs) },
              {
                header: ctx.t('signals.field.sourceType'),
                cell: (s) => ctx.t(`signals.source.${s.source_type}` as MessageKey),
              },
              {
                header: ctx.t('signals.regionColumn'),
                cell: (s) => regionName(ctx, props.regions, s.region_code),
              },
            ]}
          />
        )}
      </Section>
      <Section title={ctx.t('signals.desk.bundles')} id="bundels">
        {open.length === 0 ? (
          <EmptyState title={ctx.t('signals.desk.noBundles')} />
        ) : (
          bundleTable(ctx.t('signals.desk.bundles'), open)
        )}
      </Section>
      {closed.length ? (
        <Section title={ctx.t('signals.desk.closed')} id="afgesloten">
          {bundleTable(ctx.t('signals.desk.closed'), closed)}
        </Section>
      ) : null}
    </>
  );
}

/** Who raised a signal, as coordinators see it: with whether the sender may be named to the working group. */
function Sender(props: { ctx: PageContext; signal: CoordinatorSignal; forWorkingGroup?: boolean }) {
  const { ctx, signal: s } = props;
  if (s.source_type === 'case_consultation' && !s.sender_name) return <>{ctx.t('signals.sender.fromCase')}</>;
  if (props.forWorkingGroup && !s.sender_may_be_named) return <>{ctx.t('signals.sender.notNamed')}</>;
  const who = [s.sender_name ?? ctx.t('signals.sender.unknown'), s.sender_organisation]
    .filter(Boolean)
    .join(', ');
  if (props.forWorkingGroup) return <>{who}</>;
  return (
    <>
      {who}{' '}
      <span class={s.sender_may_be_named ? 'tag' : 'tag tag--warning'}>
        {ctx.t(s.sender_may_be_named ? 'signals.sender.mayBeNamed' : 'signals.sender.doNotName')}
      </span>
    </>
  );
}

function SignalFacts(props: {
  ctx: PageContext;
  signal: CoordinatorSignal;
  places: Places;
  forWorkingGroup?: boolean;
}) {
  const { ctx, signal: s } = props;
  return (
    <Facts
      rows={[
        [ctx.t('signals.field.needs'), codeList(ctx, 'need', s.needs)],
        [ctx.t('signals.field.sector'), s.sector ? ctx.t(`signals.sector.${s.sector}` as MessageKey) : '—'],
        [
          ctx.t('signals.field.place'),
          s.municipality_nis
            ? props.places.municipalityName(s.municipality_nis)
            : regionName(ctx, props.places.regions, s.region_code),
        ],
        [
          ctx.t('signals.field.frequency'),
          s.frequency ? ctx.t(`signals.frequency.${s.frequency}` as MessageKey) : '—',
        ],
        [ctx.t('signals.field.seenSince'), s.seen_since ? s.seen_since.slice(0, 7) : '—'],
        [ctx.t('signals.field.sourceType'), ctx.t(`signals.source.${s.source_type}` as MessageKey)],
        [ctx.t('signals.receivedColumn'), formatDateTime(ctx, s.created_at)],
        [
          ctx.t('signals.sender.label'),
          <Sender ctx={ctx} signal={s} forWorkingGroup={props.forWorkingGroup} />,
        ],
      ]}
    />
  );
}

function SimilarList(props: {
  ctx: PageContext;
  similar: Similar;
  /** The button next to a new signal: add it to this bundle. */
  addTo?: string;
}) {
  const { ctx } = props;
  if (props.similar.length === 0) return <p>{ctx.t('signals.similar.none')}</p>;
  return (
    <ul class="similar-list">
      {props.similar.map((s) => (
        <li key={s.id}>
          <a href={`/signalen/behandelen/signalen/${s.id}`}>{s.title}</a> ·{' '}
          {formatDateTime(ctx, s.created_at)}
          {s.bundle_id ? (
            <>
              {' · '}
              {ctx.t('signals.similar.inBundle')}{' '}
              <a href={`/signalen/behandelen/bundels/${s.bundle_id}`}>{s.bundle_title}</a>
            </>
          ) : (
            <> · {ctx.t('signals.status.new')}</>
          )}
          {props.addTo && !s.bundle_id ? (
            <PostForm ctx={ctx} action={`/signalen/behandelen/signalen/${s.id}/bundel`} class="inline-form">
              <input type="hidden" name="bundle" value={props.addTo} />
              <button type="submit" class="button button--secondary">
                {ctx.t('signals.similar.addHere')}
                <span class="visually-hidden">: {s.title}</span>
              </button>
            </PostForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function CoordinatorSignalPage(props: {
  ctx: PageContext;
  data: {
    signal: CoordinatorSignal;
    similar: Similar;
    openBundles: { id: string; title: string; status: BundleStatus }[];
  };
  places: Places;
  state?: SignalFormErrors | undefined;
}) {
  const { ctx, data } = props;
  const s = data.signal;
  const form = errorsOf(props.state, 'bundle');
  const suggested = new Set(data.similar.map((x) => x.bundle_id).filter(Boolean));
  const bundles = [...data.openBundles].sort(
    (a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id)),
  );
  return (
    <>
      <p>
        <a href="/signalen/behandelen">{ctx.t('signals.backToDesk')}</a>
      </p>
      <h1>{s.title}</h1>
      <p>
        <StatusTag ctx={ctx} status={s.bundle_id ? 'handling' : 'new'} />
        {s.bundle_id ? (
          <>
            {' '}
            <a href={`/signalen/behandelen/bundels/${s.bundle_id}`}>{ctx.t('signals.signal.toBundle')}</a>
          </>
        ) : null}
      </p>
      <p class="signal-description">{s.description}</p>
      <SignalFacts ctx={ctx} signal={s} places={props.places} />
      <Section title={ctx.t('signals.similar.title')} id="gelijkaardig">
        <p class="field-hint">{ctx.t('signals.similar.hint')}</p>
        <SimilarList ctx={ctx} similar={data.similar} />
      </Section>
      {s.bundle_id ? null : (
        <Section title={ctx.t('signals.signal.takeUp')} id="opnemen">
          <ErrorSummary ctx={ctx} errors={form?.errors} />
          <PostForm ctx={ctx} action={`/signalen/behandelen/signalen/${s.id}/bundel`}>
            <RadioGroup
              legend={ctx.t('signals.signal.bundleChoice')}
              name="bundle"
              options={[
                { value: 'new', label: ctx.t('signals.signal.newBundle') },
                ...bundles.map((b) => ({
                  value: b.id,
                  label: `${suggested.has(b.id) ? `${ctx.t('signals.signal.suggested')}: ` : ''}${b.title} (${statusLabel(ctx, b.status)})`,
                })),
              ]}
              value={form?.values.bundle ?? 'new'}
              error={form?.errors.bundle}
            />
            <Field
              name="title"
              label={ctx.t('signals.signal.bundleTitle')}
              hint={ctx.t('signals.signal.bundleTitleHint')}
              value={form?.values.title ?? s.title}
              error={form?.errors.title}
            />
            <Button>{ctx.t('signals.signal.takeUpSubmit')}</Button>
          </PostForm>
        </Section>
      )}
    </>
  );
}

/**
 * A coordinator's form on the bundle page (posted to `<bundle>/<step>`), with its own errors: its
 * fields, then the day it happened (today by default) and, for the steps, a message for the senders.
 */
function StepForm(props: {
  ctx: PageContext;
  bundlePath: string;
  step: string;
  title: string;
  submit: string;
  state: SignalFormErrors | undefined;
  today: string;
  date: { name: string; label: string };
  withMessage: boolean;
  children: (v: Record<string, string>, e: FieldErrors) => ComponentChildren;
}) {
  const { ctx } = props;
  const form = errorsOf(props.state, props.step);
  const v = form?.values ?? {};
  const e = form?.errors ?? {};
  return (
    <Section title={props.title} id={props.step}>
      <ErrorSummary ctx={ctx} errors={form?.errors} />
      <PostForm ctx={ctx} action={`${props.bundlePath}/${props.step}`}>
        {props.children(v, e)}
        <Field
          name={props.date.name}
          label={props.date.label}
          hint={ctx.t('validation.dateHint')}
          value={v[props.date.name] ?? props.today}
          error={e[props.date.name]}
          inputmode="numeric"
        />
        {props.withMessage ? (
          <TextAreaField
            name="message"
            label={ctx.t('signals.entry.noteLabel')}
            hint={ctx.t('signals.entry.noteHint')}
            value={v.message}
            error={e.message}
            rows={3}
          />
        ) : null}
        <Button>{props.submit}</Button>
      </PostForm>
    </Section>
  );
}

export function BundlePage(props: {
  ctx: PageContext;
  data: CoordinatorBundle;
  places: Places;
  today: string;
  state?: SignalFormErrors | undefined;
}) {
  const { ctx, data } = props;
  const b = data.bundle;
  const base = `/signalen/behandelen/bundels/${b.id}`;
  const named = data.signals.filter((s) => s.sender_may_be_named && s.sender_name).length;
  const pageError = errorsOf(props.state, 'page')?.errors.page;
  const step = { ctx, bundlePath: base, state: props.state, today: props.today };
  return (
    <>
      <p class="no-print">
        <a href="/signalen/behandelen">{ctx.t('signals.backToDesk')}</a>
      </p>
      {pageError ? (
        <div class="flash flash--error" role="alert">
          {pageError}
        </div>
      ) : null}
      <h1>{b.title}</h1>
      <p>
        <StatusTag ctx={ctx} status={b.status} /> {regionName(ctx, props.places.regions, b.region_code)} ·{' '}
        {ctx.t('signals.bundle.counts', { signals: data.signals.length, named })}
      </p>
      <p class="no-print">
        <a href={`${base}/werkgroep`}>{ctx.t('signals.workingGroup.link')}</a>
      </p>
      <BundleOutcome ctx={ctx} bundle={b} />
      <Section title={ctx.t('signals.bundle.signals')} id="signalen">
        {data.signals.map((s) => (
          <article key={s.id} class="signal-card">
            <h3>
              <a href={`/signalen/behandelen/signalen/${s.id}`}>{s.title}</a>
            </h3>
            <p class="signal-description">{s.description}</p>
            <SignalFacts ctx={ctx} signal={s} places={props.places} />
          </article>
        ))}
      </Section>
      {b.status === 'closed' ? null : (
        <Section title={ctx.t('signals.similar.newTitle')} id="gelijkaardig">
          <p class="field-hint">{ctx.t('signals.similar.hint')}</p>
          <SimilarList ctx={ctx} similar={data.similar} addTo={b.id} />
        </Section>
      )}
      {b.status === 'handling' ? (
        <StepForm
          {...step}
          step="onderschrijving"
          title={ctx.t('signals.endorsement.title')}
          submit={ctx.t('signals.endorsement.submit')}
          date={{ name: 'decidedOn', label: ctx.t('signals.endorsement.date') }}
          withMessage
        >
          {(v, e) => (
            <>
              <RadioGroup
                legend={ctx.t('signals.endorsement.decision')}
                name="decision"
                options={[
                  { value: 'endorsed', label: ctx.t('signals.endorsement.endorsed') },
                  { value: 'not_endorsed', label: ctx.t('signals.endorsement.notEndorsed') },
                ]}
                value={v.decision}
                error={e.decision}
              />
              <Field
                name="workingGroup"
                label={ctx.t('signals.endorsement.workingGroup')}
                value={v.workingGroup ?? b.working_group ?? ''}
                error={e.workingGroup}
              />
            </>
          )}
        </StepForm>
      ) : null}
      {b.status === 'endorsed' ? (
        <StepForm
          {...step}
          step="aanbeveling"
          title={ctx.t('signals.recommendation.title')}
          submit={ctx.t('signals.recommendation.submit')}
          date={{ name: 'sentOn', label: ctx.t('signals.recommendation.date') }}
          withMessage
        >
          {(v, e) => (
            <>
              <RadioGroup
                legend={ctx.t('signals.recommendation.level')}
                name="level"
                options={options(ctx, 'signals.level', addresseeLevels)}
                value={v.level}
                error={e.level}
              />
              <Field
                name="addressee"
                label={ctx.t('signals.recommendation.addressee')}
                hint={ctx.t('signals.recommendation.addresseeHint')}
                value={v.addressee}
                error={e.addressee}
              />
              <TextAreaField
                name="recommendation"
                label={ctx.t('signals.recommendation.text')}
                hint={ctx.t('signals.publicTextHint')}
                value={v.recommendation}
                error={e.recommendation}
                rows={6}
              />
            </>
          )}
        </StepForm>
      ) : null}
      {b.status === 'recommendation_sent' ? (
        <StepForm
          {...step}
          step="antwoord"
          title={ctx.t('signals.answer.title')}
          submit={ctx.t('signals.answer.submit')}
          date={{ name: 'receivedOn', label: ctx.t('signals.answer.date') }}
          withMessage
        >
          {(v, e) => (
            <TextAreaField
              name="answer"
              label={ctx.t('signals.answer.text')}
              hint={ctx.t('signals.publicTextHint')}
              value={v.answer}
              error={e.answer}
              rows={6}
            />
          )}
        </StepForm>
      ) : null}
      <StepForm
        {...step}
        step="opvolging"
        title={ctx.t('signals.followUp.title')}
        submit={ctx.t('signals.followUp.submit')}
        date={{ name: 'date', label: ctx.t('signals.followUp.date') }}
        withMessage={false}
      >
        {(v, e) => (
          <>
            <SelectField
              name="status"
              label={ctx.t('signals.followUp.status')}
              options={followUpStatuses[b.status].map((s) => ({
                value: s,
                label:
                  s === b.status
                    ? ctx.t('signals.followUp.keep', { status: statusLabel(ctx, s) })
                    : statusLabel(ctx, s),
              }))}
              value={v.status ?? b.status}
              error={e.status}
            />
            <TextAreaField
              name="note"
              label={ctx.t('signals.followUp.note')}
              hint={ctx.t('signals.entry.noteHint')}
              value={v.note}
              error={e.note}
              rows={4}
            />
          </>
        )}
      </StepForm>
      <Section title={ctx.t('signals.followUp.log')} id="logboek">
        <ol class="follow-up-log">
          {data.log.map((entry) => (
            <li key={entry.id}>
              <EntryText ctx={ctx} entry={{ kind: entry.kind, note: entry.note, date: entry.entry_date }} /> ·{' '}
              <StatusTag ctx={ctx} status={entry.status} />
              {entry.author ? <span class="field-hint"> · {entry.author}</span> : null}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

/** What the bundle led to so far: the working group's decision, the recommendation, the answer. */
function BundleOutcome(props: { ctx: PageContext; bundle: CoordinatorBundle['bundle'] }) {
  const { ctx, bundle: b } = props;
  const rows: [string, ComponentChildren][] = [];
  if (b.endorsed !== null)
    rows.push([
      ctx.t('signals.endorsement.decision'),
      `${ctx.t(b.endorsed ? 'signals.endorsement.endorsed' : 'signals.endorsement.notEndorsed')} · ${b.working_group ?? ''} · ${formatDay(ctx, b.endorsed_on)}`,
    ]);
  if (b.recommendation)
    rows.push(
      [
        ctx.t('signals.recommendation.addressee'),
        `${ctx.t(`signals.level.${b.addressee_level!}`)} · ${b.addressee ?? ''} · ${formatDay(ctx, b.recommendation_sent_on)}`,
      ],
      [ctx.t('signals.recommendation.text'), <p class="signal-description">{b.recommendation}</p>],
    );
  if (b.answer)
    rows.push([
      ctx.t('signals.answer.text'),
      <>
        {formatDay(ctx, b.answer_received_on)}
        <p class="signal-description">{b.answer}</p>
      </>,
    ]);
  return rows.length ? <Facts rows={rows} /> : null;
}

/** The bundle as the working group reads it (printable): only senders who agreed are named. */
export function WorkingGroupPage(props: { ctx: PageContext; data: CoordinatorBundle; places: Places }) {
  const { ctx, data } = props;
  const b = data.bundle;
  return (
    <>
      <p class="no-print">
        <a href={`/signalen/behandelen/bundels/${b.id}`}>{ctx.t('signals.workingGroup.back')}</a>
      </p>
      <h1>{ctx.t('signals.workingGroup.title', { title: b.title })}</h1>
      <p>
        {regionName(ctx, props.places.regions, b.region_code)} · <StatusTag ctx={ctx} status={b.status} />
      </p>
      <p class="notice">{ctx.t('signals.workingGroup.notice')}</p>
      <BundleOutcome ctx={ctx} bundle={b} />
      {data.signals.map((s) => (
        <article key={s.id} class="signal-card">
          <h2>{s.title}</h2>
          <p class="signal-description">{s.description}</p>
          <SignalFacts ctx={ctx} signal={s} places={props.places} forWorkingGroup />
        </article>
      ))}
    </>
  );
}

// ---- Public report --------------------------------------------------------------------------------------

export function ReportPage(props: {
  ctx: PageContext;
  regions: WorkRegion[];
  years: number[];
  report: SignalReport | null;
}) {
  const { ctx, report } = props;
  const count = (n: number | string) => String(n);
  return (
    <>
      <p class="no-print">
        <a href="/signalen">{ctx.t('signals.backToSignals')}</a>
      </p>
      {report ? (
        <>
          <h1>
            {ctx.t('signals.report.heading', {
              region: regionName(ctx, props.regions, report.regionCode),
              year: report.year,
            })}
          </h1>
          <p>{ctx.t('signals.report.smallCounts')}</p>
          <p class="no-print">
            <a href={`/signalen/rapport.csv?regio=${report.regionCode}&jaar=${report.year}`} download>
              {ctx.t('signals.report.csv')}
            </a>{' '}
            ·{' '}
            <a href={`/api/v1/signals/report?region=${report.regionCode}&year=${report.year}`}>
              {ctx.t('signals.report.json')}
            </a>
          </p>
          <Table
            caption={ctx.t('signals.report.perNeed')}
            rowKey={(r) => r.need}
            rows={report.perNeed}
            columns={[
              { header: ctx.t('signals.report.need'), cell: (r) => ctx.t(`need.${r.need}`) },
              { header: ctx.t('signals.report.count'), cell: (r) => count(r.count) },
            ]}
          />
          <Table
            caption={ctx.t('signals.report.perStatus')}
            rowKey={(r) => r.status}
            rows={report.perStatus}
            columns={[
              { header: ctx.t('signals.statusColumn'), cell: (r) => statusLabel(ctx, r.status) },
              { header: ctx.t('signals.report.count'), cell: (r) => count(r.count) },
            ]}
          />
          <h2>{ctx.t('signals.report.recommendations')}</h2>
          {report.recommendations.length === 0 ? (
            <EmptyState title={ctx.t('signals.report.noRecommendations')} />
          ) : (
            report.recommendations.map((r) => (
              <article class="signal-card" key={`${r.title}-${r.sentOn}`}>
                <h3>{r.title}</h3>
                <Facts
                  rows={[
                    [
                      ctx.t('signals.recommendation.addressee'),
                      `${ctx.t(`signals.level.${r.addresseeLevel}`)} · ${r.addressee}`,
                    ],
                    [ctx.t('signals.recommendation.date'), formatDay(ctx, r.sentOn)],
                    [ctx.t('signals.report.signalsBehind'), count(r.signals)],
                    [
                      ctx.t('signals.recommendation.text'),
                      <p class="signal-description">{r.recommendation}</p>,
                    ],
                    [
                      ctx.t('signals.answer.text'),
                      r.answer ? (
                        <>
                          {formatDay(ctx, r.answerReceivedOn)}
                          <p class="signal-description">{r.answer}</p>
                        </>
                      ) : (
                        ctx.t('signals.report.noAnswerYet')
                      ),
                    ],
                  ]}
                />
              </article>
            ))
          )}
        </>
      ) : (
        <h1>{ctx.t('signals.report.title')}</h1>
      )}
      <ReportChooser
        ctx={ctx}
        regions={props.regions}
        years={props.years}
        region={report?.regionCode}
        year={report?.year}
      />
    </>
  );
}
