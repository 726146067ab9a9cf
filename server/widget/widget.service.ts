import type { Clock } from '../clock';
import { createChatSetService } from './chatSet.service';
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
  const chatSet = createChatSetService({ ...deps, ctx, cache });
  return {
    related: createRelatedService({ ...deps, ctx, cache }),
    forms: createFormsService({ ...deps, ctx, chatSet }),
    lookup: createLookupService({ ...deps, ctx }),
    createRecord: createCreateRecordService({ ...deps, ctx, cache }),
    chatSet,
  };
}

export type WidgetServices = ReturnType<typeof createWidgetServices>;
