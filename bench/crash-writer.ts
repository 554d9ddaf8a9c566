// The process the crash drill kills: Brugwerk's services writing as fast as they can, four at a time,
// on the database in DATA_DIR / DATABASE_URL. After each commit it prints what was acknowledged:
//   referral CASE_ID        a referral (case, members, sealed texts and its "created" audit row)
//   audit CORRELATION N     N audit rows of cases listed on a day overview, in one statement
//   practice PRACTICE_ID    a fiche started (practice, version 1, audit row)
//   edit PRACTICE_ID K      the K-th save of a fiche's draft (its title ends in "#K")
// The people and services to use come as JSON in CRASH_SEED (bench/crash-drill.ts makes them).
import { randomUUID } from 'node:crypto';
import { loadCurrentUser } from '../src/modules/accounts/authenticate.ts';
import { auditListed } from '../src/modules/cases/cases.service.ts';
import { createReferral } from '../src/modules/cases/referrals.service.ts';
import { demoContent, demoFiches } from '../src/modules/practices/practices.demo.ts';
import { findPracticeById } from '../src/modules/practices/practices.repository.ts';
import { municipalityNames, saveFiche, startPractice } from '../src/modules/practices/practices.service.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Actor, Deps } from '../src/platform/deps.ts';

export interface CrashSeed {
  userId: string;
  organisationId: string;
  serviceIds: string[];
}

const seed = JSON.parse(process.env.CRASH_SEED!) as CrashSeed;
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: 8,
});
const deps: Deps = { db: database.db, engine: database.engine, clock: systemClock, config };
const user = (await loadCurrentUser(deps, seed.userId, 'session'))!;
const content = demoContent(demoFiches[0]!, await municipalityNames(deps));
const ack = (line: string) => process.stdout.write(`${line}\n`);
const caseIds: string[] = [];
ack('ready');

async function writeReferrals() {
  for (let i = 0; ; i++) {
    const actor: Actor = { userId: user.id, correlationId: randomUUID() };
    const { caseId } = await createReferral(deps, actor, user, {
      organisationId: seed.organisationId,
      serviceId: seed.serviceIds[i % seed.serviceIds.length]!,
      needs: ['FIN'],
      intensity: 2,
      pseudonym: `Gezin ${i} (crashdrill)`,
      identity:
        i % 3 === 0 ? { parentName: 'Ouder', childName: 'Kind', phone: '0470 00 00 00', email: '' } : null,
      note: 'Vraagt hulp bij de schoolrekening. (crashdrill)',
      consentGivenBy: 'parents',
      consentInformation: ['needs'],
      consentPurpose: 'intake',
      consentFeedbackText: false,
      consentMethod: 'conversation',
      consentLocale: 'nl',
      checkBackDays: 14,
    });
    caseIds.push(caseId);
    ack(`referral ${caseId}`);
  }
}

async function writeAudit() {
  for (;;) {
    const listed = caseIds.slice(-10);
    if (listed.length === 0) {
      await new Promise((r) => setTimeout(r, 5));
      continue;
    }
    const correlationId = randomUUID();
    await auditListed(deps, { userId: user.id, correlationId }, listed, 'listed');
    ack(`audit ${correlationId} ${listed.length}`);
  }
}

async function editPractices() {
  const actor: Actor = { userId: user.id, correlationId: null };
  for (;;) {
    const id = await startPractice(deps, actor, { content, ownerOrganisationId: seed.organisationId });
    ack(`practice ${id}`);
    for (let k = 1; k <= 5; k++) {
      const practice = (await findPracticeById(deps.db, id))!;
      await saveFiche(deps, actor, practice, { ...content, title: `${content.title} #${k}` });
      ack(`edit ${id} ${k}`);
    }
  }
}

await Promise.all([writeReferrals(), writeAudit(), editPractices(), writeReferrals()]);
