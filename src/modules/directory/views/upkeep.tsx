import type { FieldErrors } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  CheckboxGroup,
  EmptyState,
  ErrorSummary,
  Field,
  PostForm,
  SelectField,
  Table,
  TextAreaField,
  formatDateTime,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import {
  ageBands,
  audiences,
  capacityStates,
  needCodes,
  referralMethods,
} from '../../../platform/vocabularies.ts';

export interface FormState {
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
}

const options = (ctx: PageContext, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ctx.t(`${prefix}.${v}` as MessageKey) }));
/** "MO,TH" as "maandag, donderdag". */
export const weekdays = (ctx: PageContext, byday: string | null) =>
  (byday ?? '')
    .split(',')
    .filter(Boolean)
    .map((d) => ctx.t(`weekday.${d}` as MessageKey))
    .join(', ');
const list = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The service form for owners and curators. */
export function EditServicePage(props: {
  ctx: PageContext;
  service: { id: string; name: string; last_verified_at: Date | null };
  form: FormState;
}) {
  const { ctx, service, form } = props;
  const { t } = ctx;
  const v = form.values;
  const e = form.errors ?? {};
  const text = (name: string, label: MessageKey, rows = 3, required = false) => (
    <TextAreaField
      name={name}
      label={t(label)}
      value={one(v[name])}
      error={e[name]}
      rows={rows}
      required={required}
    />
  );
  return (
    <section class="narrow">
      <p>
        <a href={`/sociale-kaart/aanbod/${service.id}`}>{t('directory.edit.back')}</a>
      </p>
      <h1>{t('directory.edit.title', { name: service.name })}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={`/sociale-kaart/aanbod/${service.id}/bewerken`}>
        <Field name="name" label={t('directory.edit.name')} value={one(v.name)} error={e.name} required />
        {text('description', 'directory.edit.description', 5, true)}
        <h2>{t('directory.edit.plainHeading')}</h2>
        <p class="field-hint">{t('directory.edit.plainHint')}</p>
        {text('plain_what_to_ask', 'directory.whatToAsk')}
        {text('plain_cost', 'directory.whatItCosts')}
        {text('plain_how_to_get_there', 'directory.howToGetThere')}
        <h2>{t('directory.edit.detailsHeading')}</h2>
        {text('fees_description', 'directory.edit.fees')}
        {text('application_process', 'directory.edit.application')}
        <CheckboxGroup
          legend={t('directory.needs')}
          name="need_codes"
          idPrefix="field-need_codes"
          options={options(ctx, 'need', needCodes)}
          checked={list(v.need_codes)}
        />
        <CheckboxGroup
          legend={t('directory.ages')}
          name="age_bands"
          idPrefix="field-age_bands"
          options={options(ctx, 'age', ageBands)}
          checked={list(v.age_bands)}
        />
        <CheckboxGroup
          legend={t('directory.edit.audiences')}
          name="audiences"
          idPrefix="field-audiences"
          options={options(ctx, 'audience', audiences)}
          checked={list(v.audiences)}
        />
        <CheckboxGroup
          legend={t('directory.howToRefer')}
          name="referral_methods"
          idPrefix="field-referral_methods"
          options={options(ctx, 'referral', referralMethods)}
          checked={list(v.referral_methods)}
        />
        <fieldset>
          <legend>{t('directory.edit.more')}</legend>
          <span class="checkbox">
            <input
              type="checkbox"
              id="field-free_of_charge"
              name="free_of_charge"
              value="1"
              checked={one(v.free_of_charge) === '1'}
            />
            <label for="field-free_of_charge">{t('directory.edit.free')}</label>
          </span>
          <span class="checkbox">
            <input
              type="checkbox"
              id="field-is_school_external_offer"
              name="is_school_external_offer"
              value="1"
              checked={one(v.is_school_external_offer) === '1'}
            />
            <label for="field-is_school_external_offer">{t('directory.edit.schoolExternal')}</label>
          </span>
        </fieldset>
        <SelectField
          name="capacity_state"
          label={t('directory.edit.capacity')}
          options={options(ctx, 'capacity', capacityStates)}
          value={one(v.capacity_state)}
          error={e.capacity_state}
        />
        <Field
          name="expected_wait_weeks"
          label={t('directory.edit.waitWeeks')}
          type="number"
          inputmode="numeric"
          value={one(v.expected_wait_weeks)}
          error={e.expected_wait_weeks}
        />
        <SelectField
          name="status"
          label={t('directory.edit.status')}
          options={options(ctx, 'serviceStatus', ['active', 'inactive', 'temporarily closed'])}
          value={one(v.status)}
          error={e.status}
        />
        <p class="checkbox">
          <input
            type="checkbox"
            id="field-verified"
            name="verified"
            value="1"
            checked={one(v.verified) === '1'}
          />
          <label for="field-verified">{t('directory.edit.verified')}</label>
        </p>
        <p class="field-hint">
          {service.last_verified_at
            ? t('directory.lastVerified', { date: formatDateTime(ctx, service.last_verified_at) })
            : t('directory.notVerified')}
        </p>
        <Button>{t('form.save')}</Button>
      </PostForm>
    </section>
  );
}

export function HistoryPage(props: {
  ctx: PageContext;
  service: { id: string; name: string };
  changes: {
    id: string;
    last_action_date: Date;
    field_name: string;
    previous_value: string;
    replacement_value: string;
    updated_by: string;
    userName: string | null;
  }[];
}) {
  const { ctx, service } = props;
  const { t } = ctx;
  return (
    <section>
      <p>
        <a href={`/sociale-kaart/aanbod/${service.id}`}>{t('directory.edit.back')}</a>
      </p>
      <h1>{t('directory.history.title', { name: service.name })}</h1>
      {props.changes.length === 0 ? (
        <EmptyState title={t('directory.history.empty')} />
      ) : (
        <Table
          caption={t('directory.history.caption')}
          rows={props.changes}
          rowKey={(c) => c.id}
          columns={[
            { header: t('directory.history.when'), cell: (c) => formatDateTime(ctx, c.last_action_date) },
            { header: t('directory.history.who'), cell: (c) => c.userName ?? c.updated_by },
            { header: t('directory.history.field'), cell: (c) => c.field_name },
            { header: t('directory.history.before'), cell: (c) => c.previous_value || '—' },
            { header: t('directory.history.after'), cell: (c) => c.replacement_value || '—' },
          ]}
        />
      )}
    </section>
  );
}

/** "Meld een fout": open to everyone, in plain language. */
export function ReportPage(props: {
  ctx: PageContext;
  service: { id: string; name: string };
  form: FormState;
}) {
  const { ctx, service, form } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <p>
        <a href={`/sociale-kaart/aanbod/${service.id}`}>{t('directory.edit.back')}</a>
      </p>
      <h1>{t('directory.report.title')}</h1>
      <p>{t('directory.report.intro', { name: service.name })}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={`/sociale-kaart/aanbod/${service.id}/meld-een-fout`}>
        <TextAreaField
          name="message"
          label={t('directory.report.message')}
          hint={t('directory.report.messageHint')}
          value={one(form.values.message)}
          error={form.errors?.message}
          rows={5}
          required
        />
        <Field
          name="email"
          type="email"
          autocomplete="email"
          label={t('directory.report.email')}
          hint={t('directory.report.emailHint')}
          value={one(form.values.email)}
          error={form.errors?.email}
        />
        <Button>{t('directory.report.send')}</Button>
      </PostForm>
    </section>
  );
}

export function OrganizationPage(props: {
  ctx: PageContext;
  organization: {
    id: string;
    name: string;
    description: string;
    kind: string;
    website: string | null;
    ownerName: string | null;
    school_institution_number: string | null;
    school_network: string | null;
    school_levels: string[];
    lop_region: string | null;
    partner_clb_id: string | null;
    partnerClbName: string | null;
  };
  /** Null for visitors who are not signed in: direct lines are for professionals only. */
  contactPoints:
    | {
        id: string;
        title: string;
        name: string | null;
        email: string | null;
        direct_phone: string | null;
        presence: string | null;
        hours: { byday: string | null; opens_at: string | null; closes_at: string | null }[];
        schools: { id: string; name: string }[];
      }[]
    | null;
  services: { id: string; name: string; last_verified_at: Date | null }[];
  /** The caller's organisations that may claim this entry (admins only); empty when none. */
  claimableBy: { id: string; name: string }[];
}) {
  const { ctx, organization: o } = props;
  const { t } = ctx;
  return (
    <section>
      <p>
        <a href="/sociale-kaart">{t('directory.backToSearch')}</a>
      </p>
      <h1>{o.name}</h1>
      <p class="result__organisation">{t(`orgType.${o.kind}` as MessageKey)}</p>
      <p>{o.description}</p>
      {o.website ? (
        <p>
          <a href={o.website}>{o.website}</a>
        </p>
      ) : null}
      {o.kind === 'school' ? (
        <>
          <dl class="summary-list">
            <dt>{t('directory.school.number')}</dt>
            <dd>{o.school_institution_number ?? '—'}</dd>
            <dt>{t('directory.school.network')}</dt>
            <dd>{o.school_network ?? '—'}</dd>
            <dt>{t('directory.school.levels')}</dt>
            <dd>{o.school_levels.map((l) => t(`schoolLevel.${l}` as MessageKey)).join(', ') || '—'}</dd>
            <dt>{t('directory.school.lop')}</dt>
            <dd>{o.lop_region ?? '—'}</dd>
            <dt>{t('directory.school.clb')}</dt>
            <dd>
              {o.partner_clb_id ? (
                <a href={`/sociale-kaart/organisaties/${o.partner_clb_id}`}>{o.partnerClbName}</a>
              ) : (
                '—'
              )}
            </dd>
          </dl>
          <p>
            <a href={`/sociale-kaart?school=${o.id}&straal=2`}>{t('directory.organization.nearSchool')}</a>
          </p>
        </>
      ) : null}
      <h2>{t('directory.contactPoints')}</h2>
      {props.contactPoints === null ? (
        <p>{t('directory.contactPointsSignIn')}</p>
      ) : props.contactPoints.length === 0 ? (
        <p>{t('directory.organization.noContactPoints')}</p>
      ) : (
        <ul>
          {props.contactPoints.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>
              {c.name ? ` — ${c.name}` : ''}
              {c.direct_phone ? ` · ${c.direct_phone}` : ''}
              {c.email ? ` · ${c.email}` : ''}
              {c.presence ? (
                <>
                  <br />
                  {t('directory.presence')}: {c.presence}
                </>
              ) : null}
              {c.hours.map((h, i) => (
                <span key={i}>
                  <br />
                  {weekdays(ctx, h.byday)}{' '}
                  {t('directory.hours', {
                    opens: (h.opens_at ?? '').slice(0, 5),
                    closes: (h.closes_at ?? '').slice(0, 5),
                  })}
                </span>
              ))}
              {c.schools.length ? (
                <>
                  <br />
                  {t('directory.organization.servesSchools')}:{' '}
                  {c.schools.map((school, i) => (
                    <span key={school.id}>
                      {i > 0 ? ', ' : ''}
                      <a href={`/sociale-kaart/organisaties/${school.id}`}>{school.name}</a>
                    </span>
                  ))}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('directory.organization.services')}</h2>
      {props.services.length === 0 ? (
        <EmptyState title={t('directory.organization.noServices')} />
      ) : (
        <ul>
          {props.services.map((s) => (
            <li key={s.id}>
              <a href={`/sociale-kaart/aanbod/${s.id}`}>{s.name}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        {o.ownerName
          ? t('directory.organization.owner', { name: o.ownerName })
          : t('directory.organization.unclaimed')}
      </p>
      {props.claimableBy.length ? (
        <PostForm ctx={ctx} action={`/sociale-kaart/organisaties/${o.id}/claimen`}>
          <h2>{t('directory.claim.title')}</h2>
          <p>{t('directory.claim.intro')}</p>
          <SelectField
            name="organisation"
            label={t('directory.claim.organisation')}
            options={props.claimableBy.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Button variant="secondary">{t('directory.claim.button')}</Button>
        </PostForm>
      ) : null}
    </section>
  );
}

export function ClaimsPage(props: {
  ctx: PageContext;
  claims: {
    id: string;
    requested_at: Date;
    entryId: string;
    entryName: string;
    currentOwner: string | null;
    organisationName: string;
    requestedBy: string | null;
  }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section>
      <h1>{t('directory.claims.title')}</h1>
      {props.claims.length === 0 ? (
        <EmptyState title={t('directory.claims.empty')} />
      ) : (
        <Table
          caption={t('directory.claims.caption')}
          rows={props.claims}
          rowKey={(c) => c.id}
          columns={[
            {
              header: t('directory.claims.entry'),
              cell: (c) => <a href={`/sociale-kaart/organisaties/${c.entryId}`}>{c.entryName}</a>,
            },
            {
              header: t('directory.claims.by'),
              cell: (c) => `${c.organisationName} (${c.requestedBy ?? '—'})`,
            },
            { header: t('directory.claims.when'), cell: (c) => formatDateTime(ctx, c.requested_at) },
            {
              header: t('directory.claims.decision'),
              cell: (c) => (
                <PostForm ctx={ctx} action={`/sociale-kaart/claims/${c.id}`} class="inline-form">
                  <button type="submit" name="decision" value="approve" class="button button--primary">
                    {t('directory.claims.approve')}
                    <span class="visually-hidden"> {c.entryName}</span>
                  </button>{' '}
                  <button type="submit" name="decision" value="reject" class="button button--secondary">
                    {t('directory.claims.reject')}
                    <span class="visually-hidden"> {c.entryName}</span>
                  </button>
                </PostForm>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
