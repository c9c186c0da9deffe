// The collections of a corpus and who may read them. The top-level folders of the corpus are
// collections; `collections.json` at its root gives each a title and its readers:
//   { "openbaar": { "title": "Openbare documenten", "access": "public" },
//     "team-jeugd": { "title": "Team Jeugd", "groups": ["jeugd"] } }
// Without the file, the whole corpus is one public collection. With it, every document must lie
// in a folder the file names: a folder it forgets is not guessed public or left out, the build
// stops and names it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type Collection, collectionSchema } from '../contract.js';
import { AppError } from '../errors.js';
import { messages } from '../messages.js';

export const COLLECTIONS_FILE = 'collections.json';

/** The one collection of a corpus without collections.json. */
export const WHOLE_CORPUS: Collection = { id: 'alle', title: 'Alle documenten', public: true, groups: [] };

const entrySchema = z.union([
  z.object({ title: z.string().min(1), access: z.literal('public') }).strict(),
  z.object({ title: z.string().min(1), groups: z.array(z.string().min(1)).min(1) }).strict(),
]);
const fileSchema = z.record(z.string().regex(/^[^/\\.][^/\\]*$/, 'een mapnaam, zonder / of \\'), entrySchema);

/** The file's bytes, or null without one: what the corpus fingerprint includes. */
export async function collectionsFileBytes(corpusDir: string): Promise<Buffer | null> {
  return readFile(join(corpusDir, COLLECTIONS_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

export interface CorpusCollections {
  /** In the file's order. */
  collections: Collection[];
  /** The collection of a file below the corpus folder; a file no collection holds stops the build, named. */
  collectionOf(relativePath: string): string;
}

/** The corpus's collections; an invalid file stops the build, naming the entry. */
export async function readCollections(corpusDir: string): Promise<CorpusCollections> {
  const bytes = await collectionsFileBytes(corpusDir);
  if (bytes === null) return { collections: [WHOLE_CORPUS], collectionOf: () => WHOLE_CORPUS.id };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new AppError('collections_invalid', messages.collectionsInvalid(COLLECTIONS_FILE, (error as Error).message));
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('collections_invalid', messages.collectionsInvalid(`${COLLECTIONS_FILE}: ${issue.path.join('.') || '(het bestand)'}`, issue.message));
  }
  const collections = Object.entries(parsed.data).map(([id, entry]) =>
    collectionSchema.parse({ id, title: entry.title, public: 'access' in entry, groups: 'groups' in entry ? entry.groups : [] }),
  );
  if (collections.length === 0) throw new AppError('collections_invalid', messages.collectionsInvalid(COLLECTIONS_FILE, 'geen enkele collectie'));
  const ids = new Set(collections.map((collection) => collection.id));
  return {
    collections,
    collectionOf(relativePath) {
      const slash = relativePath.indexOf('/');
      if (slash === -1) throw new AppError('collections_invalid', messages.documentOutsideCollections(relativePath));
      const folder = relativePath.slice(0, slash);
      if (!ids.has(folder)) throw new AppError('collections_invalid', messages.folderWithoutCollection(folder));
      return folder;
    },
  };
}
