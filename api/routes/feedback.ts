// POST /api/feedback: a colleague's 👍 or 👎 on an answer, with an optional comment, kept with
// the question, the answer, its citations and the index build that gave it.
import { Hono } from 'hono';
import { feedbackRequestSchema, type IndexManifest } from '../contract.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import { requireJson, validJson } from './valid-json.js';

export function feedbackRoutes(store: FeedbackStore, manifest: () => IndexManifest | null) {
  return new Hono().post('/feedback', requireJson, validJson(feedbackRequestSchema), async (c) => {
    const current = manifest();
    const entry = await store.add(c.req.valid('json'), { builtAt: current?.builtAt ?? null, corpusHash: current?.corpusHash ?? null });
    return c.json({ id: entry.id }, 201);
  });
}
