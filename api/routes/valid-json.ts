// Validates a JSON body against a zod schema; failures become 400s with a Dutch message that
// names every problem, in the API's error shape. A body that is not declared as JSON is a 415
// that says which header to send.
import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import { AppError } from '../errors.js';
import { messages } from '../messages.js';

/** Before validJson: a body must be declared as JSON. */
export const requireJson: MiddlewareHandler = async function requireJson(c, next) {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new AppError('unsupported_media_type', messages.notJson);
  await next();
};

export function validJson<T extends ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) {
      const problems = result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
      throw new AppError('invalid_request', problems.join(' '));
    }
  });
}
