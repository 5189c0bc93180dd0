import type { KeyplanDB } from './db';
import type { AccountProfile } from './schema';

export function emptyProfile(): AccountProfile {
  return { strategy: '', size: '', products: '', organisation: '', website: '' };
}

/** The company profile of an account (seeds 003: strategy, size, products, organisation). */
export function accountProfileRepo(db: KeyplanDB) {
  return {
    /**
     * Merges `profile` into the stored one (absent on older rows: filled with empty text) and,
     * when given, sets the notes: one write, so a save is never half done.
     */
    async updateProfile(
      id: number,
      profile: Partial<AccountProfile>,
      notes?: string,
    ): Promise<void> {
      await db.transaction('rw', db.accounts, async () => {
        const account = await db.accounts.get(id);
        if (!account) throw new Error(`Account ${id} does not exist`);
        await db.accounts.update(id, {
          profile: { ...emptyProfile(), ...account.profile, ...profile },
          ...(notes === undefined ? {} : { notes }),
        });
      });
    },
  };
}
