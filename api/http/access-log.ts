// One structured log line per request (pino, JSON): request id, method, route, status and
// duration. The question itself is logged only when LOG_QUESTIONS=true: what colleagues ask
// can be personal, and logs travel further than answers.
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

const questions = new WeakMap<Request, string>();

/** Lets a route hand the question to the access log, which keeps it only when asked to. */
export function noteQuestion(c: Context, question: string): void {
  questions.set(c.req.raw, question);
}

export function accessLog(logger: Logger, { logQuestions }: { logQuestions: boolean }): MiddlewareHandler {
  return async function logRequest(c, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      const question = logQuestions ? questions.get(c.req.raw) : undefined;
      logger.info(
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          route: c.req.routePath,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(question ? { question } : {}),
        },
        'request',
      );
    }
  };
}
