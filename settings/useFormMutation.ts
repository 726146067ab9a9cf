import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { problemsByField } from '../ui/problems';

/**
 * A form's write: `submit(input)` checks the input with the contract's schema, then sends it;
 * `problems` are the check's or the API's, by field (`problemsByField`; `''` for the rest).
 */
export function useFormMutation<S extends z.ZodType, R>({
  schema,
  fields,
  mutationFn,
  onSuccess,
}: {
  schema: S;
  /** The fields the form shows problems beside. */
  fields: readonly string[];
  mutationFn: (input: z.output<S>) => Promise<R>;
  onSuccess: (answer: R) => void;
}) {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn,
    onSuccess,
    onError: (error) => setProblems(problemsByField(error, { fields })),
  });
  function submit(input: z.input<S>) {
    const parsed = schema.safeParse(input);
    setProblems(parsed.success ? {} : problemsByField(parsed.error, { fields }));
    if (parsed.success) mutation.mutate(parsed.data);
  }
  return { submit, problems, setProblems, isPending: mutation.isPending };
}
