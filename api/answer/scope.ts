// The assistant's remit: questions about the policy documents. A personal workplace question
// ("Hoe reset ik mijn wachtwoord?", "Hoeveel vakantiedagen heb ik nog?") belongs to a service
// desk; it is declined before retrieval can find a coincidental match (a software manual in the
// collection that mentions passwords is no answer to it). The words are data
// (data/workplace-topics.json), checked on load.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldWord } from '../language/fold.js';
import { words } from '../language/words.js';

/** The asker speaking of themselves or being addressed: "ik", "mijn", "je", "u". */
const PERSONAL = new Set(['ik', 'mijn', 'me', 'mij', 'je', 'jij', 'jouw', 'u', 'uw', 'my', 'i']);

const topicsSchema = z.object({ about: z.string() }).catchall(z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1));

let topics: string[] | undefined;

function workplaceTopics(): string[] {
  if (!topics) {
    const path = new URL('./data/workplace-topics.json', import.meta.url);
    const parsed = topicsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(`${path.pathname} is not a valid topic list: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    const { about: _about, ...lists } = parsed.data;
    topics = Object.values(lists).flat() as string[];
  }
  return topics;
}

/** The workplace word that makes `question` a personal workplace question, or null. */
export function personalWorkplaceTopic(question: string): string | null {
  const folded = words(question).map(foldWord);
  if (!folded.some((word) => PERSONAL.has(word))) return null;
  for (const word of folded) {
    const topic = workplaceTopics().find((candidate) => word === candidate || (word.startsWith(candidate) && word.length - candidate.length <= 3));
    if (topic) return topic;
  }
  return null;
}
