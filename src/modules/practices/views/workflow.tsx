import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  CheckboxGroup,
  EmptyState,
  ErrorSummary,
  Field,
  type FormState,
  formatDateTime,
  list,
  one,
  options,
  PostForm,
  SelectField,
  Table,
  TextAreaField,
  VisitorMessagePage,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { cooperationForms, needCodes } from '../../../platform/vocabularies.ts';
import { evidenceSteps } from '../fiche.ts';
import type { PracticeStatus, VersionStatus } from '../practices.table.ts';

const statusLabel = (ctx: PageContext, status: string) => ctx.t(`practices.status.${status}` as MessageKey);

/** The fiche form, for a new fiche and for changes; every part has its own field. */
export function FicheFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  back: { href: string; label: string };
  form: FormState;
  /** Only when starting: the organisations the fiche may belong to. */
  organisations?: { id: string; name: string }[];
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  const v = form.values;
  const e = form.errors ?? {};
  const text = (name: string, rows: number, required = false) => (
    <TextAreaField
      name={name}
      label={t(`practices.field.${name}` as MessageKey)}
      hint={t(`practices.hint.${name}` as MessageKey)}
      value={one(v[name])}
      error={e[name]}
      rows={rows}
      required={required}
    />
  );
  return (
    <section class="narrow">
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
      <h1>{props.title}</h1>
      <p>{t('practices.form.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={props.action}>
        {props.organisations ? (
          <SelectField
            name="ownerOrganisationId"
            label={t('practices.field.owner')}
            options={[
              { value: '', label: t('practices.form.ownerSelf') },
              ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
            value={one(v.ownerOrganisationId)}
            error={e.ownerOrganisationId}
          />
        ) : null}
        <Field
          name="title"
          label={t('practices.field.title')}
          value={one(v.title)}
          error={e.title}
          required
        />
        {text('introduction', 3)}
        <Field
          name="category"
          label={t('practices.field.category')}
          hint={t('practices.hint.category')}
          value={one(v.category)}
          error={e.category}
        />
        <CheckboxGroup
          legend={t('practices.field.needCodes')}
          name="needCodes"
          idPrefix="field-needCodes"
          options={options(ctx, 'need', needCodes)}
          checked={list(v.needCodes)}
        />
        <CheckboxGroup
          legend={t('practices.field.cooperationForms')}
          name="cooperationForms"
          idPrefix="field-cooperationForms"
          options={options(ctx, 'cooperation', cooperationForms)}
          checked={list(v.cooperationForms)}
        />
        {text('goals', 4)}
        {text('targetGroups', 3)}
        {text('description', 10, true)}
        {text('buildingBlocks', 4)}
        {text('successFactors', 4)}
        {text('challenges', 4)}
        {text('places', 5)}
        {text('sites', 3)}
        <SelectField
          name="evidenceStep"
          label={t('practices.field.evidenceStep')}
          options={options(ctx, 'practices.evidence', evidenceSteps)}
          value={one(v.evidenceStep) ?? 'described'}
          error={e.evidenceStep}
        />
        {text('ratings', 2)}
        {text('figures', 5)}
        {text('policyDomains', 3)}
        {text('runBy', 3)}
        <fieldset>
          <legend>{t('practices.field.contact')}</legend>
          <Field
            name="contactName"
            label={t('practices.field.contactName')}
            value={one(v.contactName)}
            error={e.contactName}
          />
          <Field
            name="contactEmail"
            type="email"
            label={t('practices.field.contactEmail')}
            value={one(v.contactEmail)}
            error={e.contactEmail}
          />
          <Field
            name="contactPhone"
            type="tel"
            label={t('practices.field.contactPhone')}
            value={one(v.contactPhone)}
            error={e.contactPhone}
          />
        </fieldset>
        <Button>{t('practices.form.save')}</Button>
      </PostForm>
    </section>
  );
}

/** The fiches someone works on, with where each stands. */
export function MyPracticesPage(props: {
  ctx: PageContext;
  rows: {
    id: string;
    title: string;
    status: PracticeStatus;
    latestStatus: VersionStatus;
    updated_at: Date;
  }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section>
      <h1>{t('practices.mine.title')}</h1>
      <p>
        <a href="/praktijken/nieuw">{t('practices.new.link')}</a>
      </p>
      {props.rows.length === 0 ? (
        <EmptyState title={t('practices.mine.empty')} />
      ) : (
        <Table
          caption={t('practices.mine.title')}
          rows={props.rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('practices.field.title'),
              cell: (r) => <a href={`/praktijken/${r.id}`}>{r.title}</a>,
            },
            { header: t('practices.mine.status'), cell: (r) => statusLabel(ctx, r.status) },
            { header: t('practices.mine.latest'), cell: (r) => statusLabel(ctx, r.latestStatus) },
            { header: t('practices.mine.updated'), cell: (r) => formatDateTime(ctx, r.updated_at) },
          ]}
        />
      )}
    </section>
  );
}

/** The curators' queue: submitted versions, oldest first. */
export function ReviewQueuePage(props: {
  ctx: PageContext;
  rows: {
    practiceId: string;
    title: string;
    number: number;
    practiceStatus: PracticeStatus;
    organisationName: string | null;
    createdByName: string | null;
    submitted_at: Date | null;
  }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section>
      <h1>{t('practices.review.title')}</h1>
      {props.rows.length === 0 ? (
        <EmptyState title={t('practices.review.empty')} />
      ) : (
        <Table
          caption={t('practices.review.title')}
          rows={props.rows}
          rowKey={(r) => `${r.practiceId}-${r.number}`}
          columns={[
            {
              header: t('practices.field.title'),
              cell: (r) => <a href={`/praktijken/${r.practiceId}/beoordelen`}>{r.title}</a>,
            },
            {
              header: t('practices.review.kind'),
              cell: (r) =>
                t(
                  r.practiceStatus === 'published'
                    ? 'practices.review.kindChange'
                    : 'practices.review.kindNew',
                  { number: r.number },
                ),
            },
            { header: t('practices.fiche.owner'), cell: (r) => r.organisationName ?? r.createdByName ?? '—' },
            { header: t('practices.review.submitted'), cell: (r) => formatDateTime(ctx, r.submitted_at) },
          ]}
        />
      )}
    </section>
  );
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Two versions side by side, only the fields that differ. */
function Changes({ ctx, changes }: { ctx: PageContext; changes: FieldChange[] }) {
  const { t } = ctx;
  if (changes.length === 0) return <p>{t('practices.compare.same')}</p>;
  return (
    <Table
      caption={t('practices.compare.caption')}
      rows={changes}
      rowKey={(c) => c.field}
      columns={[
        { header: t('practices.compare.field'), cell: (c) => t(`practices.field.${c.field}` as MessageKey) },
        {
          header: t('practices.compare.before'),
          cell: (c) => <pre class="diff-text">{c.before || '—'}</pre>,
        },
        { header: t('practices.compare.after'), cell: (c) => <pre class="diff-text">{c.after || '—'}</pre> },
      ]}
    />
  );
}

/** A curator reviews a submitted version: what changed since the published one, then publish or return. */
export function ReviewPage(props: {
  ctx: PageContext;
  practiceId: string;
  title: string;
  number: number;
  changes: FieldChange[];
  isNew: boolean;
  form: FormState;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <section>
      <p>
        <a href="/praktijken/redactie">{t('practices.review.back')}</a>
      </p>
      <h1>{t('practices.review.pageTitle', { title: props.title, number: props.number })}</h1>
      <p>
        <a href={`/praktijken/${props.practiceId}`}>{t('practices.review.readWhole')}</a>
      </p>
      <h2>{t(props.isNew ? 'practices.review.allFields' : 'practices.review.changedFields')}</h2>
      <Changes ctx={ctx} changes={props.changes} />
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={`/praktijken/${props.practiceId}/beoordelen`}>
        <fieldset>
          <legend>{t('practices.review.decision')}</legend>
          {(['publish', 'return'] as const).map((d) => (
            <span class="radio" key={d}>
              <input
                type="radio"
                id={`decision-${d}`}
                name="decision"
                value={d}
                checked={one(form.values.decision) === d}
              />
              <label for={`decision-${d}`}>{t(`practices.review.${d}`)}</label>
            </span>
          ))}
          {form.errors?.decision ? (
            <p class="field-error" id="field-decision">
              {form.errors.decision}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          name="comment"
          label={t('practices.review.comment')}
          hint={t('practices.review.commentHint')}
          value={one(form.values.comment)}
          error={form.errors?.comment}
          rows={4}
        />
        <Button>{t('practices.review.confirm')}</Button>
      </PostForm>
    </section>
  );
}

/** Every version of a fiche, with a form to compare two. */
export function VersionsPage(props: {
  ctx: PageContext;
  practiceId: string;
  title: string;
  versions: {
    number: number;
    status: VersionStatus;
    created_at: Date;
    createdByName: string | null;
    decided_at: Date | null;
    decidedByName: string | null;
    review_comment: string | null;
  }[];
  compared?: { from: number; to: number; changes: FieldChange[] };
}) {
  const { ctx, versions } = props;
  const { t } = ctx;
  const choose = (name: string, label: string, selected: number | undefined) => (
    <SelectField
      name={name}
      label={label}
      options={versions.map((v) => ({
        value: String(v.number),
        label: `${v.number} · ${statusLabel(ctx, v.status)}`,
      }))}
      value={selected === undefined ? undefined : String(selected)}
    />
  );
  return (
    <section>
      <p>
        <a href={`/praktijken/${props.practiceId}`}>{t('practices.versions.back')}</a>
      </p>
      <h1>{t('practices.versions.title', { title: props.title })}</h1>
      <Table
        caption={t('practices.versions.caption')}
        rows={versions}
        rowKey={(v) => String(v.number)}
        columns={[
          { header: t('practices.versions.number'), cell: (v) => String(v.number) },
          { header: t('practices.mine.status'), cell: (v) => statusLabel(ctx, v.status) },
          {
            header: t('practices.versions.made'),
            cell: (v) => `${formatDateTime(ctx, v.created_at)} · ${v.createdByName ?? '—'}`,
          },
          {
            header: t('practices.versions.decided'),
            cell: (v) =>
              v.decided_at ? `${formatDateTime(ctx, v.decided_at)} · ${v.decidedByName ?? '—'}` : '—',
          },
          { header: t('practices.fiche.reviewComment'), cell: (v) => v.review_comment ?? '' },
        ]}
      />
      {versions.length > 1 ? (
        <form method="get" action={`/praktijken/${props.practiceId}/versies`} class="inline-form">
          <h2>{t('practices.compare.title')}</h2>
          {choose('van', t('practices.compare.from'), props.compared?.from ?? versions[1]?.number)}
          {choose('naar', t('practices.compare.to'), props.compared?.to ?? versions[0]?.number)}
          <Button variant="secondary">{t('practices.compare.submit')}</Button>
        </form>
      ) : null}
      {props.compared ? (
        <section aria-labelledby="compare-result">
          <h2 id="compare-result">
            {t('practices.compare.result', { from: props.compared.from, to: props.compared.to })}
          </h2>
          <Changes ctx={ctx} changes={props.compared.changes} />
        </section>
      ) : null}
    </section>
  );
}

/** "Een wijziging of opmerking": open to everyone, in plain language. */
export function SuggestionPage(props: {
  ctx: PageContext;
  practice: { id: string; title: string };
  form: FormState;
}) {
  const { ctx, practice } = props;
  const { t } = ctx;
  return (
    <VisitorMessagePage
      ctx={ctx}
      back={{ href: `/praktijken/${practice.id}`, label: t('practices.versions.back') }}
      title={t('practices.suggestion.title')}
      intro={t('practices.suggestion.intro', { title: practice.title })}
      action={`/praktijken/${practice.id}/opmerking`}
      message={{ label: t('practices.suggestion.message'), rows: 6 }}
      form={props.form}
    />
  );
}
