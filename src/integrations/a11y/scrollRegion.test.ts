import { describe, expect, it } from 'vitest';
import { scrollRegion } from './scrollRegion';

/** Just what the action touches of an element (the unit tests run without a DOM). */
function fakeElement() {
  const attributes = new Map<string, string>();
  return {
    tabIndex: -1,
    attributes,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
  };
}

describe('scrollRegion', () => {
  it('makes the box a named region in the tab order, and follows a new name', () => {
    const node = fakeElement();
    const action = scrollRegion(node as unknown as HTMLElement, 'First 20 rows');
    expect(node.tabIndex).toBe(0);
    expect(Object.fromEntries(node.attributes)).toEqual({
      role: 'region',
      'aria-label': 'First 20 rows',
    });
    action.update('前 20 行');
    expect(node.attributes.get('aria-label')).toBe('前 20 行');
  });
});
