import { problemSchema, type Problem } from '../../src/mapping/problems';
import { inputProblems } from '../../ui/problems';

/**
 * A refused save's problems, for the editor to place: the engine's as they are, and a problem with the
 * request's shape (`mapping.fields.2.source`) as an error at its mapping path. `null` when the error
 * names none.
 */
export function serverProblems(error: unknown): Problem[] | null {
  return (
    inputProblems(error)?.map(
      (p) =>
        problemSchema.safeParse(p).data ?? {
          path: p.path.replace(/^mapping\./, ''),
          code: 'invalid_value',
          severity: 'error',
          message: p.message,
        },
    ) ?? null
  );
}
