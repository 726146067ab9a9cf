import type { z } from 'zod';

/** zod issues keyed by their first path segment: `{ label: 'Give the account a name.' }`. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}
