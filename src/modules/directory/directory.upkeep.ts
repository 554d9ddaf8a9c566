import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { canInOrganisation } from '../../platform/authz/permissions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { checkboxValues, emailField, requiredText } from '../../platform/http/forms.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import {
  ageBands,
  audiences,
  capacityStates,
  needCodes,
  organisationTypes,
  referralMethods,
  schoolLevels,
} from '../../platform/vocabularies.ts';

// Keeping the sociale kaart true: owners and curators edit entries (every change kept with who
// and when), anyone can report a mistake, owners are reminded to check their entries, and an
// organisation can claim its entry.

/** Owners (editors and admins of the claiming organisation) and curators may change an entry. */
export function mayEditEntry(user: CurrentUser | null, ownerOrganisationId: string | null): boolean {
  if (!user) return false;
  if (user.platformRoles.includes('curator')) return true;
  return ownerOrganisationId !== null && canInOrganisation(user, 'directory:edit', ownerOrganisationId);
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'validation.tooLong' })
    .optional()
    .transform((v) => (v ? v : null));
const tick = z
  .literal('1')
  .optional()
  .transform((v) => v === '1');

/** The service form; field names are the column names. */
export const serviceForm = z.object({
  name: requiredText(200),
  description: requiredText(4000),
  plain_what_to_ask: optionalText(1000),
  plain_cost: optionalText(1000),
  plain_how_to_get_there: optionalText(1000),
  fees_description: optionalText(1000),
  application_process: optionalText(1000),
  need_codes: checkboxValues(needCodes),
  age_bands: checkboxValues(ageBands),
  audiences: checkboxValues(audiences),
  referral_methods: checkboxValues(referralMethods),
  free_of_charge: tick,
  is_school_external_offer: tick,
  capacity_state: z.enum(capacityStates, { message: 'validation.choose' }),
  expected_wait_weeks: z
    .union([z.literal(''), z.coerce.number().int().min(0).max(104)], { message: 'validation.weeks' })
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
  status: z.enum(['active', 'inactive', 'temporarily closed'], { message: 'validation.choose' }),
  verified: tick,
});
export type ServiceChanges = z.infer<typeof serviceForm>;
type EditableField = Exclude<keyof ServiceChanges, 'verified'>;
export const editableServiceFields = Object.keys(serviceForm.shape).filter(
  (f): f is EditableField => f !== 'verified',
);

const asText = (v: unknown) =>
  v === null || v === undefined ? '' : Array.isArray(v) ? [...v].sort().join(', ') : String(v);

/** The organisation form; field names are the column names. */
export const organizationForm = z.object({
  name: requiredText(200),
  alternate_name: optionalText(200),
  description: requiredText(4000),
  email: z
    .union([z.literal(''), emailField])
    .optional()
    .transform((v) => v || null),
  website: z
    .union([z.literal(''), z.string().trim().max(500).url({ message: 'validation.url' })])
    .optional()
    .transform((v) => v || null),
  kind: z.enum(organisationTypes, { message: 'validation.choose' }),
  welfare_cluster: z
    .union([z.literal(''), z.enum(['1', '2', '3'])], { message: 'validation.choose' })
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  education_mandate: tick,
  municipality_nis: z
    .string({ message: 'validation.choose' })
    .regex(/^\d{5}$/, { message: 'validation.choose' }),
  school_institution_number: optionalText(20),
  school_network: optionalText(50),
  school_levels: checkboxValues(schoolLevels),
  lop_region: optionalText(100),
  verified: tick,
});
export type OrganizationChanges = z.infer<typeof organizationForm>;
export const editableOrganizationFields = Object.keys(organizationForm.shape).filter(
  (f): f is Exclude<keyof OrganizationChanges, 'verified'> => f !== 'verified',
);

const entryTables = { service: 'directory_services', organization: 'directory_organizations' } as const;

/**
 * Saves an entry's changes: one metadata row per changed field (who, when, before, after), the
 * audit row, and, when the person says so, the confirmation that the entry is checked. Returns the
 * changed fields.
 */
export async function saveEntryChanges(
  deps: Deps,
  actor: Actor,
  entry: { kind: keyof typeof entryTables; id: string; current: Record<string, unknown> },
  changes: Record<string, unknown> & { verified: boolean },
  fields: readonly string[],
): Promise<string[]> {
  const now = deps.clock.now();
  const changed = fields.filter((f) => asText(entry.current[f]) !== asText(changes[f]));
  if (changed.length === 0 && !changes.verified) return [];
  await deps.db.transaction().execute(async (trx) => {
    const values: Record<string, unknown> = Object.fromEntries(changed.map((f) => [f, changes[f]]));
    if (changed.length) values.updated_at = now;
    if (changes.verified) Object.assign(values, { last_verified_at: now, last_verified_by: actor.userId });
    await trx.updateTable(entryTables[entry.kind]).set(values).where('id', '=', entry.id).execute();
    for (const field of changed) {
      await trx
        .insertInto('directory_metadata')
        .values({
          resource_id: entry.id,
          resource_type: entry.kind,
          last_action_date: now,
          last_action_type: 'update',
          field_name: field,
          previous_value: asText(entry.current[field]),
          replacement_value: asText(changes[field]),
          updated_by: actor.userId ?? actor.label ?? 'system',
        })
        .execute();
    }
    await recordAudit(trx, {
      event: `directory.${entry.kind}_updated`,
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: `directory_${entry.kind}`,
      subjectId: entry.id,
      details: { fields: changed, verified: changes.verified },
      occurredAt: now,
    });
  });
  return changed;
}

/** The change history of an entry, newest first, with the name of who changed it. */
export const listChanges = (db: Kysely<DB>, resourceId: string) =>
  db
    .selectFrom('directory_metadata as m')
    .leftJoin('users as u', (join) => join.on(sql<boolean>`u.id::text = m.updated_by`))
    .select([
      'm.id',
      'm.last_action_date',
      'm.field_name',
      'm.previous_value',
      'm.replacement_value',
      'm.updated_by',
      'u.name as userName',
    ])
    .where('m.resource_id', '=', resourceId)
    .orderBy('m.last_action_date', 'desc')
    .orderBy('m.field_name')
    .execute();

/** Who hears about an entry: editors and admins of the owning organisation, or else the curators. */
export async function entryRecipients(db: Kysely<DB>, ownerOrganisationId: string | null) {
  const query = db.selectFrom('users as u').select(['u.email']).where('u.disabled_at', 'is', null);
  const rows = ownerOrganisationId
    ? await query
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .where('m.organisation_id', '=', ownerOrganisationId)
        .where('m.role', 'in', ['editor', 'admin'])
        .execute()
    : await query.where((eb) => eb(eb.val('curator'), '=', eb.fn.any('u.platform_roles'))).execute();
  return [...new Set(rows.map((r) => r.email))].sort();
}

/** "Meld een fout": the report goes to the owner or the curators through the mail outbox. */
export async function reportMistake(
  deps: Deps,
  actor: Actor,
  entry: { id: string; name: string; ownerOrganisationId: string | null },
  report: { message: string; email: string | null },
) {
  const t = translator('nl');
  const now = deps.clock.now();
  const recipients = await entryRecipients(deps.db, entry.ownerOrganisationId);
  await deps.db.transaction().execute(async (trx) => {
    for (const to of recipients) {
      await queueMail(trx, deps.clock, {
        to,
        subject: t('directory.reportMail.subject', { name: entry.name }),
        text: t('directory.reportMail.body', {
          name: entry.name,
          message: report.message,
          email: report.email ?? t('visitorMessage.noEmail'),
          link: `${deps.config.publicUrl}/sociale-kaart/aanbod/${entry.id}`,
        }),
        purpose: 'directory_report',
      });
    }
    await recordAudit(trx, {
      event: 'directory.mistake_reported',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: 'directory_service',
      subjectId: entry.id,
      details: { recipients: recipients.length },
      occurredAt: now,
    });
  });
}

const SIX_MONTHS_MS = 182 * 24 * 3600 * 1000;
const REMIND_AGAIN_MS = 30 * 24 * 3600 * 1000;

/** Whether an entry is older than six months since a person last checked it. */
export const needsVerification = (lastVerifiedAt: Date | null, now: Date) =>
  !lastVerifiedAt || now.getTime() - lastVerifiedAt.getTime() > SIX_MONTHS_MS;

/**
 * Mails the owners of services nobody checked for six months (once a month at most per service).
 * Unclaimed entries have no owner to remind; curators see them in their list. Returns the number
 * of services reminded about.
 */
export async function remindUnverifiedServices(deps: Deps): Promise<number> {
  const t = translator('nl');
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.name', 'o.owner_organisation_id as owner'])
    .where('s.status', '!=', 'defunct')
    .where('o.owner_organisation_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('s.last_verified_at', 'is', null),
        eb('s.last_verified_at', '<', new Date(now.getTime() - SIX_MONTHS_MS)),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('s.verification_reminded_at', 'is', null),
        eb('s.verification_reminded_at', '<', new Date(now.getTime() - REMIND_AGAIN_MS)),
      ]),
    )
    .orderBy('s.id')
    .execute();
  for (const service of due) {
    const recipients = await entryRecipients(deps.db, service.owner);
    await deps.db.transaction().execute(async (trx) => {
      for (const to of recipients) {
        await queueMail(trx, deps.clock, {
          to,
          subject: t('directory.reminderMail.subject', { name: service.name }),
          text: t('directory.reminderMail.body', {
            name: service.name,
            link: `${deps.config.publicUrl}/sociale-kaart/aanbod/${service.id}/bewerken`,
          }),
          purpose: 'directory_verification_reminder',
        });
      }
      await trx
        .updateTable('directory_services')
        .set({ verification_reminded_at: now })
        .where('id', '=', service.id)
        .execute();
    });
  }
  return due.length;
}

/** An organisation admin asks that their organisation owns a directory entry. */
export async function requestClaim(
  deps: Deps,
  actor: Actor,
  claim: { directoryOrganizationId: string; organisationId: string },
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('directory_claims')
      .values({
        directory_organization_id: claim.directoryOrganizationId,
        organisation_id: claim.organisationId,
        requested_by: actor.userId,
        requested_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['directory_organization_id', 'organisation_id'])
          .where('status', '=', 'pending')
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!created) return;
    await recordAudit(trx, {
      event: 'directory.claim_requested',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: 'directory_organization',
      subjectId: claim.directoryOrganizationId,
      details: { organisationId: claim.organisationId },
      occurredAt: now,
    });
  });
}

export const listPendingClaims = (db: Kysely<DB>) =>
  db
    .selectFrom('directory_claims as c')
    .innerJoin('directory_organizations as d', 'd.id', 'c.directory_organization_id')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('users as u', 'u.id', 'c.requested_by')
    .select([
      'c.id',
      'c.requested_at',
      'd.id as entryId',
      'd.name as entryName',
      'd.owner_organisation_id as currentOwner',
      'o.name as organisationName',
      'u.name as requestedBy',
    ])
    .where('c.status', '=', 'pending')
    .orderBy('c.requested_at')
    .execute();

/** A curator approves (the organisation becomes the owner) or rejects a claim. */
export async function decideClaim(deps: Deps, actor: Actor, claimId: string, approve: boolean) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const claim = await trx
      .updateTable('directory_claims')
      .set({ status: approve ? 'approved' : 'rejected', decided_by: actor.userId, decided_at: now })
      .where('id', '=', claimId)
      .where('status', '=', 'pending')
      .returning(['directory_organization_id', 'organisation_id'])
      .executeTakeFirst();
    if (!claim) return false;
    if (approve) {
      await trx
        .updateTable('directory_organizations')
        .set({ owner_organisation_id: claim.organisation_id, updated_at: now })
        .where('id', '=', claim.directory_organization_id)
        .execute();
      await trx
        .insertInto('directory_metadata')
        .values({
          resource_id: claim.directory_organization_id,
          resource_type: 'organization',
          last_action_date: now,
          last_action_type: 'claim',
          field_name: 'owner_organisation_id',
          previous_value: '',
          replacement_value: claim.organisation_id,
          updated_by: actor.userId ?? 'system',
        })
        .execute();
    }
    await recordAudit(trx, {
      event: approve ? 'directory.claim_approved' : 'directory.claim_rejected',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: 'directory_organization',
      subjectId: claim.directory_organization_id,
      details: { organisationId: claim.organisation_id },
      occurredAt: now,
    });
    return true;
  });
}

const time = z
  .union([z.literal(''), z.string().regex(/^\d{2}:\d{2}$/, { message: 'validation.time' })])
  .optional()
  .transform((v) => v || null);

/** The contact point form. */
export const contactPointForm = z
  .object({
    title: requiredText(120),
    name: optionalText(120),
    email: z
      .union([z.literal(''), emailField])
      .optional()
      .transform((v) => v || null),
    direct_phone: optionalText(40),
    presence: optionalText(300),
    days: checkboxValues(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']),
    opens_at: time,
    closes_at: time,
    schools: z
      .union([z.uuid(), z.array(z.uuid()).max(200)], { message: 'validation.choose' })
      .optional()
      .transform((v) => (v === undefined ? [] : [v].flat())),
  })
  .refine((c) => !c.opens_at || !c.closes_at || c.opens_at < c.closes_at, {
    path: ['closes_at'],
    message: 'validation.timeOrder',
  });
export type ContactPointChanges = z.infer<typeof contactPointForm>;

/** A line that says what a contact point is, for its change history. */
type ContactSummary = Partial<Omit<ContactPointChanges, 'days'>> & { days?: readonly string[] };
const contactSummary = (c: ContactSummary | undefined) =>
  c
    ? [c.title, c.name, c.email, c.direct_phone, c.presence, c.days?.join(','), c.opens_at, c.closes_at]
        .filter(Boolean)
        .join(' · ')
    : '';

/**
 * Adds or changes a contact point of an organisation (its weekly hours and schools served are
 * replaced), or removes it (`changes` null); kept in the organisation's history and audited.
 */
export async function saveContactPoint(
  deps: Deps,
  actor: Actor,
  organizationId: string,
  contactId: string | null,
  changes: ContactPointChanges | null,
  previous?: ContactSummary,
) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    let id = contactId;
    if (changes === null) {
      await trx.deleteFrom('directory_contacts').where('id', '=', contactId!).execute();
    } else {
      const row = {
        title: changes.title,
        name: changes.name,
        email: changes.email,
        direct_phone: changes.direct_phone,
        presence: changes.presence,
      };
      if (id) {
        await trx.updateTable('directory_contacts').set(row).where('id', '=', id).execute();
      } else {
        id = (
          await trx
            .insertInto('directory_contacts')
            .values({ ...row, organization_id: organizationId, service_id: null, department: null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      await trx.deleteFrom('directory_schedules').where('contact_id', '=', id).execute();
      if (changes.days.length && changes.opens_at && changes.closes_at) {
        await trx
          .insertInto('directory_schedules')
          .values({
            service_id: null,
            location_id: null,
            contact_id: id,
            freq: 'WEEKLY',
            byday: changes.days.join(','),
            opens_at: changes.opens_at,
            closes_at: changes.closes_at,
            description: changes.presence,
            attending_type: 'in_person',
          })
          .execute();
      }
      await trx.deleteFrom('directory_contact_schools').where('contact_id', '=', id).execute();
      for (const schoolId of changes.schools)
        await trx
          .insertInto('directory_contact_schools')
          .values({ contact_id: id, school_id: schoolId })
          .execute();
    }
    await trx
      .insertInto('directory_metadata')
      .values({
        resource_id: organizationId,
        resource_type: 'organization',
        last_action_date: now,
        last_action_type: changes === null ? 'delete' : contactId ? 'update' : 'create',
        field_name: 'contact_point',
        previous_value: contactSummary(previous),
        replacement_value: contactSummary(changes ?? undefined),
        updated_by: actor.userId ?? actor.label ?? 'system',
      })
      .execute();
    await recordAudit(trx, {
      event: changes === null ? 'directory.contact_point_removed' : 'directory.contact_point_saved',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: 'directory_organization',
      subjectId: organizationId,
      details: { contactId: id },
      occurredAt: now,
    });
    return id;
  });
}
