import { publicConfigElementId, publicConfigSchema, type PublicConfig } from '../../src/api/session';

/**
 * The public-config the server wrote into this page (server/http/pagesWithConfig.ts), or null where
 * there is none (Vite's dev server) or it does not parse: the caller then asks /api/public-config.
 */
export function inlinedPublicConfig(
  doc: Pick<Document, 'getElementById'> | undefined = globalThis.document,
): PublicConfig | null {
  const text = doc?.getElementById(publicConfigElementId)?.textContent;
  if (!text) return null;
  try {
    const parsed = publicConfigSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
