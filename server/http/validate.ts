import type { z } from 'zod';
import type { FieldProblem } from '../../src/api/errors';
import { errors } from './appError';

/** Lists a zod error's issues as problems whose paths start with where the input came from. */
export function toProblems(error: z.ZodError, where: 'body' | 'query' | 'params'): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Parses one part of a request with its contract schema, or throws a 400 naming every problem. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw errors.validationFailed(toProblems(result.error, where));
  return result.data;
}
