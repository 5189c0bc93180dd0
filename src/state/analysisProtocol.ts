// Messages between the app and the analysis worker. Plain data: settings in, reports out.
import type { AnalysisSettings } from '../domain/analysisSettings';
import type { AnalysisReport, ReportContext } from '../domain/report';

/** Which data a request is about; a new dataVersion means the orders changed (an import). */
export interface DataKey {
  workspaceId: number;
  dataVersion: number;
}

export type AnalysisRequest =
  | {
      type: 'report';
      requestId: number;
      key: DataKey;
      settings: AnalysisSettings;
      context: ReportContext;
    }
  | {
      type: 'trend';
      requestId: number;
      key: DataKey;
      asOf: string;
      accountIds: number[];
    };

export type AnalysisResponse =
  | { type: 'progress'; requestId: number; phase: 'loading' | 'scoring'; rows: number }
  | { type: 'report'; requestId: number; report: AnalysisReport; ms: number; cached: boolean }
  | { type: 'trend'; requestId: number; trend: { month: string; revenueMinor: number }[] }
  | { type: 'error'; requestId: number; detail: string };
