// What kind of answer a question asks for, read from its form: a definition ("Wat is
// respijtzorg?"), a reason ("Waarom …?"), a figure ("Hoeveel …?"), a time ("Van wanneer …?"),
// names ("Welke gemeenten …?"), several things ("Welke activiteiten …?"), the holder of a role
// ("Wie is de burgemeester van …?"). Whether a sentence has the asked type is a feature of the
// fitted answer-unit ranker and of the verdict; the form decides nothing on its own.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { foldWord } from '../language/fold.js';
import { wordSpans } from '../language/words.js';
import type { WeightedConcept } from '../retrieve/concept-weights.js';

export type AnswerForm = 'definition' | 'reason' | 'figure' | 'time' | 'names' | 'list' | 'role' | 'other';

const DEFINITION =
  /^\s*(?:wat|wie)\s+(?:is|zijn|was|waren|betekent|betekenen|houdt|houden)\s+(?!er\b)(?:een\s+|de\s+|het\s+)?(.+?)(?:\s+in)?\s*\??\s*$|^\s*(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(.+?)\s*\??\s*$|^\s*what\s+does\s+(.+?)\s+mean\s*\??\s*$/i;
/**
 * "Wat is in de aanpak … belangrijk?", "Wat is volgens de stukken …?": a clause, not a term to
 * define, when what follows "wat is" opens with a preposition.
 */
const PREPOSITION_FIRST =
  /^(?:in|op|bij|voor|met|volgens|onder|naar|van|tijdens|na|over|door|aan|uit|tot|zonder|tegen|binnen|buiten|according|for|with|by|on|at)\b/i;
/** "Wie is de burgemeester van …?": the answer is whoever holds the role, and must name it. */
const ROLE = /^\s*(?:wie\s+(?:is|zijn|was|waren)\s+(?:de|het|onze|uw)|who\s+(?:is|are|was|were)\s+(?:the|our))\s+(\p{L}+)\s+(?:van|voor|bij|in|of|for|at)\b/iu;
const REASON = /^\s*(?:waarom|why)\b|\bwat\s+(?:is|zijn)\s+de\s+(?:reden|redenen|oorzaak|oorzaken)\b|\bwat\s+levert\b|\bwaarom\b/i;
/** "Van wanneer …?", "In welk jaar …?", "When was …?": a time answers (A_TIME). */
const TIME = /\bwanneer\b|\bwelk(?:e)?\s+(?:jaar|maand|datum)\b|^\s*when\s+(?:was|were|did|is|will|does)\b|\band\s+when\b|\bwhat\s+(?:year|month|date)\b/i;
/** "Welke gemeenten …?", "Wie …?", "Who …?": names answer. */
const NAMES =
  /\b(?:welke|which)\s+(?:\p{L}+\s+)?(?:gemeenten|gemeentes|steden|organisaties|partijen|instanties|instellingen|landen|provincies|bedrijven|fondsen|boeken|rapporten|programma['’]?s|projecten|methoden|methodes|interventies|trainingen|cursussen|websites|bronnen|auteurs|onderzoekers)\b|^\s*(?:wie|who)\b|\bdoor\s+wie\b|\bdoor\s+welke\b/iu;
/** "Wat zijn …?", "Noem …", "Waarmee …?": several things answer. */
const LIST = /^\s*(?:what\s+are|noem)\b|^\s*wat\s+zijn\b|\bwaarmee\b/iu;
/**
 * "Welke activiteiten …?", "Op welke niveaus …?": the noun after "welke", past its inflected
 * adjectives and a number ("welke erkende interventies", "welke vijf stappen"), is plural, so
 * several things answer; "Welke rol …?", "Welke training wordt aanbevolen?" ask for one.
 */
const WHICH_NOUN =
  /\b(?:welke|which)\s+((?:\p{L}+e\s+|\d+\s+|(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five)\s+){0,3})(\p{L}+(?:['’]s)?)/giu;
const PLURAL = /(?:[^aeiou]en|[^s]s|['’]s)$/iu;
/** Quantities, durations, ages, percentages and amounts of money: questions only a figure answers. */
export const ASKS_FOR_FIGURE =
  /\b(hoeveel|hoe\s+(vaak|lang|groot|duur|hoog|oud|veel)|welke\s+leeftijd|welk\s+(?:bedrag|aantal)|welk\s+percentage|\p{L}*percentage|procent|wat\s+kost|kosten\s+per|eigen\s+bijdrage|tarief|per\s+(dag|week|maand|jaar|uur|persoon)|how\s+(many|much|long|often)|what\s+percentage)\b/iu;
export const FIGURE = /\d|\b(één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig|honderd|duizend|miljoen|miljard|helft|kwart|derde)\b/i;

/**
 * What a figure question measures, and so which figure answers it: a share is given as a
 * percentage or a fraction, an amount of money in euros, a duration in units of time, a frequency
 * as times per period; "Hoeveel bezoekers …?" by a figure beside the asked thing, not by any
 * number ("drie Huizen van de Buurt" counts no visitors).
 */
export type Measure = 'share' | 'money' | 'duration' | 'frequency' | 'count';
const MEASURES: readonly (readonly [Measure, RegExp])[] = [
  ['share', /\p{L}*percentage\b|\bprocent\b|\bwelk\s+deel\b|\bwhat\s+(?:percentage|share)\b/iu],
  [
    'money',
    /\bhoeveel\s+(?:euro|geld|kost|kosten|betaal|betaalt|betalen)\b|\bwat\s+kost|\bkosten\s+per\b|\beigen\s+bijdrage\b|\btarief\b|\bhow\s+much\s+(?:money|does)\b|\bwhat\s+does\s+\p{L}+\s+cost\b/iu,
  ],
  ['duration', /\bhoe\s+lang\b|\bhow\s+long\b/i],
  ['frequency', /\bhoe\s+vaak\b|\bhow\s+often\b/i],
];
/** "Hoeveel bezoekers …", "How many visitors …": the word after it names what is counted. */
const COUNTED = /\b(?:hoeveel|how\s+many)\s+(\p{L}+)/iu;
const FIGURE_OF: Readonly<Record<Exclude<Measure, 'count'>, RegExp>> = {
  share: /\d\s?%|\b(?:procent|percent|helft|kwart)\b|\b(?:één|een|\d+)\s+op\s+de\s+(?:\d+|\p{L}+)\b/iu,
  money: /€|\b(?:euro|eur)\b/i,
  duration: /\b(?:seconden?|minuut|minuten|uur|uren|dagen?|weken?|maanden?|jaar|jaren|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/i,
  frequency: /\b(?:keer|maal|dagelijks|wekelijks|maandelijks|jaarlijks|per\s+(?:dag|week|maand|jaar)|times|daily|weekly|monthly|yearly)\b/i,
};
/** The connectives and verbs by which Dutch (and English) gives a cause, a reason or an effect. */
const CAUSAL =
  /\b(omdat|doordat|want|daardoor|waardoor|daarom|dankzij|vandaar|zodat|vanwege|als gevolg van|reden|redenen|oorzaak|oorzaken|leidt tot|leiden tot|draagt bij|dragen bij|zorgt voor|zorgen voor|mogelijkheid|belangrijk|belemmert|belemmeren|beschermt|beschermen|helpt|helpen|because|due to)\b|\bom\s+[^.]{1,80}\s+te\b/i;
/** An hour of the clock, in figures or in words. */
const HOUR = String.raw`(?:\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)`;
const MONTH_OR_DAY =
  '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|werkdagen|weekdagen|weekend|feestdagen)';
/** A time: a year, a month, a day of the week or working days, an hour ("van negen tot vijf", "9.00 uur"). */
const A_TIME = new RegExp(
  String.raw`\b(?:19|20)\d{2}\b|\b${MONTH_OR_DAY}(?:en|s)?\b|\b\d{1,2}[.:]\d{2}\b|\b${HOUR}\s+uur\b|\bvan\s+${HOUR}\s+tot\s+${HOUR}\b|['’]s\s+(?:ochtends|morgens|middags|avonds)\b`,
  'i',
);
/** A capitalised word inside the sentence (not its first word): a name. */
const NAME_INSIDE = /\S\s+(?:\p{Lu}\p{Ll}+|\p{Lu}{2,})/u;
/** Several things: a list, or an enumeration with at least two commas or a comma and "en". */
const ENUMERATION = /,[^,]+,|,[^,]+\sen\s/;
/** What may follow the defined term anywhere in a sentence: "X: …", "X, een …". */
const APPOSITION_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?(?::\s*\S|,\s*een\b)/i;
/** A defining verb after the term: "X is …", "X (afkorting) betekent …", "Doel van de conferentie was …". */
const DEFINING_VERB_AFTER =
  /^\s*(?:\([^)]{1,40}\)\s*)?(?:\s(?:van|voor)\s[^.,;:!?]{1,60}?)?\s(?:is|zijn|was|waren|betekent|betekenen|houdt\s+in|wordt|worden|omvat|omvatten|staat\s+voor|heet|heten)\b/i;
/**
 * A defining verb defines only a term that opens the sentence ("Respijtzorg is …", "Met
 * gemeenschapskracht wordt … bedoeld"); deeper in, "… tenzij het wachtwoord is geleverd" is no
 * definition. Up to this many words may precede it (articles, adjectives, "Onder", "Met").
 */
const DEFINED_TERM_MAX_POSITION = 4;

export interface QuestionForm {
  form: AnswerForm;
  /** Index terms naming what a definition is asked of, which role a role question asks for, or what a count counts. */
  subjectTerms: ReadonlySet<string>;
  /** For a figure: what it measures. */
  measure?: Measure;
}

export function questionForm(question: string, concepts: readonly WeightedConcept[]): QuestionForm {
  const role = ROLE.exec(question);
  if (role) return { form: 'role', subjectTerms: namingTerms(concepts, [foldWord(role[1]!)]) };
  const definition = DEFINITION.exec(question);
  const subject = definition ? (definition[1] ?? definition[2] ?? definition[3] ?? '') : '';
  if (definition && !PREPOSITION_FIRST.test(subject)) {
    return {
      form: 'definition',
      subjectTerms: namingTerms(
        concepts,
        wordSpans(subject).map((span) => foldWord(span.word)),
      ),
    };
  }
  const none = new Set<string>();
  if (REASON.test(question)) return { form: 'reason', subjectTerms: none };
  if (ASKS_FOR_FIGURE.test(question)) return figureForm(question, concepts);
  if (TIME.test(question)) return { form: 'time', subjectTerms: none };
  if (NAMES.test(question)) return { form: 'names', subjectTerms: none };
  if (LIST.test(question) || asksWhichOfSeveral(question)) return { form: 'list', subjectTerms: none };
  return { form: 'other', subjectTerms: none };
}

function asksWhichOfSeveral(question: string): boolean {
  for (const [, , noun] of question.matchAll(WHICH_NOUN)) if (PLURAL.test(noun!)) return true;
  return false;
}

function figureForm(question: string, concepts: readonly WeightedConcept[]): QuestionForm {
  const measure = MEASURES.find(([, asks]) => asks.test(question))?.[0];
  if (measure) return { form: 'figure', subjectTerms: new Set(), measure };
  const counted = COUNTED.exec(question);
  const subjectTerms = counted ? namingTerms(concepts, [foldWord(counted[1]!)], false) : new Set<string>();
  // "Hoeveel is …?", "Hoeveel kost …?": no asked thing to count, so any figure is of the asked kind.
  return subjectTerms.size > 0 ? { form: 'figure', subjectTerms, measure: 'count' } : { form: 'figure', subjectTerms };
}

/**
 * The terms that name the concepts among `words`: the word itself, its compound parts, its
 * translations. Not variants or look-alikes: "ministerie" does not name a "minister".
 */
function namingTerms(concepts: readonly WeightedConcept[], words: readonly string[], byHead = true): Set<string> {
  const terms = new Set<string>();
  for (const concept of concepts) {
    if (!concept.label.split(' ').some((word) => words.includes(word))) continue;
    for (const alternative of concept.alternatives) {
      if (alternative.kind === 'word' || alternative.kind === 'translation') terms.add(alternative.terms[0]!);
      // The head of a compound names it ("respijtzorg" is zorg); a count of "vakantiedagen" is not one of werkdagen.
      if (alternative.kind === 'parts' && byHead) terms.add(alternative.terms.at(-1)!);
    }
  }
  return terms;
}

/** Whether a text (a unit's sentences, a list with its items) is of the kind the question asks for. */
export function answersForm(sentence: string, { form, subjectTerms, measure }: QuestionForm, analyzer: DutchAnalyzer, list = false): boolean {
  if (form === 'reason') return CAUSAL.test(sentence);
  if (form === 'figure') return figureAnswers(sentence, measure);
  if (form === 'time') return A_TIME.test(sentence);
  if (form === 'names') return NAME_INSIDE.test(sentence);
  if (form === 'list') return list || ENUMERATION.test(sentence);
  if (form === 'role') return namesRole(new Set(analyzer.indexTerms(sentence)), { form, subjectTerms });
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

/** Whether a text holds a figure of what is measured ("wekelijks" is a frequency without a number). */
function figureAnswers(text: string, measure: Measure | undefined): boolean {
  if (measure === 'share' || measure === 'frequency') return FIGURE_OF[measure].test(text);
  return FIGURE.test(text) && (measure === undefined || measure === 'count' || FIGURE_OF[measure].test(text));
}

/** Whether `terms` name the role a role question asks about. */
export function namesRole(terms: ReadonlySet<string>, { subjectTerms }: QuestionForm): boolean {
  return [...subjectTerms].some((term) => terms.has(term));
}
