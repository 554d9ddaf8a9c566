import type { FieldErrors } from '../../../platform/http/forms.ts';
import {
  Button,
  EmptyState,
  ErrorSummary,
  Field,
  formatDateTime,
  PostForm,
  Table,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type { OrganisationRole } from '../accounts.table.ts';
import type { TotpEnrolment } from '../mfa.service.ts';
import { NewPasswordField } from './sign-in.tsx';

export const roleLabelKey = {
  member: 'role.member',
  editor: 'role.editor',
  admin: 'role.admin',
  curator: 'role.curator',
  'platform-admin': 'role.platformAdmin',
} as const;

export function AccountPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const user = ctx.user;
  if (!user) return <p />;
  return (
    <>
      <h1>{t('accounts.accountTitle')}</h1>
      <dl class="summary-list">
        <dt>{t('accounts.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('accounts.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('accounts.platformRoles')}</dt>
        <dd>
          {user.platformRoles.length
            ? user.platformRoles.map((r) => t(roleLabelKey[r])).join(', ')
            : t('accounts.none')}
        </dd>
        <dt>{t('accounts.secondFactor')}</dt>
        <dd>
          {user.secondFactorEnabled ? t('accounts.secondFactorOn') : t('accounts.secondFactorOff')} ·{' '}
          <a href="/account/tweestapsverificatie">{t('accounts.secondFactorManage')}</a>
        </dd>
      </dl>
      <h2>{t('accounts.membershipsTitle')}</h2>
      {user.memberships.length === 0 ? (
        <EmptyState title={t('accounts.noMemberships')} />
      ) : (
        <Table
          caption={t('accounts.membershipsTitle')}
          rowKey={(m) => m.organisationId}
          rows={user.memberships}
          columns={[
            {
              header: t('accounts.organisation'),
              cell: (m) => <a href={`/organisaties/${m.slug}/leden`}>{m.organisationName}</a>,
            },
            { header: t('accounts.role'), cell: (m) => t(roleLabelKey[m.role]) },
          ]}
        />
      )}
      <h2>{t('accounts.moreTitle')}</h2>
      <ul>
        <li>
          <a href="/account/tokens">{t('accounts.tokensTitle')}</a>
        </li>
        {user.platformRoles.includes('platform-admin') ? (
          <>
            <li>
              <a href="/beheer/gebruikers">{t('admin.usersTitle')}</a>
            </li>
            <li>
              <a href="/beheer/organisaties">{t('admin.organisationsTitle')}</a>
            </li>
            <li>
              <a href="/beheer/mailbox">{t('admin.mailboxTitle')}</a>
            </li>
            <li>
              <a href="/beheer/audit">{t('admin.auditTitle')}</a>
            </li>
          </>
        ) : null}
      </ul>
    </>
  );
}

export function SecondFactorEnrolPage(props: {
  ctx: PageContext;
  enrolment: TotpEnrolment;
  errors?: FieldErrors;
}) {
  const { ctx, enrolment, errors } = props;
  const { t } = ctx;
  return (
    <>
      <h1>{t('accounts.enrolTitle')}</h1>
      {ctx.user?.secondFactorRequired ? <p class="notice">{t('accounts.secondFactorRequired')}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <ol class="steps">
        <li>{t('accounts.enrolStep1')}</li>
        <li>
          {t('accounts.enrolStep2')}
          <figure class="qr">
            <div
              role="img"
              aria-label={t('accounts.enrolQrLabel')}
              dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
            />
            <figcaption>
              {t('accounts.enrolManualKey')} <code data-testid="totp-secret">{enrolment.secret}</code>
            </figcaption>
          </figure>
        </li>
        <li>{t('accounts.enrolStep3')}</li>
      </ol>
      <PostForm ctx={ctx} action="/account/tweestapsverificatie">
        <Field
          name="code"
          label={t('accounts.secondFactorCode')}
          autocomplete="one-time-code"
          inputmode="numeric"
          error={errors?.code}
          required
        />
        <Button>{t('accounts.enrolButton')}</Button>
      </PostForm>
    </>
  );
}

export function SecondFactorStatusPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('accounts.secondFactor')}</h1>
      <p>{t('accounts.secondFactorActive')}</p>
      <p>
        <a href="/account">{t('accounts.backToAccount')}</a>
      </p>
    </>
  );
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('accounts.recoveryCodesTitle')}</h1>
      <p>{t('accounts.recoveryCodesIntro')}</p>
      <ul class="code-list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="button button--primary" href="/account">
          {t('accounts.recoveryCodesDone')}
        </a>
      </p>
    </>
  );
}

export interface TokenRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function TokensPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  newToken?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <>
      <h1>{t('accounts.tokensTitle')}</h1>
      <p>{t('accounts.tokensIntro')}</p>
      {props.newToken ? (
        <div class="notice notice--success" role="status">
          <p>{t('accounts.tokenCreated')}</p>
          <p>
            <code class="token" data-testid="new-token">
              {props.newToken}
            </code>
          </p>
        </div>
      ) : null}
      {props.tokens.length === 0 ? (
        <EmptyState title={t('accounts.noTokens')} />
      ) : (
        <Table
          caption={t('accounts.tokensTitle')}
          rowKey={(r) => r.id}
          rows={props.tokens}
          columns={[
            { header: t('accounts.tokenName'), cell: (r) => r.name },
            { header: t('accounts.createdAt'), cell: (r) => formatDateTime(ctx, r.created_at) },
            { header: t('accounts.lastUsedAt'), cell: (r) => formatDateTime(ctx, r.last_used_at) },
            {
              header: t('accounts.status'),
              cell: (r) =>
                r.revoked_at ? (
                  t('accounts.tokenRevoked')
                ) : (
                  <PostForm ctx={ctx} action={`/account/tokens/${r.id}/intrekken`} class="inline-form">
                    <button type="submit" class="button button--danger">
                      {t('accounts.tokenRevoke')}
                      <span class="visually-hidden"> {r.name}</span>
                    </button>
                  </PostForm>
                ),
            },
          ]}
        />
      )}
      <h2>{t('accounts.tokenNewTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/account/tokens">
        <Field
          name="name"
          label={t('accounts.tokenName')}
          value={props.values?.name}
          error={errors?.name}
          required
        />
        <Button>{t('accounts.tokenCreate')}</Button>
      </PostForm>
    </>
  );
}

export function InvitationPage(props: {
  ctx: PageContext;
  token: string;
  organisationName: string;
  role: OrganisationRole;
  mode: 'new-account' | 'accept' | 'sign-in-first';
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  const intro = t('accounts.invitationIntro', {
    organisation: props.organisationName,
    role: t(roleLabelKey[props.role]),
  });
  return (
    <section class="narrow">
      <h1>{t('accounts.invitationTitle')}</h1>
      <p>{intro}</p>
      {props.mode === 'sign-in-first' ? (
        <p>
          <a href={`/aanmelden?terug=${encodeURIComponent(`/uitnodiging/${props.token}`)}`}>
            {t('accounts.invitationSignInFirst')}
          </a>
        </p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <PostForm ctx={ctx} action={`/uitnodiging/${props.token}`}>
            {props.mode === 'new-account' ? (
              <>
                <Field
                  name="name"
                  label={t('accounts.name')}
                  autocomplete="name"
                  value={props.values?.name}
                  error={errors?.name}
                  required
                />
                <NewPasswordField ctx={ctx} error={errors?.password} />
              </>
            ) : null}
            <Button>{t('accounts.invitationAccept')}</Button>
          </PostForm>
        </>
      )}
    </section>
  );
}
