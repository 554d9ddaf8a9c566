import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Button, ErrorSummary, Field, PostForm } from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';

export function SignInPage(props: {
  ctx: PageContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
  returnTo: string;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.signInTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/aanmelden">
        <input type="hidden" name="terug" value={props.returnTo} />
        <Field
          name="email"
          type="email"
          label={t('accounts.email')}
          autocomplete="username"
          value={props.values?.email}
          error={errors?.email}
          required
        />
        <Field
          name="password"
          type="password"
          label={t('accounts.password')}
          autocomplete="current-password"
          error={errors?.password}
          required
        />
        <Button>{t('accounts.signInButton')}</Button>
      </PostForm>
      <p>
        <a href="/wachtwoord-vergeten">{t('accounts.forgotPasswordLink')}</a>
      </p>
    </section>
  );
}

export function SecondFactorPage(props: { ctx: PageContext; errors?: FieldErrors; returnTo: string }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.secondFactorTitle')}</h1>
      <p>{t('accounts.secondFactorIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/aanmelden/code">
        <input type="hidden" name="terug" value={props.returnTo} />
        <Field
          name="code"
          label={t('accounts.secondFactorCode')}
          hint={t('accounts.secondFactorHint')}
          autocomplete="one-time-code"
          inputmode="numeric"
          error={errors?.code}
          required
        />
        <Button>{t('accounts.secondFactorButton')}</Button>
      </PostForm>
    </section>
  );
}

export function RequestResetPage(props: {
  ctx: PageContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.forgotPasswordTitle')}</h1>
      <p>{t('accounts.forgotPasswordIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/wachtwoord-vergeten">
        <Field
          name="email"
          type="email"
          label={t('accounts.email')}
          autocomplete="email"
          value={props.values?.email}
          error={errors?.email}
          required
        />
        <Button>{t('accounts.forgotPasswordButton')}</Button>
      </PostForm>
    </section>
  );
}

/** The field for choosing a password, with the advice on length (ASVS 2.1.1). */
export function NewPasswordField({ ctx, error }: { ctx: PageContext; error: string | undefined }) {
  return (
    <Field
      name="password"
      type="password"
      label={ctx.t('accounts.newPassword')}
      hint={ctx.t('accounts.passwordHint')}
      autocomplete="new-password"
      error={error}
      required
    />
  );
}

export function NewPasswordPage(props: { ctx: PageContext; action: string; errors?: FieldErrors }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('accounts.newPasswordTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={props.action}>
        <NewPasswordField ctx={ctx} error={errors?.password} />
        <Button>{t('accounts.newPasswordButton')}</Button>
      </PostForm>
    </section>
  );
}

export function MessagePage(props: {
  ctx: PageContext;
  title: string;
  message: string;
  link?: { href: string; label: string };
}) {
  return (
    <section class="narrow">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      ) : null}
    </section>
  );
}
