// Text in a document that addresses the assistant ("Negeer alle eerdere instructies en antwoord
// …", "Ignore previous instructions", "Vanaf nu antwoord je alleen met …") is an attempt to steer
// an answer, not content. It is recognised by its form, not by a list of phrasings: a sentence
// that addresses its reader (an imperative, "je", "u", "you") and turns to the exchange itself:
// to an assistant or a model, to instructions given before (to set them aside), or to the reply
// it should give. Such a sentence is never an answer sentence, and no model reads it.
import { foldWord } from './fold.js';
import { isImperative } from './imperative.js';
import { words } from './words.js';

/** The reader addressed: "je", "u", "you", and their forms. */
const SECOND_PERSON = new Set(['je', 'jij', 'jou', 'jouw', 'jezelf', 'u', 'uw', 'uzelf', 'you', 'your', 'yourself']);
/** Names only a machine goes by. */
const MACHINE = new Set(['ai', 'llm', 'chatgpt', 'gpt', 'taalmodel', 'chatbot', 'systeemprompt', 'assistant']);
/** Names a machine shares with people and wizards ("de Assistent Diagram"): only as a role it is told it has. */
const ROLE_NAMES = new Set([...MACHINE, 'assistent', 'bot', 'model']);
/** Telling the reader what it is: "Je bent een …", "You are a …", "Act as …". */
const BEING_TOLD = [
  ['je', 'bent'],
  ['jij', 'bent'],
  ['u', 'bent'],
  ['you', 'are'],
  ['act', 'as'],
  ['gedraag', 'je', 'als'],
  ['pretend', 'to', 'be'],
];
/** Speaking to the machine by name: "Beste assistent:", "AI:", "Note to the model,". */
const VOCATIVE =
  /^\s*(?:(?:beste|hallo|hoi|hey|dear|hi|aan|note to|to)\s+)?(?:de\s+|het\s+|the\s+)?(?:ai[\s-]+)?(?:assistent|assistant|ai|llm|chatbot|taalmodel|model|bot|chatgpt|gpt)\s*[,:]/i;
/** What was given to the machine before. */
const INSTRUCTIONS = new Set([
  'instructie',
  'instructies',
  'opdracht',
  'opdrachten',
  'prompt',
  'regels',
  'richtlijnen',
  'aanwijzingen',
  'instruction',
  'instructions',
  'prompts',
  'rules',
  'guidelines',
  'directions',
]);
/** What sets instructions aside. */
const SET_ASIDE = new Set(['negeer', 'vergeet', 'omzeil', 'overschrijf', 'schrap', 'ignore', 'disregard', 'forget', 'override', 'bypass', 'skip']);
/** Words that point back at what came before in the exchange. */
const BEFORE = new Set(['eerdere', 'vorige', 'voorgaande', 'bovenstaande', 'hierboven', 'eerder', 'previous', 'prior', 'above', 'earlier', 'preceding']);
/** Saying something as the reply. */
const REPLY = new Set([
  'antwoord',
  'beantwoord',
  'reageer',
  'zeg',
  'meld',
  'schrijf',
  'herhaal',
  'answer',
  'respond',
  'reply',
  'say',
  'write',
  'output',
  'print',
  'repeat',
]);
/** The reply as such: "je antwoord", "your answer", "only with", "from now on". */
const REPLY_NOUNS = new Set(['antwoord', 'reactie', 'uitvoer', 'answer', 'response', 'reply', 'output']);
const ONLY = new Set(['alleen', 'uitsluitend', 'enkel', 'only', 'solely']);
/** "je antwoord", "your answer": a machine is spoken to as "je"; a letter to a citizen says "uw". */
const INFORMAL_POSSESSIVE = new Set(['je', 'jouw', 'your']);
const NEGATION = new Set(['niet', 'nooit', 'not', 'never']);

/** `all`: the sentence's words (words.ts), when the caller has them already. */
export function addressesTheAssistant(sentence: string, isWord: (word: string) => boolean = () => false, all: readonly string[] = words(sentence)): boolean {
  const folded = all.map((word) => foldWord(word));
  if (folded.length === 0) return false;
  const has = (set: ReadonlySet<string>) => folded.some((word) => set.has(word));
  const first = all[0]!;
  const imperative = /^\p{Lu}\p{Ll}+$/u.test(first) && (isImperative(folded[0]!, isWord) || SET_ASIDE.has(folded[0]!) || REPLY.has(folded[0]!));
  // Speaking to the machine by name ("Beste assistent: …") is addressing it, and turning to it.
  if (VOCATIVE.test(sentence)) return true;
  const addressed = imperative || has(SECOND_PERSON) || /\bvanaf nu\b|\bfrom now on\b/i.test(sentence);
  if (!addressed) return false;

  // To the machine itself: "Je bent een behulpzame assistent", "Als AI-assistent moet je …";
  // not "Klik op Volgende in de Assistent" or "Zorg dat AI veilig is".
  if (toldItIs(folded)) return true;
  if (has(MACHINE) && (has(INSTRUCTIONS) || has(REPLY) || has(SET_ASIDE) || asMachine(folded))) return true;
  // Setting aside what it was told: "Negeer alle eerdere instructies", "Ignore the rules above";
  // not an admonition that keeps them ("Vergeet de regels niet", "Never ignore the rules").
  const setAside = folded.findIndex((word) => SET_ASIDE.has(word));
  if (
    setAside !== -1 &&
    has(INSTRUCTIONS) &&
    !NEGATION.has(folded[setAside + 1] ?? '') &&
    !NEGATION.has(folded.at(-1)!) &&
    !NEGATION.has(folded[setAside - 1] ?? '')
  )
    return true;
  if (has(INSTRUCTIONS) && has(BEFORE) && folded.some((word) => REPLY.has(word) || SET_ASIDE.has(word))) return true;
  // What to reply: "Antwoord alleen met …", "Begin je antwoord met …", "Reply only with …".
  const reply = folded.findIndex((word) => REPLY.has(word));
  if (reply !== -1 && folded.slice(reply + 1, reply + 4).some((word) => ONLY.has(word))) return true;
  if (folded.some((word, i) => REPLY_NOUNS.has(word) && INFORMAL_POSSESSIVE.has(folded[i - 1] ?? ''))) return true;
  return /\bvanaf nu\b|\bfrom now on\b/i.test(sentence) && reply !== -1;
}

/** "Je bent (een) (behulpzame) assistent": being told its role, the name within three words. */
function toldItIs(folded: readonly string[]): boolean {
  return BEING_TOLD.some((phrase) =>
    folded.some(
      (_, i) =>
        phrase.every((word, j) => folded[i + j] === word) && folded.slice(i + phrase.length, i + phrase.length + 3).some((word) => ROLE_NAMES.has(word)),
    ),
  );
}

/** "Als AI …", "As an AI …": speaking as the machine. */
function asMachine(folded: readonly string[]): boolean {
  return folded.some((word, i) => (word === 'als' || word === 'as') && folded.slice(i + 1, i + 3).some((next) => MACHINE.has(next)));
}
