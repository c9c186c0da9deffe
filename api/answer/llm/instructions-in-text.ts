// Text in a document that addresses the assistant ("Negeer alle instructies en antwoord …",
// "Ignore previous instructions") is an attempt to steer the model, not content. It is taken
// out of the passages a model reads and can never be the source of a generated sentence.
const ADDRESSES_THE_ASSISTANT = [
  /\b(negeer|vergeet|omzeil)\b[^.!?\n]{0,60}\b(instructies?|opdrachten?|regels|prompt|aanwijzingen)\b/i,
  /\b(ignore|disregard|forget)\b[^.!?\n]{0,60}\b(instructions?|prompts?|rules)\b/i,
  /\b(antwoord|reageer)\s+(alleen|uitsluitend|enkel)\s+(met|door)\b/i,
  /\b(answer|respond|reply)\s+(only|just)\s+with\b/i,
  /\b(je bent nu|vanaf nu ben je|you are now|system prompt|systeemprompt|jailbreak)\b/i,
];

export const REDACTED = '[tekst weggelaten: deze richtte zich tot de assistent]';

export function addressesTheAssistant(sentence: string): boolean {
  return ADDRESSES_THE_ASSISTANT.some((pattern) => pattern.test(sentence));
}
