import { z } from 'zod';

/**
 * A search for records to pick as a lookup field's value: the settings' static reference picker
 * (GET /api/settings/accounts/:id/lookup?object=User&q=ann) and the widget's create form.
 */
export const lookupQuerySchema = z.object({
  object: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Not a Salesforce object name.'),
  q: z.string().trim().max(80, 'Search with at most 80 characters.').default(''),
});
export const lookupResultSchema = z.object({
  records: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;
