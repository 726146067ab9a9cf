/** Where Salesforce (Lightning) shows a record: the "Open in Salesforce" link. */
export function recordUrl(instanceUrl: string | null, objectName: string, id: string): string {
  return `${(instanceUrl ?? '').replace(/\/+$/, '')}/lightning/r/${objectName}/${id}/view`;
}
