/**
 * The headers of the graph's nodes. A composite graph subrequest takes `httpHeaders`, any header the
 * resource supports but Accept, Authorization and Content-Type, which fail the whole request with a
 * 400 (Composite Subrequest, REST API Developer Guide up to v60.0:
 * https://developer.salesforce.com/docs/atlas.en-us.246.0.api_rest.meta/api_rest/resources_composite_graph_composite_subrequest.htm;
 * the v65.0 and current versions of that page no longer list the property, so an org may ignore it:
 * then assignment rules run on a create, the header's documented default).
 */

/**
 * Sforce-Duplicate-Rule-Header: duplicates are not saved, their ids only, the user's sharing
 * (Duplicate Rule Header, https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm).
 */
const DUPLICATE_HEADER = 'allowSave=false; includeRecordDetails=false; runAsCurrentUser=true';

/**
 * Headers of a create: assignment rules as the mapping says ("If the header is not provided in the
 * request, the default value is TRUE", Assignment Rule Header,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm),
 * duplicate rules blocking.
 */
export const createHeaders = (autoAssign: boolean) => ({
  'Sforce-Auto-Assign': autoAssign ? 'TRUE' : 'FALSE',
  'Sforce-Duplicate-Rule-Header': DUPLICATE_HEADER,
});

/**
 * An update never runs assignment rules (the header applies "when creating or updating Accounts,
 * Cases, or Leads"): the owner of a record found is never changed by default.
 */
export const UPDATE_HEADERS = { 'Sforce-Auto-Assign': 'FALSE' };
