// The benchmark's baseline: a plain BM25 top 10 over the same passages, with Orama (Dutch
// stemming and stop words, nothing else: no evidence, no verdict, no compound analysis), served
// over the same kind of HTTP route so both are timed by the same client.
import { serve } from '@hono/node-server';
import { create, insertMultiple, search } from '@orama/orama';
import { stemmer } from '@orama/stemmers/dutch';
import { stopwords } from '@orama/stopwords/dutch';
import { Hono } from 'hono';
import { readIndexFiles } from '../../api/store/embedded/index-files.js';

export async function servePlainBm25(indexDir: string): Promise<{ url: string; passages: number }> {
  const { documents, passages } = await readIndexFiles(indexDir);
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  const db = create({ schema: { text: 'string' } as const, components: { tokenizer: { language: 'dutch', stemming: true, stemmer, stopWords: stopwords } } });
  await insertMultiple(
    db,
    passages.map((passage, i) => ({ id: String(i), text: texts.get(passage.documentId)!.slice(passage.start, passage.end) })),
  );
  const app = new Hono().post('/api/ask', async (c) => {
    const { question } = await c.req.json<{ question: string }>();
    const { hits } = await search(db, { term: question, limit: 10 });
    return c.json({ passages: hits.map((hit) => ({ id: hit.id, score: hit.score, text: hit.document.text })) });
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((ready) => server.once('listening', ready));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, passages: passages.length };
}
