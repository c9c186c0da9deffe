// The general English → Dutch word list (data/freedict-eng-nld.json, from FreeDict; see
// data/README.md), loaded once and checked: English questions are translated word by word.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const dictionarySchema = z.record(z.string().regex(/^[a-z][a-z-]*( [a-z][a-z-]*)?$/), z.array(z.string().min(1)).min(1));

let dictionary: ReadonlyMap<string, readonly string[]> | undefined;

export function englishDictionary(): ReadonlyMap<string, readonly string[]> {
  if (!dictionary) {
    const path = new URL('./data/freedict-eng-nld.json', import.meta.url);
    const parsed = dictionarySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(`${path.pathname} is not a valid dictionary: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    dictionary = new Map(Object.entries(parsed.data));
  }
  return dictionary;
}

/** Dictionary forms an English word may have: "residents" → resident, "updated" → update. */
export function englishLemmas(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms.filter((form) => form.length > 2);
}
