import { z } from 'zod';

/**
 * What `validateMapping` and `validateValues` report. An `error` stops the mapping from being saved or the
 * record from being created; a `warning` is worth showing but changes nothing (or says what was adjusted,
 * such as a transcript cut to fit its field).
 */

export const problemCodes = [
  // the mapping against the object's metadata
  'object_mismatch',
  'unknown_object',
  'unknown_field',
  'field_not_createable',
  'unsupported_field_type',
  'duplicate_field',
  'required_field_not_mapped',
  'auto_match_not_reference',
  'auto_match_object_not_allowed',
  'auto_match_field_unknown',
  'auto_match_field_not_filterable',
  'chat_record_not_reference',
  'chat_record_object_not_allowed',
  'chat_record_object_not_mapped',
  'chat_record_cycle',
  'chat_record_not_automated',
  'chat_value_does_not_fit',
  'reference_from_chat_value',
  'searchable_field_unknown',
  'searchable_field_duplicate',
  'searchable_field_not_filterable',
  'searchable_field_not_mapped',
  'searchable_field_static',
  'no_searchable_fields',
  'owner_replaced_by_assignment_rules',
  // update rules, the conversation log, skipping, record types
  'update_rule_unused',
  'field_not_updateable',
  'log_as_not_conversation',
  'conversation_not_task',
  'conversation_log_as_missing',
  'conversation_not_created',
  'conversation_exists',
  'skip_needs_searchable_fields',
  'skip_object_duplicate',
  'skip_object_is_own',
  'skip_object_unknown',
  'skip_object_field_missing',
  'record_type_set_twice',
  'unknown_record_type',
  // the record card's key fields (cardFields.ts)
  'card_field_unknown',
  'card_field_duplicate',
  'card_field_not_shown',
  'too_many_card_fields',
  // a value against its field
  'value_required',
  'invalid_value',
  'value_too_long',
  'value_truncated',
  'invalid_email',
  'invalid_number',
  'number_out_of_range',
  'number_rounded',
  'invalid_boolean',
  'invalid_date',
  'invalid_datetime',
  'invalid_time',
  'invalid_picklist_value',
  'picklist_value_not_in_org',
  'too_many_values',
  'invalid_id',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const problemSeverities = ['error', 'warning'] as const;
export type ProblemSeverity = (typeof problemSeverities)[number];

export const problemSchema = z.object({
  /** Where in the mapping (`fields.3.value`, `searchableFields.0`) or in the values (`values.LastName`). */
  path: z.string(),
  /** The Salesforce field concerned, when there is one. */
  field: z.string().optional(),
  code: z.enum(problemCodes),
  severity: z.enum(problemSeverities),
  /** Plain words for the license owner or agent. */
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error');
}

/**
 * Each problem once: the mapping's check and the record's preparation can both notice the same
 * thing about one field (the same path, code and message); the person reads it once.
 */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0001${problem.code}\u0001${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
