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
  options,
  PostForm,
  RadioGroup,
  SelectField,
  Table,
  codeList,
  Facts,
  formatDay,
  Section,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { ageBands, needCodes, schoolLevels } from '../../../platform/vocabularies.ts';
import { consultationBases, consultationOutcomes, legalGrounds } from '../cases.table.ts';
import type { ConsultationView } from '../consultations.service.ts';
import {
  type CaseFormErrors,
  CaseDataNotice,
  CaseTextArea,
  OrganisationChoice,
  errorsOf,
  MembersSection,
  RevealForm,
} from './case-parts.tsx';

export interface Region {
  code: string;
  nameNl: string;
  nameFr: string;
}
const regionName = (ctx: PageContext, regions: Region[], code: string) => {
  const r = regions.find((x) => x.code === code);
  return r ? (ctx.locale === 'fr' ? r.nameFr : r.nameNl) : code;
};

export function NewConsultationPage(props: {
  ctx: PageContext;
  regions: Region[];
  organisations: { id: string; name: string }[];
  form: FormState;
}) {
  const { ctx, form } = props;
  const v = (name: string) => one(form.values[name]);
  const e = form.errors ?? {};
  const state = { form: 'new', errors: e, values: form.values as Record<string, string> };
  return (
    <>
      <h1>{ctx.t('cases.consultation.newTitle')}</h1>
      <CaseDataNotice ctx={ctx} />
      <p>{ctx.t('cases.consultation.newIntro')}</p>
      <PostForm ctx={ctx} action="/casusoverleg/nieuw">
        <ErrorSummary ctx={ctx} errors={form.errors} />
        <OrganisationChoice
          ctx={ctx}
          organisations={props.organisations}
          value={v('organisation')}
          error={e.organisation}
        />
        <SelectField
          name="region"
          label={ctx.t('cases.consultation.region')}
          options={[
            { value: '', label: ctx.t('cases.choose') },
            ...props.regions.map((r) => ({ value: r.code, label: regionName(ctx, props.regions, r.code) })),
          ]}
          value={v('region')}
          error={e.region}
        />
        <RadioGroup
          legend={ctx.t('cases.consultation.ageBand')}
          name="ageBand"
          options={options(ctx, 'age', ageBands)}
          value={v('ageBand')}
          error={e.ageBand}
        />
        <RadioGroup
          legend={ctx.t('cases.consultation.schoolLevel')}
          name="schoolLevel"
          options={options(ctx, 'schoolLevel', schoolLevels)}
          value={v('schoolLevel')}
          error={e.schoolLevel}
        />
        <CheckboxGroup
          legend={ctx.t('cases.referral.needs')}
          name="needs"
          idPrefix="need"
          options={options(ctx, 'need', needCodes)}
          checked={list(form.values.needs)}
          error={e.needs}
        />
        <CaseTextArea
          ctx={ctx}
          name="tried"
          label={ctx.t('cases.consultation.tried')}
          hint={ctx.t('cases.consultation.anonymousHint')}
          state={state}
          rows={4}
        />
        <CaseTextArea
          ctx={ctx}
          name="question"
          label={ctx.t('cases.consultation.question')}
          hint={ctx.t('cases.consultation.anonymousHint')}
          state={state}
          rows={4}
        />
        <Field
          name="schoolName"
          label={ctx.t('cases.consultation.schoolName')}
          hint={ctx.t('cases.consultation.schoolNameHint')}
          value={v('schoolName')}
          error={e.schoolName}
          autocomplete="off"
        />
        <Button>{ctx.t('cases.consultation.send')}</Button>
      </PostForm>
    </>
  );
}

export function ConsultationPage(props: {
  ctx: PageContext;
  consultation: ConsultationView;
  regions: Region[];
  identity?: string | undefined;
  state?: CaseFormErrors | undefined;
}) {
  const { ctx, consultation: k } = props;
  const coordinator = k.role === 'coordinator';
  const closed = k.closedAt !== null;
  const rows: [string, ComponentChildren][] = [
    [ctx.t('cases.consultation.region'), regionName(ctx, props.regions, k.regionCode)],
    [ctx.t('cases.consultation.ageBand'), ctx.t(`age.${k.ageBand}` as MessageKey)],
    [ctx.t('cases.consultation.schoolLevel'), ctx.t(`schoolLevel.${k.schoolLevel}` as MessageKey)],
    [ctx.t('cases.referral.needs'), codeList(ctx, 'need', k.needs)],
    [ctx.t('cases.consultation.tried'), <p class="prewrap">{k.tried}</p>],
    [ctx.t('cases.consultation.question'), <p class="prewrap">{k.question}</p>],
  ];
  if (k.schoolName) rows.push([ctx.t('cases.consultation.schoolName'), k.schoolName]);
  rows.push([ctx.t('cases.referral.createdAt'), formatDateTime(ctx, k.createdAt)]);
  rows.push([ctx.t('cases.referral.reference'), k.reference ?? '—']);
  return (
    <>
      <p>
        <a href="/casusoverleg">{ctx.t('cases.consultation.back')}</a>
      </p>
      <h1>{ctx.t('cases.consultation.title', { date: formatDateTime(ctx, k.createdAt) })}</h1>
      <CaseDataNotice ctx={ctx} />
      {closed ? (
        <p class="notice">{ctx.t('cases.closedNotice', { date: formatDateTime(ctx, k.purgeAfter) })}</p>
      ) : null}
      <Facts rows={rows} />
      <AdviceSection {...props} coordinator={coordinator} closed={closed} />
      <RoundTableSection {...props} coordinator={coordinator} closed={closed} />
      {k.roundTable ? <ActionsSection {...props} closed={closed} /> : null}
      <OutcomeSection {...props} coordinator={coordinator} closed={closed} />
      <MembersSection
        ctx={ctx}
        kind="consultation"
        caseId={k.id}
        members={k.members}
        mayManage={k.role === 'creator' || coordinator}
        closed={closed}
        state={props.state}
      />
      <p>
        <a href={`/casusoverleg/${k.id}/audit`}>{ctx.t('cases.audit.link')}</a>
      </p>
    </>
  );
}

type Part = {
  ctx: PageContext;
  consultation: ConsultationView;
  identity?: string | undefined;
  state?: CaseFormErrors | undefined;
  coordinator?: boolean;
  closed: boolean;
};

function AdviceSection(props: Part) {
  const { ctx, consultation: k } = props;
  const state = errorsOf(props.state, 'advice');
  return (
    <Section title={ctx.t('cases.advice.title')} id="advice">
      {k.advice ? (
        <>
          <p class="prewrap">{k.advice}</p>
          <p class="field-hint">
            {ctx.t('cases.advice.givenAt', { date: formatDateTime(ctx, k.advisedAt) })}
          </p>
        </>
      ) : (
        <p>{ctx.t('cases.advice.waiting')}</p>
      )}
      {props.coordinator && !props.closed ? (
        <PostForm ctx={ctx} action={`/casusoverleg/${k.id}/advies`}>
          <ErrorSummary ctx={ctx} errors={state?.errors} />
          <CaseTextArea ctx={ctx} name="advice" label={ctx.t('cases.advice.field')} state={state} rows={5} />
          <Button>{ctx.t('cases.advice.save')}</Button>
        </PostForm>
      ) : null}
    </Section>
  );
}

function RoundTableSection(props: Part) {
  const { ctx, consultation: k } = props;
  const rt = k.roundTable;
  const state = errorsOf(props.state, 'roundTable');
  const e = state?.errors ?? {};
  return (
    <Section title={ctx.t('cases.roundTable.title')} id="round-table">
      {rt ? (
        <Facts
          rows={[
            [
              ctx.t('cases.roundTable.basis'),
              `${ctx.t(`cases.basis.${rt.basis}` as MessageKey)}${rt.legalGround ? ` · ${ctx.t(`cases.legalGround.${rt.legalGround}` as MessageKey)}` : ''}`,
            ],
            [ctx.t('cases.roundTable.basisRecordedAt'), formatDateTime(ctx, rt.basisRecordedAt)],
            [ctx.t('cases.roundTable.meetingOn'), formatDay(ctx, rt.meetingOn)],
            [ctx.t('cases.roundTable.participants'), <p class="prewrap">{rt.participants}</p>],
          ]}
        />
      ) : (
        <p>{ctx.t('cases.roundTable.none')}</p>
      )}
      {rt?.hasIdentity ? (
        <RevealForm
          ctx={ctx}
          kind="consultation"
          caseId={k.id}
          revealed={props.identity ? <p class="prewrap">{props.identity}</p> : undefined}
        />
      ) : null}
      {props.coordinator && !props.closed ? (
        <PostForm ctx={ctx} action={`/casusoverleg/${k.id}/rondetafel`}>
          <h3>{ctx.t(rt ? 'cases.roundTable.change' : 'cases.roundTable.start')}</h3>
          <ErrorSummary ctx={ctx} errors={state?.errors} />
          <RadioGroup
            legend={ctx.t('cases.roundTable.basis')}
            name="basis"
            hint={ctx.t('cases.roundTable.basisHint')}
            options={options(ctx, 'cases.basis', consultationBases)}
            value={state?.values.basis ?? rt?.basis ?? undefined}
            error={e.basis}
          />
          <SelectField
            name="legalGround"
            label={ctx.t('cases.roundTable.legalGround')}
            options={[{ value: '', label: '—' }, ...options(ctx, 'cases.legalGround', legalGrounds)]}
            value={state?.values.legalGround ?? rt?.legalGround ?? undefined}
            error={e.legalGround}
          />
          <Field
            name="meetingOn"
            label={ctx.t('cases.roundTable.meetingOn')}
            hint={ctx.t('validation.dateHint')}
            value={state?.values.meetingOn ?? rt?.meetingOn ?? undefined}
            error={e.meetingOn}
          />
          <CaseTextArea
            ctx={ctx}
            name="participants"
            label={ctx.t('cases.roundTable.participants')}
            hint={ctx.t('cases.roundTable.participantsHint')}
            state={state}
          />
          <CaseTextArea
            ctx={ctx}
            name="identity"
            label={ctx.t('cases.roundTable.identity')}
            hint={ctx.t('cases.roundTable.identityHint')}
            state={state}
            rows={2}
          />
          <Button>{ctx.t('cases.roundTable.save')}</Button>
        </PostForm>
      ) : null}
    </Section>
  );
}

function ActionsSection(props: Part) {
  const { ctx, consultation: k } = props;
  const state = errorsOf(props.state, 'action');
  const e = state?.errors ?? {};
  return (
    <Section title={ctx.t('cases.actions.title')} id="actions">
      {k.actions.length === 0 ? (
        <EmptyState title={ctx.t('cases.actions.empty')} />
      ) : (
        <Table
          caption={ctx.t('cases.actions.caption')}
          rows={k.actions}
          rowKey={(a) => a.id}
          columns={[
            { header: ctx.t('cases.actions.description'), cell: (a) => a.description },
            { header: ctx.t('cases.actions.owner'), cell: (a) => a.owner },
            { header: ctx.t('cases.actions.dueOn'), cell: (a) => formatDay(ctx, a.dueOn) },
            {
              header: ctx.t('cases.actions.state'),
              cell: (a) =>
                props.closed ? (
                  ctx.t(a.done ? 'cases.actions.done' : 'cases.actions.open')
                ) : (
                  <PostForm ctx={ctx} action={`/casusoverleg/${k.id}/acties/${a.id}`} class="inline-form">
                    <input type="hidden" name="done" value={a.done ? 'no' : 'yes'} />
                    <span>{ctx.t(a.done ? 'cases.actions.done' : 'cases.actions.open')}</span>
                    <Button variant="secondary">
                      {ctx.t(a.done ? 'cases.actions.reopen' : 'cases.actions.markDone', {
                        action: a.description,
                      })}
                    </Button>
                  </PostForm>
                ),
            },
          ]}
        />
      )}
      {props.closed ? null : (
        <PostForm ctx={ctx} action={`/casusoverleg/${k.id}/acties`}>
          <h3>{ctx.t('cases.actions.add')}</h3>
          <ErrorSummary ctx={ctx} errors={state?.errors} />
          <Field
            name="description"
            label={ctx.t('cases.actions.description')}
            value={state?.values.description}
            error={e.description}
          />
          <Field
            name="owner"
            label={ctx.t('cases.actions.owner')}
            value={state?.values.owner}
            error={e.owner}
          />
          <Field
            name="dueOn"
            label={ctx.t('cases.actions.dueOn')}
            hint={ctx.t('validation.dateHint')}
            value={state?.values.dueOn}
            error={e.dueOn}
          />
          <Button variant="secondary">{ctx.t('cases.actions.save')}</Button>
        </PostForm>
      )}
    </Section>
  );
}

function OutcomeSection(props: Part) {
  const { ctx, consultation: k } = props;
  const state = errorsOf(props.state, 'outcome');
  const e = state?.errors ?? {};
  if (k.outcome)
    return (
      <Section title={ctx.t('cases.consultationOutcome.title')} id="outcome">
        <p>
          <strong>{ctx.t(`cases.consultationOutcome.${k.outcome}` as MessageKey)}</strong>
        </p>
        {k.outcome === 'none' ? <p>{ctx.t('cases.consultationOutcome.signalSent')}</p> : null}
      </Section>
    );
  if (!props.coordinator || props.closed) return null;
  return (
    <Section title={ctx.t('cases.consultationOutcome.title')} id="outcome">
      <PostForm ctx={ctx} action={`/casusoverleg/${k.id}/uitkomst`}>
        <ErrorSummary ctx={ctx} errors={state?.errors} />
        <RadioGroup
          legend={ctx.t('cases.consultationOutcome.legend')}
          name="outcome"
          options={options(ctx, 'cases.consultationOutcome', consultationOutcomes)}
          value={state?.values.outcome}
          error={e.outcome}
        />
        <CaseTextArea
          ctx={ctx}
          name="signal"
          label={ctx.t('cases.consultationOutcome.signal')}
          hint={ctx.t('cases.consultationOutcome.signalHint')}
          state={state}
        />
        <Button>{ctx.t('cases.consultationOutcome.save')}</Button>
      </PostForm>
    </Section>
  );
}

export interface OverviewConsultation {
  id: string;
  role: string;
  regionCode: string;
  ageBand: string;
  needs: string[];
  createdAt: Date;
  closedAt: Date | null;
  advised: boolean;
  meetingOn: string | null;
  outcome: string | null;
}

const consultationState = (ctx: PageContext, c: OverviewConsultation) =>
  c.outcome
    ? ctx.t(`cases.consultationOutcome.${c.outcome}` as MessageKey)
    : c.meetingOn
      ? ctx.t('cases.consultation.stateRoundTable', { date: formatDay(ctx, c.meetingOn) })
      : c.advised
        ? ctx.t('cases.consultation.stateAdvised')
        : ctx.t('cases.consultation.stateWaiting');

export function ConsultationTable(props: {
  ctx: PageContext;
  caption: string;
  rows: OverviewConsultation[];
  regions: Region[];
  empty: string;
}) {
  const { ctx } = props;
  if (props.rows.length === 0) return <EmptyState title={props.empty} />;
  return (
    <Table
      caption={props.caption}
      rows={props.rows}
      rowKey={(c) => c.id}
      columns={[
        {
          header: ctx.t('cases.referral.createdAt'),
          cell: (c) => <a href={`/casusoverleg/${c.id}`}>{formatDateTime(ctx, c.createdAt)}</a>,
        },
        {
          header: ctx.t('cases.consultation.region'),
          cell: (c) => regionName(ctx, props.regions, c.regionCode),
        },
        { header: ctx.t('cases.consultation.ageBand'), cell: (c) => ctx.t(`age.${c.ageBand}` as MessageKey) },
        { header: ctx.t('cases.referral.needs'), cell: (c) => codeList(ctx, 'need', c.needs) },
        { header: ctx.t('cases.status.status'), cell: (c) => consultationState(ctx, c) },
      ]}
    />
  );
}
