import {
  Button,
  CheckboxGroup,
  ConfirmCheckbox,
  EmptyState,
  ErrorSummary,
  Facts,
  Field,
  formatDateTime,
  type FormState,
  list,
  one,
  PostForm,
  Section,
  Table,
  TextAreaField,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type {
  AttendanceRow,
  EventWithNetwork,
  FoundRegistration,
  NetworkEvent,
  Workshop,
} from '../events.service.ts';

const when = (ctx: PageContext, e: NetworkEvent) =>
  `${formatDateTime(ctx, e.starts_at)} – ${formatDateTime(ctx, e.ends_at).split(' ').pop()}`;

/** The events on a network's page: published ones for everyone, drafts for coordinators. */
export function EventList(props: { ctx: PageContext; events: NetworkEvent[]; coordinates: boolean }) {
  const { ctx } = props;
  const shown = props.events.filter((e) => e.status !== 'draft' || props.coordinates);
  return shown.length === 0 ? (
    <EmptyState title={ctx.t('event.none')} />
  ) : (
    <Table
      caption={ctx.t('event.list')}
      rows={shown}
      rowKey={(e) => e.id}
      columns={[
        { header: ctx.t('event.field.title'), cell: (e) => <a href={`/evenementen/${e.slug}`}>{e.title}</a> },
        { header: ctx.t('event.field.when'), cell: (e) => when(ctx, e) },
        { header: ctx.t('event.field.status'), cell: (e) => ctx.t(`event.status.${e.status}`) },
      ]}
    />
  );
}

export type EventForm = 'register' | 'workshop' | 'publish' | 'cancel';

/** The public page of an event: what, when, where, the workshops with their seats, and the registration form. */
export function EventPage(props: {
  ctx: PageContext;
  event: EventWithNetwork;
  workshops: Workshop[];
  networkVisible: boolean;
  coordinates: boolean;
  open: boolean;
  errors?: { form: EventForm; state: FormState };
}) {
  const { ctx, event: e } = props;
  const base = `/evenementen/${e.slug}`;
  const state = (form: EventForm) => (props.errors?.form === form ? props.errors.state : undefined);
  const reg = state('register');
  const ws = state('workshop');
  return (
    <>
      {props.networkVisible ? (
        <p class="no-print">
          <a href={`/netwerken/${e.network_slug}`}>{e.network_name}</a>
        </p>
      ) : null}
      <h1>{e.title}</h1>
      {e.status === 'cancelled' ? (
        <p class="notice notice--warning">{ctx.t('event.cancelledNotice')}</p>
      ) : null}
      {e.description ? <p class="lead">{e.description}</p> : null}
      <Facts
        rows={[
          [ctx.t('event.field.when'), when(ctx, e)],
          [ctx.t('event.field.location'), e.location || '—'],
          [ctx.t('event.field.organiser'), e.network_name],
          [ctx.t('event.field.status'), ctx.t(`event.status.${e.status}`)],
        ]}
      />
      <Section title={ctx.t('event.workshops')} id="workshops">
        {props.workshops.length === 0 ? (
          <EmptyState title={ctx.t('event.workshops.none')} />
        ) : (
          <Table
            caption={ctx.t('event.workshops')}
            rows={props.workshops}
            rowKey={(w) => w.id}
            columns={[
              {
                header: ctx.t('event.workshop.title'),
                cell: (w) => (
                  <>
                    <strong>{w.title}</strong>
                    {w.description ? <p>{w.description}</p> : null}
                  </>
                ),
              },
              { header: ctx.t('event.workshop.capacity'), cell: (w) => String(w.capacity) },
              {
                header: ctx.t('event.workshop.seatsLeft'),
                cell: (w) =>
                  w.confirmed >= w.capacity
                    ? ctx.t('event.workshop.full', { n: w.waiting })
                    : String(w.capacity - w.confirmed),
              },
            ]}
          />
        )}
      </Section>

      {props.open ? (
        <Section title={ctx.t('event.register.title')} id="register">
          <p>{ctx.t('event.register.intro')}</p>
          <ErrorSummary ctx={ctx} errors={reg?.errors} />
          <PostForm ctx={ctx} action={`${base}/inschrijven`}>
            <Field
              name="name"
              label={ctx.t('event.register.name')}
              autocomplete="name"
              value={one(reg?.values.name)}
              error={reg?.errors?.name}
              required
            />
            <Field
              name="email"
              type="email"
              label={ctx.t('event.register.email')}
              hint={ctx.t('event.register.emailHint')}
              autocomplete="email"
              value={one(reg?.values.email)}
              error={reg?.errors?.email}
              required
            />
            <Field
              name="organisation"
              label={ctx.t('event.register.organisation')}
              autocomplete="organization"
              value={one(reg?.values.organisation)}
              error={reg?.errors?.organisation}
            />
            <p>{ctx.t('event.register.workshopsHint')}</p>
            <CheckboxGroup
              legend={ctx.t('event.register.workshops')}
              name="workshops"
              idPrefix="workshop"
              options={props.workshops.map((w) => ({
                value: w.id,
                label:
                  w.confirmed >= w.capacity
                    ? ctx.t('event.register.waitingOption', { title: w.title })
                    : w.title,
              }))}
              checked={list(reg?.values.workshops)}
              error={reg?.errors?.workshops}
            />
            <p class="field-hint">{ctx.t('event.register.privacy')}</p>
            <Button>{ctx.t('event.register.submit')}</Button>
          </PostForm>
        </Section>
      ) : e.status === 'published' ? (
        <p>{ctx.t('event.register.closed')}</p>
      ) : null}

      {props.coordinates ? (
        <Section title={ctx.t('event.organise')} id="organise">
          <ul class="inline-links no-print">
            <li>
              <a href={`${base}/aanwezigheden`}>{ctx.t('event.attendance.title')}</a>
            </li>
          </ul>
          {e.status !== 'cancelled' ? (
            <PostForm ctx={ctx} action={`${base}/workshops`} class="no-print">
              <h3>{ctx.t('event.workshop.add')}</h3>
              <ErrorSummary ctx={ctx} errors={ws?.errors} />
              <Field
                name="title"
                label={ctx.t('event.workshop.title')}
                value={one(ws?.values.title)}
                error={ws?.errors?.title}
                required
              />
              <TextAreaField
                name="description"
                label={ctx.t('event.workshop.description')}
                value={one(ws?.values.description)}
                error={ws?.errors?.description}
                rows={2}
              />
              <Field
                name="capacity"
                inputmode="numeric"
                label={ctx.t('event.workshop.capacity')}
                hint={ctx.t('event.workshop.capacityHint')}
                value={one(ws?.values.capacity)}
                error={ws?.errors?.capacity}
                required
              />
              <Button variant="secondary">{ctx.t('event.workshop.add')}</Button>
            </PostForm>
          ) : null}
          {e.status === 'draft' ? (
            <PostForm ctx={ctx} action={`${base}/publiceren`} class="no-print">
              <h3>{ctx.t('event.publish')}</h3>
              <ErrorSummary ctx={ctx} errors={state('publish')?.errors} />
              <p>{ctx.t('event.publish.intro')}</p>
              <Button>{ctx.t('event.publish')}</Button>
            </PostForm>
          ) : null}
          {e.status !== 'cancelled' ? (
            <PostForm ctx={ctx} action={`${base}/afgelasten`} class="no-print">
              <h3>{ctx.t('event.cancel')}</h3>
              <ConfirmCheckbox
                ctx={ctx}
                label={ctx.t('event.cancel.confirm')}
                error={state('cancel')?.errors?.confirm}
              />
              <Button variant="danger">{ctx.t('event.cancel')}</Button>
            </PostForm>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

/** A registrant's own page behind the secret link: their workshops and the way to cancel. */
export function RegistrationPage(props: {
  ctx: PageContext;
  found: FoundRegistration;
  action: string;
  error?: string;
}) {
  const { ctx, found } = props;
  const { registration: r, event: e } = found;
  return (
    <section class="narrow">
      <h1>{ctx.t('event.registration.title', { title: e.title })}</h1>
      <Facts
        rows={[
          [ctx.t('event.field.when'), when(ctx, e)],
          [ctx.t('event.field.location'), e.location || '—'],
          [ctx.t('event.register.name'), r.name],
          [
            ctx.t('event.field.status'),
            r.cancelled_at
              ? ctx.t('event.registration.cancelledOn', { when: formatDateTime(ctx, r.cancelled_at) })
              : ctx.t(`event.status.${e.status}`),
          ],
        ]}
      />
      {r.cancelled_at ? null : (
        <>
          <ul>
            {found.workshops.map((w) => (
              <li key={w.id}>
                {w.title}: <strong>{ctx.t(`event.status.${w.status}`)}</strong>
              </li>
            ))}
          </ul>
          {found.workshops.some((w) => w.status === 'waiting') ? (
            <p>{ctx.t('event.registration.waitingExplain')}</p>
          ) : null}
          <p>
            <a href={`/evenementen/${e.slug}`}>{ctx.t('event.registration.toEvent')}</a>
          </p>
          {e.status === 'published' ? (
            <PostForm ctx={ctx} action={props.action} class="no-print">
              <h2>{ctx.t('event.registration.cancel')}</h2>
              <ConfirmCheckbox
                ctx={ctx}
                label={ctx.t('event.registration.cancelConfirm')}
                error={props.error}
              />
              <Button variant="danger">{ctx.t('event.registration.cancel')}</Button>
            </PostForm>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The organisers' attendance lists: one per workshop, printable, with a tick per person who came. */
export function AttendancePage(props: {
  ctx: PageContext;
  event: EventWithNetwork;
  workshops: Workshop[];
  rows: AttendanceRow[];
}) {
  const { ctx, event: e } = props;
  return (
    <>
      <p class="no-print">
        <a href={`/evenementen/${e.slug}`}>{e.title}</a>
      </p>
      <h1>{ctx.t('event.attendance.heading', { title: e.title })}</h1>
      <p>{when(ctx, e)}</p>
      <p class="no-print">{ctx.t('event.attendance.intro')}</p>
      {props.workshops.map((w) => {
        const seated = props.rows.filter((r) => r.workshop_id === w.id && r.status === 'confirmed');
        const waiting = props.rows.filter((r) => r.workshop_id === w.id && r.status === 'waiting');
        return (
          <Section key={w.id} title={w.title} id={`workshop-${w.id}`}>
            {seated.length === 0 ? (
              <EmptyState title={ctx.t('event.attendance.nobody')} />
            ) : (
              <PostForm ctx={ctx} action={`/evenementen/${e.slug}/aanwezigheden/${w.id}`}>
                <div class="table-wrap">
                  <table>
                    <caption>
                      {ctx.t('event.attendance.caption', {
                        title: w.title,
                        n: seated.length,
                        capacity: w.capacity,
                      })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{ctx.t('event.register.name')}</th>
                        <th scope="col">{ctx.t('event.register.organisation')}</th>
                        <th scope="col">{ctx.t('event.attendance.present')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {seated.map((r) => (
                        <tr key={r.id}>
                          <td id={`name-${w.id}-${r.id}`}>{r.name}</td>
                          <td>{r.organisation ?? '—'}</td>
                          <td>
                            <input
                              type="checkbox"
                              name="present"
                              value={r.id}
                              checked={r.attended === true}
                              aria-labelledby={`name-${w.id}-${r.id}`}
                            />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p class="no-print">
                  <Button variant="secondary">{ctx.t('event.attendance.save')}</Button>
                </p>
              </PostForm>
            )}
            {waiting.length ? (
              <>
                <h3>{ctx.t('event.attendance.waiting')}</h3>
                <ol>
                  {waiting.map((r) => (
                    <li key={r.id}>
                      {r.name}
                      {r.organisation ? ` (${r.organisation})` : ''}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </Section>
        );
      })}
    </>
  );
}
