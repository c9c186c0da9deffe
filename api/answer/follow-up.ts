// Follow-up questions ("En wie betaalt dat?") lean on the conversation. A question is only read
// as a follow-up when it looks like one: it opens with "en", "maar", "ook", or refers back with
// "dat", "dit", "daar…", "hun", and says little itself. A question that stands on its own, with
// "er", "het" or "die" in it, is never rewritten.
import type { HistoryTurn } from '../contract.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { foldWord } from '../language/fold.js';
import { words } from '../language/words.js';

/** Words that point back into the conversation. Not "er", "het", "die" or "zijn": they mostly do not. */
const REFERS_BACK = new Set([
  'dat',
  'dit',
  'deze',
  'daar',
  'daarvan',
  'daarvoor',
  'daarbij',
  'daarmee',
  'daarover',
  'daarin',
  'daarna',
  'daaraan',
  'hiervan',
  'hiervoor',
  'hierbij',
  'hiermee',
  'hierover',
  'hierin',
  'ze',
  'zij',
  'hij',
  'hun',
  'hen',
  'hem',
  'dezelfde',
  'datzelfde',
  'that',
  'this',
  'it',
  'they',
  'them',
  'those',
]);
const CONTINUES = new Set(['en', 'maar', 'ook', 'of', 'and', 'but', 'also']);
/** A follow-up says little itself: more topic words than this and it is a question of its own. */
const MAX_OWN_CONCEPTS = 3;

export function looksLikeFollowUp(question: string, analyzer: DutchAnalyzer): boolean {
  const folded = words(question).map(foldWord);
  if (folded.length === 0) return false;
  const refersBack = CONTINUES.has(folded[0]!) || folded.some((word) => REFERS_BACK.has(word));
  return refersBack && analyzer.concepts(question).length <= MAX_OWN_CONCEPTS;
}

/** Without a language model, a follow-up borrows the words of the question it follows. */
export function withEarlierQuestion(question: string, history: readonly HistoryTurn[]): string | null {
  const previous = history.at(-1)?.question;
  return previous ? `${question} ${previous}` : null;
}
