// GET /api/suggestions: example questions the live index answers, for a chat that had none.
import { Hono } from 'hono';
import type { Suggestions } from '../contract.js';
import type { Engine, EngineSource } from '../engine.js';

export function suggestionRoutes(engine: EngineSource, examples: (engine: Engine) => Promise<string[]>) {
  return new Hono().get('/suggestions', async (c) => c.json({ examples: await examples(engine()) } satisfies Suggestions));
}
