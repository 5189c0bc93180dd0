// The one way the Analysis screen changes settings: merge, check, store. The stored settings are
// what the worker analyses, so a rejected change never reaches it.
import {
  checkSettings,
  settingsFrom,
  type AnalysisSettings,
  type SettingsError,
} from '../../domain/analysisSettings';
import { workspace } from '../../state/workspace.svelte';

export async function applySettings(
  patch: Partial<AnalysisSettings>,
): Promise<{ ok: true } | { ok: false; reason: SettingsError }> {
  const next = { ...settingsFrom(workspace.current?.analysis), ...patch };
  const checked = checkSettings(next);
  if (!checked.ok) return checked;
  await workspace.update({ analysis: checked.value });
  return { ok: true };
}

/** The message key for a settings error; per-metric and per-rule errors share one text each. */
export function settingsErrorKey(reason: SettingsError): string {
  const [head, detail] = reason.split('.');
  if (head?.startsWith('thresholds_')) return `analysis.settingsError.thresholds.${detail}`;
  if (head?.startsWith('rule_') && detail) return `analysis.settingsError.rule.${detail}`;
  return `analysis.settingsError.${reason}`;
}
