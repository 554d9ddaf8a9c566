import type { ComponentChildren } from 'preact';
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
  PostForm,
  SelectField,
  TextAreaField,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { neighbourhoodStatuses } from '../../directory/directory.table.ts';
import {
  type Dimension,
  type Exercise,
  type ReflectionQuestion,
  reflectionQuestions,
  type SetContent,
} from '../question-set.ts';
import type { DimensionChange, DimensionResult, SessionResults } from '../reflection.results.ts';
import { SCALE } from '../reflection.results.ts';
import type { SessionPartner, SessionStatus } from '../reflection.table.ts';
import { formatMean, Radar, SpreadBar } from './charts.tsx';

const audienceLabel = (ctx: PageContext, audience: string) =>
  ctx.t(`reflection.audience.${audience}` as MessageKey);
const questionLabel = (ctx: PageContext, q: ReflectionQuestion) =>
  ctx.t(`reflection.question.${q}` as MessageKey);
const statusLabel = (ctx: PageContext, status: SessionStatus) =>
  ctx.t(`reflection.status.${status}` as MessageKey);
const markLabel = (ctx: PageContext, status: string) => ctx.t(`neighbourhood.status.${status}` as MessageKey);

/** The dimensions grouped under the three questions of the frame, in the frame's order. */
const byQuestion = <T,>(items: T[], dimensionOf: (item: T) => Dimension) =>
  reflectionQuestions
    .map((q) => ({ question: q, items: items.filter((i) => dimensionOf(i).question === q) }))
    .filter((g) => g.items.length > 0);

export interface SessionSummary {
  id: string;
  team: string;
  school_year: string;
  status: SessionStatus;
  created_at: Date;
  participants: number | null;
}

export interface SetSummary {
  id: string;
  audience: string;
  content: SetContent;
  number: number;
}

// ---- The module's front page, joining, answering ---------------------------------------------------

export function ReflectionHomePage(props: {
  ctx: PageContext;
  sets: SetSummary[];
  /** Null when the visitor may not facilitate (not signed in, or in no organisation). */
  sessions: SessionSummary[] | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h1>{t('reflection.home.title')}</h1>
      <p class="lead">{t('reflection.home.lead')}</p>
      <div class="reflection-home">
        <section class="card" aria-labelledby="join-title">
          <h2 id="join-title">{t('reflection.join.title')}</h2>
          <JoinForm ctx={ctx} />
        </section>
        <section class="card" aria-labelledby="facilitate-title">
          <h2 id="facilitate-title">{t('reflection.home.facilitateTitle')}</h2>
          <p>{t('reflection.home.facilitateText')}</p>
          {props.sessions ? (
            <p>
              <a class="button" href="/reflectie/sessies/nieuw">
                {t('reflection.start.title')}
              </a>
            </p>
          ) : (
            <p>
              {ctx.user ? t('reflection.home.needsOrganisation') : t('reflection.home.signInToFacilitate')}
            </p>
          )}
        </section>
      </div>
      {props.sessions ? (
        <section aria-labelledby="my-sessions">
          <h2 id="my-sessions">{t('reflection.home.mySessions')}</h2>
          {props.sessions.length === 0 ? (
            <EmptyState title={t('reflection.home.noSessions')} />
          ) : (
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">{t('reflection.home.mySessions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reflection.field.team')}</th>
                    <th scope="col">{t('reflection.field.schoolYear')}</th>
                    <th scope="col">{t('reflection.session.status')}</th>
                    <th scope="col">{t('reflection.session.answered')}</th>
                    <th scope="col">{t('reflection.session.started')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.sessions.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <a href={`/reflectie/sessies/${s.id}`}>{s.team}</a>
                      </th>
                      <td>{s.school_year}</td>
                      <td>{statusLabel(ctx, s.status)}</td>
                      <td>{s.participants ?? 0}</td>
                      <td>{formatDateTime(ctx, s.created_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <section aria-labelledby="sets-title">
        <h2 id="sets-title">{t('reflection.sets.title')}</h2>
        <p>{t('reflection.sets.intro')}</p>
        <ul class="card-list">
          {props.sets.map((s) => (
            <li class="card" key={s.id}>
              <h3>
                <a href={`/reflectie/vragensets/${s.id}`}>{s.content.title}</a>
              </h3>
              <p>{audienceLabel(ctx, s.audience)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The join form: a GET form, so it works without JavaScript and the code lands in the address. */
function JoinForm(props: { ctx: PageContext; value?: string; error?: string }) {
  const { t } = props.ctx;
  return (
    <form method="get" action="/reflectie/doe-mee" novalidate>
      <Field
        name="code"
        label={t('reflection.join.code')}
        hint={t('reflection.join.codeHint')}
        value={props.value}
        error={props.error}
        autocomplete="off"
        required
      />
      <Button>{t('reflection.join.submit')}</Button>
    </form>
  );
}

export function JoinPage(props: { ctx: PageContext; value: string; error?: string }) {
  const { t } = props.ctx;
  return (
    <section class="narrow">
      <h1>{t('reflection.join.title')}</h1>
      <p>{t('reflection.join.intro')}</p>
      <ErrorSummary ctx={props.ctx} errors={props.error ? { code: props.error } : undefined} />
      <JoinForm ctx={props.ctx} value={props.value} error={props.error} />
    </section>
  );
}

/** A short message for a participant: thanks, already answered, closed. */
export function ParticipantMessage(props: {
  ctx: PageContext;
  title: string;
  text: string;
  children?: ComponentChildren;
}) {
  return (
    <section class="narrow">
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {props.children}
    </section>
  );
}

/** The participant's form: every exercise of the session, grouped by question and dimension. */
export function AnswerPage(props: {
  ctx: PageContext;
  team: string;
  content: SetContent;
  dimensions: Dimension[];
  partners: SessionPartner[];
  action: string;
  form: FormState;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  const v = form.values;
  return (
    <>
      <h1>{props.content.title}</h1>
      <p class="lead">{t('reflection.answer.forTeam', { team: props.team })}</p>
      <p>{props.content.introduction}</p>
      <p class="notice">{t('reflection.answer.anonymous')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={props.action} class="answer-form">
        {byQuestion(props.dimensions, (d) => d).map((group) => (
          <section key={group.question} aria-labelledby={`q-${group.question}`}>
            <h2 id={`q-${group.question}`}>{questionLabel(ctx, group.question)}</h2>
            {group.items.map((d) => (
              <section key={d.code} class="answer-dimension" aria-labelledby={`d-${d.code}`}>
                <h3 id={`d-${d.code}`}>{d.title}</h3>
                {d.exercises.map((e) => (
                  <ExerciseInput
                    key={e.id}
                    ctx={ctx}
                    exercise={e}
                    partners={props.partners}
                    values={v}
                    error={form.errors?.[e.id]}
                  />
                ))}
              </section>
            ))}
          </section>
        ))}
        <Button>{t('reflection.answer.submit')}</Button>
      </PostForm>
    </>
  );
}

function ExerciseInput(props: {
  ctx: PageContext;
  exercise: Exercise;
  partners: SessionPartner[];
  values: Record<string, string | string[]>;
  error: string | undefined;
}) {
  const { ctx, exercise: e, values } = props;
  const { t } = ctx;
  if (e.type === 'scale')
    return (
      <RadioGroup
        legend={e.text}
        name={e.id}
        options={SCALE.map((n) => ({ value: String(n), label: t(`reflection.scale.${n}` as MessageKey) }))}
        checked={one(values[e.id])}
        error={props.error}
        class="scale"
      />
    );
  if (e.type === 'endings')
    return (
      <CheckboxGroup
        legend={`${e.text} ${t('reflection.answer.endingsHint')}`}
        name={e.id}
        idPrefix={`field-${e.id}`}
        options={(e.endings ?? []).map((ending, i) => ({ value: String(i + 1), label: ending }))}
        checked={list(values[e.id])}
      />
    );
  if (e.type === 'open')
    return (
      <TextAreaField name={e.id} label={e.text} value={one(values[e.id])} error={props.error} rows={3} />
    );
  if (props.partners.length === 0) return null;
  return (
    <fieldset class="neighbourhood-exercise">
      <legend>{e.text}</legend>
      {props.partners.map((p) => (
        <RadioGroup
          key={p.id}
          legend={t('reflection.answer.partner', { name: p.name, km: formatMean(ctx, p.km) })}
          name={`${e.id}:${p.id}`}
          options={neighbourhoodStatuses.map((s) => ({ value: s, label: markLabel(ctx, s) }))}
          checked={one(values[`${e.id}:${p.id}`])}
          error={undefined}
          class="marks"
        />
      ))}
    </fieldset>
  );
}

function RadioGroup(props: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  checked: string | undefined;
  error: string | undefined;
  class?: string;
}) {
  const id = `field-${props.name.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <fieldset
      class={[props.class, props.error ? 'field--error' : ''].filter(Boolean).join(' ')}
      id={id}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <span class="radio-row">
        {props.options.map((o) => (
          <span class="checkbox" key={o.value}>
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.checked === o.value}
            />
            <label for={`${id}-${o.value}`}>{o.label}</label>
          </span>
        ))}
      </span>
    </fieldset>
  );
}

// ---- Question sets ---------------------------------------------------------------------------------

export function SetPage(props: { ctx: PageContext; set: SetSummary; mayEdit: boolean; mayStart: boolean }) {
  const { ctx, set } = props;
  const { t } = ctx;
  const typeLabel = (e: Exercise) => t(`reflection.exercise.${e.type}` as MessageKey);
  return (
    <>
      <p class="no-print">
        <a href="/reflectie">{t('reflection.backHome')}</a>
      </p>
      <h1>{set.content.title}</h1>
      <p class="lead">{audienceLabel(ctx, set.audience)}</p>
      <p>{set.content.introduction}</p>
      <p class="muted">{t('reflection.sets.version', { number: set.number })}</p>
      <p class="actions no-print">
        {props.mayStart ? (
          <a class="button" href={`/reflectie/sessies/nieuw?set=${set.id}`}>
            {t('reflection.sets.startWith')}
          </a>
        ) : null}{' '}
        {props.mayEdit ? (
          <a class="button button--secondary" href={`/reflectie/vragensets/${set.id}/bewerken`}>
            {t('reflection.sets.edit')}
          </a>
        ) : null}
      </p>
      {byQuestion(set.content.dimensions, (d) => d).map((group) => (
        <section key={group.question} aria-labelledby={`q-${group.question}`}>
          <h2 id={`q-${group.question}`}>{questionLabel(ctx, group.question)}</h2>
          {group.items.map((d) => (
            <section key={d.code} aria-labelledby={`d-${d.code}`}>
              <h3 id={`d-${d.code}`}>{d.title}</h3>
              <ol class="exercise-list">
                {d.exercises.map((e) => (
                  <li key={e.id}>
                    <span class="tag">{typeLabel(e)}</span> {e.text}
                    {e.endings ? (
                      <ul>
                        {e.endings.map((ending) => (
                          <li key={ending}>{ending}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

export function SetEditPage(props: { ctx: PageContext; set: SetSummary; form: FormState }) {
  const { ctx, set, form } = props;
  const { t } = ctx;
  return (
    <section>
      <p>
        <a href={`/reflectie/vragensets/${set.id}`}>{t('reflection.sets.back')}</a>
      </p>
      <h1>{t('reflection.sets.editTitle', { title: set.content.title })}</h1>
      <p>{t('reflection.sets.editIntro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={`/reflectie/vragensets/${set.id}/bewerken`}>
        <TextAreaField
          name="text"
          label={t('reflection.sets.text')}
          hint={t('reflection.sets.textHint')}
          value={one(form.values.text)}
          error={form.errors?.text}
          rows={30}
          required
        />
        <Button>{t('reflection.sets.save')}</Button>
      </PostForm>
    </section>
  );
}

// ---- Starting a session ----------------------------------------------------------------------------

export function StartSessionPage(props: {
  ctx: PageContext;
  sets: SetSummary[];
  /** The chosen set; without one, the page asks for it first. */
  set: SetSummary | null;
  organisations: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  schoolYears: string[];
  form: FormState;
}) {
  const { ctx, form, set } = props;
  const { t } = ctx;
  const v = form.values;
  const e = form.errors ?? {};
  if (!set)
    return (
      <section>
        <p>
          <a href="/reflectie">{t('reflection.backHome')}</a>
        </p>
        <h1>{t('reflection.start.title')}</h1>
        <p>{t('reflection.start.chooseSet')}</p>
        <ul class="card-list">
          {props.sets.map((s) => (
            <li class="card" key={s.id}>
              <h2 class="h3">{s.content.title}</h2>
              <p>{audienceLabel(ctx, s.audience)}</p>
              <p>
                <a class="button" href={`/reflectie/sessies/nieuw?set=${s.id}`}>
                  {t('reflection.start.useSet', { title: s.content.title })}
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <section class="narrow">
      <p>
        <a href="/reflectie/sessies/nieuw">{t('reflection.start.otherSet')}</a>
      </p>
      <h1>{t('reflection.start.title')}</h1>
      <p>{t('reflection.start.withSet', { title: set.content.title })}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action="/reflectie/sessies/nieuw">
        <input type="hidden" name="set" value={set.id} />
        <Field
          name="team"
          label={t('reflection.field.team')}
          hint={t('reflection.hint.team')}
          value={one(v.team)}
          error={e.team}
          required
        />
        <SelectField
          name="organisation"
          label={t('reflection.field.organisation')}
          options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={one(v.organisation)}
          error={e.organisation}
        />
        <SelectField
          name="schoolYear"
          label={t('reflection.field.schoolYear')}
          options={props.schoolYears.map((y) => ({ value: y, label: y }))}
          value={one(v.schoolYear)}
          error={e.schoolYear}
        />
        {props.locations.length ? (
          <SelectField
            name="location"
            label={t('reflection.field.location')}
            options={[
              { value: '', label: t('reflection.field.noLocation') },
              ...props.locations.map((l) => ({ value: l.id, label: l.name })),
            ]}
            value={one(v.location)}
            error={e.location}
          />
        ) : (
          <p class="field-hint">{t('reflection.hint.noLocation')}</p>
        )}
        <div class={e.dimensions ? 'field field--error' : 'field'} id="field-dimensions">
          {e.dimensions ? <p class="field-error">{e.dimensions}</p> : null}
          <CheckboxGroup
            legend={t('reflection.field.dimensions')}
            name="dimensions"
            idPrefix="field-dimensions"
            options={set.content.dimensions.map((d) => ({
              value: d.code,
              label: `${d.title} (${questionLabel(ctx, d.question)})`,
            }))}
            checked={list(v.dimensions)}
          />
        </div>
        <Button>{t('reflection.start.submit')}</Button>
      </PostForm>
    </section>
  );
}

// ---- The facilitator's session page and the report --------------------------------------------------

export interface Suggestion {
  dimension: DimensionResult;
  practices: { id: string; title: string }[];
  partners: { id: string; name: string; km: number }[];
}

/** What the session page proposes once results are there; the report leaves it out. */
export interface NextSteps {
  suggestions: Suggestion[];
  /** False when the session has no school: then no partners can be proposed. */
  hasLocation: boolean;
}

export interface SessionView {
  id: string;
  code: string;
  team: string;
  schoolYear: string;
  status: SessionStatus;
  resultsShared: boolean;
  notes: string;
  setTitle: string;
  setVersion: number;
  organisationName: string | null;
  joinUrl: string;
  participants: number;
  results: SessionResults;
  comparison: { changes: DimensionChange[]; previousYear: string; previousId: string } | null;
  actions: { id: string; description: string; owner: string; due_on: string | null; done_at: Date | null }[];
  nextSessionId: string | null;
}

export function SessionPage(props: {
  ctx: PageContext;
  session: SessionView;
  nextSteps: NextSteps | null;
  forms: Record<string, FormState>;
}) {
  const { ctx, session: s } = props;
  const { t } = ctx;
  const base = `/reflectie/sessies/${s.id}`;
  return (
    <>
      <p class="no-print">
        <a href="/reflectie">{t('reflection.backHome')}</a>
      </p>
      <h1>{t('reflection.session.title', { team: s.team, year: s.schoolYear })}</h1>
      <p class="lead">
        {s.setTitle} · {statusLabel(ctx, s.status)}
      </p>
      {s.status === 'open' ? (
        <section class="join-box" aria-labelledby="join-box-title">
          <h2 id="join-box-title">{t('reflection.session.joinTitle')}</h2>
          <p>{t('reflection.session.joinText')}</p>
          <p class="join-code">{s.code}</p>
          <p>
            {t('reflection.session.joinLink')} <a href={s.joinUrl}>{s.joinUrl}</a>
          </p>
        </section>
      ) : null}
      <section
        aria-labelledby="progress-title"
        data-live-url={`${base}/stand`}
        data-status={s.status}
        class="live-progress"
      >
        <h2 id="progress-title">{t('reflection.session.progress')}</h2>
        <p role="status" data-answered>
          {t('reflection.session.answeredCount', { count: s.participants })}
        </p>
        <p class="no-print">
          <a href={base}>{t('reflection.session.refresh')}</a>
        </p>
        <div class="actions no-print">
          <PostForm ctx={ctx} action={`${base}/status`} class="inline-form">
            <input type="hidden" name="status" value={s.status === 'open' ? 'closed' : 'open'} />
            <Button variant={s.status === 'open' ? 'primary' : 'secondary'}>
              {s.status === 'open' ? t('reflection.session.close') : t('reflection.session.reopen')}
            </Button>
          </PostForm>
          {s.status === 'closed' && s.results.enough ? (
            <PostForm ctx={ctx} action={`${base}/delen`} class="inline-form">
              <input type="hidden" name="shared" value={s.resultsShared ? '0' : '1'} />
              <Button variant="secondary">
                {s.resultsShared ? t('reflection.session.unshare') : t('reflection.session.share')}
              </Button>
            </PostForm>
          ) : null}
        </div>
        {s.resultsShared ? (
          <p>{t('reflection.session.sharedAt', { url: `${s.joinUrl}/resultaten` })}</p>
        ) : null}
      </section>
      {s.status === 'closed' ? (
        <ResultsSection ctx={ctx} results={s.results} comparison={s.comparison} />
      ) : (
        <p class="notice">{t('reflection.session.resultsAfterClosing')}</p>
      )}
      {props.nextSteps ? <SuggestionsSection ctx={ctx} nextSteps={props.nextSteps} /> : null}
      <NotesAndActions ctx={ctx} session={s} forms={props.forms} />
      <section class="no-print" aria-labelledby="more-title">
        <h2 id="more-title">{t('reflection.session.more')}</h2>
        <ul>
          <li>
            <a href={`${base}/verslag`}>{t('reflection.report.link')}</a>
          </li>
          {s.results.enough && s.status === 'closed' ? (
            <li>
              <a href={`${base}/resultaten.csv`} download>
                {t('reflection.report.csv')}
              </a>
            </li>
          ) : null}
          {s.comparison ? (
            <li>
              <a href={`/reflectie/sessies/${s.comparison.previousId}`}>
                {t('reflection.compare.previousLink', { year: s.comparison.previousYear })}
              </a>
            </li>
          ) : null}
        </ul>
        {s.nextSessionId ? (
          <p>
            <a href={`/reflectie/sessies/${s.nextSessionId}`}>{t('reflection.session.nextLink')}</a>
          </p>
        ) : (
          <PostForm ctx={ctx} action={`${base}/herhalen`}>
            <p>{t('reflection.session.repeatText')}</p>
            <Button variant="secondary">{t('reflection.session.repeat')}</Button>
          </PostForm>
        )}
      </section>
      <script type="module" src="/static/reflection-live.js"></script>
    </>
  );
}

/** The results of a closed session: nothing below the minimum, else the radar and every exercise. */
export function ResultsSection(props: {
  ctx: PageContext;
  results: SessionResults;
  comparison: SessionView['comparison'];
}) {
  const { ctx, results } = props;
  const { t } = ctx;
  if (!results.enough)
    return (
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('reflection.results.title')}</h2>
        <p class="notice">{t('reflection.results.notEnough', { count: results.participants })}</p>
      </section>
    );
  const comparison = props.comparison;
  return (
    <section aria-labelledby="results-title" class="results">
      <h2 id="results-title">{t('reflection.results.title')}</h2>
      <p>{t('reflection.results.basedOn', { count: results.participants })}</p>
      <Radar
        ctx={ctx}
        caption={t('reflection.results.radarCaption')}
        dimensions={results.dimensions.map((d) => ({ title: d.dimension.title, mean: d.mean }))}
      />
      {comparison ? (
        <section aria-labelledby="compare-title">
          <h3 id="compare-title">{t('reflection.compare.title', { year: comparison.previousYear })}</h3>
          <Radar
            ctx={ctx}
            caption={t('reflection.compare.caption')}
            dimensions={[]}
            comparison={{
              changes: comparison.changes,
              beforeLabel: comparison.previousYear,
              afterLabel: t('reflection.compare.now'),
            }}
          />
        </section>
      ) : null}
      {byQuestion(results.dimensions, (d) => d.dimension).map((group) => (
        <section key={group.question} aria-labelledby={`rq-${group.question}`}>
          <h3 id={`rq-${group.question}`}>{questionLabel(ctx, group.question)}</h3>
          {group.items.map((d) => (
            <DimensionResults key={d.dimension.code} ctx={ctx} result={d} />
          ))}
        </section>
      ))}
    </section>
  );
}

function DimensionResults({ ctx, result }: { ctx: PageContext; result: DimensionResult }) {
  const { t } = ctx;
  const d = result.dimension;
  return (
    <section class="dimension-result" aria-labelledby={`rd-${d.code}`}>
      <h4 id={`rd-${d.code}`}>
        {d.title}{' '}
        <span class="muted">({t('reflection.results.meanOf', { mean: formatMean(ctx, result.mean) })})</span>
      </h4>
      {result.statements.length ? (
        <div class="table-scroll">
          <table class="spread-table">
            <caption class="visually-hidden">
              {t('reflection.results.spreadCaption', { dimension: d.title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reflection.results.statement')}</th>
                {SCALE.map((n) => (
                  <th scope="col" key={n} title={t(`reflection.scale.${n}` as MessageKey)}>
                    {n}
                  </th>
                ))}
                <th scope="col">{t('reflection.results.mean')}</th>
                <th scope="col">{t('reflection.results.spread')}</th>
              </tr>
            </thead>
            <tbody>
              {result.statements.map((s) => (
                <tr key={s.exercise.id}>
                  <th scope="row">{s.exercise.text}</th>
                  {s.counts.map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                  <td>{formatMean(ctx, s.mean)}</td>
                  <td>
                    <SpreadBar statement={s} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.endings.map((e) => (
        <div key={e.exercise.id} class="table-scroll">
          <table>
            <caption>{e.exercise.text}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reflection.results.ending')}</th>
                <th scope="col">{t('reflection.results.chosenBy')}</th>
              </tr>
            </thead>
            <tbody>
              {[...e.counts]
                .sort((a, b) => b.count - a.count)
                .map((c) => (
                  <tr key={c.ending}>
                    <th scope="row">{c.ending}</th>
                    <td>{c.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
      {result.open.map((o) => (
        <div key={o.exercise.id} class="open-answers">
          <p>
            <strong>{o.exercise.text}</strong>
          </p>
          {o.answers.length ? (
            <ul>
              {o.answers.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('reflection.results.noOpenAnswers')}</p>
          )}
        </div>
      ))}
      {result.neighbourhood.map((n) => (
        <div key={n.exercise.id} class="table-scroll">
          <table>
            <caption>{n.exercise.text}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reflection.results.partner')}</th>
                {neighbourhoodStatuses.map((s) => (
                  <th scope="col" key={s}>
                    {markLabel(ctx, s)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {n.partners.map((p) => (
                <tr key={p.partner.id}>
                  <th scope="row">{p.partner.name}</th>
                  {neighbourhoodStatuses.map((s) => (
                    <td key={s}>{p.counts[s]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function SuggestionsSection({ ctx, nextSteps }: { ctx: PageContext; nextSteps: NextSteps }) {
  const { t } = ctx;
  if (nextSteps.suggestions.length === 0) return null;
  return (
    <section aria-labelledby="next-steps" class="no-print">
      <h2 id="next-steps">{t('reflection.suggest.title')}</h2>
      <p>{t('reflection.suggest.intro')}</p>
      {nextSteps.suggestions.map((s) => (
        <section key={s.dimension.dimension.code} aria-labelledby={`sg-${s.dimension.dimension.code}`}>
          <h3 id={`sg-${s.dimension.dimension.code}`}>
            {s.dimension.dimension.title} ({formatMean(ctx, s.dimension.mean)})
          </h3>
          <h4>{t('reflection.suggest.practices')}</h4>
          {s.practices.length ? (
            <ul>
              {s.practices.map((p) => (
                <li key={p.id}>
                  <a href={`/praktijken/${p.id}`}>{p.title}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('reflection.suggest.noPractices')}</p>
          )}
          <h4>{t('reflection.suggest.partners')}</h4>
          {!nextSteps.hasLocation ? (
            <p class="muted">{t('reflection.suggest.noLocation')}</p>
          ) : s.partners.length ? (
            <ul>
              {s.partners.map((p) => (
                <li key={p.id}>
                  <a href={`/sociale-kaart/organisaties/${p.id}`}>{p.name}</a> ({formatMean(ctx, p.km)} km)
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('reflection.suggest.noPartners')}</p>
          )}
        </section>
      ))}
    </section>
  );
}

function NotesAndActions(props: {
  ctx: PageContext;
  session: SessionView;
  forms: Record<string, FormState>;
}) {
  const { ctx, session: s } = props;
  const { t } = ctx;
  const base = `/reflectie/sessies/${s.id}`;
  const notes = props.forms.notes ?? { values: { notes: s.notes } };
  const action = props.forms.action ?? { values: {} };
  return (
    <section aria-labelledby="notes-title" class="no-print">
      <h2 id="notes-title">{t('reflection.notes.title')}</h2>
      <PostForm ctx={ctx} action={`${base}/notities`}>
        <ErrorSummary ctx={ctx} errors={notes.errors} />
        <TextAreaField
          name="notes"
          label={t('reflection.notes.label')}
          hint={t('reflection.notes.hint')}
          value={one(notes.values.notes)}
          error={notes.errors?.notes}
          rows={6}
        />
        <Button variant="secondary">{t('reflection.notes.save')}</Button>
      </PostForm>
      <h2 id="actions-title">{t('reflection.actions.title')}</h2>
      <ActionList ctx={ctx} session={s} editable />
      <h3>{t('reflection.actions.add')}</h3>
      <ErrorSummary ctx={ctx} errors={action.errors} />
      <PostForm ctx={ctx} action={`${base}/acties`}>
        <Field
          name="description"
          label={t('reflection.actions.description')}
          value={one(action.values.description)}
          error={action.errors?.description}
          required
        />
        <Field
          name="owner"
          label={t('reflection.actions.owner')}
          hint={t('reflection.actions.ownerHint')}
          value={one(action.values.owner)}
          error={action.errors?.owner}
          required
        />
        <Field
          name="dueOn"
          label={t('reflection.actions.dueOn')}
          hint={t('reflection.actions.dueOnHint')}
          value={one(action.values.dueOn)}
          error={action.errors?.dueOn}
        />
        <Button variant="secondary">{t('reflection.actions.addSubmit')}</Button>
      </PostForm>
    </section>
  );
}

function ActionList(props: { ctx: PageContext; session: SessionView; editable: boolean }) {
  const { ctx, session: s } = props;
  const { t } = ctx;
  if (s.actions.length === 0) return <EmptyState title={t('reflection.actions.none')} />;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{t('reflection.actions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reflection.actions.description')}</th>
            <th scope="col">{t('reflection.actions.owner')}</th>
            <th scope="col">{t('reflection.actions.dueOn')}</th>
            <th scope="col">{t('reflection.actions.state')}</th>
            {props.editable ? <th scope="col">{t('reflection.actions.change')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {s.actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.description}</th>
              <td>{a.owner}</td>
              <td>{a.due_on ?? '–'}</td>
              <td>{a.done_at ? t('reflection.actions.done') : t('reflection.actions.open')}</td>
              {props.editable ? (
                <td>
                  <PostForm
                    ctx={ctx}
                    action={`/reflectie/sessies/${s.id}/acties/${a.id}`}
                    class="inline-form"
                  >
                    <button
                      type="submit"
                      name="change"
                      value={a.done_at ? 'open' : 'done'}
                      class="button button--secondary"
                    >
                      {a.done_at ? t('reflection.actions.markOpen') : t('reflection.actions.markDone')}
                      <span class="visually-hidden">: {a.description}</span>
                    </button>
                    <button type="submit" name="change" value="remove" class="button button--danger">
                      {t('reflection.actions.remove')}
                      <span class="visually-hidden">: {a.description}</span>
                    </button>
                  </PostForm>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The printable report: results, notes and actions, without the controls. */
export function ReportPage({ ctx, session: s }: { ctx: PageContext; session: SessionView }) {
  const { t } = ctx;
  return (
    <article class="report">
      <p class="no-print">
        <a href={`/reflectie/sessies/${s.id}`}>{t('reflection.report.back')}</a>
      </p>
      <h1>{t('reflection.report.title', { team: s.team, year: s.schoolYear })}</h1>
      <p class="lead">
        {s.setTitle} ({t('reflection.sets.version', { number: s.setVersion })})
        {s.organisationName ? ` · ${s.organisationName}` : ''}
      </p>
      <p class="no-print">{t('reflection.report.printHint')}</p>
      {s.status === 'closed' ? (
        <ResultsSection ctx={ctx} results={s.results} comparison={s.comparison} />
      ) : (
        <p class="notice">{t('reflection.session.resultsAfterClosing')}</p>
      )}
      <section aria-labelledby="report-notes">
        <h2 id="report-notes">{t('reflection.notes.title')}</h2>
        {s.notes ? (
          <p class="preserve-lines">{s.notes}</p>
        ) : (
          <p class="muted">{t('reflection.notes.none')}</p>
        )}
      </section>
      <section aria-labelledby="report-actions">
        <h2 id="report-actions">{t('reflection.actions.title')}</h2>
        <ActionList ctx={ctx} session={s} editable={false} />
      </section>
    </article>
  );
}

/** What participants see when the facilitator shared the results. */
export function SharedResultsPage(props: {
  ctx: PageContext;
  team: string;
  setTitle: string;
  results: SessionResults;
}) {
  const { ctx } = props;
  return (
    <>
      <h1>{ctx.t('reflection.shared.title', { team: props.team })}</h1>
      <p class="lead">{props.setTitle}</p>
      <ResultsSection ctx={ctx} results={props.results} comparison={null} />
    </>
  );
}
