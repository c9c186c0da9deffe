// POST /api/feedback: a colleague's 👍 or 👎 on an answer, with an optional comment, kept with
// the question, the answer, its citations, the index build that gave it, the collections it was
// searched in and a pseudonym of the colleague when signed in.
import { type Context, Hono } from 'hono';
import { feedbackRequestSchema, type IndexManifest } from '../contract.js';
import type { FeedbackAsker, FeedbackStore } from '../feedback/feedback-store.js';
import { requireJson, validJson } from './valid-json.js';

export function feedbackRoutes(store: FeedbackStore, manifest: () => IndexManifest | null, asker: (c: Context) => FeedbackAsker) {
  return new Hono().post('/feedback', requireJson, validJson(feedbackRequestSchema), async (c) => {
    const current = manifest();
    const entry = await store.add(c.req.valid('json'), { builtAt: current?.builtAt ?? null, corpusHash: current?.corpusHash ?? null }, asker(c));
    return c.json({ id: entry.id }, 201);
  });
}
