// What kind of answer a question asks for, read from its form: a definition ("Wat is
// respijtzorg?"), a reason ("Waarom …?"), a figure ("Hoeveel …?"). The extractive answer puts
// the sentences of that kind first; answerability needs a figure for a figure question.
import { foldWord } from '../language/fold.js';
import { wordSpans } from '../language/words.js';

export type AnswerForm = 'definition' | 'reason' | 'figure' | 'other';

const DEFINITION = /^\s*(?:wat|wie)\s+(?:is|zijn|was|waren|betekent|betekenen|houdt|houden)\s+(?:een\s+|de\s+|het\s+)?(.+?)(?:\s+in)?\s*\??\s*$|^\s*(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(.+?)\s*\??\s*$|^\s*what\s+does\s+(.+?)\s+mean\s*\??\s*$/i;
const REASON = /^\s*(?:waarom|why)\b|\bwat\s+is\s+de\s+(?:reden|oorzaak)\b/i;
/** Quantities, durations, percentages and amounts of money: questions only a figure answers. */
export const ASKS_FOR_FIGURE =
  /\b(hoeveel|hoe\s+(vaak|lang|groot|duur|hoog)|welk\s+percentage|percentage|procent|wat\s+kost|kosten\s+per|eigen\s+bijdrage|tarief|per\s+(dag|week|maand|jaar|uur|persoon)|how\s+(many|much|long|often)|what\s+percentage)\b/i;
export const FIGURE = /\d|\b(één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig|honderd|duizend|miljoen|miljard|helft|kwart|derde)\b/i;
const CAUSAL = /\b(omdat|doordat|want|daardoor|waardoor|zodat|vanwege|oorzaak|oorzaken|leidt tot|leiden tot|belemmert|belemmeren|because|due to)\b/i;
/** What may follow the defined term: "X is …", "X: …", "X, een …", "X (afkorting) is …". */
const DEFINER_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?(?::|,\s*(?:een|de|het)\b|\s(?:is|zijn|betekent|betekenen|houdt\s+in|wordt|worden|omvat|omvatten|staat\s+voor|heet|heten)\b)/i;

export interface QuestionForm {
  form: AnswerForm;
  /** For a definition question: the folded words of what is to be defined. */
  subject: string[];
}

export function questionForm(question: string): QuestionForm {
  const definition = DEFINITION.exec(question);
  if (definition) {
    const subject = (definition[1] ?? definition[2] ?? definition[3] ?? '').trim();
    return { form: 'definition', subject: wordSpans(subject).map((span) => foldWord(span.word)) };
  }
  if (REASON.test(question)) return { form: 'reason', subject: [] };
  if (ASKS_FOR_FIGURE.test(question)) return { form: 'figure', subject: [] };
  return { form: 'other', subject: [] };
}

/** Whether a sentence is of the kind the question asks for. */
export function answersForm(sentence: string, { form, subject }: QuestionForm, sameWord: (a: string, b: string) => boolean): boolean {
  if (form === 'reason') return CAUSAL.test(sentence);
  if (form === 'figure') return FIGURE.test(sentence);
  if (form !== 'definition' || subject.length === 0) return false;
  const last = subject.at(-1)!;
  return wordSpans(sentence).some(({ word, start, end }) => {
    if (!sameWord(foldWord(word), last)) return false;
    // "… tijdelijk overnemen (respijtzorg)": the term named after its description.
    if (/\(\s*$/.test(sentence.slice(0, start)) && /^\s*\)/.test(sentence.slice(end))) return true;
    return DEFINER_AFTER.test(sentence.slice(end));
  });
}
