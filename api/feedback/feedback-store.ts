// Where colleagues' verdicts on answers are kept: append-only, one JSON line per verdict, written
// and flushed before the request is answered, so a restart loses nothing. A damaged line (a
// crash mid-write, an edit by hand) is skipped when reading, never fatal. The file is capped:
// past half the cap it becomes FILE.1 (replacing the one before) and a new file starts, so the
// two together never hold more than the cap, however many verdicts arrive.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { type FeedbackEntry, type FeedbackRequest, feedbackEntrySchema } from '../contract.js';

export interface FeedbackStore {
  /** `asker`: the collections the colleague searched, and their pseudonym when signed in. */
  add(request: FeedbackRequest, build: FeedbackEntry['build'], asker?: FeedbackAsker): Promise<FeedbackEntry>;
  /** Verdicts given at or after `since`, oldest first; `skipped` counts unreadable lines. */
  list(since?: Date): Promise<{ entries: FeedbackEntry[]; skipped: number }>;
}

export interface FeedbackAsker {
  collections: string[];
  user: string | null;
}

/** The cap when none is given: FEEDBACK_MAX_MB's default. */
const DEFAULT_MAX_BYTES = 50 * 1_000_000;

export function fileFeedbackStore(path: string, maxBytes = DEFAULT_MAX_BYTES): FeedbackStore {
  let queue: Promise<unknown> = Promise.resolve(); // one append at a time: lines never interleave
  const previous = `${path}.1`;

  return {
    add(request, build, asker) {
      const entry: FeedbackEntry = { ...request, id: randomUUID(), at: new Date().toISOString(), build, ...asker };
      const write = queue.then(async () => {
        await mkdir(dirname(path), { recursive: true });
        const file = await open(path, 'a');
        try {
          await file.appendFile(`${JSON.stringify(entry)}\n`, 'utf8');
          await file.sync();
        } finally {
          await file.close();
        }
        if ((await stat(path)).size > maxBytes / 2) await rename(path, previous);
      });
      queue = write.catch(() => {});
      return write.then(() => entry);
    },
    async list(since) {
      const entries: FeedbackEntry[] = [];
      let skipped = 0;
      for await (const line of linesOf([previous, path])) {
        if (line.trim() === '') continue;
        let parsed: ReturnType<typeof feedbackEntrySchema.safeParse>;
        try {
          parsed = feedbackEntrySchema.safeParse(JSON.parse(line));
        } catch {
          skipped++;
          continue;
        }
        if (!parsed.success) {
          skipped++;
          continue;
        }
        if (!since || new Date(parsed.data.at) >= since) entries.push(parsed.data);
      }
      return { entries, skipped };
    },
  };
}

/** The lines of the files that exist, in order. */
async function* linesOf(paths: readonly string[]): AsyncGenerator<string> {
  for (const path of paths) {
    if (!existsSync(path)) continue;
    yield* createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  }
}
