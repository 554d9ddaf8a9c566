import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../http/forms.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { PageContext } from './page-context.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../search/text-search.ts';

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** What a form shows: the submitted (or stored) values, and the errors next to the fields. */
export interface FormState {
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
}

/** Options for a vocabulary, labelled from the catalogue under `prefix`. */
export const options = (ctx: PageContext, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ctx.t(`${prefix}.${v}` as MessageKey) }));
/** A form value as a list (checkboxes) or as one string (a field). */
export const list = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A POST form with its CSRF token; works without JavaScript. */
export function PostForm(props: {
  ctx: PageContext;
  action: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate>
      <CsrfField ctx={props.ctx} />
      {props.children}
    </form>
  );
}

/** The summary at the top of a form with errors, linking to each field (GOV.UK pattern, WCAG 3.3.1). */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldErrors | undefined }) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{ctx.t('form.errorSummaryTitle')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#field-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'search' | 'time' | 'tel' | 'url';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'text';
}

/**
 * The frame every form control shares: label, hint and error next to the field (WCAG 3.3.1), and
 * the ARIA attributes that tie them to the control `children` renders.
 */
function FieldFrame(p: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  children: (aria: {
    id: string;
    'aria-required'?: 'true';
    'aria-invalid'?: 'true';
    'aria-describedby'?: string;
  }) => ComponentChildren;
}) {
  const id = `field-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
      {p.children({
        id,
        'aria-required': p.required ? 'true' : undefined,
        'aria-invalid': p.error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
      })}
    </div>
  );
}

export function Field(p: FieldProps) {
  return (
    <FieldFrame {...p}>
      {(aria) => (
        <input
          {...aria}
          name={p.name}
          type={(p.type ?? 'text') as 'text'}
          value={p.type === 'password' ? '' : (p.value ?? '')}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
          required={p.required}
        />
      )}
    </FieldFrame>
  );
}

/** A multi-line text field with its label, hint and error. */
export function TextAreaField(
  p: Omit<FieldProps, 'type' | 'autocomplete' | 'inputmode'> & { rows?: number },
) {
  return (
    <FieldFrame {...p}>
      {(aria) => (
        <textarea {...aria} name={p.name} rows={p.rows ?? 4} required={p.required}>
          {p.value ?? ''}
        </textarea>
      )}
    </FieldFrame>
  );
}

type Option = { value: string; label: string };

/** A drop-down list; `groups` puts the options under headings (optgroup) after the loose `options`. */
export function SelectField(p: {
  name: string;
  label: string;
  options: Option[];
  groups?: { label: string; options: Option[] }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
}) {
  const render = (o: Option) => (
    <option key={o.value} value={o.value} selected={o.value === p.value}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame {...p}>
      {(aria) => (
        <select {...aria} name={p.name}>
          {p.options.map(render)}
          {p.groups?.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map(render)}
            </optgroup>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** Checkboxes sharing one name, in a fieldset whose legend names the question. */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  idPrefix: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  /** Inline in a table row: the legend is for screen readers only. */
  inline?: boolean;
  /** The error next to the question; the group then gets the id the error summary links to. */
  error?: string | undefined;
}) {
  const classes = [props.inline ? 'inline-fieldset' : '', props.error ? 'field--error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      class={classes || undefined}
      id={props.error ? `field-${props.name}` : undefined}
      tabindex={props.error ? -1 : undefined}
    >
      <legend class={props.inline ? 'visually-hidden' : undefined}>{props.legend}</legend>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {props.options.map((o) => {
        const id = `${props.idPrefix}-${o.value}`;
        return (
          <span class="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={id}
              name={props.name}
              value={o.value}
              checked={props.checked.includes(o.value)}
            />
            <label for={id}>{o.label}</label>
          </span>
        );
      })}
    </fieldset>
  );
}

/** One choice out of several, in a fieldset whose legend names the question; the error sits under the legend. */
export function RadioGroup(props: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
}) {
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      class={props.error ? 'field field--error' : 'field'}
      aria-describedby={describedBy || undefined}
      tabindex={-1}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.options.map((o) => (
        <span class="radio" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
          />
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </span>
      ))}
    </fieldset>
  );
}

/** One tick that confirms a destructive or weighty step; its error sits above it. */
export function ConfirmCheckbox(props: { ctx: PageContext; label: string; error?: string | undefined }) {
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      {props.error ? (
        <p class="field-error" id="field-confirm-error">
          {props.error}
        </p>
      ) : null}
      <span class="checkbox">
        <input
          type="checkbox"
          id="field-confirm"
          name="confirm"
          value="yes"
          aria-describedby={props.error ? 'field-confirm-error' : undefined}
        />
        <label for="field-confirm">{props.label}</label>
      </span>
    </div>
  );
}

export function Button(props: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button type="submit" class={`button button--${props.variant ?? 'primary'}`}>
      {props.children}
    </button>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
}

export function Table<T>(props: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c) => (
                <td key={c.header}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A titled part of a working page (a case, a bundle), labelled by its heading. */
export function Section(props: { title: string; id: string; children: ComponentChildren }) {
  return (
    <section class="case-section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function EmptyState(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p class="empty-state__title">{props.title}</p>
      {props.children}
    </div>
  );
}

export const PAGE_SIZE = 25;

/** Reads `?pagina=` safely: anything odd is page 1. */
export function pageNumber(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.pagina;
  const n = typeof raw === 'string' ? Number.parseInt(raw, 10) : 1;
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}

export function Pagination(props: { ctx: PageContext; basePath: string; page: number; total: number }) {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  if (pages <= 1) return null;
  const { t } = props.ctx;
  const link = (n: number) => `${props.basePath}${props.basePath.includes('?') ? '&' : '?'}pagina=${n}`;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={link(props.page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('pagination.status', { page: props.page, pages })}</li>
        {props.page < pages ? (
          <li>
            <a href={link(props.page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The reader's language as a BCP 47 tag for Intl. */
const localeTag = (ctx: PageContext) =>
  ctx.locale === 'nl' ? 'nl-BE' : ctx.locale === 'fr' ? 'fr-BE' : 'en-GB';

/** Intl formatters are costly to make (about 0.1 ms each) and pages format many values: one per kind and language. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

export function formatDateTime(ctx: PageContext, date: Date | null | undefined): string {
  if (!date) return '—';
  const tag = localeTag(ctx);
  return formatter(
    `dateTime:${tag}`,
    () =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }),
  ).format(date);
}

/** A 'YYYY-MM-DD' date in the reader's language. */
export function formatDay(ctx: PageContext, day: string | null | undefined): string {
  if (!day) return '—';
  const tag = localeTag(ctx);
  return formatter(
    `day:${tag}`,
    () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(new Date(`${day}T00:00:00Z`));
}

/** A number as the reader writes it (1.234,5 in Dutch), with at most `digits` decimals. */
export function formatNumber(ctx: PageContext, n: number, digits = 2): string {
  const tag = localeTag(ctx);
  return formatter(
    `number:${tag}:${digits}`,
    () => new Intl.NumberFormat(tag, { maximumFractionDigits: digits }),
  ).format(n);
}

export function Facts(props: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {props.rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export const codeList = (ctx: PageContext, prefix: string, codes: readonly string[] | null) =>
  codes && codes.length ? codes.map((c) => ctx.t(`${prefix}.${c}` as MessageKey)).join(', ') : '—';

/** A ts_headline excerpt with its control-character marks turned into <mark>, everything escaped. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return part;
        const [marked, rest] = part.split(HIGHLIGHT_END);
        return (
          <>
            <mark>{marked}</mark>
            {rest}
          </>
        );
      })}
    </>
  );
}

/** The page where a visitor without an account sends a message: plain language, an optional address. */
export function VisitorMessagePage(props: {
  ctx: PageContext;
  back: { href: string; label: string };
  title: string;
  intro: string;
  action: string;
  message: { label: string; hint?: string; rows: number };
  form: FormState;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <section class="narrow">
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={props.action}>
        <TextAreaField
          name="message"
          label={props.message.label}
          hint={props.message.hint}
          value={one(form.values.message)}
          error={form.errors?.message}
          rows={props.message.rows}
          required
        />
        <Field
          name="email"
          type="email"
          autocomplete="email"
          label={t('visitorMessage.email')}
          hint={t('visitorMessage.emailHint')}
          value={one(form.values.email)}
          error={form.errors?.email}
        />
        <Button>{t('visitorMessage.send')}</Button>
      </PostForm>
    </section>
  );
}
