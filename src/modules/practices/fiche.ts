import { z } from 'zod';
import { checkboxValues, optionalEmail, requiredText } from '../../platform/http/forms.ts';
import { cooperationForms, needCodes } from '../../platform/vocabularies.ts';
import { type FicheText, municipalitiesIn, placesToText, readPlaces } from './fiche-text.ts';

// The whole fiche as a version keeps it: the sections of the text format plus what only Brugwerk
// keeps (needs, cooperation forms, where and since when it runs, building blocks, evidence,
// figures per school year, who runs it in the sociale kaart, a contact).

export const evidenceSteps = ['described', 'peer_reviewed', 'externally_rated'] as const;
export type EvidenceStep = (typeof evidenceSteps)[number];

export interface PracticeSite {
  /** The school or organisation where the practice model runs. */
  name: string;
  /** NIS code of its municipality, when given. */
  nis: string | null;
  municipality: string | null;
  /** Since when, as YYYY-MM. */
  since: string;
  /** The building blocks run there (names from buildingBlocks). */
  blocks: string[];
}

export interface BuildingBlock {
  name: string;
  description: string;
}

export interface ExternalRating {
  source: string;
  url: string;
  summary: string;
}

export interface YearFigure {
  /** "2024-2025" */
  schoolYear: string;
  indicator: string;
  value: number;
}

export interface DirectoryLink {
  kind: 'service' | 'organization';
  id: string;
}

export interface FicheContent extends FicheText {
  needCodes: string[];
  cooperationForms: string[];
  sites: PracticeSite[];
  buildingBlocks: BuildingBlock[];
  evidenceStep: EvidenceStep;
  ratings: ExternalRating[];
  figures: YearFigure[];
  runBy: DirectoryLink[];
  contact: { name: string; email: string; phone: string };
}

/** A fiche read from text: what the text format does not carry starts empty. */
export const contentFromText = (text: FicheText): FicheContent => ({
  ...text,
  needCodes: [],
  cooperationForms: [],
  sites: [],
  buildingBlocks: [],
  evidenceStep: 'described',
  ratings: [],
  figures: [],
  runBy: [],
  contact: { name: '', email: '', phone: '' },
});

/** The part of a fiche the text format carries. */
export const textPart = (c: FicheContent): FicheText => ({
  title: c.title,
  introduction: c.introduction,
  category: c.category,
  goals: c.goals,
  targetGroups: c.targetGroups,
  description: c.description,
  successFactors: c.successFactors,
  challenges: c.challenges,
  places: c.places,
  policyDomains: c.policyDomains,
});

// ---- The edit form: one field per part; lists and tables as one line per item -------------------

const SEP = /\s*;\s*/;
const lines = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l, i) => ({ n: i + 1, text: l.trim() }))
    .filter((l) => l.text !== '');
const lineList = z
  .string()
  .max(10_000, { message: 'validation.tooLong' })
  .optional()
  .transform((v) => lines(v ?? '').map((l) => l.text.replace(/^[•\-*]\s+/, '')));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'validation.tooLong' })
    .optional()
    .transform((v) => v ?? '');

type LineIssue = { message: string; line: number };
/** A textarea read line by line; `read` returns the item or a message key for that line. */
const lineTable = <T>(read: (parts: string[], line: string) => T | string) =>
  z
    .string()
    .max(20_000, { message: 'validation.tooLong' })
    .optional()
    .transform((v, ctx) => {
      const out: T[] = [];
      const issues: LineIssue[] = [];
      for (const l of lines(v ?? '')) {
        const item = read(l.text.split(SEP), l.text);
        if (typeof item === 'string') issues.push({ message: item, line: l.n });
        else out.push(item);
      }
      for (const i of issues.slice(0, 1))
        ctx.addIssue({ code: 'custom', message: i.message, params: { line: i.line } });
      return out;
    });

const schoolYear = /^(\d{4})-(\d{4})$/;
const isSchoolYear = (s: string) => {
  const m = schoolYear.exec(s);
  return Boolean(m && Number(m[2]) === Number(m[1]) + 1);
};

const directoryLinkPattern =
  /(?:sociale-kaart\/(aanbod|organisaties)\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** The edit form of a fiche; `municipalities` maps lower-case names to NIS codes. */
export function ficheForm(municipalities: Map<string, string>) {
  const municipality = (name: string) => municipalities.get(name.toLowerCase());
  return z
    .object({
      title: requiredText(150),
      introduction: optionalText(1000),
      category: optionalText(100),
      goals: lineList,
      targetGroups: lineList,
      description: requiredText(20_000),
      successFactors: lineList,
      challenges: lineList,
      places: z
        .string()
        .max(10_000, { message: 'validation.tooLong' })
        .optional()
        .transform((v, ctx) => {
          const all = lines(v ?? '');
          if (all[0] && !municipalitiesIn(all[0].text, municipalities))
            ctx.addIssue({
              code: 'custom',
              message: 'practices.form.placeFirst',
              params: { line: all[0].n },
            });
          return readPlaces(
            all.map((l) => l.text),
            municipalities,
          );
        }),
      policyDomains: lineList,
      needCodes: checkboxValues(needCodes),
      cooperationForms: checkboxValues(cooperationForms),
      buildingBlocks: lineTable<BuildingBlock>((_, line) => {
        const m = /^([^:]{1,80}):\s*(.*)$/.exec(line);
        return m ? { name: m[1]!.trim(), description: m[2]!.trim() } : { name: line, description: '' };
      }),
      sites: lineTable<PracticeSite>(([name, place, since, blocks]) => {
        if (!name) return 'practices.form.siteName';
        const nis = place ? municipality(place) : undefined;
        if (place && !nis) return 'practices.form.unknownMunicipality';
        if (!since || !/^\d{4}-(0[1-9]|1[0-2])$/.test(since)) return 'practices.form.siteSince';
        return {
          name,
          nis: nis ?? null,
          municipality: place || null,
          since,
          blocks: (blocks ?? '')
            .split(/\s*,\s*/)
            .map((b) => b.trim())
            .filter(Boolean),
        };
      }),
      evidenceStep: z.enum(evidenceSteps, { message: 'validation.choose' }),
      ratings: lineTable<ExternalRating>(([source, url, summary]) => {
        if (!source || !url || !/^https?:\/\/\S+$/.test(url)) return 'practices.form.rating';
        return { source, url, summary: summary ?? '' };
      }),
      figures: lineTable<YearFigure>(([year, indicator, value]) => {
        if (!year || !isSchoolYear(year)) return 'practices.form.schoolYear';
        const number = Number((value ?? '').replace(',', '.'));
        if (!indicator || !value || !Number.isFinite(number) || number < 0) return 'practices.form.figure';
        return { schoolYear: year, indicator, value: number };
      }),
      runBy: lineTable<DirectoryLink>((_, line) => {
        const m = directoryLinkPattern.exec(line);
        if (!m) return 'practices.form.runBy';
        return { kind: m[1] === 'organisaties' ? 'organization' : 'service', id: m[2]!.toLowerCase() };
      }),
      contactName: optionalText(200),
      contactEmail: optionalEmail,
      contactPhone: optionalText(50),
    })
    .superRefine((f, ctx) => {
      const known = new Set(f.buildingBlocks.map((b) => b.name.toLowerCase()));
      const unknown = f.sites.flatMap((s) => s.blocks).find((b) => !known.has(b.toLowerCase()));
      if (unknown)
        ctx.addIssue({
          code: 'custom',
          path: ['sites'],
          message: 'practices.form.unknownBlock',
          params: { block: unknown },
        });
      const seen = new Set<string>();
      for (const fig of f.figures) {
        const key = `${fig.schoolYear}|${fig.indicator.toLowerCase()}`;
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['figures'],
            message: 'practices.form.figureTwice',
            params: { year: fig.schoolYear, indicator: fig.indicator },
          });
        seen.add(key);
      }
      if (f.evidenceStep === 'externally_rated' && f.ratings.length === 0)
        ctx.addIssue({ code: 'custom', path: ['ratings'], message: 'practices.form.ratingNeeded' });
    })
    .transform((f): FicheContent => ({
      title: f.title,
      introduction: f.introduction,
      category: f.category || null,
      goals: f.goals,
      targetGroups: f.targetGroups,
      description: f.description,
      successFactors: f.successFactors,
      challenges: f.challenges,
      places: f.places,
      policyDomains: f.policyDomains,
      needCodes: f.needCodes,
      cooperationForms: f.cooperationForms,
      sites: f.sites,
      buildingBlocks: f.buildingBlocks,
      evidenceStep: f.evidenceStep,
      ratings: f.ratings,
      figures: f.figures,
      runBy: f.runBy,
      contact: { name: f.contactName, email: f.contactEmail, phone: f.contactPhone },
    }));
}

/** A fiche as the edit form shows it; ficheForm reads these values back to the same fiche. */
export function ficheFormValues(c: FicheContent): Record<string, string | string[]> {
  const join = (rows: string[]) => rows.join('\n');
  return {
    title: c.title,
    introduction: c.introduction,
    category: c.category ?? '',
    goals: join(c.goals),
    targetGroups: join(c.targetGroups),
    description: c.description,
    successFactors: join(c.successFactors),
    challenges: join(c.challenges),
    places: placesToText(c.places),
    policyDomains: join(c.policyDomains),
    needCodes: c.needCodes,
    cooperationForms: c.cooperationForms,
    buildingBlocks: join(
      c.buildingBlocks.map((b) => (b.description ? `${b.name}: ${b.description}` : b.name)),
    ),
    sites: join(c.sites.map((s) => [s.name, s.municipality ?? '', s.since, s.blocks.join(', ')].join('; '))),
    evidenceStep: c.evidenceStep,
    ratings: join(c.ratings.map((r) => [r.source, r.url, r.summary].join('; '))),
    figures: join(c.figures.map((f) => [f.schoolYear, f.indicator, String(f.value)].join('; '))),
    runBy: join(
      c.runBy.map((l) => `/sociale-kaart/${l.kind === 'service' ? 'aanbod' : 'organisaties'}/${l.id}`),
    ),
    contactName: c.contact.name,
    contactEmail: c.contact.email,
    contactPhone: c.contact.phone,
  };
}

/** A new, empty fiche. */
export const emptyFiche = (): FicheContent =>
  contentFromText({
    title: '',
    introduction: '',
    category: null,
    goals: [],
    targetGroups: [],
    description: '',
    successFactors: [],
    challenges: [],
    places: [],
    policyDomains: [],
  });

export const ficheFields = Object.keys(ficheFormValues(emptyFiche()));

/** The fields whose form text differs between two versions, with both texts: for comparing versions. */
export function changedFields(a: FicheContent, b: FicheContent) {
  const before = ficheFormValues(a);
  const after = ficheFormValues(b);
  const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
  return ficheFields
    .filter((f) => text(before[f]) !== text(after[f]))
    .map((field) => ({ field, before: text(before[field]), after: text(after[field]) }));
}
