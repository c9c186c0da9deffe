import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors.js';
import { documentId, hashCorpus, listCorpusFiles } from '../../api/ingest/corpus-files.js';
import { loadCorpus } from '../../api/ingest/load-corpus.js';

async function corpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-corpus-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe('loadCorpus', () => {
  it('reads every supported file, with metadata where a sidecar gives it', async () => {
    const dir = await corpus({
      'Mantelzorg Beleid.txt': 'Mantelzorg\nRespijtzorg ontlast mantelzorgers.',
      'Mantelzorg Beleid.meta.json': JSON.stringify({ title: 'Mantelzorgbeleid', source: 'Gemeente Voorbeeld', date: '2024-03-01', kind: 'pdf' }),
      'eenzaamheid.md': '# Samen tegen eenzaamheid\n\nOntmoeten helpt.',
      'notities.docx': 'ignored',
      'README.md': '# Over deze map',
    });
    const documents = await loadCorpus(dir);
    expect(documents.map((document) => document.id)).toEqual(['eenzaamheid', 'mantelzorg-beleid']);
    const [markdown, text] = documents;
    expect(markdown).toMatchObject({ title: 'Samen tegen eenzaamheid', kind: 'markdown', source: null, date: null });
    expect(text).toMatchObject({ title: 'Mantelzorgbeleid', source: 'Gemeente Voorbeeld', date: '2024-03-01', kind: 'pdf' });
    expect(text!.text).toBe('Mantelzorg\nRespijtzorg ontlast mantelzorgers.');
  });

  it('rejects invalid metadata with a message naming the file and field', async () => {
    const dir = await corpus({ 'a.txt': 'Tekst.', 'a.meta.json': JSON.stringify({ date: '1 maart' }) });
    await expect(loadCorpus(dir)).rejects.toThrow(/a\.meta\.json.*date/);
  });

  it('says so when the folder holds no documents', async () => {
    const dir = await corpus({ 'notes.docx': 'x' });
    await expect(loadCorpus(dir)).rejects.toBeInstanceOf(AppError);
  });

  it('fingerprints the corpus so edits are noticed', async () => {
    const dir = await corpus({ 'a.txt': 'Eerste versie.' });
    const before = await hashCorpus(await listCorpusFiles(dir));
    await writeFile(join(dir, 'a.txt'), 'Tweede versie.');
    expect(await hashCorpus(await listCorpusFiles(dir))).not.toBe(before);
  });

  it('makes URL-safe document ids', () => {
    expect(documentId('Visie Sociaal Domein (2024) – concept')).toBe('visie-sociaal-domein-2024-concept');
  });
});
