import { config } from 'zod';

/**
 * zod as the frontends run it, imported first by each page's entry (before any schema is built): no
 * JIT. Our pages' CSP has no 'unsafe-eval' (server/http/security.ts), so zod's compiled parsers could
 * never run there, and its probe for them (a `new Function` at the first object schema) is refused by
 * the browser, which reports a CSP violation on every page load. jitless skips the probe (zod's
 * `allowsEval`); parsing is the same, by the interpreter it falls back to anyway.
 */
config({ jitless: true });
