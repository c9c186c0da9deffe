// Lists the documents in a corpus folder and its subfolders, and fingerprints them, so a build
// can tell when the index no longer matches the corpus. A symbolic link may point anywhere: one
// that leads out of the corpus folder (to /etc/passwd, say) is refused and named, never read.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './read-document.js';

export interface CorpusFile {
  id: string;
  path: string;
  /** The path below the corpus folder, with forward slashes: what a summary names. */
  relativePath: string;
  metaPath: string;
}

const SKIPPED = new Set(['readme.md', 'license.md']);

export interface CorpusListing {
  files: CorpusFile[];
  /** Links that lead out of the corpus folder or nowhere, with the reason: named, never read. */
  refused: { file: string; reason: string }[];
}

export async function listCorpus(corpusDir: string): Promise<CorpusListing> {
  const root = await realpath(corpusDir);
  const refused: CorpusListing['refused'] = [];
  const paths = await walk(corpusDir, new Set(), { root, corpusDir, refused });
  const files = paths
    .filter((path) => (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase()))
    .map((path) => {
      const relativePath = relative(corpusDir, path).split(sep).join('/');
      const stem = relativePath.slice(0, relativePath.length - extname(relativePath).length);
      return { id: documentId(stem), path, relativePath, metaPath: `${path.slice(0, path.length - extname(path).length)}.meta.json` };
    })
    .filter((file) => !SKIPPED.has(file.relativePath.split('/').pop()!.toLowerCase()))
    .sort((a, b) => a.id.localeCompare(b.id) || a.path.localeCompare(b.path));
  return { files, refused };
}

export async function listCorpusFiles(corpusDir: string): Promise<CorpusFile[]> {
  return (await listCorpus(corpusDir)).files;
}

interface Walk {
  /** The corpus folder with every link resolved: what a link must stay inside. */
  root: string;
  corpusDir: string;
  refused: CorpusListing['refused'];
}

/** Files below `dir`, following symbolic links once, inside the corpus folder; hidden files and folders are left out. */
async function walk(dir: string, visited: Set<string>, context: Walk): Promise<string[]> {
  const real = await realpath(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      const target = await realpath(path).catch(() => null);
      const named = relative(context.corpusDir, path).split(sep).join('/');
      if (!target) {
        context.refused.push({ file: named, reason: 'verwijzing (symbolische link) naar iets wat niet bestaat' });
        continue;
      }
      if (target !== context.root && !target.startsWith(`${context.root}${sep}`)) {
        context.refused.push({ file: named, reason: 'verwijzing (symbolische link) naar een bestand buiten de corpusmap; niet gelezen' });
        continue;
      }
    }
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory());
    if (isDirectory) files.push(...(await walk(path, visited, context)));
    else files.push(path);
  }
  return files;
}

/** A URL-safe id from a file's path: "Beleid/Visie Sociaal Domein.pdf" → "beleid-visie-sociaal-domein". */
export function documentId(stem: string): string {
  return (
    stem
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'document'
  );
}
