// POST /api/ask: a question in, a cited answer out. POST /api/ask/stream: the same as
// server-sent events: the passages first, then answer tokens (LLM mode), then the final answer.
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Scope } from '../access/scope.js';
import type { AskService } from '../answer/ask-service.js';
import { askRequestSchema } from '../contract.js';
import { noteQuestion } from '../http/access-log.js';
import { requireJson, validJson } from './valid-json.js';

export function askRoutes(askService: () => AskService, scopeOf: (c: Context, requested?: readonly string[]) => Scope, { logQuestions = false } = {}) {
  return new Hono()
    .post('/ask', requireJson, validJson(askRequestSchema), async (c) => {
      const request = c.req.valid('json');
      if (logQuestions) noteQuestion(c, request.question);
      return c.json(await askService().ask(request, { scope: scopeOf(c, request.collections), signal: c.req.raw.signal }));
    })
    .post('/ask/stream', requireJson, validJson(askRequestSchema), (c) => {
      const request = c.req.valid('json');
      if (logQuestions) noteQuestion(c, request.question);
      // Before streaming starts, so "no index" is still a plain 503.
      const service = askService();
      const scope = scopeOf(c, request.collections);
      return streamSSE(c, async (stream) => {
        await service.stream(request, ({ event, data }) => stream.writeSSE({ event, data: JSON.stringify(data) }), { scope, signal: c.req.raw.signal });
      });
    });
}
