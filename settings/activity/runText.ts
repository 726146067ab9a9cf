import type { Run, RunStatus } from '../../src/api/automation';

/** Statuses that will change by themselves: the list refreshes while one is shown. */
export const inProgress = (status: RunStatus) => status === 'pending' || status === 'running';

/** A run that failed for a temporary reason and is being tried again. */
export const isRetrying = (run: Run) => run.status === 'running' && run.error !== null;

export const statusLabels: Record<RunStatus, string> = {
  pending: 'Queued',
  running: 'Running',
  created: 'Created',
  linked: 'Linked to existing',
  updated: 'Updated existing',
  skipped: 'Skipped',
  waiting: 'Waiting',
  failed: 'Failed',
};

/** The status filter's choices, in the order an owner thinks of them. */
export const filterableStatuses: readonly RunStatus[] = [
  'created',
  'linked',
  'updated',
  'skipped',
  'waiting',
  'failed',
  'pending',
  'running',
];

export const statusHints: Record<RunStatus, string> = {
  pending: 'Waiting for its turn',
  running: 'Being created now',
  created: 'A new record',
  linked: 'The visitor was already in Salesforce',
  updated: 'The visitor was already in Salesforce; the record was updated by the mapping’s rules',
  skipped: 'Nothing to create',
  waiting: 'Resumes when the account is reconnected',
  failed: 'Needs your attention',
};

/** What happened, in one line, when the run has no record link and no error of its own. */
export function outcomeText(run: Run): string {
  switch (run.status) {
    case 'pending':
      return 'Queued: the record is created in a moment.';
    case 'running':
      return `Creating the ${run.objectLabel}…`;
    case 'waiting':
      return 'Waiting for the Salesforce account to be reconnected.';
    case 'skipped':
      return 'Skipped: nothing to create for this chat.';
    case 'created':
    case 'linked':
    case 'updated':
      return 'Done, but Salesforce returned no record link.';
    case 'failed':
      return 'Failed for an unknown reason.';
  }
}

export const attemptsText = (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`);

/** `YYYY-MM-DD` from a date input → the start (or end) of that day in the browser's time zone, as ISO. */
export function dayToIso(day: string, edge: 'start' | 'end'): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date =
    edge === 'start'
      ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0, 0)
      : new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
