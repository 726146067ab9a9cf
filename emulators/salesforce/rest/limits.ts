import type { ApiContext, ApiResponse } from './types';

const fixed = (max: number) => ({ Max: max, Remaining: max });

/** `GET /limits`: DailyApiRequests consistent with `Sforce-Limit-Info`, other limits untouched. */
export function limits(ctx: ApiContext): ApiResponse {
  const max = ctx.org.settings.dailyApiLimit;
  return {
    status: 200,
    body: {
      ActiveScratchOrgs: fixed(3),
      AnalyticsExternalDataSizeMB: fixed(40960),
      ConcurrentAsyncGetReportInstances: fixed(200),
      ConcurrentSyncReportRuns: fixed(20),
      DailyAnalyticsDataflowJobExecutions: fixed(60),
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - ctx.org.apiUsage) },
      DailyAsyncApexExecutions: fixed(250000),
      DailyBulkApiBatches: fixed(15000),
      DailyBulkV2QueryFileStorageMB: fixed(976562),
      DailyBulkV2QueryJobs: fixed(10000),
      DailyDurableGenericStreamingApiEvents: fixed(10000),
      DailyDurableStreamingApiEvents: fixed(10000),
      DailyGenericStreamingApiEvents: fixed(10000),
      DailyStandardVolumePlatformEvents: fixed(10000),
      DailyStreamingApiEvents: fixed(10000),
      DailyWorkflowEmails: fixed(390),
      DataStorageMB: { Max: 5, Remaining: 5 },
      FileStorageMB: { Max: 20, Remaining: 20 },
      HourlyAsyncReportRuns: fixed(1200),
      HourlyDashboardRefreshes: fixed(200),
      HourlyODataCallout: fixed(10000),
      HourlySyncReportRuns: fixed(500),
      MassEmail: fixed(10),
      PermissionSets: { Max: 1500, Remaining: 1498 },
      SingleEmail: fixed(15),
    },
  };
}
