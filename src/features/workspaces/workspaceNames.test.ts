import { describe, expect, it } from 'vitest';
import { nameProblem } from './workspaceNames';

describe('workspace names', () => {
  it.each([
    ['Acme', [], null],
    ['  ', [], 'Give the workspace a name.'],
    ['acme ', ['Acme'], 'There is already a workspace called “acme”.'],
    ['Acme 2', ['Acme'], null],
  ])('nameProblem(%j, %j) → %j', (name, others, expected) => {
    expect(nameProblem(name, others)).toBe(expected);
  });
});
