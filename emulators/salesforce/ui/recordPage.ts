import { Router } from 'express';
import { findRecordType } from '../metadata/record-types';
import type { FieldDef, ObjectDef } from '../metadata/types';
import { objectForId } from '../org';
import type { Org } from '../org';
import { blobKey, linksOf, noteText } from '../records/notes';
import type { SfRecord } from '../records/store';
import type { EmulatorState } from '../state';
import { escapeHtml } from './escapeHtml';

/** Objects that are plumbing, not records a person looks at in a related list. */
const PLUMBING = new Set(['ContentDocument', 'ContentDocumentLink', 'RecordType', 'Organization']);
/** Fields that are not links between a record and its parents. */
const NOT_A_PARENT = new Set(['OwnerId', 'RecordTypeId', 'CreatedById', 'LastModifiedById']);
/** The columns of a related list, per object (its name field otherwise). */
const COLUMNS: Record<string, string[]> = {
  Task: ['Subject', 'Status', 'ActivityDate', 'TaskSubtype'],
  Case: ['CaseNumber', 'Subject', 'Status', 'Origin'],
  Contact: ['Name', 'Email', 'Title'],
  Lead: ['Name', 'Company', 'Status'],
  Opportunity: ['Name', 'StageName', 'Amount'],
  Chat_Transcript__c: ['Name', 'Chat_Id__c', 'Status__c'],
};

const pageUrl = (objectName: string, id: string) => `/lightning/r/${objectName}/${id}/view`;

function titleOf(record: SfRecord, id: string): string {
  const title = record.Name ?? record.Subject ?? record.Title ?? record.CaseNumber;
  return typeof title === 'string' && title !== '' ? title : id;
}

interface Found {
  org: Org;
  object: ObjectDef;
  record: SfRecord;
}

/** The record with this id in any org; a note's page rather than its ContentDocument's. */
function findAnywhere(state: EmulatorState, id: string): Found | undefined {
  for (const org of state.orgs.values()) {
    const note = org.store.get('ContentNote', id);
    const found = note ? { objectName: 'ContentNote', record: note } : org.store.find(id);
    const object = found ? org.objects.get(found.objectName.toLowerCase()) : undefined;
    if (found && object) return { org, object, record: found.record };
  }
  return undefined;
}

/** A link to the record an id names, labelled with its name and object. */
function linkTo(org: Org, id: string, withKind = true): string {
  const object = org.store.get('ContentNote', id) ? org.objects.get('contentnote') : objectForId(org, id);
  const record = object ? org.store.get(object.name, id) : undefined;
  if (!object || !record) return escapeHtml(id);
  const kind = withKind ? ` <span class="tag">${escapeHtml(object.label)}</span>` : '';
  return `<a href="${pageUrl(object.name, id)}">${escapeHtml(titleOf(record, id))}</a>${kind}`;
}

function cell(org: Org, object: ObjectDef, field: FieldDef, record: SfRecord): string {
  const value = record[field.name];
  if (value === null || value === undefined || value === '') return '';
  if (field.name === 'RecordTypeId')
    return escapeHtml(findRecordType(object, String(value))?.name ?? String(value));
  if (field.type === 'reference') return linkTo(org, String(value));
  return escapeHtml(String(value));
}

function detailRows(found: Found): string {
  const { org, object, record } = found;
  // The Id, the record's own fields, then the audit fields (a live record's Deleted flag left out).
  const shown = object.fields.filter(
    (f) =>
      f.type !== 'base64' &&
      !(object.name === 'ContentNote' && f.name === 'TextPreview') &&
      !(f.name === 'IsDeleted' && record.IsDeleted !== true),
  );
  const ordered = [
    ...shown.filter((f) => f.name === 'Id'),
    ...shown.filter((f) => !f.system),
    ...shown.filter((f) => f.system && f.name !== 'Id'),
  ];
  return ordered
    .map((f) => [f, cell(org, object, f, record)] as const)
    .filter(([, html]) => html !== '')
    .map(([f, html]) => `<tr><th>${escapeHtml(f.label)}</th><td>${html}</td></tr>`)
    .join('');
}

function table(org: Org, object: ObjectDef, records: SfRecord[]): string {
  const names = COLUMNS[object.name] ?? [object.fields.find((f) => f.nameField)?.name ?? 'Id'];
  const fields = names
    .map((n) => object.fields.find((f) => f.name === n))
    .filter((f): f is FieldDef => f !== undefined);
  const head = fields.map((f) => `<th>${escapeHtml(f.label)}</th>`).join('');
  const rows = records
    .map((record) => {
      const cells = fields.map((f, i) => {
        const id = String(record.Id);
        const html = cell(org, object, f, record);
        return `<td>${i === 0 ? `<a href="${pageUrl(object.name, id)}">${html || escapeHtml(id)}</a>` : html}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table class="list"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function section(title: string, count: number, body: string): string {
  return `<section><h2>${escapeHtml(title)} <span class="count">(${count})</span></h2>${body}</section>`;
}

/** The records whose lookups point at this one (a Contact's Cases and Tasks, a Case's Tasks). */
function relatedLists(found: Found): string {
  const { org, record } = found;
  const id = String(record.Id);
  const sections: string[] = [];
  for (const child of org.objects.values()) {
    if (PLUMBING.has(child.name) || child.name === 'ContentNote') continue;
    const pointing = child.fields.filter(
      (f) =>
        f.type === 'reference' &&
        !f.system &&
        !NOT_A_PARENT.has(f.name) &&
        f.referenceTo.includes(found.object.name),
    );
    for (const field of pointing) {
      const records = org.store.all(child.name).filter((r) => r[field.name] === id);
      if (records.length === 0) continue;
      const title = pointing.length > 1 ? `${child.labelPlural} (${field.label})` : child.labelPlural;
      sections.push(section(title, records.length, table(org, child, records)));
    }
  }
  const notes = org.store
    .all('ContentDocumentLink')
    .filter((l) => l.LinkedEntityId === id)
    .map((l) => org.store.get('ContentNote', String(l.ContentDocumentId)))
    .filter((n): n is SfRecord => n !== undefined && n.IsDeleted !== true);
  if (notes.length > 0) {
    const items = notes
      .map(
        (n) =>
          `<li><a href="${pageUrl('ContentNote', String(n.Id))}">${escapeHtml(titleOf(n, String(n.Id)))}</a>` +
          `<div class="preview">${escapeHtml(String(n.TextPreview ?? ''))}</div></li>`,
      )
      .join('');
    sections.push(section('Notes', notes.length, `<ul class="notes">${items}</ul>`));
  }
  return sections.join('');
}

/** What only some records have: a converted Lead's outcome, a note's text and who it is shared with. */
function highlights(found: Found): string {
  const { org, object, record } = found;
  if (object.name === 'Lead' && record.IsConverted === true) {
    const parts = [
      typeof record.ConvertedContactId === 'string'
        ? `Contact ${linkTo(org, record.ConvertedContactId, false)}`
        : '',
      typeof record.ConvertedAccountId === 'string'
        ? `Account ${linkTo(org, record.ConvertedAccountId, false)}`
        : '',
    ].filter(Boolean);
    return `<p class="banner">Converted on ${escapeHtml(String(record.ConvertedDate ?? ''))}${parts.length ? ` to ${parts.join(' and ')}` : ''}. A converted lead cannot be edited.</p>`;
  }
  if (object.name === 'ContentNote') {
    const html = record[blobKey('Content')];
    const text = typeof html === 'string' ? noteText(html) : '';
    const shared = linksOf(org, String(record.Id))
      .map((l) => `<li>${linkTo(org, String(l.LinkedEntityId))}</li>`)
      .join('');
    return (
      `<div class="note">${text ? escapeHtml(text) : '<em>This note is empty.</em>'}</div>` +
      section('Shared with', linksOf(org, String(record.Id)).length, `<ul>${shared}</ul>`)
    );
  }
  return '';
}

const STYLE = `body{margin:0;font-family:-apple-system,'Segoe UI',Roboto,sans-serif;background:#f3f3f3;color:#181818}
header{background:#0176d3;color:#fff;padding:10px 20px;font-weight:600}main{max-width:820px;margin:20px auto;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:20px 24px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 8px}.count{color:#5c5c5c;font-weight:400}.kind{color:#5c5c5c;font-size:12px;text-transform:uppercase;letter-spacing:.05em}
a{color:#0b5cab;text-decoration:none}a:hover{text-decoration:underline}.tag{color:#5c5c5c;font-size:12px}
table{border-collapse:collapse;width:100%;margin-top:16px}th{text-align:left;color:#5c5c5c;font-weight:400;width:34%;padding:6px 0;border-bottom:1px solid #eee;vertical-align:top}td{padding:6px 0;border-bottom:1px solid #eee;white-space:pre-wrap}
table.list{margin-top:0}table.list th{width:auto;font-size:12px;padding:4px 8px 4px 0}table.list td{padding:6px 8px 6px 0}
.banner{background:#fef1e8;border-left:3px solid #dd7a01;padding:8px 12px;margin:12px 0}.note{white-space:pre-wrap;background:#fafaf9;border:1px solid #e5e5e5;border-radius:4px;padding:12px 14px;margin:12px 0;line-height:1.45}
ul{margin:0;padding-left:18px}ul.notes li{margin-bottom:8px}.preview{color:#5c5c5c;font-size:13px}`;

function render(found: Found): string {
  const { org, object, record } = found;
  const id = String(record.Id);
  const title = titleOf(record, id);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Salesforce (emulator)</title>
<style>${STYLE}</style></head>
<body><header>Salesforce · ${escapeHtml(org.name)} <small>(local emulator)</small></header>
<main><div class="kind">${escapeHtml(object.label)}</div><h1>${escapeHtml(title)}</h1>${highlights(found)}<table>${detailRows(found)}</table>${relatedLists(found)}</main></body></html>`;
}

/**
 * A record's page, where "Open in Salesforce" links land in the demo: Lightning's record URL
 * (`/lightning/r/<Object>/<Id>/view`) and the classic short one (`/<Id>`), with the record's
 * fields (lookups as links), its related records (Cases, Tasks, Notes) and, for a note, its text.
 */
export function recordPageRoutes(state: EmulatorState): Router {
  const router = Router();
  router.get(['/lightning/r/:object/:id/view', '/:id'], (req, res, next) => {
    const id = String(req.params.id);
    if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) return next();
    const found = findAnywhere(state, id);
    if (!found) return next();
    res.type('html').send(render(found));
  });
  return router;
}
