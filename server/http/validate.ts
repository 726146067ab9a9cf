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

/** A NUL, or half of a UTF-16 surrogate pair: JSON can say them, PostgreSQL text cannot store them. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Every string in `value` that holds such a character, by its path. */
export function unstorableStrings(value: unknown, path: string[] = []): FieldProblem[] {
  if (typeof value === 'string') {
    return unstorable(value)
      ? [
          {
            path: path.join('.'),
            message: 'This text holds a character that cannot be stored (NUL or half of a surrogate pair).',
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableStrings(item, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...unstorableStrings(key, [...path, '(name)']),
      ...unstorableStrings(item, [...path, key]),
    ]);
  }
  return [];
}

/**
 * Parses one part of a request with its contract schema, or throws a 400 naming every problem.
 * Text no database can store is refused first, wherever it is, whatever the schema.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<S> {
  const refused = unstorableStrings(value, [where]);
  if (refused.length > 0) throw errors.validationFailed(refused);
  const result = schema.safeParse(value);
  if (!result.success) throw errors.validationFailed(toProblems(result.error, where));
  return result.data;
}
