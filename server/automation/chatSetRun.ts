/**
 * One chat's set on one account, once its runs are claimed (chatProcessor): each mapping prepared
 * from the chat, the set written (server/salesforce/chatSet, at most two Salesforce calls), and every
 * run finished with its outcome, or failed, waiting or back to pending as the failure says.
 */
import type { Logger } from 'pino';
import type { ChatSnapshot } from '../../src/chat/chat';
import { errorsOf } from '../../src/mapping/problems';
import { rulesThatDecide } from '../../src/salesforce/duplicateRules';
import { markNeedsReconnect } from '../accounts/accounts.repo';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import { toMapping, type MappingWithAccount } from '../mappings/mappings.repo';
import { objectAndRelated } from '../mappings/mappings.service';
import { prepareRecord } from '../mappings/prepareRecord';
import {
  chatSetMember,
  failedMappingOf,
  writeChatSet,
  type ChatSetMember,
  type ChatSetOutcome,
  type SettledRecord,
} from '../salesforce/chatSet';
import type { SalesforceMetadata } from '../salesforce/metadata.service';
import { recordUrl } from '../salesforce/recordUrl';
import type { FieldEquals } from '../salesforce/recordWriter';
import { refusalForOwner } from '../salesforce/refusalInWords';
import type { SalesforceClient } from '../salesforce/salesforce.client';
import { SalesforceError, temporaryReason, toSalesforceError } from '../salesforce/salesforceError';
import { finishRun, finishRunSet, retryRunSetLater, type ClaimedSetRun } from './runs.repo';

/** How far before an attempt's start a record it created may be dated (clock skew). */
const RECOVERY_SLACK_MS = 60 * 1000;

export type Describes = Awaited<ReturnType<SalesforceMetadata['describesOf']>>;

/** What one job knows about one account: its connection and its describes (one cache read for all). */
export interface AccountContext {
  conn: SalesforceClient;
  describes: Promise<Describes>;
}

/** Values to find this run's own record by, after a crash: a field holding the chat id, else searchable fields. */
function recoveryMatch(mapping: MappingWithAccount, values: Record<string, unknown>): FieldEquals[] {
  const byChat = mapping.fields.filter(
    (f) =>
      f.entryType === 'dynamic' &&
      // The chat's subject names the chat too ("… (chat RX12AB)"): the conversation log's own.
      (f.dynamicSource === 'chat.id' ||
        f.dynamicSource === 'chat.link' ||
        f.dynamicSource === 'chat.subject'),
  );
  const fields = byChat.length ? byChat : mapping.fields.filter((f) => f.searchable);
  return fields
    .filter((f) => typeof values[f.field] === 'string' && values[f.field] !== '')
    .map((f) => ({ field: f.field, value: String(values[f.field]) }));
}

/** What an outcome says beside its record, in the owner's words (null: nothing to add). */
function outcomeMessage(
  mapping: MappingWithAccount,
  outcome: ChatSetOutcome,
  byRules: boolean,
): string | null {
  const label = mapping.objectLabel;
  switch (outcome.outcome) {
    case 'skipped':
      if (outcome.reason === 'inSet')
        return `Skipped: this chat’s ${outcome.objectName} is written in the same set, so no ${label} is created beside it.`;
      return outcome.reason === 'existsAs'
        ? `Skipped: this visitor is already a ${outcome.objectName} in Salesforce; the chat's records refer to it.`
        : 'A duplicate rule in Salesforce pointed at an existing record, so none was created.';
    case 'linked':
      if (outcome.reason === 'converted')
        return `This visitor’s ${label} was converted; linked to its ${outcome.objectName} (a converted ${label} is never written to).`;
      // A duplicate rule may have pointed at a record of another object (a Lead rule finding a Contact).
      if (outcome.objectName !== mapping.objectName)
        return `A duplicate rule in Salesforce found this visitor as an existing ${outcome.objectName}; linked to it instead of creating a ${label}.`;
      return outcome.reason === 'duplicateRule' || byRules
        ? `The org’s duplicate rules found this visitor’s existing ${label}; linked to it.`
        : null;
    case 'updated':
      return `Linked to this visitor’s existing ${label} and updated ${outcome.updatedFields.join(', ')}.`;
    case 'created':
      return outcome.unmatched.length
        ? `No match for ${outcome.unmatched.join(', ')}; Salesforce's default was kept.`
        : null;
  }
}

export type ChatSetRun = ReturnType<typeof createChatSetRun>;

/** Settles claimed set runs (`settleSet`); `waitForReconnect` parks a run until its account is reconnected. */
export function createChatSetRun(deps: {
  db: Database;
  metadata: SalesforceMetadata;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'automation' });

  const waitForReconnect = (runId: string, accountLabel: string) =>
    finishRun(
      deps.db,
      runId,
      {
        status: 'waiting',
        errorMessage: `Waiting for “${accountLabel}” to be reconnected in the settings.`,
      },
      deps.clock.now(),
    );

  /**
   * Whether the org's duplicate rules on the mapping's object match on one of its searchable fields,
   * so that the create alone finds an existing record. When Salesforce cannot say now, the search goes
   * first (as without rules): never a duplicate for want of an answer.
   */
  async function duplicateRulesDecide(
    describes: Describes,
    mapping: MappingWithAccount,
    searchable: FieldEquals[],
  ) {
    try {
      const config = await describes.duplicateRules(mapping.objectName);
      return (
        rulesThatDecide(
          config,
          searchable.map((s) => s.field),
        ).length > 0
      );
    } catch (error) {
      log.info(
        { object: mapping.objectName, err: error },
        'duplicate rules unknown; searching before the create',
      );
      return false;
    }
  }

  /** Task.Description's length in this org (32,000 in every edition), from the Task's describe. */
  async function taskDescriptionLength(describes: Describes): Promise<number | undefined> {
    try {
      return (await describes.get('Task')).fields.find((f) => f.name === 'Description')?.length ?? undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Writes a claimed set and finishes its runs: each run's outcome, or the set failed (the run whose
   * record Salesforce refused says why, the others that none was kept), waiting for a reconnect, or
   * back to pending (returns the reason) for a temporary failure.
   */
  async function settleSet(
    runs: { run: ClaimedSetRun; mapping: MappingWithAccount }[],
    settled: SettledRecord[],
    chat: ChatSnapshot,
    attempt: { final: boolean },
    contextOf: (account: MappingWithAccount['account']) => AccountContext,
  ): Promise<string | null> {
    const now = () => deps.clock.now();
    const account = runs[0]!.mapping.account;
    const ids = runs.map((r) => r.run.id);
    const labelOf = new Map(runs.map((r) => [r.run.id, r.mapping.objectLabel]));

    /** The set failed at `failedRunId`: it says why, each other run that it was not written for that. */
    const failSet = (
      failedRunId: string | null,
      message: string,
      extra: { errorCode?: string | null; errorFields?: string[] } = {},
      sfCalls = 0,
    ) => {
      const label = failedRunId ? labelOf.get(failedRunId) : undefined;
      return finishRunSet(
        deps.db,
        runs.map(({ run }) =>
          failedRunId === null || run.id === failedRunId
            ? { id: run.id, status: 'failed' as const, errorMessage: message, ...extra, sfCalls }
            : {
                id: run.id,
                status: 'failed' as const,
                errorMessage: `Not written: the ${label} failed (${message.replace(/\.$/, '')}), and Salesforce keeps none of a chat's records when one fails.`,
                errorCode: 'SET_FAILED',
                sfCalls,
              },
        ),
        now(),
      );
    };

    try {
      const context = contextOf(account);
      const { conn } = context;
      const describes = await context.describes;
      const members: ChatSetMember[] = [];
      for (const { run, mapping } of runs) {
        const mappingModel = toMapping(mapping);
        // The job's describes, read once for all its mappings, stand in for the service's own reads.
        const { meta, related } = await objectAndRelated(
          { ...deps.metadata, describe: (_account, _conn, objectName) => describes.get(objectName) },
          account.id,
          conn,
          mappingModel,
        );
        // Picklist values follow the mapping's record type (UI API); unknown now, the describe's are used.
        const recordTypePicklists = mappingModel.recordTypeId
          ? await describes
              .recordTypePicklists(mapping.objectName, mappingModel.recordTypeId)
              .catch(() => null)
          : null;
        const prepared = prepareRecord(mappingModel, chat, meta, related, { recordTypePicklists });
        const errors = errorsOf(prepared.problems);
        if (errors.length) {
          await failSet(run.id, errors.map((p) => p.message).join(' '), {
            errorCode: errors[0]!.code,
            errorFields: [...new Set(errors.flatMap((p) => (p.field ? [p.field] : [])))],
          });
          return null;
        }
        const skipFields = new Map<string, ReadonlySet<string>>();
        for (const objectName of mappingModel.skipIfExistsAs ?? []) {
          skipFields.set(objectName, new Set((await describes.get(objectName)).fields.map((f) => f.name)));
        }
        // An earlier attempt may have created the record before failing or dying: look for it first.
        const match = run.attempts > 1 ? recoveryMatch(mapping, prepared.values) : [];
        members.push(
          chatSetMember({
            mappingId: mapping.id,
            objectLabel: mapping.objectLabel,
            mapping: mappingModel,
            prepared,
            fieldsOf: (objectName) => skipFields.get(objectName),
            ...(match.length
              ? { recover: { since: new Date(run.startedAt.getTime() - RECOVERY_SLACK_MS), match } }
              : {}),
          }),
        );
      }
      const only = members.length === 1 && settled.length === 0 ? members[0]! : undefined;
      // "link" in one call when the org's own duplicate rules find the visitor's record on the create;
      // otherwise (and while recovering, which searches anyway) the search goes first.
      const byRules =
        !!only &&
        only.kind === 'record' &&
        only.duplicatePolicy === 'link' &&
        only.searchable.length > 0 &&
        !only.recover &&
        (await duplicateRulesDecide(describes, runs[0]!.mapping, only.searchable));
      const conversation = members.some((m) => m.kind === 'conversation');
      const limit = conversation ? await taskDescriptionLength(describes) : undefined;
      const result = await writeChatSet(conn, {
        members,
        settled,
        ...(limit ? { taskDescriptionLength: limit } : {}),
        ...(byRules ? { linkOnDuplicate: true } : {}),
      });
      const outcomeOf = new Map(result.outcomes.map((o) => [o.mappingId, o]));
      await finishRunSet(
        deps.db,
        runs.map(({ run, mapping }) => {
          const outcome = outcomeOf.get(mapping.id)!;
          return {
            id: run.id,
            status: outcome.outcome,
            recordId: outcome.id,
            recordUrl: outcome.id ? recordUrl(account.instanceUrl, outcome.objectName, outcome.id) : null,
            objectName: outcome.objectName,
            errorMessage: outcomeMessage(mapping, outcome, byRules),
            errorCode: null,
            errorFields: [],
            // Each run says what its set cost: the set's calls are shared, not one run's own.
            sfCalls: result.calls,
          };
        }),
        now(),
      );
      log.info(
        {
          chat: chat.chatId,
          account: account.id,
          outcomes: result.outcomes.map((o) => `${o.objectName}:${o.outcome}`),
          calls: result.calls,
        },
        'set done',
      );
      return null;
    } catch (error) {
      const failure = error instanceof SalesforceError ? error : toSalesforceError(error);
      if (failure.kind === 'needs_reconnect' || failure.kind === 'invalid_session') {
        // A refused refresh marked the account already; an org or user without API access, or a
        // session Salesforce refuses even fresh, is marked here so the owner's tile says why.
        await markNeedsReconnect(deps.db, account.id, failure.message);
        for (const id of ids) await waitForReconnect(id, account.label);
        return null;
      }
      if (failure.kind === 'rejected') {
        const failedMapping = failedMappingOf(failure);
        const failed = runs.find((r) => r.mapping.id === failedMapping);
        await failSet(
          failed?.run.id ?? null,
          refusalForOwner(failure, failed?.mapping.objectLabel ?? 'record', failure.fields),
          {
            ...(failure.errorCode ? { errorCode: failure.errorCode } : {}),
            errorFields: failure.causes.length
              ? [...new Set(failure.causes.flatMap((c) => c.fields))]
              : failure.fields,
          },
        );
        return null;
      }
      // Everything else is temporary (unknown failures included): retried with backoff, never dropped.
      const reason =
        failure.kind === 'limit_reached'
          ? 'the org has used up its daily API calls'
          : temporaryReason(failure);
      if (attempt.final) {
        await failSet(
          null,
          `Gave up after several attempts: ${reason}. Use Retry once Salesforce is available.`,
          {
            errorCode: failure.errorCode ?? failure.kind,
          },
        );
        return null;
      }
      // Back to pending; the job is retried with backoff. The runs keep their start time for recovery.
      await retryRunSetLater(deps.db, ids, reason, now());
      return reason;
    }
  }

  return { settleSet, waitForReconnect };
}
