// Collections from the corpus's top-level folders and collections.json: recorded in the index,
// each document with its own; a bad file or a folder the file forgets stops the build, named;
// and a scope's ranking and verdict are exactly those of an index of its collections alone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WHOLE_CORPUS } from '../../api/access/collections.js';
import { readQuestion } from '../../api/answer/answerability.js';
import { loadEngine } from '../../api/load-engine.js';
import { COLLECTIONS, COLLECTIONS_CORPUS, PROBE_QUESTIONS } from '../fixtures/collections-corpus.js';
import { OFFLINE_MODEL } from '../fixtures/paths.js';
import { buildTestIndex, SMALL_CORPUS, writeCorpus } from '../fixtures/test-index.js';

describe('collections', () => {
  it('are the folders collections.json names, each document in its own', async () => {
    const { engine } = await loadEngine(await buildTestIndex(await writeCorpus(COLLECTIONS_CORPUS)), OFFLINE_MODEL);
    expect(engine.manifest.collections).toEqual([
      { id: 'openbaar', title: 'Openbare documenten', public: true, groups: [] },
      { id: 'team-jeugd', title: 'Team Jeugd', public: false, groups: ['jeugd'] },
      { id: 'team-wmo', title: 'Team Wmo', public: false, groups: ['wmo'] },
    ]);
    const documents = await engine.catalog.listDocuments(['openbaar', 'team-jeugd', 'team-wmo']);
    expect(Object.fromEntries(documents.map((document) => [document.id, document.collection]))).toEqual({
      'openbaar-eenzaamheid': 'openbaar',
      'openbaar-mantelzorg': 'openbaar',
      'team-jeugd-jeugdhulp-concept': 'team-jeugd',
      'team-wmo-wmo-embargo': 'team-wmo',
    });
    expect((await engine.catalog.listDocuments(['openbaar'])).map((document) => document.id).sort()).toEqual(['openbaar-eenzaamheid', 'openbaar-mantelzorg']);
    expect(await engine.catalog.getDocument('team-wmo-wmo-embargo', ['openbaar'])).toBeNull();
  });

  it('are one public collection without collections.json, as before', async () => {
    const { engine } = await loadEngine(await buildTestIndex(await writeCorpus(SMALL_CORPUS)), OFFLINE_MODEL);
    expect(engine.manifest.collections).toEqual([WHOLE_CORPUS]);
  });

  it.each([
    [
      'a folder the file forgets',
      { ...COLLECTIONS_CORPUS, 'team-zorg/notitie.txt': 'Een notitie over zorg.' },
      /De map "team-zorg" staat niet in collections\.json/,
    ],
    ['a document in the corpus root', { ...COLLECTIONS_CORPUS, 'los.txt': 'Een los document.' }, /los\.txt staat in de hoofdmap/],
    [
      'an entry without readers',
      { ...COLLECTIONS_CORPUS, 'collections.json': JSON.stringify({ ...COLLECTIONS, 'team-wmo': { title: 'Team Wmo' } }) },
      /collections\.json: team-wmo/,
    ],
    [
      'an entry with an unknown field',
      { ...COLLECTIONS_CORPUS, 'collections.json': JSON.stringify({ ...COLLECTIONS, openbaar: { title: 'x', access: 'public', groep: 'a' } }) },
      /collections\.json: openbaar/,
    ],
    ['a file that is not JSON', { ...COLLECTIONS_CORPUS, 'collections.json': '{ "openbaar": ' }, /Ongeldige collecties in collections\.json/],
  ])('stop the build on %s, naming it', async (_, corpus, message) => {
    await expect(buildTestIndex(await writeCorpus(corpus))).rejects.toThrow(message);
  });

  it('keep a changed collections.json from being missed: the corpus fingerprint holds it', async () => {
    const corpus = await writeCorpus(COLLECTIONS_CORPUS);
    const { engine: before } = await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL);
    const changed = JSON.stringify({ ...COLLECTIONS, 'team-wmo': { title: 'Team Wmo', access: 'public' } });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(corpus, 'collections.json'), changed);
    const { engine: after } = await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL);
    expect(after.manifest.corpusHash).not.toBe(before.manifest.corpusHash);
    expect(after.manifest.collections.find((collection) => collection.id === 'team-wmo')!.public).toBe(true);
    expect(JSON.parse(await readFile(join(corpus, 'collections.json'), 'utf8'))['team-wmo'].access).toBe('public');
  });
});

describe('a scope', () => {
  it('ranks, weighs and decides as an index of its collections alone', async () => {
    const { engine: whole } = await loadEngine(await buildTestIndex(await writeCorpus(COLLECTIONS_CORPUS)), OFFLINE_MODEL);
    const publicOnly = Object.fromEntries(Object.entries(COLLECTIONS_CORPUS).filter(([name]) => !name.startsWith('team-')));
    publicOnly['collections.json'] = JSON.stringify({ openbaar: COLLECTIONS.openbaar });
    const { engine: alone } = await loadEngine(await buildTestIndex(await writeCorpus(publicOnly)), OFFLINE_MODEL);
    for (const question of PROBE_QUESTIONS) {
      const [scoped, separate] = await Promise.all([readQuestion(whole, question, 5, ['openbaar']), readQuestion(alone, question, 5, ['openbaar'])]);
      const view = ({ retrieval, assessment }: typeof scoped) => ({
        concepts: retrieval.question.concepts,
        passages: retrieval.passages.map(({ passage, score, features }) => [passage.id, score, features]),
        verdict: [assessment.verdict, assessment.reason, assessment.probability],
      });
      expect(view(scoped), question).toEqual(view(separate));
    }
  });
});
