import { afterEach, describe, expect, it } from 'vitest';
import { customFieldsRepo } from './customFields';
import { assignedId, KeyplanDB } from './db';
import { gridViewsRepo } from './gridViews';
import { blankAccount } from './rows';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const fields = customFieldsRepo(db);
const views = gridViewsRepo(db);
afterEach(() => db.delete({ disableAutoOpen: false }));

async function workspace(): Promise<number> {
  return assignedId(
    await db.workspaces.add({
      name: 'w',
      currency: 'CNY',
      locale: 'zh-CN',
      fiscalYearStartMonth: 1,
      createdAt: '',
      isDemo: false,
    }),
  );
}

describe('customFieldsRepo', () => {
  it('remove takes the field and its values; restore puts both back in place', async () => {
    const ws = await workspace();
    const defs = [
      { id: 'cf_1', name: 'Credit', type: 'number' as const },
      { id: 'cf_2', name: 'Channel', type: 'choice' as const, choices: ['Direct', 'Dealer'] },
      { id: 'cf_3', name: 'Since', type: 'date' as const },
    ];
    await fields.setDefs(ws, defs);
    const a = assignedId(
      await db.accounts.add({ ...blankAccount(ws, 'a', 'A'), custom: { cf_1: 5, cf_2: 'Direct' } }),
    );
    const b = assignedId(
      await db.accounts.add({ ...blankAccount(ws, 'b', 'B'), custom: { cf_1: 7 } }),
    );
    const removed = await fields.remove(ws, defs[1]!);
    expect(await fields.list(ws)).toEqual([defs[0], defs[2]]);
    expect((await db.accounts.get(a))!.custom).toEqual({ cf_1: 5 });
    expect(removed.values).toEqual([[a, 'Direct']]);
    await fields.restore(removed);
    expect(await fields.list(ws)).toEqual(defs);
    expect((await db.accounts.get(a))!.custom).toEqual({ cf_1: 5, cf_2: 'Direct' });
    expect((await db.accounts.get(b))!.custom).toEqual({ cf_1: 7 });
    // A column an import brought in (values, no definition) goes the same way.
    await db.accounts.update(b, { custom: { cf_1: 7, Website: 'x.cn' } });
    const imported = { id: 'Website', name: 'Website', type: 'text' as const };
    const gone = await fields.remove(ws, imported);
    expect((await db.accounts.get(b))!.custom).toEqual({ cf_1: 7 });
    expect(gone.values).toEqual([[b, 'x.cn']]);
  });
});

describe('gridViewsRepo', () => {
  it('saves by name per workspace, replacing a view of the same name', async () => {
    const view = {
      workspaceId: 1,
      name: 'East',
      columnState: [],
      filterModel: {},
      quickFilter: '',
    };
    const id = await views.save(view);
    await views.save({ ...view, workspaceId: 2 });
    expect(await views.save({ ...view, quickFilter: 'x' })).toBe(id);
    expect((await views.list(1)).map((v) => [v.name, v.quickFilter])).toEqual([['East', 'x']]);
    await views.remove(id);
    expect(await views.list(1)).toEqual([]);
    expect(await views.list(2)).toHaveLength(1);
  });
});
