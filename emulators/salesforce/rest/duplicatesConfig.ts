/**
 * `GET /ui-api/duplicates/{objectApiName}`: the object's duplicate management configuration, as the
 * User Interface API answers it ("Get Duplicate Management Configuration for a Specified Object",
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_duplicates_get.htm):
 * a Duplicates Configuration `{ apiName, dedupeEnabled, dedupeFields, duplicateRules, predupeEnabled }`
 * (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_duplicates_configuration.htm),
 * each Duplicate Rule `{ actionOnInsert, actionOnUpdate, active, duplicateRuleFilters, matchRules,
 * name, operationsOnInsert, operationsOnUpdate }` (".../ui_api_responses_duplicate_rule.htm") and each
 * Match Rule `{ matchEngine, matchFields, name, objectApiName }` (".../ui_api_responses_match_rule.htm").
 *
 * It says what this org really does on a create (records/write.ts): the standard Lead and Contact
 * rules, matching Email exactly (case-insensitively); "alert" is the rule's "Allow" with an alert
 * (a save with `allowSave=false` is refused as DUPLICATES_DETECTED, one with `allowSave=true` goes
 * through), "block" refuses every duplicate, "off" is no active rule.
 */
import { requireObject } from '../records/write';
import { duplicateRuleNames } from '../records/duplicates';
import type { ApiContext, ApiResponse } from './types';

export function duplicatesConfiguration(ctx: ApiContext, objectName: string): ApiResponse {
  const object = requireObject(ctx.org, objectName);
  const action =
    object.name === 'Lead' || object.name === 'Contact'
      ? ctx.org.settings.duplicateRules[object.name]
      : 'off';
  if (action === 'off' || (object.name !== 'Lead' && object.name !== 'Contact')) {
    return {
      status: 200,
      body: {
        apiName: object.name,
        dedupeEnabled: false,
        dedupeFields: [],
        duplicateRules: [],
        predupeEnabled: false,
      },
    };
  }
  const names = duplicateRuleNames[object.name];
  const actionName = action === 'block' ? 'Block' : 'Allow';
  const operations = action === 'block' ? [] : ['Alert', 'Report'];
  return {
    status: 200,
    body: {
      apiName: object.name,
      dedupeEnabled: true,
      dedupeFields: ['Email'],
      duplicateRules: [
        {
          actionOnInsert: actionName,
          actionOnUpdate: actionName,
          active: true,
          duplicateRuleFilters: [],
          matchRules: [
            {
              matchEngine: 'ExactMatchEngine',
              matchFields: ['Email'],
              name: names.matchRule,
              objectApiName: object.name,
            },
          ],
          name: names.duplicateRule,
          operationsOnInsert: operations,
          operationsOnUpdate: operations,
        },
      ],
      predupeEnabled: true,
    },
  };
}
