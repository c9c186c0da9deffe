// POST /api/ask: a question in, a cited answer out.
import { Hono } from 'hono';
import { askRequestSchema } from '../contract.js';
import type { EngineSource } from '../app.js';
import { validJson } from './valid-json.js';

export function askRoutes(engine: EngineSource) {
  return new Hono().post('/ask', validJson(askRequestSchema), async (c) => {
    const { question, k } = c.req.valid('json');
    return c.json(await engine().ask(question, k));
  });
}
