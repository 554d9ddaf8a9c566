import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadDemoDataIfEmpty } from './demo.ts';
import * as repo from './modules/accounts/accounts.repository.ts';
import * as accounts from './modules/accounts/accounts.service.ts';
import { currentTotpCode } from './modules/accounts/mfa.service.ts';
import { openPlatform } from './platform/boot.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { BackupError, backupDatabase, restoreDatabase } from './platform/db/backup.ts';
import { DataDirLockedError } from './platform/db/lockfile.ts';
import { decryptSecret } from './platform/crypto.ts';
import { AppError } from './platform/errors.ts';
import { translator } from './platform/i18n/i18n.ts';
import { grantAppRole } from './platform/db/roles.ts';
import { systemActor } from './platform/deps.ts';
import { needCodes, organisationTypes } from './platform/vocabularies.ts';
import { findMunicipality, workRegions } from './modules/regions/regions.service.ts';
import { assignRole } from './modules/collaboration/coordinator-roles.service.ts';
import { coordinatorRoleCodes } from './modules/collaboration/coordinator-roles.table.ts';
import { importIndicatorCsv } from './modules/regions/indicators.service.ts';
import { indicatorAgeGroups, indicatorCombinations } from './modules/regions/regions.table.ts';
import { takeCaseSignals } from './modules/signals/signals.service.ts';
import { purgeExpiredCases } from './modules/cases/cases.retention.ts';
import { exportHsds, readHsdsFiles } from './modules/directory/hsds-files.ts';
import { HsdsImportRefused, importHsds } from './modules/directory/hsds-import.ts';
import { exportPractices } from './modules/practices/practices.api.ts';
import { FicheTextError, parseFicheText } from './modules/practices/fiche-text.ts';
import { importFicheText, municipalityNames } from './modules/practices/practices.service.ts';

const usage = `Gebruik: npm run cli -- <opdracht> [opties]

Opdrachten:
  db:migrate                                   database bijwerken naar het laatste schema
  db:grant --role NAAM                         (server-PostgreSQL) de app-rol rechten geven; de
                                               auditlog mag ze alleen lezen en aanvullen
  user:create --email E --name N --role R [--org SLUG]
                                               gebruiker aanmaken; R is platform-admin, curator,
                                               member, editor of admin (die laatste drie met --org).
                                               Wachtwoord uit BRUGWERK_PASSWORD of een vraag.
  token:create --email E [--name N]            API-sleutel aanmaken; toont alleen de sleutel
  org:create --name N --type T --nis CODE [--slug S]
                                               organisatie aanmaken (T: school, clb, caw, …)
  demo:load                                    demodata laden in een lege database
  demo:code --email E                          de tweestapsverificatiecode van nu voor een
                                               demo-account (alleen demo-accounts)
  hsds:export MAP                              de sociale kaart als Open Referral HSDS 3.0 naar MAP
                                               schrijven: JSON-bestanden en hsds-tabular.zip
  hsds:import BESTAND                          HSDS 3.0 inlezen: een .json-bestand, een .zip-datapakket
                                               of een map; alles of niets, twee keer hetzelfde
                                               bestand verandert niets
  practices:import BESTAND… [--publish]         praktijkfiches inlezen uit tekst (één fiche per
                                               bestand); alles of niets; --publish publiceert ze meteen
  practices:export MAP                         de gepubliceerde fiches als open data naar MAP:
                                               praktijken.json en praktijken.csv (CC BY 4.0)
  role:assign --role R --region NIS --email E --org SLUG [--deputy]
                                               een coördinatorrol in een regio geven (R: rots,
                                               learning_network, lop_expert, signal, bridge_contact;
                                               NIS: een Vlaamse provincie of 04000 voor Brussel)
  indicators:import BESTAND --code C --name N --unit U --year J --source B
      [--combine sum|mean] [--needs FIN,POV] [--age under12|12plus|all] [--lower-is-more-need]
                                               indicatorwaarden per gemeente inlezen (CSV met kolommen
                                               nis en waarde); alles of niets, oude NIS-codes worden
                                               de gemeente van 2025; --combine zegt hoe waarden van
                                               gefuseerde gemeenten samengaan (sum voor aantallen)
  backup BESTAND                               een reservekopie van de database naar BESTAND: een
                                               pg_dump-archief (server-PostgreSQL, ook terwijl de app
                                               draait) of de datamap als .tar.gz (ingebouwde database;
                                               stop de server eerst)
  restore BESTAND [--replace]                  een reservekopie terugzetten in de database van deze
                                               configuratie; een database met gegevens alleen met
                                               --replace (die gegevens worden overschreven)
  cases:purge                                  dossiers wissen waarvan de bewaartermijn voorbij is
  signals:take-case-signals                    anonieme signalen uit het casusoverleg doorgeven aan Signalen
`;

const roles = ['platform-admin', 'curator', 'member', 'editor', 'admin'] as const;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (process.env.BRUGWERK_PASSWORD) return process.env.BRUGWERK_PASSWORD;
  if (!process.stdin.isTTY) fail('Geef het wachtwoord via BRUGWERK_PASSWORD.');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Wachtwoord (minstens 12 tekens): ');
  rl.close();
  return answer;
}

const [command, ...rest] = process.argv.slice(2);
if (!command || command === 'help' || command === '--help') {
  console.log(usage);
  process.exit(command ? 0 : 2);
}
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    org: { type: 'string' },
    type: { type: 'string' },
    nis: { type: 'string' },
    slug: { type: 'string' },
    publish: { type: 'boolean' },
    region: { type: 'string' },
    deputy: { type: 'boolean' },
    code: { type: 'string' },
    unit: { type: 'string' },
    year: { type: 'string' },
    source: { type: 'string' },
    combine: { type: 'string' },
    needs: { type: 'string' },
    age: { type: 'string' },
    'lower-is-more-need': { type: 'boolean' },
    replace: { type: 'boolean' },
  },
  strict: true,
});

// Backup and restore work on the database as it is: no migrations first (a restore goes into an
// empty database, and a backup must not change what it copies).
if (command === 'backup' || command === 'restore') {
  const file = positionals[0] ?? fail(`Geef het bestand: ${command} BESTAND`);
  try {
    const config = loadConfig();
    const started = Date.now();
    if (command === 'backup') await backupDatabase(config, file);
    else await restoreDatabase(config, file, values.replace ?? false);
    console.error(
      `${command === 'backup' ? 'Reservekopie geschreven naar' : 'Teruggezet uit'} ${file} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    process.exit(0);
  } catch (err) {
    if (err instanceof BackupError || err instanceof ConfigError || err instanceof DataDirLockedError)
      fail(err.message);
    throw err;
  }
}

const { database, deps } = await openPlatform();
const actor = systemActor(`cli:${command}`);
try {
  switch (command) {
    case 'db:migrate':
      console.error('Database is bijgewerkt.');
      break;
    case 'db:grant': {
      if (deps.engine !== 'postgres') fail('db:grant is alleen voor server-PostgreSQL (DATABASE_URL).');
      if (!values.role) fail('Geef --role NAAM.');
      await grantAppRole(deps.db, values.role);
      console.error(`Rechten gegeven aan ${values.role}.`);
      break;
    }
    case 'user:create': {
      const input = z
        .object({
          email: z.string().email(),
          name: z.string().min(1),
          role: z.enum(roles),
          org: z.string().optional(),
        })
        .safeParse(values);
      if (!input.success) fail(`Ongeldige opties.\n\n${usage}`);
      const { email, name, role, org } = input.data;
      const isPlatformRole = role === 'platform-admin' || role === 'curator';
      if (!isPlatformRole && !org) fail(`De rol ${role} hoort bij een organisatie: geef --org SLUG.`);
      const organisation = org ? await repo.findOrganisationBySlug(deps.db, org) : undefined;
      if (org && !organisation) fail(`Organisatie "${org}" bestaat niet.`);
      const password = await askPassword();
      if (password.length < 12) fail('Het wachtwoord moet minstens 12 tekens lang zijn.');
      const user = await accounts.createUser(deps, actor, {
        email,
        name,
        password,
        platformRoles: isPlatformRole ? [role] : [],
      });
      if (organisation && !isPlatformRole) {
        await accounts.setMembership(deps, actor, { userId: user.id, organisationId: organisation.id, role });
      }
      console.error(`Gebruiker ${user.email} aangemaakt.`);
      break;
    }
    case 'role:assign': {
      const code = z.enum(coordinatorRoleCodes).safeParse(values.role);
      if (!code.success) fail(`Onbekende rol. Kies uit: ${coordinatorRoleCodes.join(', ')}.`);
      const regions = await workRegions(deps);
      if (!regions.some((r) => r.code === values.region))
        fail(`Onbekende regio. Kies uit: ${regions.map((r) => `${r.code} (${r.nameNl})`).join(', ')}.`);
      const user = values.email ? await repo.findUserByEmail(deps.db, values.email) : undefined;
      if (!user) fail('Geef --email van een bestaande gebruiker.');
      const organisation = values.org ? await repo.findOrganisationBySlug(deps.db, values.org) : undefined;
      if (!organisation) fail('Geef --org SLUG van de organisatie waarvoor die persoon de rol opneemt.');
      await assignRole(deps, actor, {
        code: code.data,
        regionCode: values.region!,
        userId: user.id,
        organisationId: organisation.id,
        deputy: values.deputy ?? false,
      });
      console.error(`${user.email} heeft nu de rol ${code.data} in regio ${values.region}.`);
      break;
    }
    case 'cases:purge': {
      const purged = await purgeExpiredCases(deps, actor);
      console.error(`${purged} dossier(s) gewist.`);
      break;
    }
    case 'indicators:import': {
      const input = z
        .object({
          code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
          name: z.string().min(1),
          unit: z.string().min(1),
          year: z.coerce.number().int().min(1990).max(2100),
          source: z.string().min(1),
          combine: z.enum(indicatorCombinations).default('mean'),
          needs: z
            .string()
            .default('')
            .transform((v) => v.split(',').filter(Boolean))
            .pipe(z.array(z.enum(needCodes))),
          age: z.enum(indicatorAgeGroups).default('all'),
          'lower-is-more-need': z.boolean().default(false),
        })
        .safeParse(values);
      if (!input.success || positionals.length !== 1) fail(`Ongeldige opties.\n\n${usage}`);
      const o = input.data;
      const result = await importIndicatorCsv(deps, actor, {
        indicator: {
          code: o.code,
          nameNl: o.name,
          nameFr: null,
          unit: o.unit,
          combine: o.combine,
          higherMeansMoreNeed: !o['lower-is-more-need'],
          ageGroup: o.age,
          needs: o.needs,
        },
        year: o.year,
        source: o.source,
        csv: await readFile(positionals[0]!, 'utf8'),
      });
      if (!result.ok) {
        const t = translator('nl');
        fail(
          `Niets ingelezen:\n${result.problems
            .map(
              (p) =>
                `  ${t(`regions.import.problem.${p.problem}`, { line: p.line, nis: p.nis ?? '', value: p.value ?? '' })}`,
            )
            .join('\n')}`,
        );
      }
      console.error(
        `${result.rows} rij(en) gelezen, ${result.changed} wijziging(en), ${result.mergedFrom} rij(en) via een fusie.`,
      );
      break;
    }
    case 'signals:take-case-signals': {
      const taken = await takeCaseSignals(deps);
      console.error(`${taken} signaal/signalen doorgegeven.`);
      break;
    }
    case 'token:create': {
      if (!values.email) fail('Geef --email.');
      const user = await repo.findUserByEmail(deps.db, values.email);
      if (!user) fail(`Geen gebruiker met e-mailadres ${values.email}.`);
      const token = await accounts.createApiToken(deps, actor, user.id, values.name ?? 'CLI');
      console.log(token);
      break;
    }
    case 'org:create': {
      const input = z
        .object({
          name: z.string().min(1),
          type: z.enum(organisationTypes),
          nis: z.string().regex(/^\d{5}$/),
          slug: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
            .optional(),
        })
        .safeParse(values);
      if (!input.success) fail(`Ongeldige opties. Soorten: ${organisationTypes.join(', ')}.\n\n${usage}`);
      if (!(await findMunicipality(deps, input.data.nis))) fail(`Gemeente ${input.data.nis} bestaat niet.`);
      const organisation = await accounts.createOrganisation(deps, actor, {
        slug: input.data.slug ?? accounts.slugify(input.data.name),
        name: input.data.name,
        type: input.data.type,
        municipalityNis: input.data.nis,
      });
      console.log(organisation.slug);
      break;
    }
    case 'demo:load': {
      const demo = await loadDemoDataIfEmpty(deps);
      if (!demo) {
        console.error('De database is niet leeg; er is niets geladen.');
        break;
      }
      for (const a of demo)
        console.error(`${a.email}\t${a.password}\t${a.description}\t${a.secondFactorKey ?? ''}`);
      break;
    }
    case 'demo:code': {
      // Demo accounts only: their keys are printed at load anyway; a real account's never leaves.
      const user = values.email ? await repo.findUserByEmail(deps.db, values.email) : undefined;
      if (!user?.is_demo || !user.totp_secret_encrypted)
        fail('Geef --email van een demo-account met tweestapsverificatie.');
      const secret = decryptSecret(user.totp_secret_encrypted, deps.config.secrets.DATA_ENCRYPTION_KEY);
      console.log(await currentTotpCode(secret, user.email, deps.clock.now()));
      break;
    }
    case 'hsds:export': {
      const directory = positionals[0] ?? fail('Geef de map: hsds:export MAP');
      for (const f of await exportHsds(deps.db, directory)) console.error(`${f.file}\t${f.records} records`);
      break;
    }
    case 'hsds:import': {
      const file = positionals[0] ?? fail('Geef het bestand: hsds:import BESTAND');
      const files = await readHsdsFiles(file).catch(() => fail(`${file} bestaat niet of is niet leesbaar.`));
      try {
        const result = await importHsds(deps.db, files, actor, deps.clock.now());
        for (const [table, n] of Object.entries(result.counts)) {
          if (n.added + n.changed + n.unchanged)
            console.error(`${table}\t${n.added} nieuw, ${n.changed} gewijzigd, ${n.unchanged} ongewijzigd`);
        }
        for (const note of result.notes) console.error(`opmerking: ${note}`);
      } catch (err) {
        if (!(err instanceof HsdsImportRefused)) throw err;
        fail(
          `Niets ingevoerd: het bestand heeft ${err.problems.length} problemen.\n${err.problems.join('\n')}`,
        );
      }
      break;
    }
    case 'practices:import': {
      if (positionals.length === 0) fail('Geef de bestanden: practices:import BESTAND… [--publish]');
      const texts = await Promise.all(
        positionals.map((file) =>
          readFile(file, 'utf8').catch(() => fail(`${file} bestaat niet of is niet leesbaar.`)),
        ),
      );
      // Every file is read first: one that is not a fiche stops the whole import.
      const municipalities = await municipalityNames(deps);
      const refused = texts.flatMap((text, i) => {
        try {
          parseFicheText(text, municipalities);
          return [];
        } catch (err) {
          if (err instanceof FicheTextError) return [`${positionals[i]}: ${err.message}`];
          throw err;
        }
      });
      if (refused.length) fail(`Niets ingevoerd.\n${refused.join('\n')}`);
      for (const [i, text] of texts.entries()) {
        const { id, fiche } = await importFicheText(deps, actor, text, {
          publish: values.publish ?? false,
          ownerOrganisationId: null,
          municipalities,
        });
        console.error(`${positionals[i]}\t${values.publish ? 'gepubliceerd' : 'ontwerp'}\t${fiche.title}`);
        console.log(id);
      }
      break;
    }
    case 'practices:export': {
      const directory = positionals[0] ?? fail('Geef de map: practices:export MAP');
      for (const f of await exportPractices(deps.db, deps.config.publicUrl, directory))
        console.error(`${f.file}\t${f.records} fiches`);
      break;
    }
    default:
      fail(`Onbekende opdracht "${command}".\n\n${usage}`);
  }
} catch (err) {
  if (err instanceof AppError && (err.code === 'EmailTaken' || err.code === 'SlugTaken')) {
    fail(translator('nl')(err.messageKey));
  }
  throw err;
} finally {
  await database.close();
}
