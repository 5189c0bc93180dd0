import { afterEach, describe, expect, it } from 'vitest';
import { accountProfileRepo, emptyProfile } from './accountProfile';
import { assignedId, KeyplanDB } from './db';
import { blankAccount } from './rows';
import type { AccountProfile } from './schema';

const db = new KeyplanDB('test-account-profile-' + crypto.randomUUID());
const repo = accountProfileRepo(db);

afterEach(() => db.delete({ disableAutoOpen: false }));

describe('accountProfileRepo.updateProfile', () => {
  it.each<[string, Partial<AccountProfile> | undefined, Partial<AccountProfile>, AccountProfile]>([
    [
      'fills a missing profile',
      undefined,
      { strategy: 'Grow in the west' },
      { ...emptyProfile(), strategy: 'Grow in the west' },
    ],
    [
      'merges into an existing profile',
      { ...emptyProfile(), size: '1,200 staff', website: 'https://acme.example' },
      { products: 'Valves' },
      {
        ...emptyProfile(),
        size: '1,200 staff',
        website: 'https://acme.example',
        products: 'Valves',
      },
    ],
    [
      'overwrites and clears fields',
      { ...emptyProfile(), organisation: 'Holding', website: 'x.example' },
      { organisation: 'Group', website: '' },
      { ...emptyProfile(), organisation: 'Group' },
    ],
  ])('%s', async (_label, stored, patch, expected) => {
    const row = blankAccount(1, 'acme', 'Acme');
    const id = assignedId(
      await db.accounts.add(stored ? { ...row, profile: stored as AccountProfile } : row),
    );
    const other = assignedId(await db.accounts.add(blankAccount(1, 'other', 'Other')));

    await repo.updateProfile(id, patch);

    expect(await db.accounts.get(id)).toEqual({ ...row, id, profile: expected });
    expect((await db.accounts.get(other))?.profile).toBeUndefined();
  });

  it('throws for a missing account and creates nothing', async () => {
    await expect(repo.updateProfile(77, { size: 'big' })).rejects.toThrow(
      'Account 77 does not exist',
    );
    expect(await db.accounts.count()).toBe(0);
  });
});
