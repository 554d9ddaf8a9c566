import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  CheckboxGroup,
  codeList,
  ConfirmCheckbox,
  EmptyState,
  ErrorSummary,
  Facts,
  Field,
  formatDateTime,
  formatDay,
  type FormState,
  list,
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
import { cooperationForms, needCodes } from '../../../platform/vocabularies.ts';
import { localName } from '../../regions/views/regions.tsx';
import type { workRegionsWithMunicipalities } from '../../regions/regions.service.ts';
import { agreementTemplates } from '../agreement-templates.ts';
import {
  agreementKinds,
  collaborationLevels,
  collaborationStatuses,
  type Commitment,
  commitmentTopics,
  intensities,
} from '../collaboration.table.ts';
import {
  type Agreement,
  type Collaboration,
  type compareAgreements,
  type findEvaluations,
  isCurrentVersion,
  isFullyAccepted,
  type Partner,
} from '../collaborations.service.ts';

export type RegionsWithMunicipalities = Awaited<ReturnType<typeof workRegionsWithMunicipalities>>;
export interface OrganisationOption {
  id: string;
  name: string;
}
type Evaluation = Awaited<ReturnType<typeof findEvaluations>>[number];

/** How many partner choices the form offers next to the registering organisation. */
export const PARTNER_FIELDS = 4;

const back = (ctx: PageContext, href: string, key: MessageKey) => (
  <p class="no-print">
    <a href={href}>{ctx.t(key)}</a>
  </p>
);

/** A municipality choice grouped by work region; the empty choice first. */
export function municipalityField(
  ctx: PageContext,
  regions: RegionsWithMunicipalities,
  p: { name: string; label: string; value: string | undefined; error: string | undefined; hint?: string },
) {
  return (
    <SelectField
      {...p}
      options={[{ value: '', label: ctx.t('collaboration.field.noMunicipality') }]}
      groups={regions.map((r) => ({
        label: localName(ctx.locale, r),
        options: r.municipalities.map((m) => ({ value: m.nisCode, label: localName(ctx.locale, m) })),
      }))}
    />
  );
}

/** An agreement version as lists and comparisons name it: "2026-2027 · versie 2". */
const versionLabel = (ctx: PageContext, a: Agreement) =>
  `${a.schoolYear} · ${ctx.t('agreement.versionN', { n: a.version })}`;

const partnerNames = (c: Collaboration) => c.partners.map((p) => p.name).join(', ');

function CollaborationTable(props: { ctx: PageContext; caption: string; rows: Collaboration[] }) {
  const { ctx } = props;
  return (
    <Table
      caption={props.caption}
      rows={props.rows}
      rowKey={(c) => c.id}
      columns={[
        {
          header: ctx.t('collaboration.field.title'),
          cell: (c) => <a href={`/samenwerking/${c.id}`}>{c.title}</a>,
        },
        { header: ctx.t('collaboration.partners'), cell: partnerNames },
        { header: ctx.t('collaboration.field.forms'), cell: (c) => codeList(ctx, 'cooperation', c.forms) },
        {
          header: ctx.t('collaboration.field.status'),
          cell: (c) => ctx.t(`collaboration.status.${c.status}`),
        },
      ]}
    />
  );
}

export function CollaborationHomePage(props: {
  ctx: PageContext;
  own: Collaboration[] | null;
  shared: Collaboration[];
  mayRegister: boolean;
}) {
  const { ctx } = props;
  return (
    <>
      <h1>{ctx.t('nav.collaboration')}</h1>
      <p class="lead">{ctx.t('collaboration.home.lead')}</p>
      <ul class="inline-links no-print">
        <li>
          <a href="/netwerken">{ctx.t('network.list.title')}</a>
        </li>
        <li>
          <a href="/samenwerking/netwerkbeeld">{ctx.t('picture.link')}</a>
        </li>
        <li>
          <a href="/samenwerking/rollen">{ctx.t('roles.region.title')}</a>
        </li>
        {props.mayRegister ? (
          <li>
            <a class="button button--primary" href="/samenwerking/nieuw">
              {ctx.t('collaboration.new.title')}
            </a>
          </li>
        ) : null}
      </ul>
      {props.own === null ? (
        <p>{ctx.t('collaboration.home.signInForOwn')}</p>
      ) : props.own.length === 0 ? (
        <EmptyState title={ctx.t('collaboration.home.noneOwn')}>
          <p>
            {ctx.t(
              props.mayRegister ? 'collaboration.home.noneOwnAdmin' : 'collaboration.home.noneOwnMember',
            )}
          </p>
        </EmptyState>
      ) : (
        <CollaborationTable ctx={ctx} caption={ctx.t('collaboration.home.own')} rows={props.own} />
      )}
      <h2>{ctx.t('collaboration.home.public')}</h2>
      {props.shared.length === 0 ? (
        <EmptyState title={ctx.t('collaboration.home.nonePublic')} />
      ) : (
        <CollaborationTable ctx={ctx} caption={ctx.t('collaboration.home.public')} rows={props.shared} />
      )}
    </>
  );
}

export function CollaborationFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  backHref: string;
  /** Registering: the organisations the user is admin of, to register on behalf of one. */
  ownOrganisations: OrganisationOption[] | null;
  organisations: OrganisationOption[];
  regions: RegionsWithMunicipalities;
  form: FormState;
}) {
  const { ctx, form } = props;
  const v = form.values;
  const e = form.errors ?? {};
  const partners = list(v.partner);
  const organisationOptions = [
    { value: '', label: ctx.t('collaboration.field.choosePartner') },
    ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <section class="narrow">
      {back(ctx, props.backHref, 'collaboration.back')}
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <PostForm ctx={ctx} action={props.action}>
        <Field
          name="title"
          label={ctx.t('collaboration.field.title')}
          hint={ctx.t('collaboration.field.titleHint')}
          value={one(v.title)}
          error={e.title}
          required
        />
        <TextAreaField
          name="description"
          label={ctx.t('collaboration.field.description')}
          value={one(v.description)}
          error={e.description}
          rows={4}
        />
        {props.ownOrganisations ? (
          <SelectField
            name="organisation"
            label={ctx.t('collaboration.field.organisation')}
            options={props.ownOrganisations.map((o) => ({ value: o.id, label: o.name }))}
            value={one(v.organisation)}
            error={e.organisation}
          />
        ) : null}
        <fieldset id="field-partner" tabindex={-1} class={e.partner ? 'field field--error' : 'field'}>
          <legend>{ctx.t('collaboration.field.partners')}</legend>
          <p class="field-hint">
            {ctx.t(
              props.ownOrganisations
                ? 'collaboration.field.partnersHintNew'
                : 'collaboration.field.partnersHint',
            )}
          </p>
          {e.partner ? <p class="field-error">{e.partner}</p> : null}
          {Array.from({ length: Math.max(PARTNER_FIELDS, partners.length + 1) }, (_, i) => (
            <SelectField
              key={i}
              name={`partner-${i}`}
              label={ctx.t('collaboration.field.partnerN', { n: i + 1 })}
              options={organisationOptions}
              value={partners[i] ?? ''}
            />
          ))}
        </fieldset>
        <SelectField
          name="initiator"
          label={ctx.t('collaboration.field.initiator')}
          options={[
            { value: '', label: ctx.t('collaboration.field.initiatorUnknown') },
            ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={one(v.initiator)}
          error={e.initiator}
        />
        <CheckboxGroup
          legend={ctx.t('collaboration.field.forms')}
          name="forms"
          idPrefix="form"
          options={options(ctx, 'cooperation', cooperationForms)}
          checked={list(v.forms)}
          error={e.forms}
        />
        <RadioGroup
          legend={ctx.t('collaboration.field.intensity')}
          name="intensity"
          options={options(ctx, 'collaboration.intensity', intensities)}
          value={one(v.intensity)}
          error={e.intensity}
        />
        <RadioGroup
          legend={ctx.t('collaboration.field.level')}
          name="level"
          options={options(ctx, 'collaboration.level', collaborationLevels)}
          value={one(v.level)}
          error={e.level}
        />
        <CheckboxGroup
          legend={ctx.t('collaboration.field.needs')}
          name="needs"
          idPrefix="need"
          options={options(ctx, 'need', needCodes)}
          checked={list(v.needs)}
          error={e.needs}
        />
        {municipalityField(ctx, props.regions, {
          name: 'municipality',
          label: ctx.t('collaboration.field.municipality'),
          value: one(v.municipality),
          error: e.municipality,
        })}
        <Field
          name="place"
          label={ctx.t('collaboration.field.place')}
          hint={ctx.t('collaboration.field.placeHint')}
          value={one(v.place)}
          error={e.place}
        />
        <Field
          name="startsOn"
          label={ctx.t('collaboration.field.startsOn')}
          hint={ctx.t('validation.dateHint')}
          value={one(v.startsOn)}
          error={e.startsOn}
          required
        />
        <Field
          name="endsOn"
          label={ctx.t('collaboration.field.endsOn')}
          hint={ctx.t('collaboration.field.endsOnHint')}
          value={one(v.endsOn)}
          error={e.endsOn}
        />
        <RadioGroup
          legend={ctx.t('collaboration.field.status')}
          name="status"
          options={options(ctx, 'collaboration.status', collaborationStatuses)}
          value={one(v.status)}
          error={e.status}
        />
        <Button>{ctx.t('form.save')}</Button>
      </PostForm>
    </section>
  );
}

function PartnerList(props: { ctx: PageContext; collaboration: Collaboration }) {
  const { ctx } = props;
  return (
    <ul>
      {props.collaboration.partners.map((p) => (
        <li key={p.organisationId}>
          {p.name}
          {p.organisationId === props.collaboration.initiatorOrganisationId
            ? ` (${ctx.t('collaboration.initiator')})`
            : ''}
          {' — '}
          {p.publicConsentAt ? ctx.t('collaboration.public.agreed') : ctx.t('collaboration.public.notAgreed')}
        </li>
      ))}
    </ul>
  );
}

/** A choice of the partner an admin speaks for; hidden when there is only one. */
function SpeakFor(props: { ctx: PageContext; partners: Partner[]; error?: string | undefined }) {
  if (props.partners.length === 1)
    return <input type="hidden" name="organisation" value={props.partners[0]!.organisationId} />;
  return (
    <SelectField
      name="organisation"
      label={props.ctx.t('collaboration.speakFor')}
      options={props.partners.map((p) => ({ value: p.organisationId, label: p.name }))}
      error={props.error}
    />
  );
}

/** Formerrors of one of the small forms on the collaboration page. */
export interface PageFormErrors {
  form: 'public' | 'plan' | `held-${string}`;
  state: FormState;
}

export function CollaborationPage(props: {
  ctx: PageContext;
  collaboration: Collaboration;
  municipalityName: string | null;
  mayManage: boolean;
  administered: Partner[];
  evaluations: Evaluation[];
  agreements: Agreement[];
  formErrors?: PageFormErrors;
}) {
  const { ctx, collaboration: c } = props;
  const errorsFor = (form: string) => (props.formErrors?.form === form ? props.formErrors.state : undefined);
  const publicErrors = errorsFor('public');
  const planErrors = errorsFor('plan');
  const years = [...new Set(props.agreements.map((a) => a.schoolYear))];
  const versionOptions = props.agreements.map((a) => ({ value: a.id, label: versionLabel(ctx, a) }));
  return (
    <>
      {back(ctx, '/samenwerking', 'collaboration.back')}
      <h1>{c.title}</h1>
      {c.description ? <p class="lead">{c.description}</p> : null}
      <Facts
        rows={[
          [ctx.t('collaboration.field.forms'), codeList(ctx, 'cooperation', c.forms)],
          [ctx.t('collaboration.field.intensity'), ctx.t(`collaboration.intensity.${c.intensity}`)],
          [ctx.t('collaboration.field.level'), ctx.t(`collaboration.level.${c.level}`)],
          [ctx.t('collaboration.field.needs'), codeList(ctx, 'need', c.needs)],
          [ctx.t('collaboration.field.municipality'), props.municipalityName ?? '—'],
          [ctx.t('collaboration.field.place'), c.place ?? '—'],
          [ctx.t('collaboration.field.startsOn'), formatDay(ctx, c.startsOn)],
          [
            ctx.t('collaboration.field.endsOn'),
            c.endsOn ? formatDay(ctx, c.endsOn) : ctx.t('collaboration.noEnd'),
          ],
          [ctx.t('collaboration.field.status'), ctx.t(`collaboration.status.${c.status}`)],
          [
            ctx.t('collaboration.visibility'),
            ctx.t(c.isPublic ? 'collaboration.visibility.public' : 'collaboration.visibility.partners'),
          ],
        ]}
      />
      {props.mayManage ? (
        <p class="no-print">
          <a class="button button--secondary" href={`/samenwerking/${c.id}/wijzigen`}>
            {ctx.t('collaboration.edit.title')}
          </a>
        </p>
      ) : null}

      <Section title={ctx.t('collaboration.partners')} id="partners">
        <PartnerList ctx={ctx} collaboration={c} />
        <p class="field-hint">{ctx.t('collaboration.public.explain')}</p>
        {props.administered.length ? (
          <PostForm ctx={ctx} action={`/samenwerking/${c.id}/openbaar`} class="no-print">
            <ErrorSummary ctx={ctx} errors={publicErrors?.errors} />
            <SpeakFor ctx={ctx} partners={props.administered} error={publicErrors?.errors?.organisation} />
            <RadioGroup
              legend={ctx.t('collaboration.public.question')}
              name="consent"
              options={[
                { value: 'yes', label: ctx.t('collaboration.public.yes') },
                { value: 'no', label: ctx.t('collaboration.public.no') },
              ]}
              value={one(publicErrors?.values.consent)}
              error={publicErrors?.errors?.consent}
            />
            <Button variant="secondary">{ctx.t('form.save')}</Button>
          </PostForm>
        ) : null}
      </Section>

      <Section title={ctx.t('agreement.title')} id="agreements">
        {props.agreements.length === 0 ? (
          <EmptyState title={ctx.t('agreement.none')} />
        ) : (
          years.map((year) => (
            <Table
              key={year}
              caption={ctx.t('agreement.schoolYear', { year })}
              rows={props.agreements.filter((a) => a.schoolYear === year)}
              rowKey={(a) => a.id}
              columns={[
                {
                  header: ctx.t('agreement.version'),
                  cell: (a) => (
                    <a href={`/samenwerking/${c.id}/afspraken/${a.id}`}>
                      {ctx.t('agreement.versionN', { n: a.version })} · {ctx.t(`agreement.kind.${a.kind}`)}
                    </a>
                  ),
                },
                { header: ctx.t('agreement.savedAt'), cell: (a) => formatDateTime(ctx, a.createdAt) },
                {
                  header: ctx.t('agreement.acceptance'),
                  cell: (a) =>
                    !isCurrentVersion(a, props.agreements)
                      ? ctx.t('agreement.replaced')
                      : isFullyAccepted(a, c)
                        ? ctx.t('agreement.acceptedByAll')
                        : ctx.t('agreement.acceptedBy', {
                            n: a.acceptances.length,
                            total: c.partners.length,
                          }),
                },
                { header: ctx.t('agreement.reviewOn'), cell: (a) => formatDay(ctx, a.reviewOn) },
              ]}
            />
          ))
        )}
        {props.mayManage ? (
          <p class="no-print">
            <a class="button button--secondary" href={`/samenwerking/${c.id}/afspraken/nieuw`}>
              {ctx.t('agreement.new.title')}
            </a>
          </p>
        ) : null}
        {props.agreements.length > 1 ? (
          <form method="get" action={`/samenwerking/${c.id}/afspraken/vergelijk`} class="no-print">
            <h3>{ctx.t('agreement.compare.title')}</h3>
            <SelectField
              name="van"
              label={ctx.t('agreement.compare.older')}
              options={versionOptions}
              value={props.agreements[1]!.id}
            />
            <SelectField
              name="met"
              label={ctx.t('agreement.compare.newer')}
              options={versionOptions}
              value={props.agreements[0]!.id}
            />
            <Button variant="secondary">{ctx.t('agreement.compare.submit')}</Button>
          </form>
        ) : null}
      </Section>

      <Section title={ctx.t('collaboration.evaluations')} id="evaluations">
        {props.evaluations.length === 0 ? (
          <EmptyState title={ctx.t('collaboration.evaluations.none')} />
        ) : (
          <ul class="plain-list">
            {props.evaluations.map((ev) => {
              const heldErrors = errorsFor(`held-${ev.id}`);
              return (
                <li key={ev.id}>
                  <p>
                    <strong>{formatDay(ctx, ev.planned_on)}</strong>
                    {' — '}
                    {ev.held_on
                      ? ctx.t('collaboration.evaluation.heldOn', { day: formatDay(ctx, ev.held_on) })
                      : ctx.t('collaboration.evaluation.planned')}
                  </p>
                  {ev.notes ? <p>{ev.notes}</p> : null}
                  {props.mayManage && !ev.held_on ? (
                    <details class="no-print" open={Boolean(heldErrors)}>
                      <summary>{ctx.t('collaboration.evaluation.record')}</summary>
                      <PostForm ctx={ctx} action={`/samenwerking/${c.id}/evaluaties/${ev.id}`}>
                        <ErrorSummary ctx={ctx} errors={heldErrors?.errors} />
                        <Field
                          name="heldOn"
                          label={ctx.t('collaboration.evaluation.heldOnField')}
                          hint={ctx.t('validation.dateHint')}
                          value={one(heldErrors?.values.heldOn)}
                          error={heldErrors?.errors?.heldOn}
                        />
                        <TextAreaField
                          name="notes"
                          label={ctx.t('collaboration.evaluation.notes')}
                          value={one(heldErrors?.values.notes)}
                          error={heldErrors?.errors?.notes}
                          rows={4}
                        />
                        <Button variant="secondary">{ctx.t('form.save')}</Button>
                      </PostForm>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {props.mayManage ? (
          <PostForm ctx={ctx} action={`/samenwerking/${c.id}/evaluaties`} class="no-print">
            <ErrorSummary ctx={ctx} errors={planErrors?.errors} />
            <Field
              name="plannedOn"
              label={ctx.t('collaboration.evaluation.plan')}
              hint={ctx.t('validation.dateHint')}
              value={one(planErrors?.values.plannedOn)}
              error={planErrors?.errors?.plannedOn}
            />
            <Button variant="secondary">{ctx.t('collaboration.evaluation.planSubmit')}</Button>
          </PostForm>
        ) : null}
      </Section>
      <p class="field-hint">{ctx.t('collaboration.updatedAt', { when: formatDateTime(ctx, c.updatedAt) })}</p>
    </>
  );
}

/** The rows a topic shows: what was submitted or stored, plus empty rows to add more. */
export interface AgreementDraft {
  schoolYear: string;
  kind: (typeof agreementKinds)[number];
  reviewOn: string;
  rows: Record<string, { text: string; by: string }[]>;
}

export function AgreementFormPage(props: {
  ctx: PageContext;
  collaboration: Collaboration;
  schoolYears: string[];
  draft: AgreementDraft;
  errors?: Record<string, string>;
}) {
  const { ctx, collaboration: c, draft } = props;
  const e = props.errors ?? {};
  const topics = agreementTemplates[draft.kind];
  const byOptions = [
    { value: '', label: ctx.t('agreement.allPartners') },
    ...c.partners.map((p) => ({ value: p.organisationId, label: p.name })),
  ];
  return (
    <>
      {back(ctx, `/samenwerking/${c.id}`, 'agreement.backToCollaboration')}
      <h1>{ctx.t('agreement.new.title')}</h1>
      <p class="lead">{ctx.t('agreement.new.intro')}</p>
      <form method="get" action={`/samenwerking/${c.id}/afspraken/nieuw`} class="no-print inline-form-row">
        <SelectField
          name="soort"
          label={ctx.t('agreement.field.kind')}
          options={options(ctx, 'agreement.kind', agreementKinds)}
          value={draft.kind}
          hint={ctx.t('agreement.field.kindHint')}
        />
        <SelectField
          name="schooljaar"
          label={ctx.t('agreement.field.schoolYear')}
          options={props.schoolYears.map((y) => ({ value: y, label: y }))}
          value={draft.schoolYear}
        />
        <Button variant="secondary">{ctx.t('agreement.new.start')}</Button>
      </form>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <PostForm ctx={ctx} action={`/samenwerking/${c.id}/afspraken/nieuw`}>
        <input type="hidden" name="kind" value={draft.kind} />
        <input type="hidden" name="schoolYear" value={draft.schoolYear} />
        <p>
          {ctx.t('agreement.field.kind')}: <strong>{ctx.t(`agreement.kind.${draft.kind}`)}</strong> ·{' '}
          {ctx.t('agreement.field.schoolYear')}: <strong>{draft.schoolYear}</strong>
        </p>
        {topics.map((topic) => {
          const rows = draft.rows[topic] ?? [];
          return (
            <fieldset key={topic} class="commitment-topic" id={`field-${topic}`} tabindex={-1}>
              <legend>{ctx.t(`agreement.topic.${topic}`)}</legend>
              <p class="field-hint">{ctx.t(`agreement.topicHint.${topic}`)}</p>
              {e[topic] ? <p class="field-error">{e[topic]}</p> : null}
              <input type="hidden" name={`rows-${topic}`} value={String(rows.length)} />
              <table class="commitment-rows">
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('agreement.commitment')}</th>
                    <th scope="col">{ctx.t('agreement.responsible')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={i}>
                      <td>
                        <label class="visually-hidden" for={`field-${topic}-${i}-text`}>
                          {ctx.t('agreement.commitmentN', {
                            topic: ctx.t(`agreement.topic.${topic}`),
                            n: i + 1,
                          })}
                        </label>
                        <input
                          id={`field-${topic}-${i}-text`}
                          name={`${topic}-${i}-text`}
                          value={row.text}
                          maxLength={500}
                        />
                      </td>
                      <td>
                        <label class="visually-hidden" for={`field-${topic}-${i}-by`}>
                          {ctx.t('agreement.responsibleN', {
                            topic: ctx.t(`agreement.topic.${topic}`),
                            n: i + 1,
                          })}
                        </label>
                        <select id={`field-${topic}-${i}-by`} name={`${topic}-${i}-by`}>
                          {byOptions.map((o) => (
                            <option key={o.value} value={o.value} selected={o.value === row.by}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="submit" name="meer" value={topic} class="button button--secondary">
                {ctx.t('agreement.moreRows', { topic: ctx.t(`agreement.topic.${topic}`) })}
              </button>
            </fieldset>
          );
        })}
        <Field
          name="reviewOn"
          label={ctx.t('agreement.reviewOn')}
          hint={ctx.t('agreement.reviewOnHint')}
          value={draft.reviewOn}
          error={e.reviewOn}
        />
        <Button>{ctx.t('agreement.save')}</Button>
      </PostForm>
    </>
  );
}

export function AgreementPage(props: {
  ctx: PageContext;
  collaboration: Collaboration;
  agreement: Agreement;
  isCurrent: boolean;
  /** Partners the user may still accept for. */
  mayAcceptFor: Partner[];
  errors?: Record<string, string>;
}) {
  const { ctx, collaboration: c, agreement: a } = props;
  const nameOf = (id: string | null) =>
    id ? (c.partners.find((p) => p.organisationId === id)?.name ?? '—') : ctx.t('agreement.allPartners');
  return (
    <>
      {back(ctx, `/samenwerking/${c.id}`, 'agreement.backToCollaboration')}
      <h1>
        {ctx.t(`agreement.kind.${a.kind}`)} {a.schoolYear}
      </h1>
      <p class="lead">
        {c.title} · {ctx.t('agreement.versionN', { n: a.version })}
        {props.isCurrent ? '' : ` · ${ctx.t('agreement.replaced')}`}
      </p>
      <Facts
        rows={[
          [ctx.t('collaboration.partners'), c.partners.map((p) => p.name).join(', ')],
          [ctx.t('agreement.savedAt'), formatDateTime(ctx, a.createdAt)],
          [ctx.t('agreement.reviewOn'), formatDay(ctx, a.reviewOn)],
        ]}
      />
      {commitmentTopics
        .filter((topic) => a.commitments.some((cm) => cm.topic === topic))
        .map((topic) => (
          <section key={topic} aria-labelledby={`topic-${topic}`}>
            <h2 id={`topic-${topic}`}>{ctx.t(`agreement.topic.${topic}`)}</h2>
            <ul class="checklist">
              {a.commitments
                .filter((cm) => cm.topic === topic)
                .map((cm, i) => (
                  <li key={i}>
                    {cm.text} <span class="muted">({nameOf(cm.responsible)})</span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      <Section title={ctx.t('agreement.acceptance')} id="acceptance">
        <ul>
          {c.partners.map((p) => {
            const accepted = a.acceptances.find((x) => x.organisationId === p.organisationId);
            return (
              <li key={p.organisationId}>
                {p.name}:{' '}
                {accepted
                  ? ctx.t('agreement.acceptedOn', {
                      name: accepted.acceptedByName,
                      when: formatDateTime(ctx, accepted.acceptedAt),
                    })
                  : ctx.t('agreement.notYetAccepted')}
              </li>
            );
          })}
        </ul>
        {props.isCurrent && props.mayAcceptFor.length ? (
          <PostForm ctx={ctx} action={`/samenwerking/${c.id}/afspraken/${a.id}/aanvaarden`} class="no-print">
            <ErrorSummary ctx={ctx} errors={props.errors} />
            <SpeakFor ctx={ctx} partners={props.mayAcceptFor} error={props.errors?.organisation} />
            <ConfirmCheckbox
              ctx={ctx}
              label={ctx.t('agreement.accept.confirm')}
              error={props.errors?.confirm}
            />
            <Button>{ctx.t('agreement.accept.submit')}</Button>
          </PostForm>
        ) : null}
      </Section>
      <p class="no-print">
        <a href={`/samenwerking/${c.id}/afspraken/nieuw?van=${a.id}`}>{ctx.t('agreement.changeOrRenew')}</a>
      </p>
    </>
  );
}

export function AgreementComparePage(props: {
  ctx: PageContext;
  collaboration: Collaboration;
  older: Agreement;
  newer: Agreement;
  rows: ReturnType<typeof compareAgreements>;
}) {
  const { ctx, collaboration: c } = props;
  const nameOf = (cm: Commitment | undefined) =>
    !cm
      ? '—'
      : cm.responsible
        ? (c.partners.find((p) => p.organisationId === cm.responsible)?.name ?? '—')
        : ctx.t('agreement.allPartners');
  const label = (a: Agreement) => versionLabel(ctx, a);
  return (
    <>
      {back(ctx, `/samenwerking/${c.id}`, 'agreement.backToCollaboration')}
      <h1>{ctx.t('agreement.compare.title')}</h1>
      <p class="lead">
        {ctx.t('agreement.compare.lead', { older: label(props.older), newer: label(props.newer) })}
      </p>
      {commitmentTopics
        .filter((topic) => props.rows.some((r) => r.topic === topic))
        .map((topic) => (
          <Table
            key={topic}
            caption={ctx.t(`agreement.topic.${topic}`)}
            rows={props.rows.filter((r) => r.topic === topic)}
            rowKey={(r) => `${r.change}-${(r.after ?? r.before)!.text}`}
            columns={[
              { header: ctx.t('agreement.commitment'), cell: (r) => (r.after ?? r.before)!.text },
              {
                header: ctx.t('agreement.compare.change'),
                cell: (r) => (
                  <span class={`change change--${r.change}`}>{ctx.t(`agreement.change.${r.change}`)}</span>
                ),
              },
              { header: label(props.older), cell: (r) => nameOf(r.before) },
              { header: label(props.newer), cell: (r) => nameOf(r.after) },
            ]}
          />
        ))}
    </>
  );
}
