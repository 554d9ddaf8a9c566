import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  EmptyState,
  ErrorSummary,
  Field,
  formatDateTime,
  PostForm,
  SelectField,
  Table,
  TextAreaField,
  Section,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type { CaseKind } from '../cases.table.ts';

// Parts every case page shares: the case-data notice, members, identity reveal, audit trail.

export const casePath = (kind: CaseKind, id: string) =>
  `/${kind === 'referral' ? 'toeleiding' : 'casusoverleg'}/${id}`;

/** The reminder on every case page: what this is and who can see it. */
export function CaseDataNotice({ ctx }: { ctx: PageContext }) {
  return (
    <p class="notice notice--case" role="note">
      {ctx.t('cases.notice')}
    </p>
  );
}

/** A case form's errors, keyed by form so only the form that was sent shows them. */
export interface CaseFormErrors {
  form: string;
  errors: FieldErrors;
  values: Record<string, string>;
}
export const errorsOf = (state: CaseFormErrors | undefined, form: string) =>
  state?.form === form ? state : undefined;

/** For whom a professional opens a case: a choice only when they belong to several organisations. */
export function OrganisationChoice(props: {
  ctx: PageContext;
  organisations: { id: string; name: string }[];
  value: string | undefined;
  error: string | undefined;
}) {
  if (props.organisations.length <= 1)
    return <input type="hidden" name="organisation" value={props.organisations[0]?.id ?? ''} />;
  return (
    <SelectField
      name="organisation"
      label={props.ctx.t('cases.referral.organisation')}
      options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
      value={props.value}
      error={props.error}
    />
  );
}

export interface MemberRow {
  userId: string;
  name: string;
  organisationName: string | null;
  role: string;
}

/** The people who can see this case; its creator (or coordinator) adds and removes them. */
export function MembersSection(props: {
  ctx: PageContext;
  kind: CaseKind;
  caseId: string;
  members: MemberRow[];
  mayManage: boolean;
  closed: boolean;
  state?: CaseFormErrors | undefined;
}) {
  const { ctx } = props;
  const base = casePath(props.kind, props.caseId);
  const state = errorsOf(props.state, 'members');
  return (
    <Section title={ctx.t('cases.members.title')} id="members">
      <p>{ctx.t('cases.members.intro')}</p>
      <Table
        caption={ctx.t('cases.members.caption')}
        rows={props.members}
        rowKey={(m) => m.userId}
        columns={[
          { header: ctx.t('cases.members.name'), cell: (m) => m.name },
          { header: ctx.t('cases.members.organisation'), cell: (m) => m.organisationName ?? '—' },
          {
            header: ctx.t('cases.members.role'),
            cell: (m) => ctx.t(`cases.memberRole.${m.role}` as MessageKey),
          },
          {
            header: ctx.t('cases.members.actions'),
            cell: (m) =>
              props.mayManage && (m.role === 'member' || m.role === 'handler') ? (
                <PostForm ctx={ctx} action={`${base}/leden/${m.userId}/verwijderen`} class="inline-form">
                  <Button variant="secondary">{ctx.t('cases.members.remove', { name: m.name })}</Button>
                </PostForm>
              ) : (
                ''
              ),
          },
        ]}
      />
      {props.mayManage && !props.closed ? (
        <PostForm ctx={ctx} action={`${base}/leden`}>
          <ErrorSummary ctx={ctx} errors={state?.errors} />
          <Field
            name="email"
            type="email"
            label={ctx.t('cases.members.email')}
            hint={ctx.t('cases.members.emailHint')}
            value={state?.values.email}
            error={state?.errors.email}
            autocomplete="off"
          />
          <Button variant="secondary">{ctx.t('cases.members.add')}</Button>
        </PostForm>
      ) : null}
    </Section>
  );
}

/** Showing who a case is about is its own step, with an optional reason, and is logged. */
export function RevealForm(props: {
  ctx: PageContext;
  kind: CaseKind;
  caseId: string;
  revealed?: ComponentChildren;
}) {
  const { ctx } = props;
  if (props.revealed)
    return (
      <div class="identity" id="identity">
        <h3>{ctx.t('cases.identity.shownTitle')}</h3>
        {props.revealed}
        <p class="field-hint">{ctx.t('cases.identity.shownHint')}</p>
      </div>
    );
  return (
    <PostForm ctx={ctx} action={`${casePath(props.kind, props.caseId)}/identiteit`}>
      <Field
        name="reason"
        label={ctx.t('cases.identity.reason')}
        hint={ctx.t('cases.identity.reasonHint')}
        autocomplete="off"
      />
      <Button variant="secondary">{ctx.t('cases.identity.reveal')}</Button>
    </PostForm>
  );
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  reason: string | null;
  actor: string;
}

export function AuditTrailPage(props: {
  ctx: PageContext;
  kind: CaseKind;
  caseId: string;
  rows: AuditRow[];
}) {
  const { ctx } = props;
  return (
    <>
      <p>
        <a href={casePath(props.kind, props.caseId)}>{ctx.t('cases.audit.back')}</a>
      </p>
      <h1>{ctx.t('cases.audit.title')}</h1>
      <p>{ctx.t('cases.audit.intro')}</p>
      {props.rows.length === 0 ? (
        <EmptyState title={ctx.t('cases.audit.empty')} />
      ) : (
        <Table
          caption={ctx.t('cases.audit.caption')}
          rows={props.rows}
          rowKey={(r) => String(r.id)}
          columns={[
            { header: ctx.t('cases.audit.when'), cell: (r) => formatDateTime(ctx, r.at) },
            { header: ctx.t('cases.audit.who'), cell: (r) => r.actor },
            {
              header: ctx.t('cases.audit.what'),
              cell: (r) => ctx.t(`cases.auditAction.${r.action}` as MessageKey),
            },
            { header: ctx.t('cases.audit.why'), cell: (r) => r.reason ?? '' },
          ]}
        />
      )}
    </>
  );
}

/** The text fields a round table or referral note may hold, with the warning about names. */
export function CaseTextArea(props: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  state?: CaseFormErrors | undefined;
  rows?: number;
}) {
  return (
    <TextAreaField
      name={props.name}
      label={props.label}
      hint={props.hint}
      value={props.state?.values[props.name]}
      error={props.state?.errors[props.name]}
      rows={props.rows ?? 3}
    />
  );
}
