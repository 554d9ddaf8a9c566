import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as accounts from '../../src/modules/accounts/accounts.service.ts';
import { systemActor } from '../../src/platform/deps.ts';
import { createFixtures, startTestApp, type TestContext } from '../helpers/app.ts';
import { type CaseCast, castConsultation, castForCases, castReferral } from '../helpers/cases.ts';
import { testEngine } from '../helpers/database.ts';

// The encrypted fields of cases, read where an attacker with the database would read them: in a
// `pg_dump` of the database (server PostgreSQL) or in PGlite's data directory. A value stored in a
// plain column at the same time must be found there, or the dump proves nothing.

describe(`case encryption at rest (${testEngine === 'postgres' ? 'pg_dump' : 'PGlite data directory'})`, () => {
  let t: TestContext;
  let cast: CaseCast;
  before(async () => {
    t = await startTestApp();
    cast = await castForCases(t, await createFixtures(t.deps));
  });
  after(() => t.close());

  it('holds no plaintext of any sealed field', async () => {
    const texts = {
      pseudonym: 'Gezin Dumpkanarie-Pseudoniem',
      parentName: 'Dumpkanarie Ouder',
      childName: 'Dumpkanarie Kind',
      phone: '0470 55 66 77 88',
      email: 'dumpkanarie@ouders.invalid',
      note: 'Dumpkanarie context bij de doorverwijzing',
      statusMessage: 'Dumpkanarie bericht van de ontvanger',
      outcomeNote: 'Dumpkanarie notitie bij de opvolging',
      revealReason: 'Dumpkanarie reden voor inzage',
      tried: 'Dumpkanarie wat al geprobeerd werd',
      question: 'Dumpkanarie consultvraag',
      schoolName: 'Dumpkanarie Basisschool',
      advice: 'Dumpkanarie advies van de coördinator',
      participants: 'Dumpkanarie deelnemers rondetafel',
      identity: 'Dumpkanarie Jongere',
      actionDescription: 'Dumpkanarie afgesproken actie',
      actionOwner: 'Dumpkanarie eigenaar',
    };
    await castReferral(t, cast, 'open', { texts });
    await castReferral(t, cast, 'closed', { texts });
    await castConsultation(t, cast, 'open', { texts });
    await castConsultation(t, cast, 'closed', { texts });
    const control = 'Dumpcontrole Vzw Zichtbaar';
    await accounts.createOrganisation(t.deps, systemActor('test'), {
      slug: 'dumpcontrole',
      name: control,
      type: 'caw',
      municipalityNis: '44021',
    });

    const dump = await t.dumpDatabase();
    assert.ok(dump.includes(control), 'a plain column is readable in the dump');
    const sealed = await t.deps.db
      .selectFrom('referrals')
      .select('pseudonym_sealed')
      .executeTakeFirstOrThrow();
    assert.ok(dump.includes(sealed.pseudonym_sealed.slice(0, 40)), 'the ciphertext is in the dump');
    assert.ok(!dump.includes('Dumpkanarie'), 'not one sealed field in plain text');
    assert.deepEqual(
      Object.entries(texts).filter(([, value]) => dump.includes(value)),
      [],
    );
  });
});
