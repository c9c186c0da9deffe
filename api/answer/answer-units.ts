// What an answer is made of: units, not loose sentences. A sentence comes with the sentences
// that continue it (an anaphor such as "Dit", "Deze gemeenten", "Hierbij", an example), a list
// with its introduction, a byline with the title it dates; a unit and the one after it in its
// paragraph are a candidate too. The same text in two documents is one unit with both sources.
// Never a question, a heading, a fragment, a lone list introduction or a sentence that addresses
// an assistant (language/addresses-the-assistant.ts) as what a unit stands on or holds:
// those are principles, not tuning.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { foldWord } from '../language/fold.js';
import { words } from '../language/words.js';
import { holdsAny } from '../retrieve/concept-matches.js';
import type { SentenceEvidence } from '../retrieve/evidence.js';
import type { RetrievedPassage } from '../retrieve/retriever.js';
import { answersForm, type QuestionForm } from './question-form.js';

/**
 * Sentences the union of two overlapping units holds at most: a pair and one sentence more. Out of
 * fold, 5 and 6 gave the same figures by question and by document; the shorter answer wins.
 */
const MAX_UNION = 5;
/** Sentences a unit holds besides its list items: the sentence and at most two that continue it. */
const MAX_CONTINUED = 3;
/** Items a list brings with its introduction. */
const MAX_LIST_ITEMS = 5;
/** "2.2.", "3.", "4)": the number of a section or item, which the sentence splitter may leave on its own. */
const SECTION_NUMBER = /^\d+(?:\.\d+)*[.)]$/;
/** A unit and the next one in its paragraph, together: at most this many sentences. */
const MAX_PAIRED = 4;

/**
 * First words that lean on the sentence before: demonstratives and pronominal adverbs ("Dit",
 * "Deze", "Daardoor", "Hierbij"), personal pronouns, and the words that open an example of what
 * was just said. An addition ("Ook …", "Daarnaast …") makes a point of its own and stands alone.
 */
const LEANS_BACK = /^(dit|deze|die|dat|daar(?!naast)\p{L}*|hier\p{L}*|zij|ze|hij|hun|hen|zo|zoals|bijvoorbeeld|denk)$/u;

/**
 * - sentences: a sentence with what continues it;
 * - pair: such a unit and the next one in its paragraph;
 * - list: an introduction ("… zoals:") with its items;
 * - byline: who wrote something and when, with the title it belongs to.
 */
export type UnitKind = 'sentences' | 'pair' | 'list' | 'byline';

/** One source of a unit: its passage and the sentences there. */
export interface UnitSource {
  passage: RetrievedPassage;
  sentences: SentenceEvidence[];
}

export interface AnswerUnit {
  /** The best-ranked source first; the same text in other documents after it. */
  sources: UnitSource[];
  /** The unit's text as quoted: its sentences joined by a space. */
  text: string;
  kind: UnitKind;
}

/** The units of the given passages (best first), each text once. */
export function answerUnits(passages: readonly RetrievedPassage[]): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  const byText = new Map<string, AnswerUnit>();
  const claimed = new Set<string>();
  for (const passage of passages) {
    for (const { indexes, kind, text, key } of layoutOf(passage)) {
      const sentences = indexes.map((i) => passage.evidence.sentences[i]!);
      const same = byText.get(key);
      if (same) {
        // The same words in another document (a second version of a dossier): one unit, both sources.
        if (!same.sources.some((source) => source.passage.passage.documentId === passage.passage.documentId)) same.sources.push({ passage, sentences });
        continue;
      }
      // Overlapping passages of one document hold the same sentences: the better-ranked one keeps them.
      const span = `${passage.passage.documentId}:${sentences[0]!.sentence.start}-${sentences.at(-1)!.sentence.end}`;
      if (claimed.has(span)) continue;
      claimed.add(span);
      const unit: AnswerUnit = { sources: [{ passage, sentences }], text, kind };
      byText.set(key, unit);
      units.push(unit);
    }
  }
  return units;
}

/** Where a passage's units lie among its sentences: the same for every question, so laid out once per passage. */
interface Layout {
  indexes: number[];
  kind: UnitKind;
  text: string;
  /** The text as compared across documents. */
  key: string;
}

/** Passages whose unit layout is kept between questions (bounded; colleagues' questions return to the same passages). */
const LAID_OUT_PASSAGES = 4096;
const layouts = new Map<string, { text: string; layout: Layout[] }>();

function layoutOf(passage: RetrievedPassage): Layout[] {
  const { id, text } = passage.passage;
  const known = layouts.get(id);
  // Keyed by id and checked against the text: a rebuilt index may give an id other words.
  if (known && known.text === text) return known.layout;
  const sentences = passage.evidence.sentences;
  const layout = unitsOfPassage(passage).map(({ sentences: members, kind }) => {
    const joined = quotedText(members);
    return { indexes: members.map((member) => sentences.indexOf(member)), kind, text: joined, key: comparable(joined) };
  });
  if (layouts.size >= LAID_OUT_PASSAGES) layouts.delete(layouts.keys().next().value!);
  layouts.set(id, { text, layout });
  return layout;
}

/** A unit's text as quoted: its sentences joined by a space. */
function quotedText(sentences: readonly SentenceEvidence[]): string {
  return sentences.map((sentence) => sentence.sentence.text).join(' ');
}

/** The sentences of a unit, as its main source holds them. */
export function unitSentences(unit: AnswerUnit): SentenceEvidence[] {
  return unit.sources[0]!.sentences;
}

/** The terms of several sentences together. */
export function termsOfSentences(sentences: readonly Pick<SentenceEvidence, 'terms'>[]): Set<string> {
  const terms = new Set<string>();
  for (const sentence of sentences) for (const term of sentence.terms) terms.add(term);
  return terms;
}

/**
 * Whether the unit has the type of answer the question asks for. A definition or a role is said
 * by one sentence ("Respijtzorg is …"), not by a list introduction ending in "mantelzorg:" and the
 * items after it; reasons, figures, dates, names and enumerations may span the unit.
 */
export function hasAskedForm(unit: AnswerUnit, form: QuestionForm, analyzer: DutchAnalyzer): boolean {
  if (form.form === 'other') return false;
  if (form.form === 'definition' || form.form === 'role' || form.measure === 'count') {
    // Only a sentence holding a term of the subject can define it, name the role or count it: most do not, and are not read word by word.
    return unitSentences(unit).some((sentence) => holdsAny(sentence.terms, form.subjectTerms) && answersForm(sentence.sentence.text, form, analyzer));
  }
  return answersForm(unit.text, form, analyzer, unit.kind === 'list');
}

/**
 * Whether two units share a sentence: the same place in one document, or the same words in two
 * (a second version of a dossier cut into other units), so no answer says one thing twice.
 */
export function overlap(a: AnswerUnit, b: AnswerUnit): boolean {
  const samePlace = a.sources.some((x) =>
    b.sources.some(
      (y) =>
        x.passage.passage.documentId === y.passage.passage.documentId &&
        x.sentences[0]!.sentence.start < y.sentences.at(-1)!.sentence.end &&
        y.sentences[0]!.sentence.start < x.sentences.at(-1)!.sentence.end,
    ),
  );
  if (samePlace) return true;
  const said = new Set(unitSentences(a).map((sentence) => comparable(sentence.sentence.text)));
  return unitSentences(b).some((sentence) => said.has(comparable(sentence.sentence.text)));
}

/**
 * Two units that overlap in one passage, as one: the sentences from the first of `a` (the better
 * one) to the last of either, in the sources where both lie, so an answer opens with its best
 * sentence. Null when they overlap in no passage, when the union would be more than MAX_UNION
 * sentences or add nothing, or for a byline (it dates its title only).
 */
export function unionOf(a: AnswerUnit, b: AnswerUnit): AnswerUnit | null {
  if (a.kind === 'byline' || b.kind === 'byline') return null;
  const sources = a.sources.flatMap((source): UnitSource[] => {
    const other = b.sources.find((candidate) => candidate.passage.passage.id === source.passage.passage.id);
    if (!other) return [];
    const all = source.passage.evidence.sentences;
    const span = (sentences: readonly SentenceEvidence[]) => [all.indexOf(sentences[0]!), all.indexOf(sentences.at(-1)!)] as const;
    const [aFirst, aLast] = span(source.sentences);
    const [bFirst, bLast] = span(other.sentences);
    if (Math.max(aFirst, bFirst) > Math.min(aLast, bLast)) return []; // apart in this passage
    // The union opens where `a` does: what stands before it is what the ranker rated lower.
    const sentences = all.slice(aFirst, Math.max(aLast, bLast) + 1);
    return sentences.length <= MAX_UNION ? [{ passage: source.passage, sentences }] : [];
  });
  const [main] = sources;
  if (!main || main.passage !== a.sources[0]!.passage) return null;
  const text = quotedText(main.sentences);
  if (text === a.text) return null;
  return {
    // Another document keeps its place only where it holds the same words.
    sources: sources.filter((source) => quotedText(source.sentences) === text),
    text,
    kind: a.kind === 'list' || b.kind === 'list' ? 'list' : 'pair',
  };
}

interface Draft {
  sentences: SentenceEvidence[];
  kind: UnitKind;
}

function unitsOfPassage(passage: RetrievedPassage): Draft[] {
  const sentences = passage.evidence.sentences;
  const { text, start } = passage.passage;
  const sameParagraph = (a: SentenceEvidence, b: SentenceEvidence) => !text.slice(a.sentence.end - start, b.sentence.start - start).includes('\n\n');
  const units: Draft[] = [];
  let previousUnit: Draft | null = null;
  sentences.forEach((head, i) => {
    const previous = sentences[i - 1];
    if (head.kind === 'byline') {
      // "Jam Cultures" / "Jitske Kramer, September 2020": the byline dates the title above it.
      const title = previous && (previous.kind === 'heading' || previous.kind === 'fragment') && sameParagraph(previous, head) ? [previous] : [];
      units.push({ sentences: [...title, head], kind: 'byline' });
      previousUnit = null;
      return;
    }
    // A section or item number split off as a sentence ("2.2.") says nothing and, like a heading, starts something new.
    if (head.kind !== 'statement' || SECTION_NUMBER.test(head.sentence.text)) {
      previousUnit = null;
      return;
    }
    // A sentence that leans on the one before it belongs to that one's unit.
    if (previous?.kind === 'statement' && leansBack(head) && sameParagraph(previous, head)) return;
    let unit: Draft;
    if (introduces(head)) {
      const items: SentenceEvidence[] = [];
      for (const item of sentences.slice(i + 1)) {
        // A question, a heading or the introduction of another list ends this one.
        if (item.kind === 'question' || item.kind === 'heading' || item.kind === 'instruction' || introduces(item) || items.length >= MAX_LIST_ITEMS) break;
        if (items.length > 0 && !sameParagraph(items.at(-1)!, item)) break;
        items.push(item);
      }
      // An introduction without its items ("Tips voor het bevorderen van inclusiviteit:") says nothing.
      if (items.length === 0) return;
      unit = { sentences: [head, ...items], kind: 'list' };
    } else {
      const continued = [head];
      for (const next of sentences.slice(i + 1)) {
        if (continued.length >= MAX_CONTINUED || next.kind !== 'statement' || !leansBack(next) || !sameParagraph(continued.at(-1)!, next)) break;
        continued.push(next);
      }
      unit = { sentences: continued, kind: 'sentences' };
    }
    const before: Draft | null = previousUnit;
    if (before && before.kind !== 'list' && unit.kind !== 'list' && sameParagraph(before.sentences.at(-1)!, head)) {
      const paired = [...before.sentences, ...unit.sentences];
      if (paired.length <= MAX_PAIRED) units.push({ sentences: paired, kind: 'pair' });
    }
    units.push(unit);
    previousUnit = unit;
  });
  return units;
}

/**
 * A sentence ending in a colon or an ellipsis opens what follows: "Zo voegt u een voetnoot in:",
 * "Om toegang te krijgen tot deze functie..", "Wist u dat...".
 */
function introduces(sentence: SentenceEvidence): boolean {
  return /(?::|\.{2,}|…)$/.test(sentence.sentence.text);
}

function leansBack(sentence: SentenceEvidence): boolean {
  const first = words(sentence.sentence.text)[0];
  return first !== undefined && LEANS_BACK.test(foldWord(first));
}

/** Text as compared across documents: letters and digits only, folded. */
function comparable(text: string): string {
  return foldWord(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
