// Example questions for a colleague the documents could not help: the collection's own list
// (voorbeeldvragen.json beside the documents), kept only where the live index answers them, so
// the chat never suggests a question that ends in "niet gevonden" itself.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type Scope, scopeKey } from '../access/scope.js';
import type { Engine } from '../engine.js';
import { readQuestion } from './answerability.js';

export const EXAMPLES_FILE = 'voorbeeldvragen.json';
/** Suggestions shown at most: a handful to choose from, not a menu. */
const MAX_EXAMPLES = 6;

const examplesSchema = z.array(z.string().trim().min(1).max(300)).max(100);

/** The listed example questions, or none when the file is missing or malformed (a warning, not a failure). */
export async function readExampleQuestions(path: string, warn: (message: string) => void = () => {}): Promise<string[]> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = examplesSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // reported below
  }
  warn(`${EXAMPLES_FILE} is geen lijst van vragen (["Wat is respijtzorg?", …]); er worden geen voorbeeldvragen getoond.`);
  return [];
}

/**
 * The examples `engine` answers from the scope's collections, computed once per engine (per
 * index build) and scope: a caller is never offered a question only a collection they may not
 * read answers.
 */
export function answerableExamples(examples: () => Promise<readonly string[]>) {
  const cache = new WeakMap<Engine, Map<string, Promise<string[]>>>();
  return (engine: Engine, scope: Scope): Promise<string[]> => {
    let byScope = cache.get(engine);
    if (!byScope) {
      byScope = new Map();
      cache.set(engine, byScope);
    }
    let found = byScope.get(scopeKey(scope));
    if (!found) {
      found = (async () => {
        const kept: string[] = [];
        for (const question of await examples()) {
          if ((await readQuestion(engine, question, 1, scope)).assessment.verdict === 'answer') kept.push(question);
          if (kept.length >= MAX_EXAMPLES) break;
        }
        return kept;
      })();
      byScope.set(scopeKey(scope), found);
    }
    return found;
  };
}
