// English → Dutch vocabulary of the social domain (data/english-glossary.json), so questions
// asked in English reach the Dutch documents. Keys are folded English words or two-word phrases;
// values are Dutch words a document would use. Checked when loaded: a broken file fails loudly.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const glossarySchema = z.record(z.string().regex(/^[a-z]+( [a-z]+)?$/, 'a folded English word or two-word phrase'), z.string().min(1));

let glossary: Readonly<Record<string, string>> | undefined;

export function englishGlossary(): Readonly<Record<string, string>> {
  if (!glossary) {
    const path = new URL('./data/english-glossary.json', import.meta.url);
    const parsed = glossarySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(`${path.pathname} is not a valid glossary: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    glossary = parsed.data;
  }
  return glossary;
}
