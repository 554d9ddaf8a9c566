import type { FieldErrors } from '../../../platform/http/forms.ts';
import {
  Button,
  CheckboxGroup,
  EmptyState,
  ErrorSummary,
  Field,
  Pagination,
  PostForm,
  SelectField,
  Table,
} from '../../../platform/views/components.tsx';
import { isMessageKey, type MessageKey } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { organisationTypes } from '../../../platform/vocabularies.ts';
import type { OrganisationRole } from '../accounts.table.ts';
import { roleLabelKey } from './account.tsx';

export const organisationRoles = ['member', 'editor', 'admin'] as const satisfies readonly OrganisationRole[];

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: OrganisationRole;
}

export function MembersPage(props: {
  ctx: PageContext;
  organisation: { slug: string; name: string };
  members: MemberRow[];
  canManage: boolean;
  requiredRoles: string[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, organisation, errors } = props;
  const { t } = ctx;
  const base = `/organisaties/${organisation.slug}`;
  const roleOptions = organisationRoles.map((r) => ({ value: r, label: t(roleLabelKey[r]) }));
  return (
    <>
      <h1>{t('org.membersTitle', { organisation: organisation.name })}</h1>
      <Table
        caption={t('org.membersCaption')}
        rowKey={(m) => m.userId}
        rows={props.members}
        columns={[
          { header: t('accounts.name'), cell: (m) => m.name },
          { header: t('accounts.email'), cell: (m) => m.email },
          {
            header: t('accounts.role'),
            cell: (m) =>
              props.canManage ? (
                <PostForm ctx={ctx} action={`${base}/leden/${m.userId}/rol`} class="inline-form">
                  <label class="visually-hidden" for={`role-${m.userId}`}>
                    {t('org.roleFor', { name: m.name })}
                  </label>
                  <select id={`role-${m.userId}`} name="role">
                    {roleOptions.map((o) => (
                      <option key={o.value} value={o.value} selected={o.value === m.role}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="button button--secondary">
                    {t('org.changeRole')}
                    <span class="visually-hidden"> {m.name}</span>
                  </button>
                </PostForm>
              ) : (
                t(roleLabelKey[m.role])
              ),
          },
          ...(props.canManage
            ? [
                {
                  header: t('org.actions'),
                  cell: (m: MemberRow) => (
                    <a href={`${base}/leden/${m.userId}/verwijderen`}>
                      {t('org.remove')}
                      <span class="visually-hidden"> {m.name}</span>
                    </a>
                  ),
                },
              ]
            : []),
        ]}
      />
      {props.canManage ? (
        <>
          <h2>{t('org.inviteTitle')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <PostForm ctx={ctx} action={`${base}/uitnodigingen`}>
            <Field
              name="email"
              type="email"
              label={t('accounts.email')}
              value={props.values?.email}
              error={errors?.email}
              required
            />
            <SelectField
              name="role"
              label={t('accounts.role')}
              options={roleOptions}
              value={props.values?.role ?? 'member'}
              error={errors?.role}
            />
            <Button>{t('org.inviteButton')}</Button>
          </PostForm>
          <h2>{t('org.secondFactorTitle')}</h2>
          <p>{t('org.secondFactorIntro')}</p>
          <PostForm ctx={ctx} action={`${base}/tweestapsverificatie`}>
            <CheckboxGroup
              legend={t('org.secondFactorLegend')}
              name="roles"
              idPrefix="mfa"
              options={organisationRoles.map((r) => ({ value: r, label: t(roleLabelKey[r]) }))}
              checked={props.requiredRoles}
            />
            <Button variant="secondary">{t('org.secondFactorSave')}</Button>
          </PostForm>
        </>
      ) : null}
    </>
  );
}

export function RemoveMemberPage(props: {
  ctx: PageContext;
  organisation: { slug: string; name: string };
  member: MemberRow;
}) {
  const { ctx, organisation, member } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('org.removeTitle')}</h1>
      <p>{t('org.removeConfirm', { name: member.name, organisation: organisation.name })}</p>
      <PostForm ctx={ctx} action={`/organisaties/${organisation.slug}/leden/${member.userId}/verwijderen`}>
        <Button variant="danger">{t('org.removeButton')}</Button>
      </PostForm>
      <p>
        <a href={`/organisaties/${organisation.slug}/leden`}>{t('form.cancel')}</a>
      </p>
    </section>
  );
}

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  type: string;
  municipalityName: string | null;
}

export function OrganisationsPage(props: {
  ctx: PageContext;
  organisations: OrganisationRow[];
  page: number;
  total: number;
  municipalities: { nisCode: string; nameNl: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  const typeLabel = (type: string) =>
    isMessageKey(`orgType.${type}`) ? t(`orgType.${type}` as MessageKey) : type;
  return (
    <>
      <h1>{t('admin.organisationsTitle')}</h1>
      {props.organisations.length === 0 ? (
        <EmptyState title={t('admin.organisationsEmpty')} />
      ) : (
        <Table
          caption={t('admin.organisationsCaption', { total: props.total })}
          rowKey={(o) => o.id}
          rows={props.organisations}
          columns={[
            { header: t('admin.organisationName'), cell: (o) => o.name },
            { header: t('admin.organisationType'), cell: (o) => typeLabel(o.type) },
            { header: t('admin.organisationMunicipality'), cell: (o) => o.municipalityName ?? '—' },
            {
              header: t('admin.organisationMembers'),
              cell: (o) => (
                <a href={`/organisaties/${o.slug}/leden`}>
                  {t('admin.organisationMembers')}
                  <span class="visually-hidden"> {o.name}</span>
                </a>
              ),
            },
          ]}
        />
      )}
      <Pagination ctx={ctx} basePath="/beheer/organisaties" page={props.page} total={props.total} />
      <h2>{t('admin.organisationNew')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/beheer/organisaties">
        <Field
          name="name"
          label={t('admin.organisationName')}
          value={props.values?.name}
          error={errors?.name}
          required
        />
        <Field
          name="slug"
          label={t('admin.organisationSlug')}
          hint={t('admin.organisationSlugHint')}
          value={props.values?.slug}
          error={errors?.slug}
        />
        <SelectField
          name="type"
          label={t('admin.organisationType')}
          options={organisationTypes.map((type) => ({ value: type, label: typeLabel(type) }))}
          value={props.values?.type ?? 'school'}
          error={errors?.type}
        />
        <SelectField
          name="municipality"
          label={t('admin.organisationMunicipality')}
          options={props.municipalities.map((m) => ({ value: m.nisCode, label: m.nameNl }))}
          value={props.values?.municipality}
          error={errors?.municipality}
        />
        <Button>{t('admin.organisationCreate')}</Button>
      </PostForm>
    </>
  );
}
