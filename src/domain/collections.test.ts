import { describe, expect, it } from 'vitest';
import { countBy } from './collections';

describe('countBy', () => {
  it('counts items per key', () => {
    const counts = countBy([{ p: 1 }, { p: 2 }, { p: 1 }], (x) => x.p);
    expect([...counts]).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });
  it('is empty for no items', () => {
    expect(countBy([], (x) => x).size).toBe(0);
  });
});
