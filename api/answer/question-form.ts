// What kind of answer a question asks for, read from its form: a definition ("Wat is
// respijtzorg?"), a reason ("Waarom …?"), a figure ("Hoeveel …?"), the holder of a role ("Wie is
// de burgemeester van …?"). The extractive answer puts sentences of that kind first;
// answerability needs a figure for a figure question and the role itself for a role question.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { foldWord } from '../language/fold.js';
import { wordSpans } from '../language/words.js';
import type { WeightedConcept } from '../retrieve/concept-weights.js';

export type AnswerForm = 'definition' | 'reason' | 'figure' | 'role' | 'other';

const DEFINITION =
  /^\s*(?:wat|wie)\s+(?:is|zijn|was|waren|betekent|betekenen|houdt|houden)\s+(?:een\s+|de\s+|het\s+)?(.+?)(?:\s+in)?\s*\??\s*$|^\s*(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(.+?)\s*\??\s*$|^\s*what\s+does\s+(.+?)\s+mean\s*\??\s*$/i;
/** "Wie is de burgemeester van …?": the answer is whoever holds the role, and must name it. */
const ROLE = /^\s*(?:wie\s+(?:is|zijn|was|waren)\s+(?:de|het|onze|uw)|who\s+(?:is|are|was|were)\s+(?:the|our))\s+(\p{L}+)\s+(?:van|voor|bij|in|of|for|at)\b/iu;
const REASON = /^\s*(?:waarom|why)\b|\bwat\s+is\s+de\s+(?:reden|oorzaak)\b/i;
/** Quantities, durations, percentages and amounts of money: questions only a figure answers. */
export const ASKS_FOR_FIGURE =
  /\b(hoeveel|hoe\s+(vaak|lang|groot|duur|hoog)|welk\s+percentage|percentage|procent|wat\s+kost|kosten\s+per|eigen\s+bijdrage|tarief|per\s+(dag|week|maand|jaar|uur|persoon)|how\s+(many|much|long|often)|what\s+percentage)\b/i;
export const FIGURE = /\d|\b(één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig|honderd|duizend|miljoen|miljard|helft|kwart|derde)\b/i;
const CAUSAL = /\b(omdat|doordat|want|daardoor|waardoor|zodat|vanwege|oorzaak|oorzaken|leidt tot|leiden tot|belemmert|belemmeren|because|due to)\b/i;
/** What may follow the defined term anywhere in a sentence: "X: …", "X, een …". */
const APPOSITION_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?(?::\s*\S|,\s*een\b)/i;
/** A defining verb after the term: "X is …", "X (afkorting) betekent …". */
const DEFINING_VERB_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?\s(?:is|zijn|betekent|betekenen|houdt\s+in|wordt|worden|omvat|omvatten|staat\s+voor|heet|heten)\b/i;
/**
 * A defining verb defines only a term that opens the sentence ("Respijtzorg is …", "Met
 * gemeenschapskracht wordt … bedoeld"); deeper in, "… tenzij het wachtwoord is geleverd" is no
 * definition. Up to this many words may precede it (articles, adjectives, "Onder", "Met").
 */
const DEFINED_TERM_MAX_POSITION = 4;

export interface QuestionForm {
  form: AnswerForm;
  /** Index terms naming what a definition is asked of, or which role a role question asks for. */
  subjectTerms: ReadonlySet<string>;
}

export function questionForm(question: string, concepts: readonly WeightedConcept[]): QuestionForm {
  const role = ROLE.exec(question);
  if (role) return { form: 'role', subjectTerms: namingTerms(concepts, [foldWord(role[1]!)]) };
  const definition = DEFINITION.exec(question);
  if (definition) {
    const subject = definition[1] ?? definition[2] ?? definition[3] ?? '';
    return {
      form: 'definition',
      subjectTerms: namingTerms(
        concepts,
        wordSpans(subject).map((span) => foldWord(span.word)),
      ),
    };
  }
  if (REASON.test(question)) return { form: 'reason', subjectTerms: new Set() };
  if (ASKS_FOR_FIGURE.test(question)) return { form: 'figure', subjectTerms: new Set() };
  return { form: 'other', subjectTerms: new Set() };
}

/**
 * The terms that name the concepts among `words`: the word itself, its compound parts, its
 * translations. Not variants or look-alikes: "ministerie" does not name a "minister".
 */
function namingTerms(concepts: readonly WeightedConcept[], words: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const concept of concepts) {
    if (!concept.label.split(' ').some((word) => words.includes(word))) continue;
    for (const alternative of concept.alternatives) {
      if (alternative.kind === 'word' || alternative.kind === 'translation') terms.add(alternative.terms[0]!);
      if (alternative.kind === 'parts') terms.add(alternative.terms.at(-1)!); // the head of a compound names it
    }
  }
  return terms;
}

/** Whether a sentence is of the kind the question asks for. */
export function answersForm(sentence: string, { form, subjectTerms }: QuestionForm, analyzer: DutchAnalyzer): boolean {
  if (form === 'reason') return CAUSAL.test(sentence);
  if (form === 'figure') return FIGURE.test(sentence);
  if (form !== 'definition' || subjectTerms.size === 0) return false;
  return wordSpans(sentence).some(({ word, start, end }, position) => {
    // The word itself must name the subject: "respijtzorg" shares "zorg" with "mantelzorg" but defines something else.
    const [ownTerm] = analyzer.indexTerms(word);
    if (!ownTerm || !subjectTerms.has(ownTerm)) return false;
    // "… tijdelijk overnemen (respijtzorg)": the term named after its description.
    if (/\(\s*$/.test(sentence.slice(0, start)) && /^\s*\)/.test(sentence.slice(end))) return true;
    const after = sentence.slice(end);
    return APPOSITION_AFTER.test(after) || (position <= DEFINED_TERM_MAX_POSITION && DEFINING_VERB_AFTER.test(after));
  });
}

/** Whether `terms` name the role a role question asks about. */
export function namesRole(terms: ReadonlySet<string>, { subjectTerms }: QuestionForm): boolean {
  return [...subjectTerms].some((term) => terms.has(term));
}
