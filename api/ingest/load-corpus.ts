// Reads every document of a corpus folder, cleans it and finds its sections: the documents
// the index is built from and the API serves.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../contract.js';
import { AppError } from '../errors.js';
import { dutchSpellChecker } from '../language/dutch-lexicon.js';
import { attestedWords } from './attested-words.js';
import { cleanText } from './clean-text.js';
import { type CorpusFile, listCorpusFiles } from './corpus-files.js';
import { findSections, type Section } from './find-sections.js';
import { readDocument } from './read-document.js';

export interface CorpusDocument {
  id: string;
  fileName: string;
  title: string;
  source: string | null;
  date: string | null;
  kind: DocumentKind;
  /** The cleaned text: every offset in the index and the API refers to it. */
  text: string;
  sections: Section[];
}

const metadataSchema = z.object({
  title: z.string().min(1).optional(),
  source: z.string().min(1).nullable().optional(),
  date: z.iso.date().nullable().optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
});

export async function loadCorpus(corpusDir: string): Promise<CorpusDocument[]> {
  const files = await listCorpusFiles(corpusDir);
  if (files.length === 0) {
    throw new AppError('corpus_empty', `Geen documenten gevonden in ${corpusDir} (.txt, .md, .html of .pdf).`);
  }
  assertUniqueIds(files);
  const extracted = await Promise.all(files.map((file) => readDocument(file.path)));
  const context = { spell: dutchSpellChecker(), attested: attestedWords(extracted.map((doc) => doc.text)) };

  return Promise.all(
    files.map(async (file, index) => {
      const { text: raw, kind, titleHint } = extracted[index]!;
      const meta = await readMetadata(file);
      const text = cleanText(raw, context);
      const sections = findSections(text);
      return {
        id: file.id,
        fileName: basename(file.path),
        title: meta.title ?? titleHint ?? sections[0]?.title ?? humanize(file.path),
        source: meta.source ?? null,
        date: meta.date ?? null,
        kind: meta.kind ?? kind,
        text,
        sections,
      };
    }),
  );
}

async function readMetadata(file: CorpusFile): Promise<z.infer<typeof metadataSchema>> {
  let json: string;
  try {
    json = await readFile(file.metaPath, 'utf8');
  } catch {
    return {}; // metadata is optional: a dropped-in file still gets indexed
  }
  const parsed = metadataSchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AppError('unsupported_document', `Ongeldige metadata in ${file.metaPath}: ${problems}`);
  }
  return parsed.data;
}

function assertUniqueIds(files: readonly CorpusFile[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(file.id);
    if (other) {
      throw new AppError('unsupported_document', `${other} en ${file.path} krijgen hetzelfde id "${file.id}"; hernoem er een.`);
    }
    seen.set(file.id, file.path);
  }
}

function humanize(path: string): string {
  const stem = basename(path, extname(path)).replace(/[-_]+/g, ' ').trim();
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}
