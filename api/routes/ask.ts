// POST /api/ask: a question in, a cited answer out. POST /api/ask/stream: the same as
// server-sent events: the passages first, then answer tokens (LLM mode), then the final answer.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AskService } from '../answer/ask-service.js';
import { askRequestSchema } from '../contract.js';
import { noteQuestion } from '../http/access-log.js';
import { requireJson, validJson } from './valid-json.js';

export function askRoutes(askService: () => AskService, { logQuestions = false } = {}) {
  return new Hono()
    .post('/ask', requireJson, validJson(askRequestSchema), async (c) => {
      const request = c.req.valid('json');
      if (logQuestions) noteQuestion(c, request.question);
      return c.json(await askService().ask(request, { signal: c.req.raw.signal }));
    })
    .post('/ask/stream', requireJson, validJson(askRequestSchema), (c) => {
      const request = c.req.valid('json');
      if (logQuestions) noteQuestion(c, request.question);
      const service = askService(); // before streaming starts, so "no index" is still a plain 503
      return streamSSE(c, async (stream) => {
        await service.stream(request, ({ event, data }) => stream.writeSSE({ event, data: JSON.stringify(data) }), { signal: c.req.raw.signal });
      });
    });
}
