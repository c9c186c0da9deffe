// Turns one corpus file into an indexed document: its metadata, its text extracted and cleaned,
// its sections. It depends on that file alone (and the Dutch dictionary), so adding a document
// never shifts another document's text or citation offsets.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../contract.js';
import type { SpellChecker } from '../language/dutch-lexicon.js';
import { messages } from '../messages.js';
import type { CorpusDocument } from '../records.js';
import { createStageTimer, type StageTimer } from '../stage-timer.js';
import { attestedWords } from './attested-words.js';
import { cleanPages } from './clean-pages.js';
import { cleanText } from './clean-text.js';
import type { CorpusFile } from './corpus-files.js';
import { findSections } from './find-sections.js';
import type { PageProgress } from './formats/pdf.js';
import { type ExtractedDocument, readDocument } from './read-document.js';
import { UnreadableDocument } from './unreadable.js';

const metadataSchema = z.object({
  title: z.string().min(1).optional(),
  source: z.string().min(1).nullable().optional(),
  date: z.iso.date().nullable().optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
});

export interface ProcessOptions {
  /** The collection the file belongs to (access/collections.ts). */
  collection: string;
  spell: SpellChecker;
  maxBytes: number;
  timer?: StageTimer;
  /** How the file is read: in a build, within a budget of time and memory (document-reader.ts). */
  read?: (path: string, onPage?: PageProgress) => Promise<ExtractedDocument>;
  /** Pages of a scan recognised so far. */
  onPage?: PageProgress;
  /** What the build should say about the file without skipping it (scanned pages left unread). */
  onNotice?: (notice: string) => void;
}

export async function processDocument(
  file: CorpusFile,
  { collection, spell, maxBytes, timer = createStageTimer(), read, onPage, onNotice }: ProcessOptions,
): Promise<CorpusDocument> {
  const meta = await readMetadata(file);
  const extracted = await timer.time('read', () => (read ? read(file.path, onPage) : readDocument(file.path, { maxBytes })));
  // Evidence that "eenzaam⏎heid" is one word: the document spells "eenzaamheid" somewhere.
  const context = { spell, attested: attestedWords([extracted.text]) };
  const { text, recognised } = timer.time('clean', () =>
    extracted.pages ? cleanPages(extracted.pages, context) : { text: cleanText(extracted.text, context), recognised: [] },
  );
  const unread = extracted.unrecognised ?? [];
  const pictures = extracted.pictures ?? [];
  if (!/[\p{L}\p{N}]/u.test(text))
    throw new UnreadableDocument(unread.length > 0 ? messages.onlyScans(unread.length) : pictures.length > 0 ? messages.onlyPictures : 'bevat geen tekst');
  if (unread.length > 0) onNotice?.(messages.scansUnread(file.relativePath, unread));
  if (pictures.length > 0) onNotice?.(messages.picturesLeftOut(file.relativePath, pictures));
  const sections = timer.time('clean', () => findSections(text, new Set(extracted.headings)));
  return {
    id: file.id,
    fileName: file.relativePath,
    collection,
    title: meta.title ?? extracted.titleHint ?? sections[0]?.title ?? humanize(file.path),
    source: meta.source ?? null,
    date: meta.date ?? null,
    kind: meta.kind ?? extracted.kind,
    text,
    sections,
    recognised,
  };
}

async function readMetadata(file: CorpusFile): Promise<z.infer<typeof metadataSchema>> {
  let json: string;
  try {
    json = await readFile(file.metaPath, 'utf8');
  } catch {
    return {}; // metadata is optional: a dropped-in file still gets indexed
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new UnreadableDocument(`${basename(file.metaPath)} is geen geldige JSON`, { cause: error });
  }
  const parsed = metadataSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new UnreadableDocument(`ongeldige metadata in ${basename(file.metaPath)} (${problems})`);
  }
  return parsed.data;
}

function humanize(path: string): string {
  const stem = basename(path, extname(path)).replace(/[-_]+/g, ' ').trim();
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}
