import { describe, expect, it } from 'vitest';
import { freeName, freeNames } from './backupActions';

const nameFor = (name: string, n: number) =>
  n === 1 ? `${name} (restored)` : `${name} (restored ${n})`;

describe('freeName', () => {
  it.each<[string, string[], string]>([
    ['Demo', ['Demo'], 'Demo (restored)'],
    ['Demo', ['Demo', 'Demo (restored)'], 'Demo (restored 2)'],
    ['Demo', ['Demo', 'Demo (restored)', 'Demo (restored 2)'], 'Demo (restored 3)'],
    ['Demo', ['Demo', 'Demo (restored 2)'], 'Demo (restored)'],
    ['Demo', ['Demo', 'demo (RESTORED) '], 'Demo (restored 2)'],
  ])('%s beside %j → %s', (name, taken, expected) => {
    expect(freeName(name, new Set(taken), nameFor)).toBe(expected);
  });
});

describe('freeNames', () => {
  it('gives two workspaces of the same name in one file different names', () => {
    expect(freeNames(['Demo', 'Demo', 'Other'], ['Demo'], nameFor)).toEqual([
      'Demo (restored)',
      'Demo (restored 2)',
      'Other (restored)',
    ]);
  });
});
