// What the portfolio reads besides the plans: revenue in the year so far and the contacts, only
// for the accounts with a plan that year (a few indexed reads per plan, not every order).
import { repos } from '../../../db';
import type { ContactRow } from '../../../db/schema';
import { revenueByAccount } from './portfolio';

export interface PlanAccountFacts {
  revenue: Map<number, number>;
  contacts: Map<number, ContactRow[]>;
}

export const noFacts = (): PlanAccountFacts => ({ revenue: new Map(), contacts: new Map() });

export async function loadPlanAccountFacts(
  workspaceId: number | null,
  accountIds: readonly number[],
  start: string,
  until: string,
): Promise<PlanAccountFacts> {
  const facts = noFacts();
  if (workspaceId === null) return facts;
  await Promise.all(
    accountIds.map(async (id) => {
      const [orders, people] = await Promise.all([
        repos.orders.byAccount(workspaceId, id),
        repos.contacts.listByAccount(id),
      ]);
      const sum = revenueByAccount(orders, start, until).get(id);
      if (sum !== undefined) facts.revenue.set(id, sum);
      facts.contacts.set(id, people);
    }),
  );
  return facts;
}
