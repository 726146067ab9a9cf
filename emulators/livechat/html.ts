/** Tiny helpers for the emulator's server-rendered pages. */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe to embed inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; color: #111; background: #f3f3f5; }
  .card { max-width: 560px; margin: 48px auto; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); padding: 28px 32px; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  .muted { color: #677179; }
  .badge { display: inline-block; background: #ff5100; color: #fff; font-weight: 600; font-size: 11px; padding: 2px 8px; border-radius: 10px; letter-spacing: .04em; text-transform: uppercase; }
  .license { margin-top: 20px; }
  .license h2 { font-size: 13px; text-transform: uppercase; color: #677179; letter-spacing: .05em; margin: 0 0 8px; }
  form.agent { margin: 0 0 6px; }
  form.agent button { width: 100%; text-align: left; background: #fff; border: 1px solid #dde2e6; border-radius: 6px; padding: 10px 12px; cursor: pointer; font: inherit; display: flex; justify-content: space-between; }
  form.agent button:hover { border-color: #ff5100; background: #fff7f3; }
  .role { color: #677179; font-size: 12px; }
</style>
${head}
</head>
<body>
${body}
</body>
</html>`;
}
