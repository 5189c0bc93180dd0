import type { AccountRow, ActionRow, PlanRow } from '../../db/schema';
import { t, tDynamic } from '../../i18n/i18n.svelte';
import { toCsv } from '../../io/csvExport';
import { downloadText } from '../../io/download';

/** One row per action, with the plan's year/status and the account: opens straight in Excel. */
export function actionsCsv(
  plans: readonly PlanRow[],
  actions: readonly ActionRow[],
  accounts: ReadonlyMap<number, AccountRow>,
): string {
  const planById = new Map(plans.map((p) => [p.id as number, p]));
  const header = [
    t('csv.planYear'),
    t('csv.account'),
    t('csv.planStatus'),
    t('csv.actionTitle'),
    t('csv.measure'),
    t('csv.owner'),
    t('csv.due'),
    t('csv.status'),
  ];
  const rows = actions
    .filter((a) => planById.has(a.planId))
    .map((a) => {
      const plan = planById.get(a.planId) as PlanRow;
      return [
        plan.year,
        accounts.get(plan.accountId)?.name ?? '',
        tDynamic(`planStatus.${plan.status}`),
        a.title,
        a.measure === 'custom' ? t('action.custom') : tDynamic(`measure.${a.measure}`),
        a.owner,
        a.due,
        tDynamic(`actionStatus.${a.status}`),
      ];
    })
    .sort((x, y) => Number(x[0]) - Number(y[0]) || String(x[1]).localeCompare(String(y[1])));
  return toCsv([header, ...rows]);
}

export function downloadActionsCsv(
  fileName: string,
  plans: readonly PlanRow[],
  actions: readonly ActionRow[],
  accounts: ReadonlyMap<number, AccountRow>,
): void {
  downloadText(fileName, actionsCsv(plans, actions, accounts));
}
