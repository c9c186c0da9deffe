import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentId, listCorpusFiles } from '../../api/ingest/corpus-files.js';
import { processDocument } from '../../api/ingest/process-document.js';
import { UnreadableDocument } from '../../api/ingest/unreadable.js';
import { dutchSpellChecker } from '../../api/language/dutch-lexicon.js';

async function corpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const options = { collection: 'alle', spell: dutchSpellChecker(), maxBytes: 1_000_000 };

describe('corpus files', () => {
  it('are found in subfolders, with ids from their path, leaving out READMEs and hidden files', async () => {
    const dir = await corpus({ 'Mantelzorg Beleid.txt': 'x', 'beleid/2024/Visie.md': 'x', 'README.md': 'x', '.concept.txt': 'x', 'notities.xlsx': 'x' });
    const files = await listCorpusFiles(dir);
    expect(files.map((file) => [file.id, file.relativePath])).toEqual([
      ['beleid-2024-visie', 'beleid/2024/Visie.md'],
      ['mantelzorg-beleid', 'Mantelzorg Beleid.txt'],
    ]);
  });

  it('get URL-safe document ids', () => {
    expect(documentId('Visie Sociaal Domein (2024) – concept')).toBe('visie-sociaal-domein-2024-concept');
  });
});

describe('processDocument', () => {
  it('reads a document with the metadata its sidecar gives', async () => {
    const dir = await corpus({
      'Mantelzorg Beleid.txt': 'Mantelzorg\nRespijtzorg ontlast mantelzorgers.',
      'Mantelzorg Beleid.meta.json': JSON.stringify({ title: 'Mantelzorgbeleid', source: 'Gemeente Voorbeeld', date: '2024-03-01', kind: 'pdf' }),
    });
    const [file] = await listCorpusFiles(dir);
    const document = await processDocument(file!, options);
    expect(document).toMatchObject({ id: 'mantelzorg-beleid', title: 'Mantelzorgbeleid', source: 'Gemeente Voorbeeld', date: '2024-03-01', kind: 'pdf' });
    expect(document.text).toBe('Mantelzorg\nRespijtzorg ontlast mantelzorgers.');
  });

  it('takes the title from the document itself when there is no metadata', async () => {
    const dir = await corpus({ 'eenzaamheid.md': '# Samen tegen eenzaamheid\n\nOntmoeten helpt.' });
    const [file] = await listCorpusFiles(dir);
    expect(await processDocument(file!, options)).toMatchObject({ title: 'Samen tegen eenzaamheid', kind: 'markdown', source: null, date: null });
  });

  it.each([
    ['invalid metadata', { 'a.txt': 'Tekst.', 'a.meta.json': JSON.stringify({ date: '1 maart' }) }, /a\.meta\.json.*date/],
    ['metadata that is not JSON', { 'a.txt': 'Tekst.', 'a.meta.json': '{ title: ' }, /a\.meta\.json is geen geldige JSON/],
    ['a file without text', { 'a.txt': ' \n \n• \n' }, /geen tekst/],
  ])('refuses %s, naming the problem', async (_, files, reason) => {
    const [file] = await listCorpusFiles(await corpus(files));
    const error = await processDocument(file!, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableDocument);
    expect((error as UnreadableDocument).reason).toMatch(reason);
  });
});
