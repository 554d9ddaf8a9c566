import type { ComponentChildren } from 'preact';
import {
  Button,
  ConfirmCheckbox,
  EmptyState,
  ErrorSummary,
  Facts,
  Field,
  formatDateTime,
  formatDay,
  type FormState,
  one,
  options,
  PostForm,
  RadioGroup,
  Section,
  SelectField,
  Table,
  TextAreaField,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { actionStatuses, networkKinds } from '../collaboration.table.ts';
import type { RoleHolding } from '../coordinator-roles.service.ts';
import type { NetworkEvent } from '../events.service.ts';
import { EventList } from './events.tsx';
import { coordinatorRoleCodes } from '../coordinator-roles.table.ts';
import type {
  Meeting,
  NetworkAccess,
  NetworkAction,
  NetworkMember,
  networkActions,
  Network,
  decisionsOf,
  agendaOf,
} from '../networks.service.ts';
import {
  municipalityField,
  type OrganisationOption,
  type RegionsWithMunicipalities,
} from './collaborations.tsx';

type NetworkActionRow = Awaited<ReturnType<typeof networkActions>>[number];
type Decision = Awaited<ReturnType<typeof decisionsOf>>[number];
type AgendaItem = Awaited<ReturnType<typeof agendaOf>>[number];

const backTo = (href: string, label: string) => (
  <p class="no-print">
    <a href={href}>{label}</a>
  </p>
);

/** One of the small forms on a working page that came back with errors. */
export interface FormErrors<K extends string> {
  form: K;
  state: FormState;
}
const stateOf = <K extends string>(errors: FormErrors<K> | undefined, form: K) =>
  errors?.form === form ? errors.state : undefined;

export function NetworksPage(props: {
  ctx: PageContext;
  networks: (Network & { takesPart: boolean })[];
  mayCreate: boolean;
  signedIn: boolean;
}) {
  const { ctx } = props;
  return (
    <>
      <p class="no-print">
        <a href="/samenwerking">{ctx.t('collaboration.back')}</a>
      </p>
      <h1>{ctx.t('network.list.title')}</h1>
      <p class="lead">{ctx.t('network.list.lead')}</p>
      <ul class="inline-links no-print">
        {props.mayCreate ? (
          <li>
            <a class="button button--primary" href="/netwerken/nieuw">
              {ctx.t('network.new.title')}
            </a>
          </li>
        ) : null}
        {props.signedIn ? (
          <li>
            <a href="/netwerken/kalender">{ctx.t('calendar.title')}</a>
          </li>
        ) : null}
      </ul>
      {props.networks.length === 0 ? (
        <EmptyState title={ctx.t('network.list.none')} />
      ) : (
        <Table
          caption={ctx.t('network.list.title')}
          rows={props.networks}
          rowKey={(n) => n.id}
          columns={[
            {
              header: ctx.t('network.field.name'),
              cell: (n) => <a href={`/netwerken/${n.slug}`}>{n.name}</a>,
            },
            { header: ctx.t('network.field.kind'), cell: (n) => ctx.t(`network.kind.${n.kind}`) },
            {
              header: ctx.t('network.list.you'),
              cell: (n) => (n.takesPart ? ctx.t('network.list.takesPart') : '—'),
            },
          ]}
        />
      )}
    </>
  );
}

export function NetworkFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  backHref: string;
  ownOrganisations: OrganisationOption[] | null;
  regions: RegionsWithMunicipalities;
  form: FormState;
}) {
  const { ctx, form } = props;
  const v = form.values;
  const e = form.errors ?? {};
  return (
    <section class="narrow">
      {backTo(props.backHref, ctx.t('network.back'))}
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={props.action}>
        <Field name="name" label={ctx.t('network.field.name')} value={one(v.name)} error={e.name} required />
        <SelectField
          name="kind"
          label={ctx.t('network.field.kind')}
          options={options(ctx, 'network.kind', networkKinds)}
          value={one(v.kind)}
          error={e.kind}
        />
        <TextAreaField
          name="purpose"
          label={ctx.t('network.field.purpose')}
          hint={ctx.t('network.field.purposeHint')}
          value={one(v.purpose)}
          error={e.purpose}
          rows={5}
          required
        />
        {municipalityField(ctx, props.regions, {
          name: 'municipality',
          label: ctx.t('network.field.municipality'),
          value: one(v.municipality),
          error: e.municipality,
        })}
        {props.ownOrganisations ? (
          <SelectField
            name="organisation"
            label={ctx.t('network.field.organisation')}
            hint={ctx.t('network.field.organisationHint')}
            options={props.ownOrganisations.map((o) => ({ value: o.id, label: o.name }))}
            value={one(v.organisation)}
            error={e.organisation}
          />
        ) : null}
        <RadioGroup
          legend={ctx.t('network.field.public')}
          name="public"
          options={[
            { value: 'yes', label: ctx.t('network.field.publicYes') },
            { value: 'no', label: ctx.t('network.field.publicNo') },
          ]}
          value={one(v.public)}
          error={e.public}
        />
        <Button>{ctx.t('form.save')}</Button>
      </PostForm>
    </section>
  );
}

const memberName = (ctx: PageContext, m: NetworkMember) =>
  m.organisationName
    ? m.personName
      ? `${m.organisationName} (${m.personName})`
      : m.organisationName
    : (m.personName ?? ctx.t('network.member.individual'));

/** A role holder as the public sees them: the role and organisation; the person only when they allowed it. */
/** The current holders of a place's roles; a person's own name and address only when they allowed it (or `full`). */
function RoleList(props: { ctx: PageContext; holdings: RoleHolding[]; full: boolean }) {
  const { ctx } = props;
  const current = props.holdings.filter((h) => !h.endedAt);
  if (current.length === 0) return <p>{ctx.t('network.roles.none')}</p>;
  return (
    <ul>
      {current.map((h) => (
        <li key={h.id}>
          <strong>{ctx.t(`coordinatorRole.${h.code}`)}</strong>
          {h.isDeputy ? ` (${ctx.t('network.roles.deputy')})` : ''}: {h.organisationName}
          {props.full || h.showOwnContact ? ` — ${h.userName}, ${h.userEmail}` : ''}
        </li>
      ))}
    </ul>
  );
}

export type NetworkForm = 'member' | 'role' | `handover-${string}` | `remove-${string}`;

export function NetworkPage(props: {
  ctx: PageContext;
  network: Network;
  access: NetworkAccess;
  municipalityName: string | null;
  members: NetworkMember[];
  holdings: RoleHolding[];
  meetings: Meeting[];
  actions: NetworkActionRow[];
  events: NetworkEvent[];
  organisations: OrganisationOption[];
  now: Date;
  errors?: FormErrors<NetworkForm>;
}) {
  const { ctx, network: n, access } = props;
  const base = `/netwerken/${n.slug}`;
  const publicMembers = access.takesPart
    ? props.members
    : props.members.filter((m) => m.organisationId || m.showPublicly);
  const hiddenIndividuals = props.members.length - publicMembers.length;
  const upcoming = props.meetings.filter((m) => m.ends_at >= props.now && m.status !== 'cancelled');
  const past = props.meetings.filter((m) => !upcoming.includes(m)).reverse();
  const memberErrors = stateOf(props.errors, 'member');
  const roleErrors = stateOf(props.errors, 'role');
  return (
    <>
      {backTo('/netwerken', ctx.t('network.back'))}
      <h1>{n.name}</h1>
      <p class="lead">{n.purpose}</p>
      <Facts
        rows={[
          [ctx.t('network.field.kind'), ctx.t(`network.kind.${n.kind}`)],
          [ctx.t('network.field.municipality'), props.municipalityName ?? '—'],
          [
            ctx.t('network.visibility'),
            ctx.t(n.is_public ? 'network.visibility.public' : 'network.visibility.members'),
          ],
        ]}
      />
      <ul class="inline-links no-print">
        {n.is_public ? (
          <li>
            <a href={`${base}/agenda.ics`}>{ctx.t('calendar.networkFeed')}</a>
          </li>
        ) : null}
        {access.takesPart ? (
          <li>
            <a href={`${base}/puls`}>{ctx.t('network.pulse')}</a>
          </li>
        ) : null}
        {access.coordinates ? (
          <>
            <li>
              <a href={`${base}/wijzigen`}>{ctx.t('network.edit.title')}</a>
            </li>
            <li>
              <a class="button button--primary" href={`${base}/vergaderingen/nieuw`}>
                {ctx.t('meeting.new.title')}
              </a>
            </li>
          </>
        ) : null}
      </ul>

      <Section title={ctx.t('network.meetings')} id="meetings">
        {upcoming.length === 0 ? (
          <EmptyState title={ctx.t('network.meetings.noneUpcoming')} />
        ) : (
          <MeetingTable
            ctx={ctx}
            caption={ctx.t('network.meetings.upcoming')}
            base={base}
            rows={upcoming}
            linked={access.takesPart}
          />
        )}
        {access.takesPart && past.length ? (
          <MeetingTable ctx={ctx} caption={ctx.t('network.meetings.past')} base={base} rows={past} linked />
        ) : null}
      </Section>

      <Section title={ctx.t('network.events')} id="events">
        <EventList ctx={ctx} events={props.events} coordinates={access.coordinates} />
        {access.coordinates ? (
          <p class="no-print">
            <a href={`${base}/evenementen/nieuw`}>{ctx.t('event.new.title')}</a>
          </p>
        ) : null}
      </Section>

      {access.takesPart ? (
        <Section title={ctx.t('network.actions')} id="actions">
          {props.actions.length === 0 ? (
            <EmptyState title={ctx.t('network.actions.none')} />
          ) : (
            <ActionTable
              ctx={ctx}
              caption={ctx.t('network.actions')}
              rows={props.actions}
              base={base}
              coordinates={access.coordinates}
              withMeeting
            />
          )}
        </Section>
      ) : null}

      <Section title={ctx.t('network.members')} id="members">
        <ul>
          {publicMembers.map((m) => (
            <li key={m.id}>
              {memberName(ctx, m)}
              {access.coordinates ? (
                <details class="inline-details no-print" open={props.errors?.form === `remove-${m.id}`}>
                  <summary>{ctx.t('network.member.remove')}</summary>
                  <PostForm ctx={ctx} action={`${base}/leden/${m.id}/verwijderen`}>
                    <ConfirmCheckbox
                      ctx={ctx}
                      label={ctx.t('network.member.removeConfirm', { name: memberName(ctx, m) })}
                      error={stateOf(props.errors, `remove-${m.id}`)?.errors?.confirm}
                    />
                    <Button variant="danger">{ctx.t('network.member.remove')}</Button>
                  </PostForm>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        {hiddenIndividuals > 0 ? (
          <p>{ctx.t('network.members.individuals', { n: hiddenIndividuals })}</p>
        ) : null}
        {access.coordinates ? (
          <PostForm ctx={ctx} action={`${base}/leden`} class="no-print">
            <h3>{ctx.t('network.member.add')}</h3>
            <ErrorSummary ctx={ctx} errors={memberErrors?.errors} />
            <RadioGroup
              legend={ctx.t('network.member.kind')}
              name="kind"
              options={[
                { value: 'organisation', label: ctx.t('network.member.kindOrganisation') },
                { value: 'individual', label: ctx.t('network.member.kindIndividual') },
              ]}
              value={one(memberErrors?.values.kind) ?? 'organisation'}
              error={memberErrors?.errors?.kind}
            />
            <SelectField
              name="organisation"
              label={ctx.t('network.member.organisation')}
              options={[
                { value: '', label: ctx.t('collaboration.field.choosePartner') },
                ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
              ]}
              value={one(memberErrors?.values.organisation)}
              error={memberErrors?.errors?.organisation}
            />
            <Field
              name="name"
              label={ctx.t('network.member.name')}
              hint={ctx.t('network.member.nameHint')}
              value={one(memberErrors?.values.name)}
              error={memberErrors?.errors?.name}
            />
            <Field
              name="email"
              type="email"
              label={ctx.t('network.member.email')}
              hint={ctx.t('network.member.emailHint')}
              value={one(memberErrors?.values.email)}
              error={memberErrors?.errors?.email}
            />
            <RadioGroup
              legend={ctx.t('network.member.showPublicly')}
              name="showPublicly"
              options={[
                { value: 'no', label: ctx.t('network.member.showPubliclyNo') },
                { value: 'yes', label: ctx.t('network.member.showPubliclyYes') },
              ]}
              value={one(memberErrors?.values.showPublicly) ?? 'no'}
            />
            <Button variant="secondary">{ctx.t('network.member.add')}</Button>
          </PostForm>
        ) : null}
      </Section>

      <Section title={ctx.t('network.roles')} id="roles">
        <RoleList ctx={ctx} holdings={props.holdings} full={access.takesPart} />
        {access.coordinates ? (
          <>
            {props.holdings.some((h) => h.endedAt) ? (
              <Table
                caption={ctx.t('network.roles.history')}
                rows={props.holdings.filter((h) => h.endedAt)}
                rowKey={(h) => h.id}
                columns={[
                  { header: ctx.t('network.roles.role'), cell: (h) => ctx.t(`coordinatorRole.${h.code}`) },
                  {
                    header: ctx.t('network.roles.person'),
                    cell: (h) => `${h.userName} (${h.organisationName})`,
                  },
                  { header: ctx.t('network.roles.from'), cell: (h) => formatDateTime(ctx, h.startedAt) },
                  { header: ctx.t('network.roles.until'), cell: (h) => formatDateTime(ctx, h.endedAt) },
                ]}
              />
            ) : null}
            {props.holdings
              .filter((h) => !h.endedAt)
              .map((h) => {
                const state = stateOf(props.errors, `handover-${h.id}`);
                return (
                  <details key={h.id} class="no-print" open={Boolean(state)}>
                    <summary>
                      {ctx.t('network.roles.handOver', {
                        role: ctx.t(`coordinatorRole.${h.code}`),
                        name: h.userName,
                      })}
                    </summary>
                    <PostForm ctx={ctx} action={`${base}/rollen/${h.id}/overdragen`}>
                      <ErrorSummary ctx={ctx} errors={state?.errors} />
                      <RoleHolderFields ctx={ctx} state={state} organisations={props.organisations} />
                      <Button variant="secondary">{ctx.t('network.roles.handOverSubmit')}</Button>
                    </PostForm>
                  </details>
                );
              })}
            <PostForm ctx={ctx} action={`${base}/rollen`} class="no-print">
              <h3>{ctx.t('network.roles.assign')}</h3>
              <ErrorSummary ctx={ctx} errors={roleErrors?.errors} />
              <SelectField
                name="code"
                label={ctx.t('network.roles.role')}
                options={options(ctx, 'coordinatorRole', coordinatorRoleCodes)}
                value={one(roleErrors?.values.code)}
                error={roleErrors?.errors?.code}
              />
              <RoleHolderFields ctx={ctx} state={roleErrors} organisations={props.organisations} />
              <RadioGroup
                legend={ctx.t('network.roles.deputyQuestion')}
                name="deputy"
                options={[
                  { value: 'no', label: ctx.t('network.roles.holder') },
                  { value: 'yes', label: ctx.t('network.roles.deputy') },
                ]}
                value={one(roleErrors?.values.deputy) ?? 'no'}
              />
              <Button variant="secondary">{ctx.t('network.roles.assign')}</Button>
            </PostForm>
          </>
        ) : null}
      </Section>
    </>
  );
}

/** Who takes a role: a person by e-mail address, for an organisation, with or without their own contact shown. */
function RoleHolderFields(props: {
  ctx: PageContext;
  state: FormState | undefined;
  organisations: OrganisationOption[];
}) {
  const { ctx, state } = props;
  return (
    <>
      <Field
        name="email"
        type="email"
        label={ctx.t('network.roles.email')}
        hint={ctx.t('network.roles.emailHint')}
        value={one(state?.values.email)}
        error={state?.errors?.email}
      />
      <SelectField
        name="organisation"
        label={ctx.t('network.roles.organisation')}
        options={[
          { value: '', label: ctx.t('collaboration.field.choosePartner') },
          ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
        value={one(state?.values.organisation)}
        error={state?.errors?.organisation}
      />
      <RadioGroup
        legend={ctx.t('network.roles.showOwnContact')}
        name="showOwnContact"
        options={[
          { value: 'no', label: ctx.t('network.roles.showOwnContactNo') },
          { value: 'yes', label: ctx.t('network.roles.showOwnContactYes') },
        ]}
        value={one(state?.values.showOwnContact) ?? 'no'}
      />
    </>
  );
}

function MeetingTable(props: {
  ctx: PageContext;
  caption: string;
  base: string;
  rows: Meeting[];
  linked: boolean;
}) {
  const { ctx } = props;
  return (
    <Table
      caption={props.caption}
      rows={props.rows}
      rowKey={(m) => m.id}
      columns={[
        {
          header: ctx.t('meeting.field.title'),
          cell: (m) =>
            props.linked ? <a href={`${props.base}/vergaderingen/${m.id}`}>{m.title}</a> : m.title,
        },
        { header: ctx.t('meeting.when'), cell: (m) => formatDateTime(ctx, m.starts_at) },
        { header: ctx.t('meeting.field.location'), cell: (m) => m.location || '—' },
        { header: ctx.t('meeting.status'), cell: (m) => ctx.t(`meeting.status.${m.status}`) },
      ]}
    />
  );
}

function ActionStatusForm(props: { ctx: PageContext; base: string; action: NetworkAction }) {
  const { ctx, action } = props;
  return (
    <PostForm ctx={ctx} action={`${props.base}/acties/${action.id}`} class="inline-form no-print">
      <label class="visually-hidden" for={`status-${action.id}`}>
        {ctx.t('meeting.action.statusOf', { action: action.description })}
      </label>
      <select id={`status-${action.id}`} name="status">
        {actionStatuses.map((s) => (
          <option key={s} value={s} selected={s === action.status}>
            {ctx.t(`meeting.actionStatus.${s}`)}
          </option>
        ))}
      </select>
      <button type="submit" class="button button--secondary">
        {ctx.t('form.save')}
      </button>
    </PostForm>
  );
}

function ActionTable(props: {
  ctx: PageContext;
  caption: string;
  rows: (NetworkAction & { meeting_title?: string })[];
  base: string;
  coordinates: boolean;
  withMeeting?: boolean;
}) {
  const { ctx } = props;
  return (
    <Table
      caption={props.caption}
      rows={props.rows}
      rowKey={(a) => a.id}
      columns={[
        { header: ctx.t('meeting.action.description'), cell: (a) => a.description },
        { header: ctx.t('meeting.action.owner'), cell: (a) => a.owner },
        { header: ctx.t('meeting.action.dueOn'), cell: (a) => formatDay(ctx, a.due_on) },
        ...(props.withMeeting
          ? [
              {
                header: ctx.t('meeting.action.from'),
                cell: (a: NetworkAction & { meeting_title?: string }) => a.meeting_title ?? '',
              },
            ]
          : []),
        {
          header: ctx.t('meeting.action.status'),
          cell: (a) =>
            props.coordinates ? (
              <ActionStatusForm ctx={ctx} base={props.base} action={a} />
            ) : (
              ctx.t(`meeting.actionStatus.${a.status}`)
            ),
        },
      ]}
    />
  );
}

export function MeetingFormPage(props: {
  ctx: PageContext;
  network: Network;
  action: string;
  title: string;
  withAgenda: boolean;
  form: FormState;
}) {
  const { ctx, form } = props;
  const v = form.values;
  const e = form.errors ?? {};
  return (
    <section class="narrow">
      {backTo(
        `/netwerken/${props.network.slug}`,
        ctx.t('meeting.backToNetwork', { network: props.network.name }),
      )}
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={props.action}>
        <Field
          name="title"
          label={ctx.t('meeting.field.title')}
          value={one(v.title)}
          error={e.title}
          required
        />
        <Field
          name="day"
          label={ctx.t('meeting.field.day')}
          hint={ctx.t('validation.dateHint')}
          value={one(v.day)}
          error={e.day}
          required
        />
        <Field
          name="startsAt"
          type="time"
          label={ctx.t('meeting.field.startsAt')}
          value={one(v.startsAt)}
          error={e.startsAt}
          required
        />
        <Field
          name="endsAt"
          type="time"
          label={ctx.t('meeting.field.endsAt')}
          value={one(v.endsAt)}
          error={e.endsAt}
          required
        />
        <Field
          name="location"
          label={ctx.t('meeting.field.location')}
          value={one(v.location)}
          error={e.location}
        />
        <TextAreaField
          name="description"
          label={ctx.t('meeting.field.description')}
          value={one(v.description)}
          error={e.description}
          rows={3}
        />
        {props.withAgenda ? (
          <TextAreaField
            name="agenda"
            label={ctx.t('meeting.field.agenda')}
            hint={ctx.t('meeting.field.agendaHint')}
            value={one(v.agenda)}
            error={e.agenda}
            rows={6}
          />
        ) : null}
        <Button>{ctx.t('form.save')}</Button>
      </PostForm>
    </section>
  );
}

export type MeetingForm = 'agenda' | 'decision' | 'action' | 'minutes' | 'invite' | 'cancel';

export function MeetingPage(props: {
  ctx: PageContext;
  network: Network;
  meeting: Meeting;
  coordinates: boolean;
  agenda: AgendaItem[];
  followUps: NetworkAction[];
  decisions: Decision[];
  actions: NetworkAction[];
  errors?: FormErrors<MeetingForm>;
}) {
  const { ctx, network: n, meeting: m } = props;
  const base = `/netwerken/${n.slug}`;
  const here = `${base}/vergaderingen/${m.id}`;
  const planned = m.status === 'planned';
  const state = (form: MeetingForm) => stateOf(props.errors, form);
  const small = (form: MeetingForm, title: string, children: ComponentChildren, submit: string) => (
    <PostForm
      ctx={ctx}
      action={`${here}/${{ agenda: 'agenda', decision: 'besluiten', action: 'acties', minutes: 'verslag', invite: 'uitnodigen', cancel: 'afgelasten' }[form]}`}
      class="no-print"
    >
      <h3>{title}</h3>
      <ErrorSummary ctx={ctx} errors={state(form)?.errors} />
      {children}
      <Button variant="secondary">{submit}</Button>
    </PostForm>
  );
  return (
    <>
      {backTo(base, ctx.t('meeting.backToNetwork', { network: n.name }))}
      <h1>{m.title}</h1>
      <Facts
        rows={[
          [ctx.t('meeting.when'), `${formatDateTime(ctx, m.starts_at)} – ${formatDateTime(ctx, m.ends_at)}`],
          [ctx.t('meeting.field.location'), m.location || '—'],
          [ctx.t('meeting.status'), ctx.t(`meeting.status.${m.status}`)],
          [
            ctx.t('meeting.invitations'),
            m.invitations_sent_at
              ? formatDateTime(ctx, m.invitations_sent_at)
              : ctx.t('meeting.invitations.notSent'),
          ],
        ]}
      />
      {m.description ? <p>{m.description}</p> : null}
      {props.coordinates && planned ? (
        <p class="no-print">
          <a href={`${here}/wijzigen`}>{ctx.t('meeting.edit.title')}</a>
        </p>
      ) : null}

      <Section title={ctx.t('meeting.agenda')} id="agenda">
        {props.agenda.length === 0 && props.followUps.length === 0 ? (
          <EmptyState title={ctx.t('meeting.agenda.none')} />
        ) : (
          <ol>
            {props.agenda.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
            {props.followUps.length ? (
              <li>
                {ctx.t('meeting.followUps')}
                <ul>
                  {props.followUps.map((a) => (
                    <li key={a.id}>
                      {a.description} — {a.owner}
                      {a.due_on
                        ? `, ${ctx.t('meeting.action.dueBy', { day: formatDay(ctx, a.due_on) })}`
                        : ''}{' '}
                      ({ctx.t(`meeting.actionStatus.${a.status}`)})
                    </li>
                  ))}
                </ul>
              </li>
            ) : null}
          </ol>
        )}
        {props.coordinates && planned
          ? small(
              'agenda',
              ctx.t('meeting.agenda.add'),
              <Field
                name="title"
                label={ctx.t('meeting.agenda.item')}
                value={one(state('agenda')?.values.title)}
                error={state('agenda')?.errors?.title}
              />,
              ctx.t('meeting.agenda.add'),
            )
          : null}
      </Section>

      <Section title={ctx.t('meeting.decisions')} id="decisions">
        {props.decisions.length === 0 ? (
          <EmptyState title={ctx.t('meeting.decisions.none')} />
        ) : (
          <ul>
            {props.decisions.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ul>
        )}
        {props.coordinates && m.status !== 'cancelled'
          ? small(
              'decision',
              ctx.t('meeting.decisions.add'),
              <TextAreaField
                name="text"
                label={ctx.t('meeting.decisions.text')}
                value={one(state('decision')?.values.text)}
                error={state('decision')?.errors?.text}
                rows={2}
              />,
              ctx.t('meeting.decisions.add'),
            )
          : null}
      </Section>

      <Section title={ctx.t('meeting.actions')} id="actions">
        {props.actions.length === 0 ? (
          <EmptyState title={ctx.t('meeting.actions.none')} />
        ) : (
          <ActionTable
            ctx={ctx}
            caption={ctx.t('meeting.actions')}
            rows={props.actions}
            base={base}
            coordinates={props.coordinates}
          />
        )}
        {props.coordinates && m.status !== 'cancelled'
          ? small(
              'action',
              ctx.t('meeting.action.add'),
              <>
                <Field
                  name="description"
                  label={ctx.t('meeting.action.description')}
                  value={one(state('action')?.values.description)}
                  error={state('action')?.errors?.description}
                />
                <Field
                  name="owner"
                  label={ctx.t('meeting.action.owner')}
                  value={one(state('action')?.values.owner)}
                  error={state('action')?.errors?.owner}
                />
                <Field
                  name="dueOn"
                  label={ctx.t('meeting.action.dueOn')}
                  hint={ctx.t('validation.dateHint')}
                  value={one(state('action')?.values.dueOn)}
                  error={state('action')?.errors?.dueOn}
                />
              </>,
              ctx.t('meeting.action.add'),
            )
          : null}
      </Section>

      <Section title={ctx.t('meeting.minutes')} id="minutes">
        {m.minutes ? (
          <p class="pre-line">{m.minutes}</p>
        ) : (
          <EmptyState title={ctx.t('meeting.minutes.none')} />
        )}
        {props.coordinates && m.status !== 'cancelled'
          ? small(
              'minutes',
              ctx.t('meeting.minutes.write'),
              <>
                <TextAreaField
                  name="minutes"
                  label={ctx.t('meeting.minutes')}
                  value={one(state('minutes')?.values.minutes) ?? m.minutes}
                  error={state('minutes')?.errors?.minutes}
                  rows={8}
                />
                {planned ? (
                  <span class="checkbox">
                    <input type="checkbox" id="field-held" name="held" value="yes" />
                    <label for="field-held">{ctx.t('meeting.minutes.held')}</label>
                  </span>
                ) : null}
              </>,
              ctx.t('meeting.minutes.save'),
            )
          : null}
      </Section>

      {props.coordinates && planned ? (
        <Section title={ctx.t('meeting.invite')} id="invite">
          {small(
            'invite',
            ctx.t('meeting.invite'),
            <p>{ctx.t('meeting.invite.explain')}</p>,
            ctx.t('meeting.invite.send'),
          )}
          {small(
            'cancel',
            ctx.t('meeting.cancel'),
            <ConfirmCheckbox
              ctx={ctx}
              label={ctx.t('meeting.cancel.confirm')}
              error={state('cancel')?.errors?.confirm}
            />,
            ctx.t('meeting.cancel'),
          )}
        </Section>
      ) : null}
    </>
  );
}

export function CalendarPage(props: { ctx: PageContext; link: string | null; hasFeed: boolean }) {
  const { ctx } = props;
  return (
    <section class="narrow">
      {backTo('/netwerken', ctx.t('network.back'))}
      <h1>{ctx.t('calendar.title')}</h1>
      <p>{ctx.t('calendar.explain')}</p>
      {props.link ? (
        <>
          <p>{ctx.t('calendar.copyNow')}</p>
          <p>
            <code class="secret-link">{props.link}</code>
          </p>
        </>
      ) : props.hasFeed ? (
        <p>{ctx.t('calendar.exists')}</p>
      ) : null}
      <PostForm ctx={ctx} action="/netwerken/kalender">
        <Button>{ctx.t(props.hasFeed ? 'calendar.renew' : 'calendar.create')}</Button>
      </PostForm>
    </section>
  );
}

/** The public list of the coordinator roles of every work region (ROTS, signal coordinator, …). */
export function RegionRolesPage(props: {
  ctx: PageContext;
  regions: { code: string; name: string; holdings: RoleHolding[] }[];
}) {
  const { ctx } = props;
  return (
    <>
      {backTo('/samenwerking', ctx.t('collaboration.back'))}
      <h1>{ctx.t('roles.region.title')}</h1>
      <p class="lead">{ctx.t('roles.region.intro')}</p>
      {props.regions.map((r) => (
        <Section key={r.code} title={r.name} id={`region-${r.code}`}>
          <RoleList ctx={ctx} holdings={r.holdings} full={false} />
        </Section>
      ))}
    </>
  );
}
