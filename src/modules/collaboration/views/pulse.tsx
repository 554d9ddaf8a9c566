import {
  Button,
  ConfirmCheckbox,
  EmptyState,
  ErrorSummary,
  Facts,
  Field,
  formatDateTime,
  formatNumber,
  type FormState,
  one,
  PostForm,
  Section,
  SelectField,
  Table,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type { Network } from '../networks.service.ts';
import type { PulseMetrics, PulseRound } from '../pulse.service.ts';

export interface RoundFigures {
  round: PulseRound;
  metrics: PulseMetrics;
}

const backTo = (href: string, label: string) => (
  <p class="no-print">
    <a href={href}>{label}</a>
  </p>
);
const share = (ctx: PageContext, x: number | null) =>
  x === null ? '—' : `${formatNumber(ctx, x * 100, 0)}%`;
const score = (ctx: PageContext, x: number | null) => (x === null ? '—' : formatNumber(ctx, x, 2));
/** The change against the round before, with its sign: "+0,25", "−10%". */
const change = (x: number | null, y: number | null, show: (d: number) => string) =>
  x === null || y === null ? '—' : `${x - y > 0 ? '+' : x - y < 0 ? '−' : '±'}${show(Math.abs(x - y))}`;

/** All rounds of a network, compared over time; coordinators open a new round here. */
export function PulsePage(props: {
  ctx: PageContext;
  network: Network;
  history: RoundFigures[];
  coordinates: boolean;
  form?: FormState;
}) {
  const { ctx, network: n } = props;
  const base = `/netwerken/${n.slug}/puls`;
  const rows = props.history.map((h, i) => ({ ...h, before: i > 0 ? props.history[i - 1]!.metrics : null }));
  const open = props.history.some((h) => !h.round.closed_at);
  return (
    <>
      {backTo(`/netwerken/${n.slug}`, n.name)}
      <h1>{ctx.t('pulse.title', { network: n.name })}</h1>
      <p class="lead">{ctx.t('pulse.intro')}</p>
      <Section title={ctx.t('pulse.rounds')} id="rounds">
        {rows.length === 0 ? (
          <EmptyState title={ctx.t('pulse.rounds.none')} />
        ) : (
          <Table
            caption={ctx.t('pulse.rounds.caption')}
            rows={rows}
            rowKey={(r) => r.round.id}
            columns={[
              {
                header: ctx.t('pulse.round'),
                cell: (r) => <a href={`${base}/${r.round.id}`}>{r.round.title}</a>,
              },
              {
                header: ctx.t('pulse.round.status'),
                cell: (r) =>
                  r.round.closed_at
                    ? ctx.t('pulse.round.closedOn', { when: formatDateTime(ctx, r.round.closed_at) })
                    : ctx.t('pulse.round.open'),
              },
              {
                header: ctx.t('pulse.respondents'),
                cell: (r) => `${r.metrics.respondents} / ${r.metrics.organisations}`,
              },
              { header: ctx.t('pulse.density'), cell: (r) => share(ctx, r.metrics.density) },
              {
                header: ctx.t('pulse.densityChange'),
                cell: (r) => change(r.metrics.density, r.before?.density ?? null, (d) => share(ctx, d)),
              },
              { header: ctx.t('pulse.trust'), cell: (r) => score(ctx, r.metrics.averageTrust) },
              {
                header: ctx.t('pulse.trustChange'),
                cell: (r) =>
                  change(r.metrics.averageTrust, r.before?.averageTrust ?? null, (d) => score(ctx, d)),
              },
              { header: ctx.t('pulse.value'), cell: (r) => score(ctx, r.metrics.averageValue) },
              {
                header: ctx.t('pulse.valueChange'),
                cell: (r) =>
                  change(r.metrics.averageValue, r.before?.averageValue ?? null, (d) => score(ctx, d)),
              },
            ]}
          />
        )}
        <p>{ctx.t('pulse.explain')}</p>
      </Section>
      {props.coordinates && !open ? (
        <PostForm ctx={ctx} action={base} class="no-print">
          <h2>{ctx.t('pulse.round.new')}</h2>
          <ErrorSummary ctx={ctx} errors={props.form?.errors} />
          <Field
            name="title"
            label={ctx.t('pulse.round.titleField')}
            hint={ctx.t('pulse.round.titleHint')}
            value={one(props.form?.values.title)}
            error={props.form?.errors?.title}
          />
          <Button>{ctx.t('pulse.round.open.submit')}</Button>
        </PostForm>
      ) : null}
    </>
  );
}

export interface Rater {
  id: string;
  name: string;
  /** The organisation's own ratings so far, by rated organisation. */
  given: Map<string, { trust: number; value: number }>;
}

export type PulseForm = `answer-${string}` | 'close';

/** One round: its figures, each organisation's ties, and the answer forms of the organisations the visitor speaks for. */
export function PulseRoundPage(props: {
  ctx: PageContext;
  network: Network;
  figures: RoundFigures;
  organisations: { id: string; name: string }[];
  raters: Rater[];
  coordinates: boolean;
  errors?: { form: PulseForm; state: FormState };
}) {
  const { ctx, network: n, figures } = props;
  const { round, metrics } = figures;
  const base = `/netwerken/${n.slug}/puls/${round.id}`;
  const scale = [1, 2, 3, 4].map((v) => ({
    value: String(v),
    label: ctx.t(`pulse.scale.${v}` as 'pulse.scale.1'),
  }));
  const noTie = { value: '', label: ctx.t('pulse.noTie') };
  return (
    <>
      {backTo(`/netwerken/${n.slug}/puls`, ctx.t('pulse.title', { network: n.name }))}
      <h1>{round.title}</h1>
      <Facts
        rows={[
          [ctx.t('pulse.round.opened'), formatDateTime(ctx, round.opened_at)],
          [
            ctx.t('pulse.round.status'),
            round.closed_at
              ? ctx.t('pulse.round.closedOn', { when: formatDateTime(ctx, round.closed_at) })
              : ctx.t('pulse.round.open'),
          ],
          [ctx.t('pulse.respondents'), `${metrics.respondents} / ${metrics.organisations}`],
          [ctx.t('pulse.ties'), String(metrics.ties)],
          [ctx.t('pulse.density'), share(ctx, metrics.density)],
          [ctx.t('pulse.trust'), score(ctx, metrics.averageTrust)],
          [ctx.t('pulse.value'), score(ctx, metrics.averageValue)],
        ]}
      />
      <Section title={ctx.t('pulse.centrality')} id="centrality">
        <Table
          caption={ctx.t('pulse.centrality.caption')}
          rows={props.organisations}
          rowKey={(o) => o.id}
          columns={[
            { header: ctx.t('pulse.organisation'), cell: (o) => o.name },
            { header: ctx.t('pulse.ties'), cell: (o) => String(metrics.degree.get(o.id)?.ties ?? 0) },
            {
              header: ctx.t('pulse.centrality.degree'),
              cell: (o) => share(ctx, metrics.degree.get(o.id)?.centrality ?? null),
            },
          ]}
        />
        <p>{ctx.t('pulse.centrality.explain')}</p>
      </Section>
      {!round.closed_at
        ? props.raters.map((rater) => {
            const form: PulseForm = `answer-${rater.id}`;
            const state = props.errors?.form === form ? props.errors.state : undefined;
            const valueOf = (field: string, rated: string, key: 'trust' | 'value') =>
              state ? one(state.values[`${field}_${rated}`]) : String(rater.given.get(rated)?.[key] ?? '');
            return (
              <Section key={rater.id} title={ctx.t('pulse.answer.title', { name: rater.name })} id={form}>
                <p>{ctx.t('pulse.answer.intro')}</p>
                <PostForm ctx={ctx} action={`${base}/antwoord`} class="no-print">
                  <ErrorSummary ctx={ctx} errors={state?.errors} />
                  <input type="hidden" name="organisation" value={rater.id} />
                  {props.organisations
                    .filter((o) => o.id !== rater.id)
                    .map((o) => (
                      <fieldset key={o.id} class="inline-fieldset">
                        <legend>{o.name}</legend>
                        <SelectField
                          name={`trust_${o.id}`}
                          label={ctx.t('pulse.trustOf', { name: o.name })}
                          options={[noTie, ...scale]}
                          value={valueOf('trust', o.id, 'trust')}
                          error={state?.errors?.[`trust_${o.id}`]}
                        />
                        <SelectField
                          name={`value_${o.id}`}
                          label={ctx.t('pulse.valueOf', { name: o.name })}
                          options={[noTie, ...scale]}
                          value={valueOf('value', o.id, 'value')}
                          error={state?.errors?.[`value_${o.id}`]}
                        />
                      </fieldset>
                    ))}
                  <Button>{ctx.t('pulse.answer.submit')}</Button>
                </PostForm>
              </Section>
            );
          })
        : null}
      {props.coordinates && !round.closed_at ? (
        <PostForm ctx={ctx} action={`${base}/afsluiten`} class="no-print">
          <h2>{ctx.t('pulse.round.close')}</h2>
          <ConfirmCheckbox
            ctx={ctx}
            label={ctx.t('pulse.round.closeConfirm')}
            error={props.errors?.form === 'close' ? props.errors.state.errors?.confirm : undefined}
          />
          <Button variant="secondary">{ctx.t('pulse.round.close')}</Button>
        </PostForm>
      ) : null}
    </>
  );
}
