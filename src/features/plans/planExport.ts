import { ANTI_CHURN_IDS } from '../../domain/planDoc';
// The Plans screen's CSV files (issue 7): the plan in the long format (domain/planCsv), one row
// per action of a year's plans, and the portfolio table. UTF-8 with a BOM for Excel; headers and
// labels in the UI language. The row builders take their labels as arguments, so they stay pure
// and testable; the download helpers below fill them from the catalog.
import type { AccountRow, ActionRow, PlanRow } from '../../db/schema';
import { minorToDecimalString } from '../../domain/money';
import { planToRows } from '../../domain/planCsv';
import type { ActionStatus, PlanStatus } from '../../domain/types';
import { t, tDynamic } from '../../i18n/i18n.svelte';
import { csvDecimal, toCsv, type CsvCell } from '../../io/csvExport';
import { downloadText } from '../../io/download';
import type { PortfolioRow } from './portfolio/portfolio';

const money = (minor: number | null, digits: number): CsvCell =>
  minor === null ? null : csvDecimal(minorToDecimalString(minor, digits));
const ratio = (value: number | null): CsvCell =>
  value === null ? null : csvDecimal(value.toFixed(4));

/** A file name part from free text: no characters Windows or macOS refuse in names. */
export function fileNamePart(text: string): string {
  const cleaned = text
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 60) || 'plan';
}

/** The plan in the documented long format (see domain/planCsv), ready to save. */
export function planCsv(
  plan: PlanRow,
  account: Pick<AccountRow, 'name' | 'key'>,
  actions: readonly ActionRow[],
  moneyDigits = 2,
): string {
  return toCsv(
    planToRows(
      {
        accountName: account.name,
        accountKey: account.key,
        year: plan.year,
        status: plan.status,
        doc: plan.doc,
        actions: [...actions].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)),
        approvedAt: plan.approved?.at ?? null,
      },
      { moneyDigits },
    ),
  );
}

export function downloadPlanCsv(
  plan: PlanRow,
  account: Pick<AccountRow, 'name' | 'key'>,
  actions: readonly ActionRow[],
  moneyDigits = 2,
): void {
  downloadText(
    `keyplan-plan-${plan.year}-${fileNamePart(account.name)}.csv`,
    planCsv(plan, account, actions, moneyDigits),
  );
}

export interface ActionsCsvLabels {
  header: readonly string[];
  planStatus: (status: PlanStatus) => string;
  actionStatus: (status: ActionStatus) => string;
  measure: (measure: string) => string;
}

/**
 * One row per action, with its plan's year and status and the account (name and key), ordered by
 * account, then plan year, then the action's order in the plan. Columns: year, account, account
 * key, plan status, measure, action, owner, due, status, budget, outcome.
 */
export function actionsCsvRows(
  plans: readonly PlanRow[],
  actions: readonly ActionRow[],
  accounts: ReadonlyMap<number, Pick<AccountRow, 'name' | 'key'>>,
  labels: ActionsCsvLabels,
  currencyDigits = 2,
): CsvCell[][] {
  const planById = new Map(plans.map((p) => [p.id as number, p]));
  const name = (p: PlanRow) => accounts.get(p.accountId)?.name ?? '';
  const rows = actions
    .filter((a) => planById.has(a.planId))
    .sort((x, y) => {
      const a = planById.get(x.planId) as PlanRow;
      const b = planById.get(y.planId) as PlanRow;
      return (
        name(a).localeCompare(name(b)) ||
        a.year - b.year ||
        x.planId - y.planId ||
        (x.id ?? 0) - (y.id ?? 0)
      );
    })
    .map((a): CsvCell[] => {
      const plan = planById.get(a.planId) as PlanRow;
      const account = accounts.get(plan.accountId);
      return [
        plan.year,
        account?.name ?? '',
        account?.key ?? '',
        labels.planStatus(plan.status),
        labels.measure(a.measure),
        a.title,
        a.owner,
        a.due,
        labels.actionStatus(a.status),
        money(a.budgetMinor ?? null, currencyDigits),
        a.outcome ?? '',
      ];
    });
  return [[...labels.header], ...rows];
}

export interface PortfolioCsvLabels {
  header: readonly string[];
  planStatus: (status: PlanStatus) => string;
}

/**
 * The portfolio table as shown: year, account, account key, tier, owner, status, target, actual
 * (year to date), attainment, actions done, actions total, overdue, health.
 */
export function portfolioCsvRows(
  year: number,
  rows: readonly PortfolioRow[],
  labels: PortfolioCsvLabels,
  currencyDigits = 2,
): CsvCell[][] {
  return [
    [...labels.header],
    ...rows.map((r): CsvCell[] => [
      year,
      r.accountName,
      r.accountKey,
      r.tierName,
      r.owner,
      labels.planStatus(r.status),
      money(r.targetMinor, currencyDigits),
      money(r.actualMinor, currencyDigits),
      ratio(r.attainment),
      r.actionsDone,
      r.actionsTotal,
      r.overdue,
      r.health,
    ]),
  ];
}

export const measureLabel = (measure: string): string =>
  measure === 'custom'
    ? t('action.custom')
    : (ANTI_CHURN_IDS as readonly string[]).includes(measure)
      ? tDynamic(`antiChurn.${measure}`)
      : tDynamic(`measure.${measure}`);

/** Actions of the given plans as a CSV in the UI language. */
export function actionsCsv(
  plans: readonly PlanRow[],
  actions: readonly ActionRow[],
  accounts: ReadonlyMap<number, Pick<AccountRow, 'name' | 'key'>>,
  currencyDigits = 2,
): string {
  return toCsv(
    actionsCsvRows(
      plans,
      actions,
      accounts,
      {
        header: [
          t('csv.planYear'),
          t('csv.account'),
          t('portfolio.csv.accountKey'),
          t('csv.planStatus'),
          t('csv.measure'),
          t('csv.actionTitle'),
          t('csv.owner'),
          t('csv.due'),
          t('csv.status'),
          t('portfolio.csv.budget'),
          t('portfolio.csv.outcome'),
        ],
        planStatus: (s) => tDynamic(`planStatus.${s}`),
        actionStatus: (s) => tDynamic(`actionStatus.${s}`),
        measure: measureLabel,
      },
      currencyDigits,
    ),
  );
}

export function downloadActionsCsv(
  fileName: string,
  plans: readonly PlanRow[],
  actions: readonly ActionRow[],
  accounts: ReadonlyMap<number, Pick<AccountRow, 'name' | 'key'>>,
  currencyDigits = 2,
): void {
  downloadText(fileName, actionsCsv(plans, actions, accounts, currencyDigits));
}

export function downloadPortfolioCsv(
  year: number,
  rows: readonly PortfolioRow[],
  currencyDigits = 2,
): void {
  const csv = toCsv(
    portfolioCsvRows(
      year,
      rows,
      {
        header: [
          t('csv.planYear'),
          t('csv.account'),
          t('portfolio.csv.accountKey'),
          t('portfolio.col.tier'),
          t('portfolio.col.owner'),
          t('csv.planStatus'),
          t('portfolio.col.target'),
          t('portfolio.col.actual'),
          t('portfolio.col.attainment'),
          t('portfolio.csv.actionsDone'),
          t('portfolio.csv.actionsTotal'),
          t('portfolio.col.overdue'),
          t('portfolio.col.health'),
        ],
        planStatus: (s) => tDynamic(`planStatus.${s}`),
      },
      currencyDigits,
    ),
  );
  downloadText(`keyplan-portfolio-${year}.csv`, csv);
}
