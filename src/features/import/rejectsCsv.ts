import { t, tDynamic } from '../../i18n/i18n.svelte';
import { toCsv } from '../../io/csvExport';
import { downloadText } from '../../io/download';
import type { RejectedRow } from '../../io/rowConvert';

export function rejectsCsv(rejects: readonly RejectedRow[]): string {
  return toCsv([
    [
      t('import.rejects.line'),
      t('import.rejects.column'),
      t('import.rejects.value'),
      t('import.rejects.reason'),
    ],
    ...rejects.map((r) => [r.line, r.column, r.value, tDynamic(`import.reject.${r.reason}`)]),
  ]);
}

export function downloadRejectsCsv(fileName: string, rejects: readonly RejectedRow[]): void {
  downloadText(`${fileName.replace(/\.[^.]+$/, '')}-rejected.csv`, rejectsCsv(rejects));
}
