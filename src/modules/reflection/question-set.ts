import {
  type CooperationForm,
  cooperationForms,
  type NeedCode,
  needCodes,
} from '../../platform/vocabularies.ts';

// A reflection question set: the three questions of the reflection frame (why work together, under
// which conditions, who does what), each with dimensions, each dimension with exercises. A set is
// data: seeded by migration, edited by curators as plain text in the format below, and kept in
// versions so a session always shows the wording its participants answered.
//
//   Titel: Reflectie voor een schoolteam
//   Inleiding: Beantwoord eerst elk voor jezelf …
//
//   Vraag: waarom
//   Dimensie noden: Welke noden komen binnen?
//   Noden: FIN ADM
//   Vormen: referral
//   Stelling: Ouders vertellen ons over zorgen die niet over leren gaan.
//   Einden: Als een ouder ons over geldzorgen vertelt, …
//   - luisteren we en zoeken we samen verder
//   - verwijzen we meteen door
//   Open: Welke vraag van ouders bleef dit jaar liggen?
//   Buurt: Met welke partners rond de school werken jullie samen?

export const reflectionAudiences = ['school', 'welfare', 'local_government', 'bridge_service'] as const;
export type ReflectionAudience = (typeof reflectionAudiences)[number];

export const reflectionQuestions = ['why', 'conditions', 'roles'] as const;
export type ReflectionQuestion = (typeof reflectionQuestions)[number];

export const exerciseTypes = ['scale', 'endings', 'open', 'neighbourhood'] as const;
export type ExerciseType = (typeof exerciseTypes)[number];

export interface Exercise {
  /** Unique within the set version: the dimension code and the position, e.g. `noden-2`. */
  id: string;
  type: ExerciseType;
  /** The statement, the sentence start, the open question or the neighbourhood prompt. */
  text: string;
  /** For `endings`: the endings to choose from. */
  endings?: string[];
}

export interface Dimension {
  /** Stable across versions and sets, so sessions compare per dimension. */
  code: string;
  question: ReflectionQuestion;
  title: string;
  /** What the dimension is about, to propose matching practices and partners. */
  needs: NeedCode[];
  cooperationForms: CooperationForm[];
  exercises: Exercise[];
}

export interface SetContent {
  title: string;
  introduction: string;
  dimensions: Dimension[];
}

const questionWords: Record<string, ReflectionQuestion> = {
  waarom: 'why',
  voorwaarden: 'conditions',
  rollen: 'roles',
};
const exerciseWords: Record<string, ExerciseType> = {
  stelling: 'scale',
  einden: 'endings',
  open: 'open',
  buurt: 'neighbourhood',
};
const wordOf = (map: Record<string, string>, value: string) =>
  Object.entries(map).find(([, v]) => v === value)![0];

/** A mistake in a set text: a catalogue key and the line it is on. */
export class SetTextError extends Error {
  constructor(
    readonly key: SetTextMistake,
    readonly line: number,
  ) {
    super(`${key} (regel ${line})`);
  }
}
export type SetTextMistake =
  | 'reflection.setText.unknownLine'
  | 'reflection.setText.noTitle'
  | 'reflection.setText.noQuestion'
  | 'reflection.setText.unknownQuestion'
  | 'reflection.setText.noDimension'
  | 'reflection.setText.twiceDimension'
  | 'reflection.setText.unknownNeed'
  | 'reflection.setText.unknownForm'
  | 'reflection.setText.endingOutside'
  | 'reflection.setText.fewEndings'
  | 'reflection.setText.emptyDimension'
  | 'reflection.setText.noDimensions';

/** Reads a set from its text; throws a SetTextError naming the first mistake and its line. */
export function parseSetText(text: string): SetContent {
  const content: SetContent = { title: '', introduction: '', dimensions: [] };
  let question: ReflectionQuestion | null = null;
  let dimension: Dimension | null = null;
  let dimensionLine = 0;
  let lastExercise: Exercise | null = null;
  let lastExerciseLine = 0;
  const closeExercise = () => {
    if (lastExercise?.type === 'endings' && (lastExercise.endings?.length ?? 0) < 2)
      throw new SetTextError('reflection.setText.fewEndings', lastExerciseLine);
  };
  const closeDimension = () => {
    closeExercise();
    if (dimension && dimension.exercises.length === 0)
      throw new SetTextError('reflection.setText.emptyDimension', dimensionLine);
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const n = index + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const ending = /^[-•*]\s+(.+)$/.exec(line);
    if (ending) {
      if (lastExercise?.type !== 'endings') throw new SetTextError('reflection.setText.endingOutside', n);
      lastExercise.endings!.push(ending[1]!.trim());
      return;
    }
    const dim = /^dimensie\s+([a-z][a-z0-9-]{0,39})\s*:\s*(.+)$/i.exec(line);
    const keyed = /^([a-zà-ÿ]+)\s*:\s*(.*)$/i.exec(line);
    if (dim) {
      if (!question) throw new SetTextError('reflection.setText.noQuestion', n);
      closeDimension();
      const code = dim[1]!.toLowerCase();
      if (content.dimensions.some((d) => d.code === code))
        throw new SetTextError('reflection.setText.twiceDimension', n);
      dimension = { code, question, title: dim[2]!.trim(), needs: [], cooperationForms: [], exercises: [] };
      dimensionLine = n;
      lastExercise = null;
      content.dimensions.push(dimension);
      return;
    }
    if (!keyed) throw new SetTextError('reflection.setText.unknownLine', n);
    const key = keyed[1]!.toLowerCase();
    const value = keyed[2]!.trim();
    if (key === 'titel' && !question) content.title = value;
    else if (key === 'inleiding' && !question) content.introduction = value;
    else if (key === 'vraag') {
      const q = questionWords[value.toLowerCase()];
      if (!q) throw new SetTextError('reflection.setText.unknownQuestion', n);
      closeDimension();
      question = q;
      dimension = null;
      lastExercise = null;
    } else if (key === 'noden' || key === 'vormen') {
      if (!dimension) throw new SetTextError('reflection.setText.noDimension', n);
      const codes = value.split(/[\s,]+/).filter(Boolean);
      if (key === 'noden') {
        const wrong = codes.find((c) => !(needCodes as readonly string[]).includes(c.toUpperCase()));
        if (wrong) throw new SetTextError('reflection.setText.unknownNeed', n);
        dimension.needs = codes.map((c) => c.toUpperCase() as NeedCode);
      } else {
        const wrong = codes.find((c) => !(cooperationForms as readonly string[]).includes(c.toLowerCase()));
        if (wrong) throw new SetTextError('reflection.setText.unknownForm', n);
        dimension.cooperationForms = codes.map((c) => c.toLowerCase() as CooperationForm);
      }
    } else if (exerciseWords[key] && value) {
      if (!dimension) throw new SetTextError('reflection.setText.noDimension', n);
      closeExercise();
      const type = exerciseWords[key];
      lastExercise = {
        id: `${dimension.code}-${dimension.exercises.length + 1}`,
        type,
        text: value,
        ...(type === 'endings' ? { endings: [] } : {}),
      };
      lastExerciseLine = n;
      dimension.exercises.push(lastExercise);
    } else throw new SetTextError('reflection.setText.unknownLine', n);
  });
  closeDimension();
  if (!content.title) throw new SetTextError('reflection.setText.noTitle', 1);
  if (content.dimensions.length === 0) throw new SetTextError('reflection.setText.noDimensions', 1);
  return content;
}

/** Writes a set in its text format; parseSetText reads it back to the same set. */
export function setToText(content: SetContent): string {
  const out = [`Titel: ${content.title}`];
  if (content.introduction) out.push(`Inleiding: ${content.introduction}`);
  let question: ReflectionQuestion | null = null;
  for (const d of content.dimensions) {
    if (d.question !== question) {
      question = d.question;
      out.push('', `Vraag: ${wordOf(questionWords, question)}`);
    }
    out.push('', `Dimensie ${d.code}: ${d.title}`);
    if (d.needs.length) out.push(`Noden: ${d.needs.join(' ')}`);
    if (d.cooperationForms.length) out.push(`Vormen: ${d.cooperationForms.join(' ')}`);
    for (const e of d.exercises) {
      const word = wordOf(exerciseWords, e.type);
      out.push(`${word[0]!.toUpperCase()}${word.slice(1)}: ${e.text}`);
      for (const ending of e.endings ?? []) out.push(`- ${ending}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The dimensions a session asks, in the set's order (all when the session names none). */
export function dimensionsOf(content: SetContent, chosen: readonly string[]): Dimension[] {
  return content.dimensions.filter((d) => chosen.length === 0 || chosen.includes(d.code));
}
