import { buildApp } from './app.ts';
import { loadDemoDataIfEmpty } from './demo.ts';
import { purgeExpiredAccountData } from './modules/accounts/accounts.service.ts';
import { remindUnverifiedServices } from './modules/directory/directory.upkeep.ts';
import { flagUnreviewedPractices } from './modules/practices/practices.service.ts';
import { refreshSimilarPractices } from './modules/practices/practices.search.ts';
import { purgeExpiredCases } from './modules/cases/cases.retention.ts';
import { takeCaseSignals } from './modules/signals/signals.service.ts';
import { remindCheckBacks } from './modules/cases/referrals.service.ts';
import { remindAgreementReviews } from './modules/collaboration/collaborations.service.ts';
import { remindEventRegistrants, wipeEventRegistrants } from './modules/collaboration/events.service.ts';
import { openPlatform } from './platform/boot.ts';
import { translator } from './platform/i18n/i18n.ts';
import { systemActor } from './platform/deps.ts';
import { createTransport, sendQueuedMail } from './platform/mail/outbox.ts';

const started = performance.now();
const { config, database, deps } = await openPlatform();

if (config.demoData && !config.databaseUrl) {
  const accounts = await loadDemoDataIfEmpty(deps);
  if (accounts) {
    console.log('\nDemodata geladen. Demo-accounts (alleen nu getoond):');
    for (const a of accounts) {
      console.log(`  ${a.email.padEnd(44)} ${a.password}   ${a.description}`);
      if (a.secondFactorKey)
        console.log(
          `  ${''.padEnd(44)} tweestapsverificatie: sleutel ${a.secondFactorKey} (of de code van nu: npm run cli -- demo:code --email ${a.email})`,
        );
    }
    console.log('');
  }
}

const app = await buildApp({ deps, logger: { level: config.logLevel } });
await app.listen({ port: config.port, host: config.host });
app.log.info(
  { engine: database.engine, startupMs: Math.round(performance.now() - started) },
  `Brugwerk luistert op ${config.publicUrl}`,
);

// Similar practices kept per fiche: at start (a first view without a kept list costs ~30 ms of
// database work at Flanders scale, so fiches imported or changed while no process ran get theirs
// soon), then hourly below.
const refreshSimilar = () =>
  refreshSimilarPractices(deps).catch((err) => app.log.error({ err }, 'similar practices'));
void refreshSimilar();

// The outbox sender; safe to run in every process (rows are claimed with SKIP LOCKED).
let mailTimer: NodeJS.Timeout | undefined;
if (config.smtpUrl) {
  const transport = createTransport(config.smtpUrl);
  mailTimer = setInterval(() => {
    sendQueuedMail(deps.db, deps.clock, transport, config.mailFrom).catch((err) =>
      app.log.error({ err }, 'mail sender'),
    );
  }, 10_000);
}

// Hourly: clean-up of expired sessions, links and throttle rows; reminders to check directory
// entries (at most one a month per entry); flags on practice fiches not reviewed for a year; the similar
// practices kept longer than a day worked out again;
// check-back reminders for referrals; review reminders for agreements; reminders the day before an event and
// the wipe of registrants' details 90 days after it; the purge of cases whose retention ran out.
const purgeTimer = setInterval(() => {
  remindCheckBacks(deps).catch((err) => app.log.error({ err }, 'referral check-back reminders'));
  purgeExpiredCases(deps, systemActor('bewaartermijn')).catch((err) => app.log.error({ err }, 'case purge'));
  purgeExpiredAccountData(deps).catch((err) => app.log.error({ err }, 'purge of expired account data'));
  remindUnverifiedServices(deps).catch((err) => app.log.error({ err }, 'directory verification reminders'));
  flagUnreviewedPractices(deps).catch((err) => app.log.error({ err }, 'practice review flags'));
  void refreshSimilar();
  remindAgreementReviews(deps, (a) => {
    const t = translator('nl');
    return {
      subject: t('agreement.reminder.subject', { title: a.title }),
      text: t('agreement.reminder.text', {
        title: a.title,
        year: a.schoolYear,
        day: a.reviewOn,
        link: a.link,
      }),
    };
  }).catch((err) => app.log.error({ err }, 'agreement review reminders'));
  remindEventRegistrants(deps).catch((err) => app.log.error({ err }, 'event reminders'));
  wipeEventRegistrants(deps).catch((err) => app.log.error({ err }, 'wipe of event registrants'));
}, 3_600_000);

// Every minute: anonymous "no offer" signals from consultations pass to the signals module.
const signalTimer = setInterval(() => {
  takeCaseSignals(deps).catch((err) => app.log.error({ err }, 'signals from consultations'));
}, 60_000);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'Brugwerk stopt');
  clearInterval(mailTimer);
  clearInterval(purgeTimer);
  clearInterval(signalTimer);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
