import { Section } from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { type CaseFormErrors, CaseDataNotice } from './case-parts.tsx';
import { ConsultationTable, type OverviewConsultation, type Region } from './consultation.tsx';
import { IntakeSection, type OverviewReferral, ReferralTable } from './referral.tsx';

export interface Overview {
  sent: OverviewReferral[];
  received: OverviewReferral[];
  intake: { id: string; serviceName: string; createdAt: Date; organisationId: string | null }[];
  handlerCandidates: { organisationId: string; email: string; name: string }[];
}
export interface ConsultationLists {
  asked: OverviewConsultation[];
  coordinated: OverviewConsultation[];
  roundTables: OverviewConsultation[];
}

/** A zorgcoördinator's day: referrals and their statuses, check-backs due, consults and round tables. */
export function DayPage(props: {
  ctx: PageContext;
  referrals: Overview;
  consultations: ConsultationLists;
  regions: Region[];
  state?: CaseFormErrors | undefined;
}) {
  const { ctx, referrals: r, consultations: c } = props;
  const checkBacks = r.sent.filter((x) => x.waitingForCheckBack);
  return (
    <>
      <h1>{ctx.t('cases.overview.title')}</h1>
      <CaseDataNotice ctx={ctx} />
      <p class="button-row">
        <a class="button button--primary" href="/toeleiding/nieuw">
          {ctx.t('cases.referral.newTitle')}
        </a>
        <a class="button button--secondary" href="/casusoverleg/nieuw">
          {ctx.t('cases.consultation.newTitle')}
        </a>
      </p>
      <IntakeSection ctx={ctx} intake={r.intake} candidates={r.handlerCandidates} state={props.state} />
      <Section title={ctx.t('cases.overview.checkBacks')} id="check-backs">
        <ReferralTable
          ctx={ctx}
          caption={ctx.t('cases.overview.checkBacks')}
          rows={checkBacks}
          empty={ctx.t('cases.overview.noCheckBacks')}
        />
      </Section>
      <Section title={ctx.t('cases.overview.sent')} id="sent">
        <ReferralTable
          ctx={ctx}
          caption={ctx.t('cases.overview.sent')}
          rows={r.sent}
          empty={ctx.t('cases.overview.noSent')}
        />
      </Section>
      {r.received.length ? (
        <Section title={ctx.t('cases.overview.received')} id="received">
          <ReferralTable
            ctx={ctx}
            caption={ctx.t('cases.overview.received')}
            rows={r.received}
            empty={ctx.t('cases.overview.noReceived')}
          />
        </Section>
      ) : null}
      <Section title={ctx.t('cases.overview.asked')} id="asked">
        <ConsultationTable
          ctx={ctx}
          caption={ctx.t('cases.overview.asked')}
          rows={c.asked.filter((x) => x.closedAt === null)}
          regions={props.regions}
          empty={ctx.t('cases.overview.noAsked')}
        />
      </Section>
      <Section title={ctx.t('cases.overview.roundTables')} id="round-tables">
        <ConsultationTable
          ctx={ctx}
          caption={ctx.t('cases.overview.roundTables')}
          rows={c.roundTables.filter((x) => x.closedAt === null)}
          regions={props.regions}
          empty={ctx.t('cases.overview.noRoundTables')}
        />
      </Section>
    </>
  );
}

/** All consultations a user takes part in, open and closed, and the coordinator's queue. */
export function ConsultationsPage(props: {
  ctx: PageContext;
  consultations: ConsultationLists;
  regions: Region[];
}) {
  const { ctx, consultations: c } = props;
  return (
    <>
      <h1>{ctx.t('cases.consultation.listTitle')}</h1>
      <CaseDataNotice ctx={ctx} />
      <p>{ctx.t('cases.consultation.listIntro')}</p>
      <p>
        <a class="button button--primary" href="/casusoverleg/nieuw">
          {ctx.t('cases.consultation.newTitle')}
        </a>
      </p>
      {c.coordinated.length ? (
        <Section title={ctx.t('cases.overview.coordinated')} id="coordinated">
          <ConsultationTable
            ctx={ctx}
            caption={ctx.t('cases.overview.coordinated')}
            rows={c.coordinated}
            regions={props.regions}
            empty=""
          />
        </Section>
      ) : null}
      <Section title={ctx.t('cases.overview.asked')} id="asked">
        <ConsultationTable
          ctx={ctx}
          caption={ctx.t('cases.overview.asked')}
          rows={c.asked}
          regions={props.regions}
          empty={ctx.t('cases.overview.noAsked')}
        />
      </Section>
      <Section title={ctx.t('cases.overview.roundTables')} id="round-tables">
        <ConsultationTable
          ctx={ctx}
          caption={ctx.t('cases.overview.roundTables')}
          rows={c.roundTables}
          regions={props.regions}
          empty={ctx.t('cases.overview.noRoundTables')}
        />
      </Section>
    </>
  );
}
