import { describe, expect, it } from 'vitest';
import {
  coverageGaps,
  orgChart,
  selfAndReports,
  type CoverageGap,
  type Line,
  type OrgNode,
  type StakeholderLike,
} from './stakeholders';

interface C extends StakeholderLike {
  id: number;
}

const c = (
  id: number,
  reportsToId: number | null = null,
  line: Line | '' = '',
  isNode = false,
): C => ({
  id,
  reportsToId,
  line,
  isNode,
});

const noLine = (line: Line): CoverageGap => ({ kind: 'no_line', line });

describe('coverageGaps', () => {
  it.each<[string, C[], CoverageGap[]]>([
    [
      'no contacts at all',
      [],
      [{ kind: 'no_node' }, noLine('business'), noLine('technical'), noLine('management')],
    ],
    [
      'one node person on the business line',
      [c(1, null, 'business', true)],
      [noLine('technical'), noLine('management')],
    ],
    [
      'contacts without a line',
      [c(1), c(2)],
      [{ kind: 'no_node' }, noLine('business'), noLine('technical'), noLine('management')],
    ],
    [
      'all three lines but no node',
      [c(1, null, 'business'), c(2, null, 'technical'), c(3, null, 'management')],
      [{ kind: 'no_node' }],
    ],
    [
      'fully covered',
      [c(1, null, 'business'), c(2, null, 'technical', true), c(3, null, 'management'), c(4)],
      [],
    ],
  ])('%s', (_label, contacts, gaps) => {
    expect(coverageGaps(contacts)).toEqual(gaps);
  });
});

/** The chart as nested ids, `!` marking a detached contact: easy to read in a table. */
type Shape = (number | string | Shape)[];
function shape(nodes: OrgNode<C>[]): Shape {
  return nodes.map((n) => {
    const label = n.detached ? `${n.contact.id}!` : n.contact.id;
    return n.children.length ? [label, shape(n.children)] : label;
  }) as Shape;
}

describe('orgChart', () => {
  it.each<[string, C[], Shape]>([
    ['empty', [], []],
    ['everyone at the top', [c(1), c(2)], [1, 2]],
    ['a simple chain', [c(1), c(2, 1), c(3, 2)], [[1, [[2, [3]]]]]],
    ['children in input order', [c(3, 1), c(1), c(2, 1)], [[1, [3, 2]]]],
    ['a missing manager makes a detached root', [c(1, 99), c(2, 1)], [['1!', [2]]]],
    ['reporting to oneself makes a detached root', [c(1, 1)], ['1!']],
    ['a two-person circle is broken at the first listed', [c(1, 2), c(2, 1)], [['1!', [2]]]],
    ['a circle with a tail hanging off it', [c(5, 6), c(6, 7), c(7, 6), c(8)], [['6!', [5, 7]], 8]],
    [
      'two separate trees',
      [c(1), c(2, 1), c(3), c(4, 3)],
      [
        [1, [2]],
        [3, [4]],
      ],
    ],
  ])('%s', (_label, contacts, expected) => {
    expect(shape(orgChart(contacts))).toEqual(expected);
  });

  it('shows every contact exactly once, even in a large tangle', () => {
    const many = Array.from({ length: 500 }, (_, i) => c(i + 1, ((i * 7) % 500) + 1));
    const seen: number[] = [];
    const walk = (nodes: OrgNode<C>[]) =>
      nodes.forEach((n) => {
        seen.push(n.contact.id);
        walk(n.children);
      });
    walk(orgChart(many));
    expect(seen.sort((a, b) => a - b)).toEqual(many.map((m) => m.id));
  });
});

describe('selfAndReports', () => {
  it.each<[string, C[], number, number[]]>([
    ['a leaf', [c(1), c(2, 1)], 2, [2]],
    ['a manager and everyone below', [c(1), c(2, 1), c(3, 2), c(4)], 1, [1, 2, 3]],
    ['a circle ends', [c(1, 2), c(2, 1)], 1, [1, 2]],
  ])('%s', (_label, contacts, id, expected) => {
    expect([...selfAndReports(contacts, id)].sort()).toEqual(expected);
  });
});
