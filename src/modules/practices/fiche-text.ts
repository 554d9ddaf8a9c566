// The text format in which practice databases publish their fiches: a title, an introduction, and
// headed sections; headings stand alone on a line, list items start with "•". Read into a fiche and
// written back the same way, so text → fiche → text → fiche is stable.

export interface FichePlace {
  /** NIS code of the municipality (2025). */
  nis: string;
  /** The municipality as the text names it. */
  municipality: string;
  /** The local name of the project there ("Voorleeswoensdag"), when the text gives one. */
  localName: string | null;
  /** What happens there. */
  line: string;
}

export interface FicheText {
  title: string;
  introduction: string;
  category: string | null;
  goals: string[];
  targetGroups: string[];
  /** Paragraphs and lists in limited Markdown; unknown sections are kept here under a bold heading. */
  description: string;
  successFactors: string[];
  challenges: string[];
  places: FichePlace[];
  policyDomains: string[];
}

type ListField = 'goals' | 'targetGroups' | 'successFactors' | 'challenges' | 'policyDomains';

// The sections, in the order they are written; the first name is the one written.
const sections: { names: string[]; field: ListField | 'category' | 'description' | 'places' }[] = [
  { names: ['Categorie'], field: 'category' },
  { names: ['Doelen', 'Doel'], field: 'goals' },
  { names: ['Doelgroep', 'Doelgroepen'], field: 'targetGroups' },
  { names: ['Beschrijving'], field: 'description' },
  { names: ['Succesfactoren'], field: 'successFactors' },
  { names: ['Uitdagingen'], field: 'challenges' },
  { names: ['Deze praktijk in'], field: 'places' },
  { names: ['Beleidsdomeinen', 'Beleidsdomein'], field: 'policyDomains' },
];

const sectionOf = (line: string) =>
  sections.find((s) => s.names.some((n) => n.toLowerCase() === line.replace(/:$/, '').trim().toLowerCase()));

const BULLET = /^\s*[•\-*]\s+/;

// Lines that are not part of the fiche: image file names, image captions, the database's own calls
// to action.
const ignored = [
  /^\S+\.(jpe?g|png|gif|webp|svg)$/i,
  /^provider image$/i,
  /^staat jouw praktijk nog niet in de databank/i,
  /^deze databank bouwen we samen/i,
];

export class FicheTextError extends Error {
  constructor(readonly missing: string[]) {
    super(`Deze tekst is geen fiche: ${missing.join('; ')}.`);
  }
}

/** Blocks of non-empty lines, separated by blank lines. */
function blocks(text: string): string[][] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => !ignored.some((re) => re.test(l.trim())));
  const result: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) result.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) result.push(current);
  return result;
}

/** A block as list items (bullets), or as one item per paragraph. */
const items = (block: string[]) =>
  block.some((l) => BULLET.test(l))
    ? block.filter((l) => BULLET.test(l)).map((l) => l.replace(BULLET, '').trim())
    : [block.map((l) => l.trim()).join(' ')];

/** A lone short line followed by content, inside a section that already has content: a heading we do not know. */
const looksLikeHeading = (block: string[]) =>
  block.length === 1 &&
  block[0]!.length <= 60 &&
  !BULLET.test(block[0]!) &&
  !block[0]!.trim().startsWith('**') &&
  !/[.!?;,]$/.test(block[0]!.trim());

/**
 * Reads a fiche. `municipalities` maps lower-case names (Dutch and French) to NIS codes; `title`
 * overrides the text's own. Throws FicheTextError naming what is missing.
 */
export function parseFicheText(
  text: string,
  municipalities: Map<string, string>,
  options: { title?: string | undefined } = {},
): FicheText {
  const all = blocks(text);
  const firstHeading = all.findIndex((b) => b.length === 1 && sectionOf(b[0]!));
  const before = firstHeading === -1 ? all : all.slice(0, firstHeading);
  const fiche: FicheText = {
    title: options.title?.trim() ?? '',
    introduction: '',
    category: null,
    goals: [],
    targetGroups: [],
    description: '',
    successFactors: [],
    challenges: [],
    places: [],
    policyDomains: [],
  };
  // The first short line is the title, the paragraphs after it the introduction.
  const [first, ...rest] = before;
  const textTitle = first && first.length === 1 && first[0]!.length <= 150 ? first[0]!.trim() : '';
  if (!fiche.title) fiche.title = textTitle;
  fiche.introduction = (textTitle ? rest : before).map((b) => b.map((l) => l.trim()).join(' ')).join('\n\n');

  const description: string[] = [];
  const seen = new Set<string>();
  let section: (typeof sections)[number] | undefined;
  let contentInSection = 0;
  const placeLines: string[] = [];
  const body = firstHeading === -1 ? [] : all.slice(firstHeading);
  for (const [i, block] of body.entries()) {
    const known = block.length === 1 ? sectionOf(block[0]!) : undefined;
    if (known) {
      section = known;
      seen.add(known.field);
      contentInSection = 0;
      continue;
    }
    const next = body[i + 1];
    const nextIsContent = next !== undefined && !(next.length === 1 && sectionOf(next[0]!));
    if (section?.field !== 'places' && contentInSection > 0 && nextIsContent && looksLikeHeading(block)) {
      // A heading we do not know: its text goes to the description, under the heading in bold.
      section = { names: [], field: 'description' };
      description.push(`**${block[0]!.trim()}**`);
      contentInSection = 0;
      continue;
    }
    contentInSection++;
    switch (section!.field) {
      case 'category':
        fiche.category = [fiche.category, block.map((l) => l.trim()).join(' ')].filter(Boolean).join(' ');
        break;
      case 'description':
        description.push(
          block.map((l) => (BULLET.test(l) ? `- ${l.replace(BULLET, '').trim()}` : l.trim())).join('\n'),
        );
        break;
      case 'places':
        placeLines.push(...block);
        break;
      default:
        fiche[section!.field as ListField].push(...items(block));
    }
  }
  fiche.description = description.join('\n\n');
  fiche.places = readPlaces(placeLines, municipalities);

  const missing: string[] = [];
  if (!fiche.title) missing.push('een titel (de eerste korte regel, of de parameter title)');
  if (seen.size === 0) missing.push(`de herkenbare secties (${sections.map((s) => s.names[0]).join(', ')})`);
  else if (!seen.has('description')) missing.push('de sectie Beschrijving');
  if (missing.length) throw new FicheTextError(missing);
  return fiche;
}

/**
 * Places from the lines of "Deze praktijk in": a line naming known municipalities opens a place for
 * each, the lines after it (`Naam: uitleg`, or plain lines) describe the project there.
 */
export function readPlaces(lines: string[], municipalities: Map<string, string>): FichePlace[] {
  const all: FichePlace[] = [];
  let current: FichePlace[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const named = municipalitiesIn(line, municipalities);
    if (named) {
      current = named.map(([name, nis]) => ({ nis, municipality: name, localName: null, line: '' }));
      all.push(...current);
      continue;
    }
    const content = line.replace(BULLET, '').trim();
    for (const place of current) {
      const colon = /^([^:]{1,80}):\s+(.+)$/.exec(content);
      if (!place.line && !place.localName && colon) {
        place.localName = colon[1]!.trim();
        place.line = colon[2]!.trim();
      } else place.line = [place.line, content].filter(Boolean).join('\n');
    }
  }
  return all;
}

/** Places written as readPlaces reads them. */
export function placesToText(places: FichePlace[]): string {
  return places
    .flatMap((p) => [
      p.municipality,
      ...(p.line || p.localName ? [p.localName ? `${p.localName}: ${p.line}` : p.line] : []),
    ])
    .join('\n\n');
}

/** The municipalities a line names ("Gent", "Aalst en Lede", "Gent, Melle"), or null when it names none. */
export function municipalitiesIn(
  line: string,
  municipalities: Map<string, string>,
): [string, string][] | null {
  if (BULLET.test(line) || line.includes(':')) return null;
  const parts = line
    .split(/\s*,\s*|\s+en\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const found = parts.map((p) => [p, municipalities.get(p.toLowerCase())] as const);
  return found.length && found.every(([, nis]) => nis) ? found.map(([p, nis]) => [p, nis!]) : null;
}

/** Writes a fiche in the same format; parseFicheText reads it back to the same fiche. */
export function ficheToText(fiche: FicheText): string {
  const out: string[] = [fiche.title];
  if (fiche.introduction) out.push(fiche.introduction);
  const list = (values: string[]) => values.map((v) => ` • ${v}`).join('\n');
  for (const s of sections) {
    const heading = s.names[0]!;
    if (s.field === 'category' && fiche.category) out.push(heading, fiche.category);
    else if (s.field === 'description' && fiche.description)
      out.push(heading, fiche.description.replace(/^- /gm, ' • '));
    else if (s.field === 'places' && fiche.places.length) out.push(heading, placesToText(fiche.places));
    else if (s.field !== 'category' && s.field !== 'description' && s.field !== 'places') {
      const values = fiche[s.field];
      if (values.length) out.push(heading, list(values));
    }
  }
  return `${out.join('\n\n')}\n`;
}
