import { describe, expect, it } from 'vitest';
import { nameProblem, uniqueName } from './workspaceNames';

describe('workspace names', () => {
  it.each([
    ['Acme', [], null],
    ['  ', [], 'Give the workspace a name.'],
    ['acme ', ['Acme'], 'There is already a workspace called “acme”.'],
    ['Acme 2', ['Acme'], null],
  ])('nameProblem(%j, %j) → %j', (name, others, expected) => {
    expect(nameProblem(name, others)).toBe(expected);
  });

  it.each([
    ['Acme (copy)', [], 'Acme (copy)'],
    ['Acme (copy)', ['acme (COPY)'], 'Acme (copy) 2'],
    ['Acme (copy)', ['Acme (copy)', 'Acme (copy) 2'], 'Acme (copy) 3'],
  ])('uniqueName(%j, %j) → %j', (base, taken, expected) => {
    expect(uniqueName(base, taken)).toBe(expected);
  });
});
