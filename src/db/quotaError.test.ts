import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { assignedId, KeyplanDB } from './db';
import { DataError } from './errors';
import { isQuotaExceeded } from './quotaError';
import { blankAccount } from './rows';
import { diskFullSwitch, quotaDomException as quotaDom } from '../../test/factories/diskFull';

/** An error with a `cause` chain, as the import worker's StorageError and `new Error(m, {cause})`. */
const causedBy = (cause: unknown) => new Error('write failed', { cause });

const cyclic = (() => {
  const e = new Error('loop') as Error & { cause?: unknown };
  e.cause = e;
  return e;
})();

describe('isQuotaExceeded', () => {
  it.each<[string, unknown, boolean]>([
    // How a full quota reaches the app.
    ['the DOMException itself', quotaDom(), true],
    [
      'Dexie.QuotaExceededError (request error mapped by Dexie)',
      new Dexie.QuotaExceededError(quotaDom()),
      true,
    ],
    [
      'Dexie.AbortError wrapping it (Chromium aborts the commit)',
      new Dexie.AbortError(quotaDom()),
      true,
    ],
    [
      'AbortError with the inner as a message + inner',
      new Dexie.AbortError('aborted', quotaDom()),
      true,
    ],
    [
      'BulkError with one failure by quota',
      new Dexie.BulkError('bulkPut failed', { 3: quotaDom() }),
      true,
    ],
    [
      'ModifyError with a quota failure',
      new Dexie.ModifyError('modify failed', [quotaDom()], 0, [1]),
      true,
    ],
    ['an Error caused by it', causedBy(new Dexie.AbortError(quotaDom())), true],
    ['a plain object shaped like it (from another realm)', { name: 'QuotaExceededError' }, true],
    ["Firefox's old name", { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' }, true],
    // Everything else is not a full disk.
    ['AbortError of its own (user or code abort)', new Dexie.AbortError(), false],
    [
      'AbortError wrapping a ConstraintError',
      new Dexie.AbortError(new DOMException('dup', 'ConstraintError')),
      false,
    ],
    [
      'BulkError of constraint failures',
      new Dexie.BulkError('bulkAdd failed', { 0: new Dexie.ConstraintError('dup') }),
      false,
    ],
    ['UnknownError (disk I/O)', new DOMException('Internal error', 'UnknownError'), false],
    ['a repository refusal', new DataError('account_missing', { id: 3 }), false],
    ['a plain Error mentioning quota', new Error('QuotaExceededError in the message only'), false],
    ['a string', 'QuotaExceededError', false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['a cause that points at itself', cyclic, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isQuotaExceeded(error)).toBe(expected);
  });

  it('the legacy code counts only on a real DOMException', () => {
    const legacy = Object.assign(new DOMException('full'), {});
    Object.defineProperty(legacy, 'code', { value: 22 });
    expect(isQuotaExceeded(legacy)).toBe(true);
    expect(isQuotaExceeded({ code: 22 })).toBe(false);
  });
});

describe('a quota error inside a Dexie transaction', () => {
  const db = new KeyplanDB('test-' + crypto.randomUUID());
  // The storage layer under Dexie refuses every change while full, as IndexedDB does over quota.
  const disk = diskFullSwitch(db, { refuse: 'everything' });
  afterEach(async () => {
    disk.full = false;
    await db.delete({ disableAutoOpen: false });
  });

  it('is recognised as Dexie hands it on, and the transaction keeps nothing', async () => {
    const id = assignedId(await db.accounts.add(blankAccount(1, 'acme', 'Acme')));
    disk.full = true;
    const error = await db
      .transaction('rw', db.accounts, async () => {
        await db.accounts.update(id, { owner: 'Zhang Wei' });
        await db.accounts.add(blankAccount(1, 'new', 'New'));
      })
      .catch((e: unknown) => e);
    disk.full = false;
    expect(isQuotaExceeded(error)).toBe(true);
    expect((await db.accounts.toArray()).map((a) => [a.key, a.owner])).toEqual([['acme', '']]);
  });
});
