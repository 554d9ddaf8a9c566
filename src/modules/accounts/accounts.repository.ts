import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

// Queries of the accounts module, named after the SQL they run.

export const findUserByEmail = (db: Kysely<DB>, email: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();

export const findUserById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findMembershipsOfUser = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.organisation_id as organisationId',
      'memberships.role as role',
      'organisations.slug as slug',
      'organisations.name as organisationName',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();

export const findOrganisationById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganisationBySlug = (db: Kysely<DB>, slug: string) =>
  db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();

export const findOrganisations = (db: Kysely<DB>, options: { limit: number; offset: number }) =>
  db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.nis_code', 'organisations.municipality_nis')
    .select([
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.type',
      'municipalities.name_nl as municipalityName',
    ])
    .orderBy('organisations.name')
    .limit(options.limit)
    .offset(options.offset)
    .execute();

/** Every organisation's id and name, by name: for the choice of a partner or member. */
export const findOrganisationNames = (db: Kysely<DB>) =>
  db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();

export const countOrganisations = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findMembersOfOrganisation = (db: Kysely<DB>, organisationId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.name as name', 'users.email as email', 'memberships.role as role'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.name')
    .execute();

export const findMembership = (db: Kysely<DB>, userId: string, organisationId: string) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();

export const findSessionByHash = (db: Kysely<DB>, idHash: string) =>
  db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();

export const findApiTokenByHash = (db: Kysely<DB>, tokenHash: string) =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export const findApiTokensOfUser = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

export const findMfaRequirements = (db: Kysely<DB>, organisationId: string | null) =>
  db
    .selectFrom('mfa_requirements')
    .select(['role'])
    .where((eb) =>
      organisationId === null
        ? eb('organisation_id', 'is', null)
        : eb('organisation_id', '=', organisationId),
    )
    .execute();

/** Platform-wide rules and the rules of the given organisations. */
export const findMfaRequirementsFor = (db: Kysely<DB>, organisationIds: string[]) =>
  db
    .selectFrom('mfa_requirements')
    .select(['role', 'organisation_id'])
    .where((eb) =>
      organisationIds.length
        ? eb.or([eb('organisation_id', 'is', null), eb('organisation_id', 'in', organisationIds)])
        : eb('organisation_id', 'is', null),
    )
    .execute();

export const findUsers = (db: Kysely<DB>, options: { limit: number; offset: number }) =>
  db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'platform_roles', 'totp_enabled_at', 'created_at', 'is_demo'])
    .orderBy('name')
    .limit(options.limit)
    .offset(options.offset)
    .execute();

export const countUsers = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const hasDemoData = async (db: Kysely<DB>) =>
  Boolean(
    await db.selectFrom('organisations').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst(),
  );
