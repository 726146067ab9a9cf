import type { CreateRecordRequest, CreateRecordResponse } from '../../src/api/widget';
import { kindOf } from '../../src/mapping/mapping';
import { errorsOf, hasErrors, type Problem } from '../../src/mapping/problems';
import { resolve } from '../../src/mapping/resolve';
import { validateValues } from '../../src/mapping/validateValues';
import { nameField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { Agent } from '../auth/agent';
import { errors, type AppError } from '../http/appError';
import { objectAndRelated } from '../mappings/mappings.service';
import { prepareRecord } from '../mappings/prepareRecord';
import { writeRecord } from '../salesforce/recordWriter';
import { isTimeout, toSalesforceError } from '../salesforce/salesforceError';
import { recordUrl } from '../salesforce/recordUrl';
import type { Clock } from '../clock';
import { recordAgentRecord } from './chatSet.service';
import type { RelatedCache } from './relatedCache';
import { toRelatedRecord } from './related.presenter';
import { cardPlanOf } from './relatedCards';
import { selectList } from './relatedSearch';
import { refusalProblems } from './refusalInWords';
import { accountFailureError, type WidgetContext, type WidgetDeps } from './widgetContext';

export type CreateRecordService = ReturnType<typeof createCreateRecordService>;

/** Stands in for an auto-matched id while the other values are checked (the lookup runs in the create call). */
const PENDING_LOOKUP_ID = '000000000000000AAA';

/** A refused create: our own checks (`validation_failed`), or Salesforce's (`salesforce_error`, 422). */
function refused(problems: Problem[], by: 'validationFailed' | 'salesforceRefused'): AppError {
  const found = errorsOf(problems);
  const message =
    found.length === 1
      ? found[0]!.message
      : `${found.length} values need fixing before the record can be created.`;
  return errors[by](found, message);
}

/** The name the new record will show, from what was sent (no extra call to read it back). */
function nameOf(meta: ObjectMetadata, values: Record<string, unknown>, id: string): string {
  const field = nameField(meta)?.name;
  const direct = field ? values[field] : undefined;
  if (typeof direct === 'string' && direct) return direct;
  const person = [values.FirstName, values.LastName].filter((v) => typeof v === 'string' && v).join(' ');
  return person || `${meta.label} ${id}`;
}

/**
 * Creates a record of a mapped object from a chat with the agent's (possibly edited) values: checked again
 * here against the object's describe, then auto-match lookups and the create in one composite call.
 */
export function createCreateRecordService(
  deps: WidgetDeps & { ctx: WidgetContext; cache: RelatedCache; clock: Clock },
) {
  const log = deps.logger.child({ module: 'widget-create' });

  async function create(
    agent: Agent,
    token: string,
    body: CreateRecordRequest,
  ): Promise<CreateRecordResponse> {
    const { account, row, mapping } = await deps.ctx.usableMapping(agent, body.mappingId);
    const conn = deps.ctx.connectToWrite(account);
    const chat = await deps.ctx.chat(agent, token, { chatId: body.chatId, threadId: body.threadId });

    let described: Awaited<ReturnType<typeof objectAndRelated>>;
    try {
      described = await objectAndRelated(deps.metadata, account.id, conn, mapping);
    } catch (error) {
      throw accountFailureError(toSalesforceError(error), account.label);
    }
    const { meta, related } = described;

    const mapped = new Set(mapping.fields.map((f) => f.field));
    const strangers: Problem[] = Object.keys(body.values)
      .filter((name) => !mapped.has(name))
      .map((name) => ({
        path: `values.${name}`,
        field: name,
        code: 'unknown_field',
        severity: 'error',
        message: `${name} is not one of the fields mapped for ${meta.label}.`,
      }));
    if (strangers.length) throw refused(strangers, 'validationFailed');

    // The mapping's values for this chat, then what the agent sent over them; an auto-match field the
    // agent did not send is matched in the create call.
    const prepared = prepareRecord(mapping, chat, meta, related);
    const lookups = prepared.lookups.filter((l) => !(l.field in body.values));
    const values: Record<string, unknown> = { ...resolve(mapping, chat).values, ...body.values };
    for (const l of lookups) values[l.field] = PENDING_LOOKUP_ID;
    const checked = validateValues(values, meta);
    if (hasErrors(checked.problems)) throw refused(checked.problems, 'validationFailed');
    const toWrite = { ...checked.values };
    for (const l of lookups) delete toWrite[l.field];

    // The new record's card, read back in the create call itself (no extra API call): what Salesforce
    // made of it (defaulted Status, the owner assignment rules chose, lookups' names) rather than a
    // guess from the values sent.
    const card = await cardPlanOf(mapping, meta, (names) =>
      deps.metadata.describeAnyAge(account.id, conn, names),
    );

    try {
      const result = await writeRecord(conn, {
        objectName: meta.name,
        values: toWrite,
        lookups,
        autoAssign: mapping.autoAssign,
        readBack: selectList([card.nameField, ...card.cards.map((c) => c.select)]),
      });
      // The chat's record of this mapping now: automation after the chat links to it, never makes another.
      if (kindOf(mapping) === 'record')
        await recordAgentRecord(deps, account, chat, {
          mappingId: row.id,
          objectName: result.objectName,
          id: result.id,
        });
      await deps.cache.forgetChat(account.id, chat.chatId); // for every web process, before the answer
      log.info(
        {
          account: account.id,
          mapping: row.id,
          object: meta.name,
          outcome: result.outcome,
          calls: result.calls,
        },
        'record created from the widget',
      );
      const readBack =
        result.record && typeof result.record.Id === 'string'
          ? toRelatedRecord(card, { ...result.record, Id: result.record.Id }, account.instanceUrl)
          : undefined;
      return {
        outcome: result.outcome === 'created' ? 'created' : 'existing',
        record: {
          id: result.id,
          name: readBack?.name ?? nameOf(meta, toWrite, result.id),
          // A duplicate rule may have pointed at a record of another object.
          url: recordUrl(account.instanceUrl, result.objectName, result.id),
          objectName: result.objectName,
          accountId: account.id,
          mappingId: row.id,
          fields: readBack?.fields ?? [],
        },
      };
    } catch (error) {
      const failure = toSalesforceError(error);
      if (isTimeout(failure)) {
        throw errors.upstreamUnavailable(
          'Salesforce did not answer in time. The record may have been created anyway: refresh the records before creating it again.',
        );
      }
      if (failure.kind !== 'rejected') throw accountFailureError(failure, account.label);
      log.info(
        { account: account.id, mapping: row.id, code: failure.errorCode },
        'Salesforce refused a record from the widget',
      );
      throw refused(refusalProblems(failure, meta), 'salesforceRefused');
    }
  }

  return { create };
}
