import Dexie, { type EntityTable } from 'dexie';
import type {
  AccountRow,
  ActionRow,
  ContactRow,
  ImportRow,
  MetaRow,
  OrderRow,
  PlanRow,
  WorkspaceRow,
} from './schema';

export const DB_NAME = 'keyplan';

/**
 * Every schema version stays listed here with its upgrade, so data written by any earlier
 * release opens. Indexes are only what repositories query by: each extra index slows imports.
 */
export const SCHEMA_V1 = {
  workspaces: '++id',
  imports: '++id, workspaceId, [workspaceId+hash]',
  orders: '++id, importId, [workspaceId+accountId], [workspaceId+date]',
  accounts: '++id, workspaceId, [workspaceId+key]',
  contacts: '++id, workspaceId, accountId',
  plans: '++id, workspaceId, [accountId+year]',
  actions: '++id, workspaceId, planId',
  meta: 'key',
} as const;

export class KeyplanDB extends Dexie {
  workspaces!: EntityTable<WorkspaceRow, 'id'>;
  imports!: EntityTable<ImportRow, 'id'>;
  orders!: EntityTable<OrderRow, 'id'>;
  accounts!: EntityTable<AccountRow, 'id'>;
  contacts!: EntityTable<ContactRow, 'id'>;
  plans!: EntityTable<PlanRow, 'id'>;
  actions!: EntityTable<ActionRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** Auto-increment keys are always set after add(); Dexie's types cannot know that. */
export function assignedId(id: number | undefined): number {
  if (id === undefined) throw new Error('IndexedDB did not assign a key');
  return id;
}

/** Dexie's update() silently does nothing for a missing row; an edit to a vanished row must fail. */
export async function updateExisting<T, K extends number>(
  table: {
    update(key: K, changes: Partial<T>): Promise<number>;
    get(key: K): Promise<T | undefined>;
  },
  id: K,
  patch: Partial<T>,
  what: string,
): Promise<void> {
  const changed = await table.update(id, patch);
  if (changed === 0 && !(await table.get(id))) throw new Error(`${what} ${id} does not exist`);
}
