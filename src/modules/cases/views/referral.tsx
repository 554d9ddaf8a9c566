import type { ComponentChildren } from 'preact';
import type { FormState } from '../../../platform/views/components.tsx';
import {
  Button,
  CheckboxGroup,
  EmptyState,
  ErrorSummary,
  Field,
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
  Section,
  ConfirmCheckbox,
} from '../../../platform/views/components.tsx';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { needCodes } from '../../../platform/vocabularies.ts';
import {
  cannotShareReasons,
  consentGivers,
  consentInformation,
  consentMethods,
  consentPurposes,
  referralOutcomes,
  referralStatuses,
} from '../cases.table.ts';
import type { Identity, ReferralView } from '../referrals.service.ts';
import {
  type CaseFormErrors,
  CaseDataNotice,
  CaseTextArea,
  OrganisationChoice,
  errorsOf,
  MembersSection,
  RevealForm,
} from './case-parts.tsx';

export const intensityLevels = ['1', '2', '3', '4', '5'] as const;

// ---- The new referral: choose a service, then the form ---------------------------------------------

export interface ServiceChoice {
  id: string;
  name: string;
  organizationName: string;
}

export function ChooseServicePage(props: {
  ctx: PageContext;
  query: string;
  results: ServiceChoice[] | null;
}) {
  const { ctx } = props;
  return (
    <>
      <h1>{ctx.t('cases.referral.newTitle')}</h1>
      <CaseDataNotice ctx={ctx} />
      <form method="get" action="/toeleiding/nieuw" role="search">
        <Field
          name="zoek"
          type="search"
          label={ctx.t('cases.referral.searchService')}
          hint={ctx.t('cases.referral.searchServiceHint')}
          value={props.query}
        />
        <Button variant="secondary">{ctx.t('cases.referral.searchButton')}</Button>
      </form>
      {props.results === null ? null : props.results.length === 0 ? (
        <EmptyState title={ctx.t('cases.referral.noServices')} />
      ) : (
        <ul class="choice-list">
          {props.results.map((s) => (
            <li key={s.id}>
              <a href={`/toeleiding/nieuw?dienst=${s.id}`}>
                {ctx.t('cases.referral.chooseService', { service: s.name, organisation: s.organizationName })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function NewReferralPage(props: {
  ctx: PageContext;
  service: { id: string; name: string; organizationName: string; inApp: boolean };
  organisations: { id: string; name: string }[];
  form: FormState;
}) {
  const { ctx, form } = props;
  const v = (name: string) => one(form.values[name]);
  const e = form.errors ?? {};
  return (
    <>
      <h1>{ctx.t('cases.referral.newTitle')}</h1>
      <CaseDataNotice ctx={ctx} />
      <p>
        {ctx.t('cases.referral.toService', {
          service: props.service.name,
          organisation: props.service.organizationName,
        })}{' '}
        <a href="/toeleiding/nieuw">{ctx.t('cases.referral.otherService')}</a>
      </p>
      {props.service.inApp ? null : <p class="notice">{ctx.t('cases.referral.notInApp')}</p>}
      <PostForm ctx={ctx} action={`/toeleiding/nieuw?dienst=${props.service.id}`}>
        <ErrorSummary ctx={ctx} errors={form.errors} />
        <OrganisationChoice
          ctx={ctx}
          organisations={props.organisations}
          value={v('organisation')}
          error={e.organisation}
        />
        <Field
          name="pseudonym"
          label={ctx.t('cases.referral.pseudonym')}
          hint={ctx.t('cases.referral.pseudonymHint')}
          value={v('pseudonym')}
          error={e.pseudonym}
          autocomplete="off"
          required
        />
        <CheckboxGroup
          legend={ctx.t('cases.referral.needs')}
          name="needs"
          idPrefix="need"
          options={options(ctx, 'need', needCodes)}
          checked={list(form.values.needs)}
          error={e.needs}
        />
        <RadioGroup
          legend={ctx.t('cases.referral.intensity')}
          name="intensity"
          options={options(ctx, 'cases.intensity', intensityLevels)}
          value={v('intensity')}
          error={e.intensity}
        />
        <CaseTextArea
          ctx={ctx}
          name="note"
          label={ctx.t('cases.referral.note')}
          hint={ctx.t('cases.referral.noteHint')}
          state={{ form: 'new', errors: e, values: form.values as Record<string, string> }}
        />
        <fieldset class="field">
          <legend>{ctx.t('cases.referral.identityTitle')}</legend>
          <p class="field-hint">{ctx.t('cases.referral.identityHint')}</p>
          <Field
            name="parentName"
            label={ctx.t('cases.identity.parentName')}
            value={v('parentName')}
            error={e.parentName}
            autocomplete="off"
          />
          <Field
            name="childName"
            label={ctx.t('cases.identity.childName')}
            value={v('childName')}
            error={e.childName}
            autocomplete="off"
          />
          <Field
            name="phone"
            type="tel"
            label={ctx.t('cases.identity.phone')}
            value={v('phone')}
            error={e.phone}
            autocomplete="off"
          />
          <Field
            name="email"
            type="email"
            label={ctx.t('cases.identity.email')}
            value={v('email')}
            error={e.email}
            autocomplete="off"
          />
        </fieldset>
        <h2>{ctx.t('cases.consent.title')}</h2>
        <p>{ctx.t('cases.consent.intro')}</p>
        <RadioGroup
          legend={ctx.t('cases.consent.givenBy')}
          name="consentGivenBy"
          options={options(ctx, 'cases.consentGiver', consentGivers)}
          value={v('consentGivenBy')}
          error={e.consentGivenBy}
        />
        <CheckboxGroup
          legend={ctx.t('cases.consent.information')}
          name="consentInformation"
          idPrefix="consent-information"
          options={options(ctx, 'cases.consentInformation', consentInformation)}
          checked={list(form.values.consentInformation)}
          error={e.consentInformation}
        />
        <RadioGroup
          legend={ctx.t('cases.consent.purpose')}
          name="consentPurpose"
          options={options(ctx, 'cases.consentPurpose', consentPurposes)}
          value={v('consentPurpose')}
          error={e.consentPurpose}
        />
        <CheckboxGroup
          legend={ctx.t('cases.consent.feedbackLegend')}
          name="consentFeedbackText"
          idPrefix="consent-feedback"
          options={[{ value: 'yes', label: ctx.t('cases.consent.feedbackText') }]}
          checked={list(form.values.consentFeedbackText)}
        />
        <RadioGroup
          legend={ctx.t('cases.consent.method')}
          name="consentMethod"
          options={options(ctx, 'cases.consentMethod', consentMethods)}
          value={v('consentMethod')}
          error={e.consentMethod}
        />
        <SelectField
          name="consentLocale"
          label={ctx.t('cases.consent.locale')}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
          value={v('consentLocale')}
          error={e.consentLocale}
        />
        <Field
          name="checkBackDays"
          type="number"
          inputmode="numeric"
          label={ctx.t('cases.referral.checkBackDays')}
          hint={ctx.t('cases.referral.checkBackDaysHint')}
          value={v('checkBackDays') ?? '14'}
          error={e.checkBackDays}
        />
        <Button>{ctx.t('cases.referral.create')}</Button>
      </PostForm>
    </>
  );
}

/** Shown once, right after recording: the family's reference and, if asked, their consent link. */
export function ReferralCreatedPage(props: {
  ctx: PageContext;
  caseId: string;
  reference: string;
  consentLink: string | null;
}) {
  const { ctx } = props;
  return (
    <>
      <h1>{ctx.t('cases.referral.createdTitle')}</h1>
      {props.consentLink ? (
        <div class="notice">
          <p>{ctx.t('cases.referral.consentLinkIntro')}</p>
          <p class="one-time-link">
            <code>{props.consentLink}</code>
          </p>
          <p>{ctx.t('cases.referral.consentLinkOnce')}</p>
        </div>
      ) : null}
      <p>{ctx.t('cases.referral.referenceIntro')}</p>
      <p class="one-time-link">
        <strong>{props.reference}</strong>
      </p>
      <p>
        <a href={`/toeleiding/${props.caseId}`}>{ctx.t('cases.referral.toReferral')}</a>
      </p>
    </>
  );
}

// ---- One referral -----------------------------------------------------------------------------------

function IdentityList({ ctx, identity }: { ctx: PageContext; identity: Identity }) {
  const rows = (['parentName', 'childName', 'phone', 'email'] as const).filter((k) => identity[k]);
  return (
    <dl class="facts">
      {rows.map((k) => (
        <div key={k}>
          <dt>{ctx.t(`cases.identity.${k}`)}</dt>
          <dd>{identity[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

function StatusText({ ctx, u }: { ctx: PageContext; u: ReferralView['updates'][number] }) {
  return (
    <>
      {ctx.t(`cases.status.${u.status}` as MessageKey)}
      {u.waitWeeks !== null ? ` · ${ctx.t('cases.status.waitWeeksShort', { weeks: u.waitWeeks })}` : ''}
      {u.reasonCode ? ` · ${ctx.t(`cases.cannotShare.${u.reasonCode}` as MessageKey)}` : ''}
    </>
  );
}

export function ReferralPage(props: {
  ctx: PageContext;
  referral: ReferralView;
  identity?: Identity | undefined;
  state?: CaseFormErrors | undefined;
}) {
  const { ctx, referral: r } = props;
  const referrer = r.side === 'referrer';
  const closed = r.closedAt !== null;
  const base = `/toeleiding/${r.id}`;
  const title = r.pseudonym ?? ctx.t('cases.referral.withdrawnTitle');
  return (
    <>
      <p>
        <a href="/toeleiding">{ctx.t('cases.overview.back')}</a>
      </p>
      <h1>{ctx.t('cases.referral.title', { pseudonym: title })}</h1>
      <CaseDataNotice ctx={ctx} />
      {closed ? (
        <p class="notice">{ctx.t('cases.closedNotice', { date: formatDateTime(ctx, r.purgeAfter) })}</p>
      ) : null}
      {!referrer && !r.consent.active ? (
        <p class="notice">{ctx.t('cases.referral.receiverWithdrawn')}</p>
      ) : null}
      <Facts
        rows={[
          [
            ctx.t('cases.referral.service'),
            `${r.serviceName}${r.receivingOrganisationName ? ` (${r.receivingOrganisationName})` : ''}`,
          ],
          [ctx.t('cases.referral.from'), r.referrerOrganisationName ?? '—'],
          [ctx.t('cases.referral.needs'), codeList(ctx, 'need', r.needs)],
          [ctx.t('cases.referral.intensity'), ctx.t(`cases.intensity.${r.intensity}` as MessageKey)],
          [ctx.t('cases.referral.createdAt'), formatDateTime(ctx, r.createdAt)],
          ...(r.note !== null
            ? ([[ctx.t('cases.referral.note'), r.note]] as [string, ComponentChildren][])
            : []),
          ...(r.reference
            ? ([[ctx.t('cases.referral.reference'), r.reference]] as [string, ComponentChildren][])
            : []),
        ]}
      />
      <ConsentSection {...props} />
      {r.mayRevealIdentity ? (
        <Section title={ctx.t('cases.identity.title')} id="identity">
          <RevealForm
            ctx={ctx}
            kind="referral"
            caseId={r.id}
            revealed={props.identity ? <IdentityList ctx={ctx} identity={props.identity} /> : undefined}
          />
        </Section>
      ) : null}
      <Section title={ctx.t('cases.status.title')} id="status">
        {r.updates.length === 0 ? (
          <p>{ctx.t(r.inApp ? 'cases.status.none' : 'cases.status.notInApp')}</p>
        ) : (
          <Table
            caption={ctx.t('cases.status.caption')}
            rows={r.updates}
            rowKey={(u) => `${u.at.getTime()}-${u.status}`}
            columns={[
              { header: ctx.t('cases.status.when'), cell: (u) => formatDateTime(ctx, u.at) },
              { header: ctx.t('cases.status.status'), cell: (u) => <StatusText ctx={ctx} u={u} /> },
              ...(r.consent.feedbackText
                ? [
                    {
                      header: ctx.t('cases.status.message'),
                      cell: (u: (typeof r.updates)[number]) => u.message ?? '',
                    },
                  ]
                : []),
            ]}
          />
        )}
        {!referrer && !closed && r.consent.active ? <StatusForm {...props} /> : null}
      </Section>
      {referrer ? <CheckBackSection {...props} /> : null}
      <MembersSection
        ctx={ctx}
        kind="referral"
        caseId={r.id}
        members={r.members}
        mayManage={r.role === 'creator'}
        closed={closed}
        state={props.state}
      />
      <p>
        <a href={`${base}/audit`}>{ctx.t('cases.audit.link')}</a>
      </p>
    </>
  );
}

function ConsentSection(props: {
  ctx: PageContext;
  referral: ReferralView;
  state?: CaseFormErrors | undefined;
}) {
  const { ctx, referral: r } = props;
  const c = r.consent;
  const state = errorsOf(props.state, 'withdraw');
  const statusKey: MessageKey = c.withdrawnAt
    ? 'cases.consent.stateWithdrawn'
    : c.refusedAt
      ? 'cases.consent.stateRefused'
      : c.givenAt
        ? 'cases.consent.stateGiven'
        : 'cases.consent.statePending';
  return (
    <Section title={ctx.t('cases.consent.title')} id="consent">
      <p>
        <strong>
          {ctx.t(statusKey, {
            date: formatDateTime(ctx, c.withdrawnAt ?? c.refusedAt ?? c.givenAt ?? c.linkExpiresAt),
          })}
        </strong>
      </p>
      <Facts
        rows={[
          [ctx.t('cases.consent.givenBy'), ctx.t(`cases.consentGiver.${c.givenBy}` as MessageKey)],
          [ctx.t('cases.consent.information'), codeList(ctx, 'cases.consentInformation', c.information)],
          [ctx.t('cases.consent.purpose'), ctx.t(`cases.consentPurpose.${c.purpose}` as MessageKey)],
          [ctx.t('cases.consent.feedbackLegend'), ctx.t(c.feedbackText ? 'cases.yes' : 'cases.no')],
          [ctx.t('cases.consent.method'), ctx.t(`cases.consentMethod.${c.method}` as MessageKey)],
        ]}
      />
      {r.side === 'referrer' && r.closedAt === null && !c.withdrawnAt && !c.refusedAt ? (
        <PostForm ctx={ctx} action={`/toeleiding/${r.id}/toestemming-intrekken`}>
          <ConfirmCheckbox
            ctx={ctx}
            label={ctx.t('cases.consent.withdrawConfirm')}
            error={state?.errors.confirm}
          />
          <Button variant="danger">{ctx.t('cases.consent.withdraw')}</Button>
        </PostForm>
      ) : null}
    </Section>
  );
}

function StatusForm(props: { ctx: PageContext; referral: ReferralView; state?: CaseFormErrors | undefined }) {
  const { ctx, referral: r } = props;
  const state = errorsOf(props.state, 'status');
  const e = state?.errors ?? {};
  return (
    <PostForm ctx={ctx} action={`/toeleiding/${r.id}/status`}>
      <h3>{ctx.t('cases.status.formTitle')}</h3>
      <ErrorSummary ctx={ctx} errors={state?.errors} />
      <RadioGroup
        legend={ctx.t('cases.status.status')}
        name="status"
        options={options(ctx, 'cases.status', referralStatuses)}
        value={state?.values.status}
        error={e.status}
      />
      <Field
        name="waitWeeks"
        type="number"
        inputmode="numeric"
        label={ctx.t('cases.status.waitWeeks')}
        value={state?.values.waitWeeks}
        error={e.waitWeeks}
      />
      <SelectField
        name="reasonCode"
        label={ctx.t('cases.status.reason')}
        options={[{ value: '', label: '—' }, ...options(ctx, 'cases.cannotShare', cannotShareReasons)]}
        value={state?.values.reasonCode}
        error={e.reasonCode}
      />
      {r.consent.feedbackText ? (
        <CaseTextArea
          ctx={ctx}
          name="message"
          label={ctx.t('cases.status.message')}
          hint={ctx.t('cases.status.messageHint')}
          state={state}
        />
      ) : (
        <p class="field-hint">{ctx.t('cases.status.noMessage')}</p>
      )}
      <Button>{ctx.t('cases.status.save')}</Button>
    </PostForm>
  );
}

function CheckBackSection(props: {
  ctx: PageContext;
  referral: ReferralView;
  state?: CaseFormErrors | undefined;
}) {
  const { ctx, referral: r } = props;
  const state = errorsOf(props.state, 'outcome');
  const e = state?.errors ?? {};
  return (
    <Section title={ctx.t('cases.checkBack.title')} id="check-back">
      <p>
        {r.checkBackDue
          ? ctx.t('cases.checkBack.due', { date: formatDateTime(ctx, r.checkBackDue) })
          : ctx.t('cases.checkBack.afterConsent')}
      </p>
      {r.outcome ? (
        <Facts
          rows={[
            [ctx.t('cases.checkBack.outcome'), ctx.t(`cases.outcome.${r.outcome}` as MessageKey)],
            [ctx.t('cases.checkBack.note'), r.outcomeNote ?? '—'],
            [ctx.t('cases.checkBack.recordedAt'), formatDateTime(ctx, r.outcomeAt)],
          ]}
        />
      ) : null}
      {r.closedAt === null ? (
        <>
          <PostForm ctx={ctx} action={`/toeleiding/${r.id}/opvolging`}>
            <ErrorSummary ctx={ctx} errors={state?.errors} />
            <RadioGroup
              legend={ctx.t('cases.checkBack.outcome')}
              name="outcome"
              options={options(ctx, 'cases.outcome', referralOutcomes)}
              value={state?.values.outcome}
              error={e.outcome}
            />
            <CaseTextArea
              ctx={ctx}
              name="note"
              label={ctx.t('cases.checkBack.note')}
              hint={ctx.t('cases.checkBack.noteHint')}
              state={state}
            />
            <CheckboxGroup
              legend={ctx.t('cases.checkBack.closeLegend')}
              name="close"
              idPrefix="close"
              options={[{ value: 'yes', label: ctx.t('cases.checkBack.close') }]}
              checked={list(state?.values.close)}
            />
            <Button>{ctx.t('cases.checkBack.save')}</Button>
          </PostForm>
        </>
      ) : null}
    </Section>
  );
}

// ---- The day's overview -------------------------------------------------------------------------------

export interface OverviewReferral {
  id: string;
  serviceName: string;
  pseudonym: string | null;
  createdAt: Date;
  latestStatus: string | null;
  consentActive: boolean;
  consentPending: boolean;
  consentWithdrawn: boolean;
  checkBackDue: Date | null;
  waitingForCheckBack: boolean;
}

const statusCell = (ctx: PageContext, r: OverviewReferral) =>
  r.consentWithdrawn
    ? ctx.t('cases.consent.withdrawnShort')
    : r.consentPending
      ? ctx.t('cases.consent.pendingShort')
      : r.latestStatus
        ? ctx.t(`cases.status.${r.latestStatus}` as MessageKey)
        : ctx.t('cases.status.noneShort');

export function ReferralTable(props: {
  ctx: PageContext;
  caption: string;
  rows: OverviewReferral[];
  empty: string;
}) {
  const { ctx } = props;
  if (props.rows.length === 0) return <EmptyState title={props.empty} />;
  return (
    <Table
      caption={props.caption}
      rows={props.rows}
      rowKey={(r) => r.id}
      columns={[
        {
          header: ctx.t('cases.overview.family'),
          cell: (r) => (
            <a href={`/toeleiding/${r.id}`}>{r.pseudonym ?? ctx.t('cases.referral.withdrawnTitle')}</a>
          ),
        },
        { header: ctx.t('cases.referral.service'), cell: (r) => r.serviceName },
        { header: ctx.t('cases.referral.createdAt'), cell: (r) => formatDateTime(ctx, r.createdAt) },
        { header: ctx.t('cases.status.status'), cell: (r) => statusCell(ctx, r) },
      ]}
    />
  );
}

export function IntakeSection(props: {
  ctx: PageContext;
  intake: { id: string; serviceName: string; createdAt: Date; organisationId: string | null }[];
  candidates: { organisationId: string; email: string; name: string }[];
  state?: CaseFormErrors | undefined;
}) {
  const { ctx } = props;
  if (props.intake.length === 0) return null;
  return (
    <Section title={ctx.t('cases.intake.title')} id="intake">
      <p>{ctx.t('cases.intake.intro')}</p>
      <ul class="intake-list">
        {props.intake.map((i) => {
          const state = errorsOf(props.state, `assign-${i.id}`);
          const people = props.candidates.filter((c) => c.organisationId === i.organisationId);
          return (
            <li key={i.id}>
              <PostForm ctx={ctx} action={`/toeleiding/${i.id}/toewijzen`}>
                <p>
                  {ctx.t('cases.intake.item', {
                    service: i.serviceName,
                    date: formatDateTime(ctx, i.createdAt),
                  })}
                </p>
                {people.length === 0 ? (
                  <p class="field-hint">{ctx.t('cases.intake.nobody')}</p>
                ) : (
                  <>
                    <div class={state ? 'field field--error' : 'field'}>
                      <label for={`handler-${i.id}`}>{ctx.t('cases.intake.handler')}</label>
                      {state?.errors.handler ? <p class="field-error">{state.errors.handler}</p> : null}
                      <select id={`handler-${i.id}`} name="handler">
                        {people.map((p) => (
                          <option key={p.email} value={p.email}>
                            {p.name}
                          </option>
                        ))}
                      </select>
                    </div>
                    <Button variant="secondary">{ctx.t('cases.intake.assign')}</Button>
                  </>
                )}
              </PostForm>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
