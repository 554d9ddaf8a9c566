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
  type FormState,
  VisitorMessagePage,
  list,
  one,
  options,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { type ContactPointView, ContactPoints } from './contact-points.tsx';
import {
  ageBands,
  audiences,
  capacityStates,
  needCodes,
  organisationTypes,
  referralMethods,
  schoolLevels,
} from '../../../platform/vocabularies.ts';

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
  entry: { name: string; href: string };
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
  const { ctx, entry } = props;
  const { t } = ctx;
  return (
    <section>
      <p>
        <a href={entry.href}>{t('directory.edit.backToEntry')}</a>
      </p>
      <h1>{t('directory.history.title', { name: entry.name })}</h1>
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
  const { ctx, service } = props;
  const { t } = ctx;
  return (
    <VisitorMessagePage
      ctx={ctx}
      back={{ href: `/sociale-kaart/aanbod/${service.id}`, label: t('directory.edit.back') }}
      title={t('directory.report.title')}
      intro={t('directory.report.intro', { name: service.name })}
      action={`/sociale-kaart/aanbod/${service.id}/meld-een-fout`}
      message={{ label: t('directory.report.message'), hint: t('directory.report.messageHint'), rows: 5 }}
      form={props.form}
    />
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
  contactPoints: ContactPointView[] | null;
  services: { id: string; name: string; last_verified_at: Date | null }[];
  /** The caller's organisations that may claim this entry (admins only); empty when none. */
  claimableBy: { id: string; name: string }[];
  canEdit: boolean;
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
      {props.canEdit ? (
        <p class="actions">
          <a href={`/sociale-kaart/organisaties/${o.id}/bewerken`}>{t('directory.organization.edit')}</a> ·{' '}
          <a href={`/sociale-kaart/organisaties/${o.id}/geschiedenis`}>{t('directory.edit.historyLink')}</a>
        </p>
      ) : null}
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
      <ContactPoints ctx={ctx} contactPoints={props.contactPoints} />
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

/** The organisation form for owners and curators, with its contact points. */
export function EditOrganizationPage(props: {
  ctx: PageContext;
  organization: { id: string; name: string; last_verified_at: Date | null };
  municipalities: { nisCode: string; nameNl: string }[];
  contactPoints: { id: string; title: string; name: string | null }[];
  form: FormState;
}) {
  const { ctx, organization: o, form } = props;
  const { t } = ctx;
  const v = form.values;
  const e = form.errors ?? {};
  return (
    <section class="narrow">
      <p>
        <a href={`/sociale-kaart/organisaties/${o.id}`}>{t('directory.edit.backToEntry')}</a>
      </p>
      <h1>{t('directory.edit.title', { name: o.name })}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={`/sociale-kaart/organisaties/${o.id}/bewerken`}>
        <Field
          name="name"
          label={t('directory.organization.name')}
          value={one(v.name)}
          error={e.name}
          required
        />
        <Field
          name="alternate_name"
          label={t('directory.organization.alternateName')}
          value={one(v.alternate_name)}
          error={e.alternate_name}
        />
        <TextAreaField
          name="description"
          label={t('directory.edit.description')}
          value={one(v.description)}
          error={e.description}
          rows={5}
          required
        />
        <Field
          name="email"
          type="email"
          label={t('directory.organization.email')}
          value={one(v.email)}
          error={e.email}
        />
        <Field
          name="website"
          type="url"
          label={t('directory.organization.website')}
          value={one(v.website)}
          error={e.website}
        />
        <SelectField
          name="kind"
          label={t('directory.filterKinds')}
          options={organisationTypes.map((k) => ({ value: k, label: t(`orgType.${k}` as MessageKey) }))}
          value={one(v.kind)}
          error={e.kind}
        />
        <SelectField
          name="municipality_nis"
          label={t('directory.filterMunicipality')}
          options={props.municipalities.map((m) => ({ value: m.nisCode, label: m.nameNl }))}
          value={one(v.municipality_nis)}
          error={e.municipality_nis}
        />
        <SelectField
          name="welfare_cluster"
          label={t('directory.filterClusters')}
          options={[
            { value: '', label: t('directory.organization.noCluster') },
            ...['1', '2', '3'].map((n) => ({ value: n, label: t('directory.cluster', { n }) })),
          ]}
          value={one(v.welfare_cluster)}
          error={e.welfare_cluster}
        />
        <p class="checkbox">
          <input
            type="checkbox"
            id="field-education_mandate"
            name="education_mandate"
            value="1"
            checked={one(v.education_mandate) === '1'}
          />
          <label for="field-education_mandate">{t('directory.organization.educationMandate')}</label>
        </p>
        <h2>{t('directory.organization.schoolHeading')}</h2>
        <p class="field-hint">{t('directory.organization.schoolHint')}</p>
        <Field
          name="school_institution_number"
          label={t('directory.school.number')}
          value={one(v.school_institution_number)}
          error={e.school_institution_number}
        />
        <Field
          name="school_network"
          label={t('directory.school.network')}
          value={one(v.school_network)}
          error={e.school_network}
        />
        <CheckboxGroup
          legend={t('directory.school.levels')}
          name="school_levels"
          idPrefix="field-school_levels"
          options={schoolLevels.map((l) => ({ value: l, label: t(`schoolLevel.${l}` as MessageKey) }))}
          checked={list(v.school_levels)}
        />
        <Field
          name="lop_region"
          label={t('directory.school.lop')}
          value={one(v.lop_region)}
          error={e.lop_region}
        />
        <p class="checkbox">
          <input
            type="checkbox"
            id="field-verified"
            name="verified"
            value="1"
            checked={one(v.verified) === '1'}
          />
          <label for="field-verified">{t('directory.edit.verifiedOrganization')}</label>
        </p>
        <Button>{t('form.save')}</Button>
      </PostForm>
      <h2>{t('directory.contactPoints')}</h2>
      {props.contactPoints.length === 0 ? (
        <p>{t('directory.organization.noContactPoints')}</p>
      ) : (
        <ul>
          {props.contactPoints.map((c) => (
            <li key={c.id}>
              <a href={`/sociale-kaart/organisaties/${o.id}/aanspreekpunten/${c.id}`}>
                {c.title}
                {c.name ? ` — ${c.name}` : ''}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/sociale-kaart/organisaties/${o.id}/aanspreekpunten/nieuw`}>{t('directory.contact.add')}</a>{' '}
        · <a href={`/sociale-kaart/organisaties/${o.id}/geschiedenis`}>{t('directory.edit.historyLink')}</a>
      </p>
    </section>
  );
}

/** A contact point: role, person, direct lines, where and when present, schools served. */
export function ContactPointPage(props: {
  ctx: PageContext;
  organization: { id: string; name: string };
  contactId: string | null;
  schools: { id: string; name: string }[];
  form: FormState;
}) {
  const { ctx, organization: o, form } = props;
  const { t } = ctx;
  const v = form.values;
  const e = form.errors ?? {};
  const action = `/sociale-kaart/organisaties/${o.id}/aanspreekpunten/${props.contactId ?? 'nieuw'}`;
  return (
    <section class="narrow">
      <p>
        <a href={`/sociale-kaart/organisaties/${o.id}/bewerken`}>{t('directory.contact.back')}</a>
      </p>
      <h1>{props.contactId ? t('directory.contact.editTitle') : t('directory.contact.newTitle')}</h1>
      <p>{o.name}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={action}>
        <Field
          name="title"
          label={t('directory.contact.role')}
          hint={t('directory.contact.roleHint')}
          value={one(v.title)}
          error={e.title}
          required
        />
        <Field name="name" label={t('directory.contact.person')} value={one(v.name)} error={e.name} />
        <Field
          name="email"
          type="email"
          label={t('directory.organization.email')}
          value={one(v.email)}
          error={e.email}
        />
        <Field
          name="direct_phone"
          type="tel"
          label={t('directory.contact.phone')}
          hint={t('directory.contact.phoneHint')}
          value={one(v.direct_phone)}
          error={e.direct_phone}
        />
        <Field
          name="presence"
          label={t('directory.presence')}
          hint={t('directory.contact.presenceHint')}
          value={one(v.presence)}
          error={e.presence}
        />
        <CheckboxGroup
          legend={t('directory.contact.days')}
          name="days"
          idPrefix="field-days"
          options={['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].map((d) => ({
            value: d,
            label: t(`weekday.${d}` as MessageKey),
          }))}
          checked={list(v.days)}
        />
        <Field
          name="opens_at"
          type="time"
          label={t('directory.contact.from')}
          value={one(v.opens_at)}
          error={e.opens_at}
        />
        <Field
          name="closes_at"
          type="time"
          label={t('directory.contact.until')}
          value={one(v.closes_at)}
          error={e.closes_at}
        />
        {props.schools.length ? (
          <CheckboxGroup
            legend={t('directory.organization.servesSchools')}
            name="schools"
            idPrefix="field-schools"
            options={props.schools.map((s) => ({ value: s.id, label: s.name }))}
            checked={list(v.schools)}
          />
        ) : null}
        <Button>{t('form.save')}</Button>
      </PostForm>
      {props.contactId ? (
        <p>
          <a href={`${action}/verwijderen`}>{t('directory.contact.remove')}</a>
        </p>
      ) : null}
    </section>
  );
}

export function RemoveContactPointPage(props: {
  ctx: PageContext;
  organization: { id: string };
  contact: { id: string; title: string; name: string | null };
}) {
  const { ctx, organization: o, contact: c } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('directory.contact.remove')}</h1>
      <p>{t('directory.contact.removeConfirm', { name: c.name ? `${c.title} — ${c.name}` : c.title })}</p>
      <PostForm ctx={ctx} action={`/sociale-kaart/organisaties/${o.id}/aanspreekpunten/${c.id}/verwijderen`}>
        <Button variant="danger">{t('directory.contact.removeButton')}</Button>
      </PostForm>
      <p>
        <a href={`/sociale-kaart/organisaties/${o.id}/aanspreekpunten/${c.id}`}>{t('form.cancel')}</a>
      </p>
    </section>
  );
}
