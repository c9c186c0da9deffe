// Follow-up questions ("En wie betaalt dat?") lean on the conversation. Without a language
// model, a follow-up that refers back or says little on its own borrows the topic words of the
// previous question for retrieval.
import type { HistoryTurn } from '../contract.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';

const REFERS_BACK = /\b(dat|dit|die|deze|daar|daarvan|daarvoor|daarbij|daarmee|hiervan|hiervoor|hierbij|hiermee|het|hun|ze|zij|hij|er)\b/i;
const MAX_OWN_CONCEPTS = 3;

export function contextualQuestion(question: string, history: readonly HistoryTurn[], analyzer: DutchAnalyzer): string {
  const previous = history.at(-1)?.question;
  if (!previous) return question;
  const ownConcepts = analyzer.concepts(question).length;
  const leansOnContext = /^\s*(en|maar|of|ook)\b/i.test(question) || (REFERS_BACK.test(question) && ownConcepts <= MAX_OWN_CONCEPTS);
  return leansOnContext ? `${question} ${previous}` : question;
}
