import { Router } from 'express';
import type { EmulatorState } from '../state';
import { escapeHtml } from './escapeHtml';

/**
 * A record's page, where "Open in Salesforce" links land in the demo: Lightning's record URL
 * (`/lightning/r/<Object>/<Id>/view`) and the classic short one (`/<Id>`), with the record's fields.
 */
export function recordPageRoutes(state: EmulatorState): Router {
  const router = Router();
  const show = (id: string) => {
    for (const org of state.orgs.values()) {
      const found = org.store.find(id);
      if (found) return { org, ...found };
    }
    return undefined;
  };
  const render = (id: string): string | undefined => {
    const found = show(id);
    if (!found) return undefined;
    const object = found.org.objects.get(found.objectName.toLowerCase());
    const rows = (object?.fields ?? [])
      .map((f) => [f.label, found.record[f.name]] as const)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([label, v]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(String(v))}</td></tr>`)
      .join('');
    const title = String(found.record.Name ?? found.record.Subject ?? found.record.CaseNumber ?? id);
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Salesforce (emulator)</title>
<style>body{margin:0;font-family:-apple-system,'Segoe UI',Roboto,sans-serif;background:#f3f3f3;color:#181818}
header{background:#0176d3;color:#fff;padding:10px 20px;font-weight:600}main{max-width:820px;margin:20px auto;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:20px 24px}
h1{font-size:20px;margin:0 0 4px}.kind{color:#5c5c5c;font-size:12px;text-transform:uppercase;letter-spacing:.05em}
table{border-collapse:collapse;width:100%;margin-top:16px}th{text-align:left;color:#5c5c5c;font-weight:400;width:34%;padding:6px 0;border-bottom:1px solid #eee;vertical-align:top}td{padding:6px 0;border-bottom:1px solid #eee;white-space:pre-wrap}</style></head>
<body><header>Salesforce · ${escapeHtml(found.org.name)} <small>(local emulator)</small></header>
<main><div class="kind">${escapeHtml(object?.label ?? found.objectName)}</div><h1>${escapeHtml(title)}</h1><table>${rows}</table></main></body></html>`;
  };
  router.get(['/lightning/r/:object/:id/view', '/:id'], (req, res, next) => {
    const id = String(req.params.id);
    if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) return next();
    const html = render(id);
    if (!html) return next();
    res.type('html').send(html);
  });
  return router;
}
