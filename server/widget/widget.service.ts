import type { Clock } from '../clock';
import { createCreateRecordService } from './createRecord.service';
import { createFormsService } from './forms.service';
import { createLookupService } from './lookup.service';
import { createRelatedService } from './related.service';
import { createRelatedCache } from './relatedCache';
import { createWidgetContext, type WidgetDeps } from './widgetContext';

/** How long the visitor's records are reused before Salesforce is asked again. */
export const RELATED_CACHE_TTL_MS = 60_000;

/** The Chat Details widget's services, sharing one context and one related-records cache. */
export function createWidgetServices(deps: WidgetDeps & { clock: Clock }) {
  const ctx = createWidgetContext(deps);
  const cache = createRelatedCache({
    db: deps.db,
    ttlMs: RELATED_CACHE_TTL_MS,
    now: () => deps.clock.now(),
    logger: deps.logger,
  });
  return {
    related: createRelatedService({ ...deps, ctx, cache }),
    forms: createFormsService({ ...deps, ctx }),
    lookup: createLookupService({ ...deps, ctx }),
    createRecord: createCreateRecordService({ ...deps, ctx, cache }),
  };
}

export type WidgetServices = ReturnType<typeof createWidgetServices>;
