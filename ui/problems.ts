import { z } from 'zod';
import { ApiError, errorMessage } from './api/ApiError';

export interface InputProblem {
  /** Where in the input, without the request part: `label`, `values.LastName`, `fields.2.source`. */
  path: string;
  message: string;
}

const detailsSchema = z.object({
  problems: z.array(z.looseObject({ path: z.string(), message: z.string() })),
});

/**
 * The problems with what was sent: a zod check's issues, or those an API error lists in
 * `details.problems` (a 400 `validation_failed`, Salesforce's refusal of a record), with their
 * `body.`, `query.` or `params.` prefix dropped; other fields of a problem are kept. `null` when the
 * error carries none.
 */
export function inputProblems(error: unknown): (InputProblem & Record<string, unknown>)[] | null {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  }
  if (!(error instanceof ApiError)) return null;
  const parsed = detailsSchema.safeParse(error.details);
  if (!parsed.success) return null;
  return parsed.data.problems.map((p) => ({ ...p, path: p.path.replace(/^(body|query|params)\./, '') }));
}

/**
 * What a form shows after a failed check or submit: each field's problems by its name
 * (`{ label: 'Give the account a name.' }`), and under `''` the rest, or the error's own message when it
 * names no problem. `under` keys by the name below it (`values` → `values.LastName` is `LastName`);
 * `fields` are the names the form shows next to their input, the others go to `''`.
 */
export function problemsByField(
  error: unknown,
  options: { under?: string; fields?: readonly string[] } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  const problems = inputProblems(error);
  if (!problems?.length) return { '': errorMessage(error) };
  const prefix = options.under ? `${options.under}.` : '';
  for (const { path, message } of problems) {
    const name = path.startsWith(prefix) ? (path.slice(prefix.length).split('.')[0] ?? '') : '';
    const key = options.fields && !options.fields.includes(name) ? '' : name;
    if (!out[key]?.includes(message)) out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}
