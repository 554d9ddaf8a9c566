import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  ErrorSummary,
  Field,
  type FormState,
  formatDateTime,
  one,
  PostForm,
  RadioGroup,
  Table,
  codeList,
  Facts,
  formatDay,
  ConfirmCheckbox,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type { readParentView } from '../cases.retention.ts';
import type { ConsentRequest } from '../referrals.service.ts';

// Pages a family reads: plain language, short sentences, in Dutch, French or English.

export function ConsentPage(props: {
  ctx: PageContext;
  request: ConsentRequest;
  reference: string;
  token: string;
}) {
  const { ctx, request: r } = props;
  return (
    <div class="plain">
      <h1>{ctx.t('cases.family.consentTitle')}</h1>
      <p>
        {ctx.t('cases.family.consentWho', {
          school: r.referrerOrganisationName ?? '—',
          service: r.service_name,
          organisation: r.receivingOrganisationName ?? r.service_name,
        })}
      </p>
      <h2>{ctx.t('cases.family.what')}</h2>
      <ul>
        {r.consent_information.map((i) => (
          <li key={i}>{ctx.t(`cases.consentInformation.${i}` as MessageKey)}</li>
        ))}
      </ul>
      {r.consent_information.includes('needs') ? (
        <p>{ctx.t('cases.family.needs', { needs: codeList(ctx, 'need', r.needs) })}</p>
      ) : null}
      <h2>{ctx.t('cases.family.why')}</h2>
      <p>{ctx.t(`cases.consentPurpose.${r.consent_purpose}` as MessageKey)}</p>
      <p>{ctx.t(r.consent_feedback_text ? 'cases.family.feedbackYes' : 'cases.family.feedbackNo')}</p>
      <h2>{ctx.t('cases.family.choice')}</h2>
      <p>{ctx.t('cases.family.choiceText')}</p>
      <p>
        {ctx.t('cases.family.reference')} <strong>{props.reference}</strong>
      </p>
      <p>{ctx.t('cases.family.referenceKeep')}</p>
      <div class="button-row">
        <PostForm ctx={ctx} action={`/toestemming/${props.token}`} class="inline-form">
          <input type="hidden" name="answer" value="yes" />
          <Button>{ctx.t('cases.family.yes')}</Button>
        </PostForm>
        <PostForm ctx={ctx} action={`/toestemming/${props.token}`} class="inline-form">
          <input type="hidden" name="answer" value="no" />
          <Button variant="secondary">{ctx.t('cases.family.no')}</Button>
        </PostForm>
      </div>
      <p class="field-hint">
        {ctx.t('cases.family.expires', { date: formatDateTime(ctx, r.consent_link_expires_at) })}
      </p>
    </div>
  );
}

export function FamilyMessagePage(props: { ctx: PageContext; title: string; text: string }) {
  return (
    <div class="plain">
      <h1>{props.title}</h1>
      <p>{props.text}</p>
    </div>
  );
}

type ParentView = Awaited<ReturnType<typeof readParentView>>;

/** What is stored about the family, in full: their right to see it. */
export function ParentViewPage(props: { ctx: PageContext; view: ParentView }) {
  const { ctx, view } = props;
  const identityRows = (): [string, string][] => {
    if (!view.identity) return [];
    if (view.kind === 'consultation') return [[ctx.t('cases.roundTable.identity'), view.identity]];
    const id = JSON.parse(view.identity) as Record<string, string>;
    return (['parentName', 'childName', 'phone', 'email'] as const)
      .filter((k) => id[k])
      .map((k) => [ctx.t(`cases.identity.${k}`), id[k]!]);
  };
  return (
    <div class="plain">
      <h1>{ctx.t('cases.family.viewTitle')}</h1>
      <p>{ctx.t('cases.family.viewIntro')}</p>
      {view.kind === 'referral' ? (
        <>
          <Facts
            rows={[
              [ctx.t('cases.referral.pseudonym'), view.referral.pseudonym ?? '—'],
              ...identityRows(),
              [ctx.t('cases.referral.from'), view.referral.referrerOrganisationName ?? '—'],
              [ctx.t('cases.referral.service'), view.referral.serviceName],
              [ctx.t('cases.referral.needs'), codeList(ctx, 'need', view.referral.needs)],
              [ctx.t('cases.referral.note'), view.referral.note ?? '—'],
              [
                ctx.t('cases.consent.information'),
                codeList(ctx, 'cases.consentInformation', view.referral.consent.information),
              ],
              [ctx.t('cases.referral.createdAt'), formatDateTime(ctx, view.referral.createdAt)],
              [
                ctx.t('cases.checkBack.outcome'),
                view.referral.outcome ? ctx.t(`cases.outcome.${view.referral.outcome}` as MessageKey) : '—',
              ],
              [ctx.t('cases.checkBack.note'), view.referral.outcomeNote ?? '—'],
            ]}
          />
          <Table
            caption={ctx.t('cases.status.caption')}
            rows={view.referral.updates}
            rowKey={(u) => `${u.at.getTime()}-${u.status}`}
            columns={[
              { header: ctx.t('cases.status.when'), cell: (u) => formatDateTime(ctx, u.at) },
              {
                header: ctx.t('cases.status.status'),
                cell: (u) => ctx.t(`cases.status.${u.status}` as MessageKey),
              },
            ]}
          />
        </>
      ) : (
        <Facts
          rows={[
            ...identityRows(),
            [ctx.t('cases.referral.needs'), codeList(ctx, 'need', view.consultation.needs)],
            [ctx.t('cases.consultation.tried'), view.consultation.tried],
            [ctx.t('cases.consultation.question'), view.consultation.question],
            [ctx.t('cases.advice.title'), view.consultation.advice ?? '—'],
            [ctx.t('cases.roundTable.meetingOn'), formatDay(ctx, view.consultation.roundTable?.meetingOn)],
            [ctx.t('cases.roundTable.participants'), view.consultation.roundTable?.participants ?? '—'],
            [
              ctx.t('cases.actions.title'),
              view.consultation.actions.map((a) => `${a.description} (${a.owner})`).join('; ') || '—',
            ],
          ]}
        />
      )}
      <p>{ctx.t('cases.family.viewErase')}</p>
    </div>
  );
}

/** The platform admin's page for a family's request: by reference code, never showing the case. */
export function FamilyRequestsPage(props: {
  ctx: PageContext;
  form: FormState;
  result?: { kind: 'link'; link: string } | { kind: 'erased' } | undefined;
}) {
  const { ctx, form } = props;
  const e = form.errors ?? {};
  return (
    <>
      <h1>{ctx.t('cases.requests.title')}</h1>
      <p>{ctx.t('cases.requests.intro')}</p>
      {props.result?.kind === 'link' ? (
        <div class="notice notice--success" role="status">
          <p>{ctx.t('cases.requests.linkMade')}</p>
          <p class="one-time-link">
            <code>{props.result.link}</code>
          </p>
        </div>
      ) : props.result?.kind === 'erased' ? (
        <p class="notice notice--success" role="status">
          {ctx.t('cases.requests.erased')}
        </p>
      ) : null}
      <PostForm ctx={ctx} action="/beheer/verzoeken-gezinnen">
        <ErrorSummary ctx={ctx} errors={form.errors} />
        <Field
          name="reference"
          label={ctx.t('cases.requests.reference')}
          hint={ctx.t('cases.requests.referenceHint')}
          value={one(form.values.reference)}
          error={e.reference}
          autocomplete="off"
        />
        <RadioGroup
          legend={ctx.t('cases.requests.request')}
          name="request"
          options={[
            { value: 'view', label: ctx.t('cases.requests.view') },
            { value: 'erase', label: ctx.t('cases.requests.erase') },
          ]}
          value={one(form.values.request)}
          error={e.request}
        />
        <ConfirmCheckbox ctx={ctx} label={ctx.t('cases.requests.confirm')} error={e.confirm} />
        <Button>{ctx.t('cases.requests.submit')}</Button>
      </PostForm>
    </>
  );
}
