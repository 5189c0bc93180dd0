import { KeyplanDB } from './db';
import { accountsRepo } from './accounts';
import { accountLogRepo } from './accountLog';
import { accountOrdersRepo } from './accountOrders';
import { accountProfileRepo } from './accountProfile';
import { backupRepo } from './backup';
import { contactsRepo } from './contacts';
import { customFieldsRepo } from './customFields';
import { gridViewsRepo } from './gridViews';
import { demoRepo } from './demo';
import { importsRepo } from './imports';
import { ordersRepo } from './orders';
import { plansRepo } from './plans';
import { workspacesRepo } from './workspaces';

export function createRepos(db: KeyplanDB) {
  return {
    workspaces: workspacesRepo(db),
    accounts: accountsRepo(db),
    customFields: customFieldsRepo(db),
    gridViews: gridViewsRepo(db),
    orders: ordersRepo(db),
    imports: importsRepo(db),
    plans: plansRepo(db),
    demo: demoRepo(db),
    contacts: contactsRepo(db),
    accountLog: accountLogRepo(db),
    accountProfile: accountProfileRepo(db),
    accountOrders: accountOrdersRepo(db),
    backup: backupRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;

/** The app's one database. Tests build their own with `new KeyplanDB(name)`. */
export const db = new KeyplanDB();
export const repos = createRepos(db);
