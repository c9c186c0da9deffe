// Validates a JSON body against a zod schema; failures become 400s with a Dutch message that
// names every problem, in the API's error shape.
import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { AppError } from '../errors.js';

export function validJson<T extends ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) {
      const problems = result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
      throw new AppError('invalid_request', problems.join(' '));
    }
  });
}
