// GET /api/suggestions: example questions the live index answers from the caller's collections,
// for a chat that had none.
import { type Context, Hono } from 'hono';
import type { Scope } from '../access/scope.js';
import type { Suggestions } from '../contract.js';
import type { Engine, EngineSource } from '../engine.js';

export function suggestionRoutes(engine: EngineSource, examples: (engine: Engine, scope: Scope) => Promise<string[]>, scopeOf: (c: Context) => Scope) {
  return new Hono().get('/suggestions', async (c) => c.json({ examples: await examples(engine(), scopeOf(c)) } satisfies Suggestions));
}
