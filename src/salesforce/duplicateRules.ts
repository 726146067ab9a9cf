import { z } from 'zod';

/**
 * An object's duplicate management, as the User Interface API describes it (Duplicates Configuration,
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_duplicates_configuration.htm),
 * down to what decides whether a create alone can link to an existing record: each active rule, what
 * it does on insert ("Allow" or "Block", with an "Alert" or not), whether filters narrow it, and the
 * fields its matching rules compare (Duplicate Rule and Match Rule response bodies).
 */
export const duplicatesConfigSchema = z.object({
  dedupeEnabled: z.boolean().default(false),
  duplicateRules: z
    .array(
      z.object({
        name: z.string(),
        active: z.boolean().default(true),
        actionOnInsert: z.string(),
        operationsOnInsert: z.array(z.string()).default([]),
        duplicateRuleFilters: z.array(z.unknown()).default([]),
        matchRules: z.array(z.object({ matchFields: z.array(z.string()).default([]) })).default([]),
      }),
    )
    .default([]),
});

export type DuplicatesConfig = z.infer<typeof duplicatesConfigSchema>;

/** An org that says nothing (the UI API refused the object): no rule to rely on. */
export const noDuplicateRules: DuplicatesConfig = { dedupeEnabled: false, duplicateRules: [] };

/**
 * The rules that refuse a duplicate of a record with these fields on a create sent with
 * `Sforce-Duplicate-Rule-Header: allowSave=false` (REST API "Duplicate Rule Header"; with it an
 * alerting rule refuses the save as DUPLICATES_DETECTED and names the records it matched, as a
 * blocking rule always does): active, on every record (no filters), matching on one of the fields.
 * When one does, a create alone finds the existing record; otherwise it has to be searched first.
 */
export function rulesThatDecide(config: DuplicatesConfig, fields: string[]): string[] {
  if (!config.dedupeEnabled) return [];
  const wanted = new Set(fields.map((f) => f.toLowerCase()));
  return config.duplicateRules
    .filter(
      (rule) =>
        rule.active &&
        rule.duplicateRuleFilters.length === 0 &&
        (rule.actionOnInsert.toLowerCase() === 'block' ||
          rule.operationsOnInsert.some((o) => o.toLowerCase() === 'alert')) &&
        rule.matchRules.some((m) => m.matchFields.some((f) => wanted.has(f.toLowerCase()))),
    )
    .map((rule) => rule.name);
}
